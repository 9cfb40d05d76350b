import { type CreditGrant, computeStatement, DEFAULT_CREDIT_PRIORITY, stepsOfRule } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { credit, statementInput, usage } from './support';

/** 100 c2 hours: a charge before credits of 39700. */
function burn(credits: CreditGrant[], overrides: Parameters<typeof statementInput>[0] = {}) {
  return computeStatement(statementInput({ usage: [usage({ quantity: '100' })], credits, ...overrides }));
}

function burnOrder(credits: CreditGrant[]): string[] {
  return burn(credits).credits.map((applied) => applied.grantId);
}

test.describe('credits: which grants are usable for the period', () => {
  test('a grant of 0 as a statement input is taken: only a grant being made must be above 0', () => {
    const result = burn([credit({ amount: '0', balance: '0' })]);

    expect(result.credits).toEqual([]);
  });

  test('a grant made after the period ends is not yet usable', () => {
    const result = burn([credit({ grantedAt: '2026-04-01T00:00:00Z' })]);

    expect(result.credits).toEqual([]);
    expect(result.skippedCredits).toEqual([{ grantId: 'credit-1', reason: 'NOT_YET_GRANTED' }]);
  });

  test('a grant made in the last second of the period is usable', () => {
    const result = burn([credit({ grantedAt: '2026-03-31T23:59:59Z' })]);

    expect(result.creditTotal).toBe('10000');
  });

  test('a grant that expired when the period started is not usable', () => {
    const result = burn([credit({ expiresAt: '2026-03-01T00:00:00Z' })]);

    expect(result.skippedCredits).toEqual([{ grantId: 'credit-1', reason: 'EXPIRED' }]);
    expect(result.creditTotal).toBe('0');
  });

  test('a grant that expires during the period still pays for it', () => {
    const result = burn([credit({ expiresAt: '2026-03-15T00:00:00Z' })]);

    expect(result.creditTotal).toBe('10000');
  });

  test('a grant with nothing left is skipped for lack of balance', () => {
    const result = burn([credit({ balance: '0' })]);

    expect(result.skippedCredits).toEqual([{ grantId: 'credit-1', reason: 'NO_BALANCE' }]);
  });

  test('a grant never reached because the charge is already covered is skipped as CHARGE_COVERED', () => {
    const result = burn([
      credit({ id: 'credit-big', amount: '50000', balance: '50000' }),
      credit({ id: 'credit-small', type: 'PAID' }),
    ]);

    expect(result.credits.map((applied) => applied.grantId)).toEqual(['credit-big']);
    expect(result.skippedCredits).toEqual([{ grantId: 'credit-small', reason: 'CHARGE_COVERED' }]);
  });

  test('with no charge at all every usable grant is CHARGE_COVERED and none is touched', () => {
    const result = computeStatement(statementInput({ credits: [credit()] }));

    expect(result.credits).toEqual([]);
    expect(result.skippedCredits).toEqual([{ grantId: 'credit-1', reason: 'CHARGE_COVERED' }]);
  });
});

test.describe('credits: burn order', () => {
  test('default priorities by type: PROMOTIONAL 10, FREE 20, REFUND 30, PAID 40', () => {
    expect(DEFAULT_CREDIT_PRIORITY).toEqual({ PROMOTIONAL: 10, FREE: 20, REFUND: 30, PAID: 40 });
    const credits = (['PAID', 'REFUND', 'FREE', 'PROMOTIONAL'] as const).map((type) =>
      credit({ id: `credit-${type.toLowerCase()}`, type, amount: '1000', balance: '1000' }),
    );

    const result = burn(credits);

    expect(result.credits.map((applied) => [applied.grantId, applied.priority, applied.order])).toEqual([
      ['credit-promotional', 10, 1],
      ['credit-free', 20, 2],
      ['credit-refund', 30, 3],
      ['credit-paid', 40, 4],
    ]);
  });

  test('an explicit priority overrides the default of the type', () => {
    expect(
      burnOrder([
        credit({ id: 'credit-promo', type: 'PROMOTIONAL', amount: '1000', balance: '1000' }),
        credit({ id: 'credit-paid-first', type: 'PAID', priority: 5, amount: '1000', balance: '1000' }),
      ]),
    ).toEqual(['credit-paid-first', 'credit-promo']);
  });

  test('at equal priority the grant expiring first burns first', () => {
    expect(
      burnOrder([
        credit({ id: 'credit-june', expiresAt: '2026-06-30T00:00:00Z', amount: '1000', balance: '1000' }),
        credit({ id: 'credit-april', expiresAt: '2026-04-30T00:00:00Z', amount: '1000', balance: '1000' }),
      ]),
    ).toEqual(['credit-april', 'credit-june']);
  });

  test('at equal priority a grant that never expires burns last', () => {
    expect(
      burnOrder([
        credit({ id: 'credit-a-forever', expiresAt: null, amount: '1000', balance: '1000' }),
        credit({ id: 'credit-b-dated', expiresAt: '2027-12-31T00:00:00Z', amount: '1000', balance: '1000' }),
      ]),
    ).toEqual(['credit-b-dated', 'credit-a-forever']);
  });

  test('at equal priority and expiry the oldest grant burns first', () => {
    expect(
      burnOrder([
        credit({ id: 'credit-a-newer', grantedAt: '2026-02-01T00:00:00Z', amount: '1000', balance: '1000' }),
        credit({ id: 'credit-b-older', grantedAt: '2026-01-01T00:00:00Z', amount: '1000', balance: '1000' }),
      ]),
    ).toEqual(['credit-b-older', 'credit-a-newer']);
  });

  test('when everything else is equal the grant id decides', () => {
    expect(
      burnOrder([
        credit({ id: 'credit-b', amount: '1000', balance: '1000' }),
        credit({ id: 'credit-a', amount: '1000', balance: '1000' }),
      ]),
    ).toEqual(['credit-a', 'credit-b']);
  });

  test('priority outranks expiry: a later-expiring promotional grant burns before an expiring paid one', () => {
    expect(
      burnOrder([
        credit({
          id: 'credit-paid',
          type: 'PAID',
          expiresAt: '2026-04-01T00:00:00Z',
          amount: '1000',
          balance: '1000',
        }),
        credit({ id: 'credit-promo', expiresAt: null, amount: '1000', balance: '1000' }),
      ]),
    ).toEqual(['credit-promo', 'credit-paid']);
  });
});

test.describe('credits: how much each grant pays', () => {
  test('each grant pays min(balance, remaining charge)', () => {
    const result = burn([
      credit({ id: 'credit-a', amount: '30000', balance: '30000' }),
      credit({ id: 'credit-b', amount: '30000', balance: '25000' }),
    ]);

    expect(
      result.credits.map((applied) => [applied.balanceBefore, applied.amountApplied, applied.balanceAfter]),
    ).toEqual([
      ['30000', '30000', '0'],
      ['25000', '9700', '15300'],
    ]);
    expect(result.creditTotal).toBe('39700');
    expect(result.charge).toBe('0');
  });

  test('burning stops when the charge reaches 0', () => {
    const result = burn([
      credit({ id: 'credit-a', amount: '39700', balance: '39700' }),
      credit({ id: 'credit-b' }),
      credit({ id: 'credit-c' }),
    ]);

    expect(result.credits.map((applied) => applied.grantId)).toEqual(['credit-a']);
    expect(result.skippedCredits.map((skipped) => skipped.reason)).toEqual([
      'CHARGE_COVERED',
      'CHARGE_COVERED',
    ]);
  });

  test('credits reduce the charge, and VAT is computed on what is left', () => {
    const result = burn([credit()]);

    expect(result).toMatchObject({
      chargeBeforeCredits: '39700',
      creditTotal: '10000',
      charge: '29700',
      vat: '2970',
    });
  });

  test('credits never pay VAT: a grant larger than the charge leaves VAT at 0, not negative', () => {
    const result = burn([credit({ amount: '100000', balance: '100000' })]);

    expect(result).toMatchObject({ creditTotal: '39700', charge: '0', vat: '0', total: '0' });
    expect(result.credits[0]?.balanceAfter).toBe('60300');
  });

  test('credits never pay an unpaid balance or a late fee', () => {
    const result = burn([credit({ amount: '100000', balance: '100000' })], {
      previousStatement: {
        statementId: 'stmt-2026-02',
        month: '2026-02',
        outstanding: '20000',
        dueAt: '2026-03-15T00:00:00Z',
      },
    });

    expect(result).toMatchObject({ creditTotal: '39700', charge: '0', unpaid: '20000', lateFee: '1000' });
    expect(result.total).toBe('21000');
  });

  test('previewing a statement consumes nothing: the grant keeps its balance for the next computation', () => {
    const grants = [credit()];

    const first = burn(grants);
    const second = burn(grants);

    expect(grants[0]?.balance).toBe('10000');
    expect(second).toEqual(first);
  });

  test('the trace explains each grant by its place in the burn order', () => {
    const result = burn([
      credit({ id: 'credit-paid', type: 'PAID', amount: '1000', balance: '1000' }),
      credit({ id: 'credit-promo', amount: '1000', balance: '1000' }),
    ]);

    expect(stepsOfRule(result.trace, 'credit-burn').map((step) => step.notes)).toEqual([
      ['first in burn order: priority 10 (the PROMOTIONAL default)'],
      ['priority 40 (the PAID default), after credit-promo with priority 10'],
    ]);
  });
});
