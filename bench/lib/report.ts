import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export const RESULTS_DIR = 'bench/results';

/** The machine a figure was measured on: absolute figures only compare on the same one. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
}

export function formatFixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `value` as a multiple of `baseline`, e.g. "0.62×". */
export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}×` : '–';
}

/** Writes bench/results/<name>.json (with the time it was measured) and <name>.md. */
export function writeResults(name: string, data: object, markdown: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const measured = { measuredAt: new Date().toISOString(), ...data };
  writeFileSync(`${RESULTS_DIR}/${name}.json`, `${JSON.stringify(measured, null, 2)}\n`);
  writeMarkdown(`${RESULTS_DIR}/${name}.md`, markdown);
}

/** Writes a markdown file as the repository's formatter lays it out (aligned tables), so lint stays clean. */
export function writeMarkdown(path: string, markdown: string): void {
  writeFileSync(path, `${markdown}\n`);
  spawnSync('npx', ['biome', 'format', '--write', path], { stdio: 'ignore' });
}
