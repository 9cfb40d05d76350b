import { measureGrowth } from '../../bench/lib/growth';
import { expect, test } from '../support/api-test';
import { reportFigures } from './figures';

/**
 * The engine's budget of the performance issue, the same measurement as `npm run bench:engine` in
 * fewer, shorter rounds: a usage line costs about the same in a statement of 10 lines and in one
 * of 10,000 (the marginal cost per line within 2×), so a month-end statement grows linearly.
 */
test('a usage line costs about the same at 10 and at 10,000 lines: within 2×', async ({}, testInfo) => {
  const growth = measureGrowth({ rounds: 5, roundMs: 250 });
  await reportFigures(
    testInfo,
    [
      ...growth.rows.map(
        (row) =>
          `${row.lines} lines: ${row.statementMs.toFixed(3)} ms a statement, ${row.perLineMarginalUs.toFixed(2)} µs a line`,
      ),
      `spread of the per-line cost: ${growth.marginalSpread.toFixed(2)}×`,
    ],
    growth,
  );
  expect(growth.marginalSpread, 'largest ÷ smallest marginal cost of a usage line').toBeLessThanOrEqual(2);
});
