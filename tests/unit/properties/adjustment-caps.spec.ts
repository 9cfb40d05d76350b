import { type AppliedAdjustment, computeStatement } from '@billing/engine';
import { arbStatementInput } from '@billing/fixtures';
import { expect, test } from '../../support/api-test';
import { d, sumOf } from './statement-amounts';

const discountsOf = (applied: readonly AppliedAdjustment[]) =>
  sumOf(
    applied.filter((adjustment) => adjustment.type === 'DISCOUNT').map((adjustment) => adjustment.amount),
  );

test.describe('properties: adjustment caps (DOMAIN §4 steps 3–4)', () => {
  test("property: a project's discounts never exceed its base", async ({ checkProperty }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const targets = new Set(result.projectAdjustments.map((adjustment) => adjustment.targetProjectId));
      for (const projectId of targets) {
        const base = sumOf(
          result.lines.filter((line) => line.projectId === projectId).map((line) => line.amount),
        );
        const applied = result.projectAdjustments.filter(
          (adjustment) => adjustment.targetProjectId === projectId,
        );
        for (const adjustment of applied) expect(adjustment.base).toEqualMoney(base.toFixed());
        expect(discountsOf(applied).lessThanOrEqualTo(base)).toBe(true);
      }
    });
  });

  test("property: the billing group's discounts never exceed the base the project level leaves", async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const projectSigned = result.projectAdjustments.map((adjustment) =>
        adjustment.type === 'DISCOUNT' ? `-${adjustment.amount}` : adjustment.amount,
      );
      const left = sumOf([result.subtotal, result.contractTotal, ...projectSigned]);
      const base = left.isNegative() ? d(0) : left;
      expect(discountsOf(result.billingGroupAdjustments).lessThanOrEqualTo(base)).toBe(true);
    });
  });

  test('property: a discount is capped only when the discounts asked for exceed the base', async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      for (const applied of [result.projectAdjustments, result.billingGroupAdjustments]) {
        const discounts = applied.filter((adjustment) => adjustment.type === 'DISCOUNT');
        const capKeys = new Set(discounts.map((adjustment) => adjustment.targetProjectId));
        for (const capKey of capKeys) {
          const sharingCap = discounts.filter((adjustment) => adjustment.targetProjectId === capKey);
          const asked = sumOf(sharingCap.map((adjustment) => adjustment.requested));
          const base = d((sharingCap[0] as AppliedAdjustment).base);
          expect(sharingCap.some((adjustment) => adjustment.capped)).toBe(asked.greaterThan(base));
          expect(discountsOf(sharingCap).toFixed()).toEqualMoney(
            (asked.greaterThan(base) ? base : asked).toFixed(),
          );
        }
      }
    });
  });
});
