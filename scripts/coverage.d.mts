// Types of scripts/coverage.mjs's pure parts, for its unit tests (tests/unit/scripts/coverage.spec.ts).

export type Workspace = 'engine' | 'edge' | 'app';
export type Lane = 'node' | 'app';
export interface Lines {
  covered: number;
  total: number;
}
export interface Row {
  workspace: Workspace | 'all';
  /** Undefined when the workspace has no line measured. */
  pct: number | undefined;
  gate: number;
  lines: Lines;
  ok: boolean;
}
/** An Istanbul coverage map: file path to that file's coverage. */
export type CoverageMap<File extends { path: string } = { path: string }> = Record<string, File>;

export const GATES: Record<Workspace | 'all', number>;
export const LANES: Record<Lane, { projects: string[]; workspaces: Workspace[] }>;
export function lanesOf(option: string): Lane[];
export function linesByWorkspace(
  summary: Record<string, { lines: Lines }>,
  root: string,
): Partial<Record<string, Lines>> & { all: Lines };
export function judge(
  figures: Partial<Record<string, Lines>>,
  workspaces: readonly Workspace[],
  gates?: Record<string, number>,
): Row[];
export function table(rows: readonly Row[]): string;
export function isAppSource(sourcePath: string): boolean;
export function appSourcePath(sourcePath: string): string;
export function isAppServerChunk(url: string, distDir: string): boolean;
export function onlyFiles<File extends { path: string }>(
  coverageMap: CoverageMap<File>,
  keep: (path: string) => boolean,
): CoverageMap<File>;
export function absolutePaths<File extends { path: string }>(
  coverageMap: CoverageMap<File>,
  root: string,
): CoverageMap<File>;
export function appReport(output: string, serverCoverage: string, distDir: string): Promise<void>;
export function merge(dir: string, lanes: readonly Lane[]): Promise<void>;
export const README_START: string;
export const README_END: string;
export function readmeLine(rows: readonly Row[], day: string): string;
export function withReadmeLine(text: string, line: string): string;
export function figuresText(rows: readonly Row[]): string;
export function lastRunFigures(dir?: string, root?: string): string | undefined;
