import {
  type AppliedCredit,
  appendToLedger,
  LEDGER_SIGN,
  type LedgerEntry,
  planConsumption,
  planExpiry,
  planVoid,
} from '@billing/engine';
import {
  balanceOf,
  grantEntry,
  ledgerBalances,
  planRelease,
  validateLedgerEntry,
} from '@billing/engine/internal';
import { expect, test } from '../../support/api-test';
import { conflictOf, validationIssues } from './support';

const GRANTED = '2026-01-01T00:00:00Z';
const CLOSED = '2026-04-01T00:00:00Z';

/** Two grants: credit-a of 10000 and credit-b of 5000. */
const LEDGER: LedgerEntry[] = [
  grantEntry('credit-a', '10000', GRANTED),
  grantEntry('credit-b', '5000', GRANTED),
];

function applied(grantId: string, amountApplied: string): AppliedCredit {
  return {
    grantId,
    type: 'PROMOTIONAL',
    priority: 10,
    expiresAt: null,
    grantedAt: GRANTED,
    order: 1,
    balanceBefore: '10000',
    amountApplied,
    balanceAfter: '0',
  };
}

function consume(grantId: string, amount: string, statementId = 'stmt-2026-03'): LedgerEntry {
  return { grantId, kind: 'CONSUME', amount: `-${amount}`, at: CLOSED, statementId };
}

test.describe('ledger: balances are the sum of entries', () => {
  test('a balance is what was granted minus what was taken', () => {
    const ledger = [...LEDGER, consume('credit-a', '3000'), consume('credit-a', '500', 'stmt-2026-04')];

    expect(balanceOf(ledger, 'credit-a').toFixed()).toBe('6500');
    expect(balanceOf(ledger, 'credit-b').toFixed()).toBe('5000');
  });

  test('every grant gets its own balance', () => {
    const balances = ledgerBalances([...LEDGER, consume('credit-b', '5000')]);

    expect([...balances].map(([grantId, balance]) => [grantId, balance.toFixed()])).toEqual([
      ['credit-a', '10000'],
      ['credit-b', '0'],
    ]);
  });

  test('a grant without entries has a balance of 0', () => {
    expect(balanceOf(LEDGER, 'credit-unknown').toFixed()).toBe('0');
  });

  test('a ledger that would go below 0 is refused as insufficient credit', () => {
    const conflict = conflictOf(() => ledgerBalances([...LEDGER, consume('credit-b', '5001')]));

    expect(conflict.code).toBe('insufficient-credit');
    expect(conflict.message).toBe('credit credit-b holds 5000, less than the 5001 asked');
  });

  test('GRANT and RELEASE add, CONSUME, EXPIRE and VOID take', () => {
    expect(LEDGER_SIGN).toEqual({ GRANT: 1, RELEASE: 1, CONSUME: -1, EXPIRE: -1, VOID: -1 });
  });
});

test.describe('ledger: consuming credits on close', () => {
  test('closing plans one CONSUME entry per grant that paid, with the statement id', () => {
    const entries = planConsumption(
      'stmt-2026-03',
      [applied('credit-a', '3000'), applied('credit-b', '0')],
      CLOSED,
    );

    expect(entries).toEqual([
      { grantId: 'credit-a', kind: 'CONSUME', amount: '-3000', at: CLOSED, statementId: 'stmt-2026-03' },
    ]);
  });

  test('the planned consumption appends and lowers the balance', () => {
    const ledger = appendToLedger(
      LEDGER,
      planConsumption('stmt-2026-03', [applied('credit-a', '3000')], CLOSED),
    );

    expect(ledger).toHaveLength(3);
    expect(balanceOf(ledger, 'credit-a').toFixed()).toBe('7000');
  });

  test('a statement cannot consume the same credit twice', () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-a', '3000')]);

    const conflict = conflictOf(() => appendToLedger(ledger, [consume('credit-a', '1000')]));

    expect(conflict.code).toBe('credit-already-consumed');
    expect(conflict.message).toBe('credit credit-a was already consumed by statement stmt-2026-03');
    expect(conflict.details).toEqual({ grantId: 'credit-a', statementId: 'stmt-2026-03' });
  });

  test('one append cannot carry two consumptions of one credit by one statement', () => {
    const conflict = conflictOf(() =>
      appendToLedger(LEDGER, [consume('credit-a', '1000'), consume('credit-a', '1000')]),
    );

    expect(conflict.code).toBe('credit-already-consumed');
  });

  test('a later statement may consume the same credit again', () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-a', '3000', 'stmt-2026-03')]);

    expect(
      balanceOf(appendToLedger(ledger, [consume('credit-a', '3000', 'stmt-2026-04')]), 'credit-a').toFixed(),
    ).toBe('4000');
  });

  test('an append that would take a balance below 0 is refused and the ledger is unchanged', () => {
    const conflict = conflictOf(() => appendToLedger(LEDGER, [consume('credit-b', '6000')]));

    expect(conflict.code).toBe('insufficient-credit');
    expect(conflict.message).toBe('credit credit-b holds 5000, less than the 6000 asked');
    expect(LEDGER).toHaveLength(2);
  });
});

test.describe('ledger: releasing, voiding and expiring', () => {
  test('voiding a closed statement releases exactly what it consumed', () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-a', '3000'), consume('credit-b', '1000')]);

    const release = planRelease(ledger, 'stmt-2026-03', '2026-04-10T00:00:00Z');
    const after = appendToLedger(ledger, release);

    expect(release.map((entry) => [entry.grantId, entry.kind, entry.amount])).toEqual([
      ['credit-a', 'RELEASE', '3000'],
      ['credit-b', 'RELEASE', '1000'],
    ]);
    expect(balanceOf(after, 'credit-a').toFixed()).toBe('10000');
    expect(balanceOf(after, 'credit-b').toFixed()).toBe('5000');
  });

  test("a statement's credits are released only once", () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-a', '3000')]);
    const released = appendToLedger(ledger, planRelease(ledger, 'stmt-2026-03', '2026-04-10T00:00:00Z'));

    const conflict = conflictOf(() => planRelease(released, 'stmt-2026-03', '2026-04-11T00:00:00Z'));

    expect(conflict.code).toBe('credit-already-released');
    expect(conflict.message).toBe('the credits of statement stmt-2026-03 were already released');
  });

  test('appending a second release of the same statement is refused too', () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-a', '3000')]);
    const release = planRelease(ledger, 'stmt-2026-03', '2026-04-10T00:00:00Z');
    const released = appendToLedger(ledger, release);

    const conflict = conflictOf(() => appendToLedger(released, release));

    expect(conflict.code).toBe('credit-already-released');
  });

  test('voiding a grant takes what is left of it', () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-a', '3000')]);

    expect(planVoid(ledger, 'credit-a', '2026-04-10T00:00:00Z')).toEqual([
      { grantId: 'credit-a', kind: 'VOID', amount: '-7000', at: '2026-04-10T00:00:00Z', statementId: null },
    ]);
  });

  test('voiding a spent grant writes nothing', () => {
    const ledger = appendToLedger(LEDGER, [consume('credit-b', '5000')]);

    expect(planVoid(ledger, 'credit-b', '2026-04-10T00:00:00Z')).toEqual([]);
  });

  test('expiry takes the rest of each grant whose expiry has passed, and only those', () => {
    const grants = [
      { id: 'credit-a', expiresAt: '2026-03-31T00:00:00Z' },
      { id: 'credit-b', expiresAt: '2026-12-31T00:00:00Z' },
      { id: 'credit-forever', expiresAt: null },
    ];

    expect(planExpiry(LEDGER, grants, '2026-04-01T00:00:00Z')).toEqual([
      {
        grantId: 'credit-a',
        kind: 'EXPIRE',
        amount: '-10000',
        at: '2026-04-01T00:00:00Z',
        statementId: null,
      },
    ]);
  });

  test('a grant expires at its expiry instant exactly', () => {
    const expired = planExpiry(
      LEDGER,
      [{ id: 'credit-b', expiresAt: '2026-04-01T00:00:00Z' }],
      '2026-04-01T00:00:00Z',
    );

    expect(expired.map((entry) => entry.amount)).toEqual(['-5000']);
  });
});

test.describe('ledger: entry rules', () => {
  test('a GRANT entry must add a positive amount', () => {
    expect(
      validationIssues(() =>
        validateLedgerEntry({ grantId: 'credit-a', kind: 'GRANT', amount: '-5', at: GRANTED }),
      ),
    ).toEqual([
      { field: 'entry.amount', rule: 'ledger-sign', message: 'a GRANT entry must add a positive amount' },
    ]);
  });

  test('a CONSUME entry must take a negative amount', () => {
    const issues = validationIssues(() =>
      validateLedgerEntry({
        grantId: 'credit-a',
        kind: 'CONSUME',
        amount: '5',
        at: CLOSED,
        statementId: 'stmt-1',
      }),
    );

    expect(issues).toEqual([
      { field: 'entry.amount', rule: 'ledger-sign', message: 'a CONSUME entry must take a negative amount' },
    ]);
  });

  test('no entry may change a balance by 0', () => {
    const issues = validationIssues(() =>
      validateLedgerEntry({ grantId: 'credit-a', kind: 'EXPIRE', amount: '0', at: CLOSED }),
    );

    expect(issues.map((issue) => [issue.field, issue.rule, issue.message])).toEqual([
      ['entry.amount', 'ledger-sign', 'an EXPIRE entry must take a negative amount'],
    ]);
  });

  test('a CONSUME or RELEASE entry must name its statement', () => {
    const issues = validationIssues(() =>
      validateLedgerEntry({ grantId: 'credit-a', kind: 'RELEASE', amount: '5', at: CLOSED }),
    );

    expect(issues).toEqual([{ field: 'entry.statementId', rule: 'required', message: 'is required' }]);
  });

  test('a valid entry comes back normalised', () => {
    expect(
      validateLedgerEntry({ grantId: 'credit-a', kind: 'VOID', amount: '-0050.50', at: CLOSED }),
    ).toEqual({
      grantId: 'credit-a',
      kind: 'VOID',
      amount: '-50.5',
      at: CLOSED,
      statementId: null,
    });
  });

  test('appending checks every new entry and names it by its position', () => {
    const issues = validationIssues(() =>
      appendToLedger(LEDGER, [
        { grantId: 'credit-a', kind: 'GRANT', amount: '-1', at: CLOSED, statementId: null },
      ]),
    );

    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([['entries[0].amount', 'ledger-sign']]);
  });
});
