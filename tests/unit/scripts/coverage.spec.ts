import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../support/api-test';

/** A coverage summary as c8 writes it (absolute paths), with these lines covered per file. */
function summary(files: Record<string, [covered: number, total: number]>) {
  const lines = ([covered, total]: [number, number]) => ({
    lines: { covered, total, pct: (100 * covered) / total },
  });
  return Object.fromEntries(
    Object.entries(files).map(([file, figures]) => [join(process.cwd(), file), lines(figures)]),
  );
}

/** Judges a summary as `npm run coverage` does after its run; answers the exit status and output. */
function judge(files: Record<string, [number, number]>, dir: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'coverage-summary.json'), JSON.stringify(summary(files)));
  const run = spawnSync(process.execPath, ['scripts/coverage.mjs', '--summary-only', '--dir', dir], {
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: '' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test.describe('npm run coverage: lines covered per workspace, each against its gate', () => {
  test('every workspace over its gate passes, and the table names each figure', ({}, testInfo) => {
    const { status, output } = judge(
      { 'engine/src/a.ts': [96, 100], 'edge/src/b.ts': [91, 100], 'edge/src/c.ts': [100, 100] },
      testInfo.outputPath('pass'),
    );
    expect(status).toBe(0);
    expect(output).toContain('| engine | 96.00% (96 of 100) | 95% | pass |');
    expect(output).toContain('| edge | 95.50% (191 of 200) | 90% | pass |');
  });

  test('a workspace under its gate fails the run, naming it', ({}, testInfo) => {
    const { status, output } = judge(
      { 'engine/src/a.ts': [99, 100], 'edge/src/b.ts': [89, 100] },
      testInfo.outputPath('fail'),
    );
    expect(status).toBe(1);
    expect(output).toContain('| edge | 89.00% (89 of 100) | 90% | FAIL |');
    expect(output).toContain('coverage under its gate: edge');
  });
});
