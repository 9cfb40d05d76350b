import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  absolutePaths,
  appSourcePath,
  isAppServerChunk,
  isAppSource,
  judge,
  lanesOf,
  lastRunFigures,
  onlyFiles,
  README_END,
  README_START,
  readmeLine,
  withReadmeLine,
} from '../../../scripts/coverage.mjs';
import { expect, test } from '../../support/api-test';
import { appChunks, sourceMapFile } from '../../support/fixtures/app-coverage';

/** A coverage summary as the merged report writes it (absolute paths), with these lines covered per file. */
function summary(files: Record<string, [covered: number, total: number]>) {
  const lines = ([covered, total]: [number, number]) => ({
    lines: { covered, total, pct: (100 * covered) / total },
  });
  return Object.fromEntries(
    Object.entries(files).map(([file, figures]) => [join(process.cwd(), file), lines(figures)]),
  );
}

/** Judges a summary as `npm run coverage` does after its lanes; answers the exit status and output. */
function judgeSummary(files: Record<string, [number, number]>, dir: string, lane = 'all') {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'coverage-summary.json'), JSON.stringify(summary(files)));
  const run = spawnSync(
    process.execPath,
    ['scripts/coverage.mjs', '--summary-only', '--dir', dir, '--lane', lane],
    { encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test.describe('npm run coverage: lines covered per workspace, each against its gate', () => {
  test('every workspace over its gate passes, and the table names each figure', ({}, testInfo) => {
    const { status, output } = judgeSummary(
      {
        'engine/src/a.ts': [96, 100],
        'edge/src/b.ts': [91, 100],
        'edge/src/c.ts': [100, 100],
        'app/src/d.tsx': [81, 100],
      },
      testInfo.outputPath('pass'),
    );
    expect(status).toBe(0);
    expect(output).toContain('| engine | 96.00% (96 of 100) | 95% | pass |');
    expect(output).toContain('| edge | 95.50% (191 of 200) | 90% | pass |');
    expect(output).toContain('| app | 81.00% (81 of 100) | 80% | pass |');
    expect(output).toContain('| all | 92.00% (368 of 400) | 85% | pass |');
  });

  test('a workspace under its gate fails the run, naming it', ({}, testInfo) => {
    const { status, output } = judgeSummary(
      { 'engine/src/a.ts': [99, 100], 'edge/src/b.ts': [89, 100], 'app/src/c.tsx': [79, 100] },
      testInfo.outputPath('fail'),
    );
    expect(status).toBe(1);
    expect(output).toContain('| edge | 89.00% (89 of 100) | 90% | FAIL |');
    expect(output).toContain('| app | 79.00% (79 of 100) | 80% | FAIL |');
    expect(output).toContain('coverage under its gate: edge, app');
  });

  test('a workspace its lane should have measured but did not fails, rather than passing as empty', ({}, testInfo) => {
    const { status, output } = judgeSummary(
      { 'engine/src/a.ts': [99, 100], 'edge/src/b.ts': [99, 100] },
      testInfo.outputPath('unmeasured'),
    );
    expect(status).toBe(1);
    expect(output).toContain('| app | not measured | 80% | FAIL |');
    expect(output).toContain('coverage under its gate: app');
  });

  test('one lane judges only its own workspaces and the whole of them', ({}, testInfo) => {
    const { status, output } = judgeSummary(
      { 'app/src/a.tsx': [85, 100] },
      testInfo.outputPath('app'),
      'app',
    );
    expect(status).toBe(0);
    expect(output).toContain('| app | 85.00% (85 of 100) | 80% | pass |');
    expect(output).not.toContain('| engine |');
  });

  test('--lane names node, app or all', () => {
    expect(lanesOf('all')).toEqual(['node', 'app']);
    expect(lanesOf('app')).toEqual(['app']);
    expect(() => lanesOf('browser')).toThrow('--lane is node, app or all');
  });

  test('judge: the whole is every measured line, whatever the workspace', () => {
    const rows = judge({ engine: { covered: 95, total: 100 }, all: { covered: 95, total: 100 } }, ['engine']);
    expect(rows.map(({ workspace, ok }) => [workspace, ok])).toEqual([
      ['engine', true],
      ['all', true],
    ]);
  });
});

test.describe("README.md quotes the last whole run's figures", () => {
  const rows = judge(
    {
      engine: { covered: 99, total: 100 },
      edge: { covered: 91, total: 100 },
      app: { covered: 85, total: 100 },
      all: { covered: 275, total: 300 },
    },
    ['engine', 'edge', 'app'],
  );

  test('one line: each workspace and the whole with its gate, and the day of the run', () => {
    expect(readmeLine(rows, '2026-12-07')).toBe(
      'Lines covered in the last `npm run coverage` (2026-12-07): engine 99.00% (gate 95%), ' +
        'edge 91.00% (gate 90%), app 85.00% (gate 80%), all 91.67% (gate 85%).',
    );
  });

  test("the Allure report's environment quotes the last report left in the folder, or nothing", ({}, testInfo) => {
    const dir = testInfo.outputPath('last-run');
    expect(lastRunFigures(dir)).toBeUndefined();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'coverage-summary.json'),
      JSON.stringify(summary({ 'engine/src/a.ts': [96, 100], 'app/src/b.tsx': [90, 100] })),
    );
    expect(lastRunFigures(dir)).toMatch(
      /^engine 96\.00% \(gate 95%\), edge not measured \(gate 90%\), app 90\.00% \(gate 80%\), all 93\.00% \(gate 85%\); \d{4}-\d{2}-\d{2}$/,
    );
  });

  test('the line replaces what lies between the markers, and nothing else', () => {
    const readme = `# Title\n\n${README_START}\nold figures\n${README_END}\nafter\n`;
    expect(withReadmeLine(readme, 'new figures')).toBe(
      `# Title\n\n${README_START}\nnew figures\n${README_END}\nafter\n`,
    );
    expect(() => withReadmeLine('# no markers', 'x')).toThrow('README.md has no');
  });
});

test.describe('the app lane: which scripts and sources are the app', () => {
  test("the app's sources are app/src's TypeScript, by the path the browser's or the server's maps give", () => {
    expect(isAppSource(appSourcePath('[project]/app/src/components/layout/nav-links.tsx'))).toBe(true);
    expect(isAppSource(appSourcePath('app/src/lib/session.ts'))).toBe(true);
    // Next's generated proxies of client components and server-action loaders are not the app's own code.
    expect(
      isAppSource(
        'app/src/app/error.tsx/__nextjs-internal-proxy.mjs { server = [project]/app/src/app/error.tsx }',
      ),
    ).toBe(false);
    expect(isAppSource('app/.next-internal/server/app/page/actions.js (server actions loader)')).toBe(false);
    expect(isAppSource('[turbopack]/browser/runtime/base/runtime-base.ts')).toBe(false);
    expect(isAppSource('app/src/app/page.tsx.untested.js')).toBe(false);
    expect(isAppSource('app/src/types.d.ts')).toBe(false);
  });

  test("the server's chunks count, its route entries and Next's own modules do not", () => {
    const root = 'file:///repo/app/.next-coverage/server';
    expect(isAppServerChunk(`${root}/chunks/ssr/[root-of-the-server]__0b1z._.js`, '.next-coverage')).toBe(
      true,
    );
    expect(isAppServerChunk(`${root}/edge/chunks/_0huy._.js`, '.next-coverage')).toBe(true);
    expect(isAppServerChunk(`${root}/app/history/page.js`, '.next-coverage')).toBe(false);
    expect(isAppServerChunk(`${root}/chunks/a.js`, '.next')).toBe(false);
    expect(
      isAppServerChunk('file:///repo/node_modules/next/dist/server/lib/chunks/a.js', '.next-coverage'),
    ).toBe(false);
  });

  test("the pages' coverage keeps the app's chunks: not its inline scripts, not other origins'", () => {
    const entry = (url: string) => ({ url, source: '', functions: [] });
    const kept = appChunks(
      [
        entry('http://127.0.0.1:3000/_next/static/chunks/0cz1d0mv5g_q7.js'),
        entry('http://127.0.0.1:3000/billing-groups'),
        entry('http://127.0.0.1:8788/browser/playground.js'),
        entry('http://127.0.0.1:3100/_next/static/chunks/0cz1d0mv5g_q7.js'),
      ],
      'http://127.0.0.1:3000',
    );
    expect(kept.map(({ url }) => url)).toEqual([
      'http://127.0.0.1:3000/_next/static/chunks/0cz1d0mv5g_q7.js',
    ]);
  });

  test("a chunk's source map is read from the build on disk", () => {
    expect(
      sourceMapFile('http://127.0.0.1:3000/_next/static/chunks/0cz1d0mv5g_q7.js.map', 'app/.next-cov'),
    ).toBe('app/.next-cov/static/chunks/0cz1d0mv5g_q7.js.map');
    expect(sourceMapFile('http://127.0.0.1:3000/elsewhere.js.map', 'app/.next-cov')).toBeUndefined();
  });

  test('both lanes merge under absolute paths, and the app keeps only its sources', () => {
    const map = {
      'app/src/a.tsx': { path: 'app/src/a.tsx' },
      'app/.next-coverage/server/chunks/b.js': { path: 'app/.next-coverage/server/chunks/b.js' },
      '/repo/engine/src/c.ts': { path: '/repo/engine/src/c.ts' },
    };
    expect(Object.keys(onlyFiles(map, isAppSource))).toEqual(['app/src/a.tsx']);
    expect(
      absolutePaths(
        onlyFiles(map, (path) => !path.includes('.next')),
        '/repo',
      ),
    ).toEqual({
      '/repo/app/src/a.tsx': { path: '/repo/app/src/a.tsx' },
      '/repo/engine/src/c.ts': { path: '/repo/engine/src/c.ts' },
    });
  });
});
