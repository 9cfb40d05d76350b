import { expect, test } from '../support/api-test';
import { cellsByContractAndRounding } from './matrix/combinations';
import { attachDisagreements, disagreementReport, disagreementWithOracle } from './support/agreement';
import { attachStatement, engineStatement } from './support/engine';
import { figuresOfStatement } from './support/figures';

test.describe('regression matrix: the engine prices every combination as the oracle does', () => {
  for (const cell of cellsByContractAndRounding()) {
    test(
      `${cell.title}: ${cell.combinations.length} billing months`,
      { tag: ['@regression'] },
      async ({}, testInfo) => {
        const disagreeing =
          await test.step(`price ${cell.combinations.length} billing months with the engine and with the oracle`, () =>
            cell.combinations.flatMap((combination) => {
              const statement = engineStatement(combination.billingMonth);
              const disagreement = disagreementWithOracle(
                `#${combination.index} ${combination.description}`,
                combination.billingMonth,
                'engine',
                statement instanceof Error ? statement : figuresOfStatement(statement),
              );
              return disagreement ? [{ combination, disagreement }] : [];
            }));

        const disagreements = disagreeing.map(({ disagreement }) => disagreement);
        await attachDisagreements(testInfo, disagreements);
        const first = disagreeing[0];
        if (first)
          await attachStatement(testInfo, `#${first.combination.index}`, first.combination.billingMonth);
        expect(
          disagreements.length,
          disagreementReport('engine', cell.combinations.length, disagreements),
        ).toBe(0);
      },
    );
  }
});
