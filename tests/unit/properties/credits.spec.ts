import { type CreditGrant, type CreditType, computeStatement, type StatementInput } from '@billing/engine';
import { arbCreditGrant, arbStatementInput } from '@billing/fixtures';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { d } from './statement-amounts';

/** DOMAIN §5's default priorities, restated here so the burn order is checked against the spec. */
const PRIORITY_BY_TYPE: Record<CreditType, number> = { PROMOTIONAL: 10, FREE: 20, REFUND: 30, PAID: 40 };

/** The grants DOMAIN §5 lets pay for the month: granted before it ends, not expired before it starts, a balance left. */
function usableGrants(input: StatementInput): CreditGrant[] {
  const [year, month] = input.month.split('-').map(Number) as [number, number];
  const start = Date.UTC(year, month - 1, 1);
  const end = Date.UTC(year, month, 1);
  return input.credits.filter(
    (grant) =>
      Date.parse(grant.grantedAt) < end &&
      (grant.expiresAt == null || Date.parse(grant.expiresAt) > start) &&
      d(grant.balance).greaterThan(0),
  );
}

/** Priority, then expiry (none last), then age, then id: an independent reading of the burn order. */
function burnOrder(grants: readonly CreditGrant[]): string[] {
  const expiry = (grant: CreditGrant) =>
    grant.expiresAt == null ? Number.POSITIVE_INFINITY : Date.parse(grant.expiresAt);
  const priority = (grant: CreditGrant) => grant.priority ?? PRIORITY_BY_TYPE[grant.type];
  return [...grants]
    .sort(
      (a, b) =>
        priority(a) - priority(b) ||
        // Two grants without expiry tie: ∞ − ∞ is NaN, which `||` passes over like 0.
        expiry(a) - expiry(b) ||
        Date.parse(a.grantedAt) - Date.parse(b.grantedAt) ||
        (a.id < b.id ? -1 : 1),
    )
    .map((grant) => grant.id);
}

test.describe('properties: credits (DOMAIN §5)', () => {
  test("property: credits applied never exceed the charge nor any grant's balance", async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const balances = new Map(input.credits.map((grant) => [grant.id, grant.balance]));
      expect(d(result.creditTotal).lessThanOrEqualTo(result.chargeBeforeCredits)).toBe(true);
      for (const credit of result.credits) {
        expect(credit.balanceBefore).toEqualMoney(balances.get(credit.grantId) ?? 'missing');
        expect(d(credit.amountApplied).greaterThan(0)).toBe(true);
        expect(d(credit.amountApplied).lessThanOrEqualTo(credit.balanceBefore)).toBe(true);
        expect(credit.balanceAfter).toEqualMoney(
          d(credit.balanceBefore).minus(credit.amountApplied).toFixed(),
        );
      }
    });
  });

  test('property: burn order follows priority, then expiry (none last), then age, then id', async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const expected = burnOrder(usableGrants(input));
      const applied = result.credits.map((credit) => credit.grantId);
      expect(applied).toEqual(expected.slice(0, applied.length));
      expect(result.credits.map((credit) => credit.order)).toEqual(applied.map((_, index) => index + 1));
      // Every grant but the last applied was spent in full; the ones never reached found the charge paid.
      for (const credit of result.credits.slice(0, -1)) expect(credit.balanceAfter).toEqualMoney(0);
      const unreached = expected.slice(applied.length);
      if (unreached.length > 0) expect(result.charge).toEqualMoney(0);
      const covered = result.skippedCredits
        .filter((skip) => skip.reason === 'CHARGE_COVERED')
        .map((skip) => skip.grantId);
      expect(covered.sort()).toEqual([...unreached].sort());
    });
  });

  test('property: adding a credit grant never increases the charge', async ({ checkProperty }) => {
    const arbWithExtraGrant = arbStatementInput().chain((input) =>
      fc.tuple(
        fc.constant(input),
        arbCreditGrant({ currency: input.billingGroup.currency, month: input.month }).map((grant) => ({
          ...grant,
          id: 'credit-extra',
        })),
      ),
    );
    await checkProperty(arbWithExtraGrant, ([input, extra]) => {
      const without = computeStatement(input);
      const withGrant = computeStatement({ ...input, credits: [...input.credits, extra] });
      expect(d(withGrant.charge).lessThanOrEqualTo(without.charge)).toBe(true);
      expect(d(withGrant.creditTotal).greaterThanOrEqualTo(without.creditTotal)).toBe(true);
      expect(d(withGrant.total).lessThanOrEqualTo(without.total)).toBe(true);
    });
  });
});
