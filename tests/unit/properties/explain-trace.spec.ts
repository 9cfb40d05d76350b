import { computeStatement } from '@billing/engine';
import { arbStatementInput } from '@billing/fixtures';
import { expect, test } from '../../support/api-test';
import { d, roundByDefinition } from './statement-amounts';

test.describe('properties: the explain trace (DOMAIN §1, §8)', () => {
  test("property: every rounding step's before rounds to its after with the stated mode", async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const misrounded = result.trace.flatMap((step) => {
        const { rounding } = step;
        if (rounding === null) return [];
        const expected = roundByDefinition(d(rounding.before), rounding.mode, rounding.minorUnit);
        const consistent =
          rounding.mode === result.roundingMode &&
          rounding.currency === result.currency &&
          d(step.exact).equals(rounding.before) &&
          d(rounding.after).equals(expected);
        return consistent
          ? []
          : [{ step: step.step, rule: step.rule, exact: step.exact, rounding, expected: expected.toFixed() }];
      });
      expect(misrounded).toEqual([]);
    });
  });

  test("property: the trace's steps are numbered in order and its final 'total' step equals the total", async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      expect(result.trace.map((step) => step.step)).toEqual(result.trace.map((_, index) => index + 1));
      const last = result.trace.at(-1);
      expect(last?.rule).toBe('total');
      expect(last?.result).toBe(result.total);
    });
  });
});
