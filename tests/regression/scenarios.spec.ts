import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StatementResult } from '@billing/engine';
import { expect, test } from '../support/api-test';
import { oracleFigures } from './support/agreement';
import { calculateRequest } from './support/calculate-request';
import { attachStatement, engineStatement } from './support/engine';
import { differences, figuresOfStatement } from './support/figures';
import { billingMonthOf, differencesFromExpected, readScenario } from './support/scenario-file';

const SCENARIOS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'scenarios');
const scenarioFiles = readdirSync(SCENARIOS_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

test.describe('named scenarios: hand-checked months from fixtures/scenarios', () => {
  test('there are named scenarios to check', { tag: ['@regression'] }, () => {
    expect(scenarioFiles.length, `scenario files in ${SCENARIOS_DIR}`).toBeGreaterThanOrEqual(8);
  });

  for (const file of scenarioFiles) {
    test(file.replace(/\.json$/, ''), { tag: ['@regression'] }, async ({ api }, testInfo) => {
      const scenario = await test.step(`read ${file} and check its shape`, () =>
        readScenario(join(SCENARIOS_DIR, file)));
      testInfo.annotations.push({ type: 'scenario', description: scenario.title });
      const month = billingMonthOf(scenario);
      const problems = (side: string, found: string[]) =>
        `${file} (${scenario.title}): the ${side} is not what the hand check says\n    ${found.join('\n    ')}\n` +
        `hand check:\n    ${scenario.handCheck.join('\n    ')}`;

      await test.step('the oracle gives the hand-checked figures', () => {
        const found = differencesFromExpected(scenario.expected, oracleFigures(month), 'oracle');
        expect.soft(found, problems('oracle', found)).toEqual([]);
      });

      await test.step('the engine gives the hand-checked figures, and every other figure as the oracle does', async () => {
        const statement = engineStatement(month);
        await attachStatement(testInfo, file, month);
        if (statement instanceof Error) {
          expect.soft(statement.message, `${file}: the engine refused the scenario`).toBe('');
          return;
        }
        const figures = figuresOfStatement(statement);
        const fromExpected = differencesFromExpected(scenario.expected, figures, 'engine');
        expect.soft(fromExpected, problems('engine', fromExpected)).toEqual([]);
        const fromOracle = differences(oracleFigures(month), figures, {
          expected: 'oracle',
          actual: 'engine',
        });
        expect
          .soft(fromOracle, `${file}: the engine disagrees with the oracle\n    ${fromOracle.join('\n    ')}`)
          .toEqual([]);
      });

      await test.step('POST /v1/calculate gives the hand-checked figures', async () => {
        const response = await api.post('/v1/calculate', calculateRequest(month));
        const body = await response.json().catch(() => null);
        expect(response.status(), `${file}: POST /v1/calculate answered ${JSON.stringify(body)}`).toBe(200);
        const figures = figuresOfStatement(body as StatementResult);
        const found = differencesFromExpected(scenario.expected, figures, 'API');
        expect.soft(found, problems('API', found)).toEqual([]);
        const fromOracle = differences(oracleFigures(month), figures, { expected: 'oracle', actual: 'API' });
        expect
          .soft(fromOracle, `${file}: the API disagrees with the oracle\n    ${fromOracle.join('\n    ')}`)
          .toEqual([]);
      });
    });
  }
});
