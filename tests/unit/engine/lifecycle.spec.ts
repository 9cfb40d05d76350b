import {
  appendToLedger,
  assertClosable,
  assertMonthCanClose,
  deriveStatementState,
  type LedgerEntry,
  type MonthActivity,
  type Payment,
  type PaymentState,
  planStatementVoid,
  type StatementStanding,
} from '@billing/engine';
import { assertPeriodOpen, balanceOf, grantEntry } from '@billing/engine/internal';
import { expect, test } from '../../support/api-test';
import { conflictOf } from './support';

/** March's statement: 43670 won, closed April 1, due April 15. */
function march(overrides: Partial<StatementStanding> = {}): StatementStanding {
  return {
    statementId: 'stmt-2026-03',
    total: '43670',
    closedAt: '2026-04-01T00:00:00Z',
    dueAt: '2026-04-15T00:00:00Z',
    voidedAt: null,
    carriedForwardBy: null,
    ...overrides,
  };
}

function payment(amount: string, state: PaymentState = 'SUCCEEDED', paymentId = `pay-${amount}`): Payment {
  return { paymentId, statementId: 'stmt-2026-03', amount, state };
}

const BEFORE_DUE = '2026-04-10T00:00:00Z';
const AFTER_DUE = '2026-04-20T00:00:00Z';

function stateOf(statement: StatementStanding, payments: Payment[] = [], asOf = BEFORE_DUE) {
  return deriveStatementState(statement, payments, asOf).state;
}

test.describe('lifecycle: derived statement states', () => {
  test('a statement that is not closed is a DRAFT', () => {
    expect(stateOf(march({ closedAt: null, dueAt: null }))).toBe('DRAFT');
  });

  test('a closed statement with nothing paid is ISSUED', () => {
    const derived = deriveStatementState(march(), [], BEFORE_DUE);

    expect(derived.state).toBe('ISSUED');
    expect(derived.paid.toFixed()).toBe('0');
    expect(derived.outstanding.toFixed()).toBe('43670');
  });

  test('a closed statement paid in part is PARTIALLY_PAID', () => {
    const derived = deriveStatementState(march(), [payment('20000')], BEFORE_DUE);

    expect(derived.state).toBe('PARTIALLY_PAID');
    expect(derived.outstanding.toFixed()).toBe('23670');
  });

  test('a statement paid in full is PAID', () => {
    expect(stateOf(march(), [payment('40000'), payment('3670')])).toBe('PAID');
  });

  test('a statement past its due date with something outstanding is OVERDUE', () => {
    expect(stateOf(march(), [], AFTER_DUE)).toBe('OVERDUE');
    expect(stateOf(march(), [payment('20000')], AFTER_DUE)).toBe('OVERDUE');
  });

  test('a statement is not overdue on its due date itself', () => {
    expect(stateOf(march(), [], '2026-04-15T00:00:00Z')).toBe('ISSUED');
  });

  test('a statement paid in full stays PAID after its due date', () => {
    expect(stateOf(march(), [payment('43670')], AFTER_DUE)).toBe('PAID');
  });

  test('a statement whose outstanding a later one took over is CARRIED_FORWARD', () => {
    expect(stateOf(march({ carriedForwardBy: 'stmt-2026-04' }), [], AFTER_DUE)).toBe('CARRIED_FORWARD');
  });

  test('a voided statement is VOID', () => {
    expect(stateOf(march({ voidedAt: '2026-04-02T00:00:00Z' }))).toBe('VOID');
  });

  test('VOID takes precedence over carried forward, paid and overdue', () => {
    const voided = march({ voidedAt: '2026-04-02T00:00:00Z', carriedForwardBy: 'stmt-2026-04' });

    expect(stateOf(voided, [payment('43670')], AFTER_DUE)).toBe('VOID');
  });

  test('CARRIED_FORWARD takes precedence over OVERDUE', () => {
    expect(stateOf(march({ carriedForwardBy: 'stmt-2026-04' }), [payment('100')], AFTER_DUE)).toBe(
      'CARRIED_FORWARD',
    );
  });

  test('a pending or failed payment does not count as paid', () => {
    expect(stateOf(march(), [payment('43670', 'PENDING'), payment('43670', 'FAILED', 'pay-failed')])).toBe(
      'ISSUED',
    );
  });

  test('a refunded payment stops counting as paid', () => {
    const derived = deriveStatementState(march(), [payment('43670', 'REFUNDED')], AFTER_DUE);

    expect(derived.state).toBe('OVERDUE');
    expect(derived.paid.toFixed()).toBe('0');
  });

  test('a statement of 0 is PAID as soon as it is closed', () => {
    expect(stateOf(march({ total: '0' }))).toBe('PAID');
  });
});

test.describe('lifecycle: months close in order', () => {
  const months = (entries: [string, boolean, boolean][]): MonthActivity[] =>
    entries.map(([month, closed, hasActivity]) => ({ month, closed, hasActivity }));

  test('a month cannot close while an earlier month with activity is open, and the refusal names it', () => {
    const conflict = conflictOf(() =>
      assertMonthCanClose(
        '2026-03',
        months([
          ['2026-02', false, true],
          ['2026-01', false, true],
        ]),
      ),
    );

    expect(conflict.code).toBe('month-order');
    expect(conflict.message).toBe(
      '2026-03 cannot close while 2026-01, an earlier month with activity, is still open',
    );
    expect(conflict.details).toEqual({ blockingMonth: '2026-01' });
  });

  test('an earlier month without activity does not block', () => {
    expect(() => assertMonthCanClose('2026-03', months([['2026-02', false, false]]))).not.toThrow();
  });

  test('an earlier month already closed does not block', () => {
    expect(() => assertMonthCanClose('2026-03', months([['2026-02', true, true]]))).not.toThrow();
  });

  test('a later open month does not block an earlier one', () => {
    expect(() => assertMonthCanClose('2026-03', months([['2026-04', false, true]]))).not.toThrow();
  });

  test('months compare across a year boundary', () => {
    const conflict = conflictOf(() => assertMonthCanClose('2026-01', months([['2025-12', false, true]])));

    expect(conflict.details.blockingMonth).toBe('2025-12');
  });
});

test.describe('lifecycle: a closed period takes no more usage', () => {
  test('usage for a closed month is refused as period-closed', () => {
    const conflict = conflictOf(() => assertPeriodOpen('2026-03', '2026-03'));

    expect(conflict.code).toBe('period-closed');
    expect(conflict.message).toBe(
      "2026-03 is closed: its statement, or a later month's, is issued, so what it bills can no longer change",
    );
    expect(conflict.details).toEqual({ month: '2026-03' });
  });

  test('usage for an open month is accepted', () => {
    expect(() => assertPeriodOpen('2026-04', '2026-03')).not.toThrow();
    expect(() => assertPeriodOpen('2026-04', null)).not.toThrow();
  });

  test('usage for an open month before a closed one is refused: it could never close again', () => {
    const conflict = conflictOf(() => assertPeriodOpen('2026-02', '2026-03'));

    expect(conflict.code).toBe('period-closed');
    expect(conflict.details).toEqual({ month: '2026-02' });
  });
});

test.describe('lifecycle: closing once, voiding and reissuing', () => {
  const consumed: LedgerEntry[] = [
    grantEntry('credit-1', '10000', '2026-01-01T00:00:00Z'),
    {
      grantId: 'credit-1',
      kind: 'CONSUME',
      amount: '-4000',
      at: '2026-04-01T00:00:00Z',
      statementId: 'stmt-2026-03',
    },
  ];

  test('a draft may close', () => {
    expect(() => assertClosable(march({ closedAt: null, dueAt: null }))).not.toThrow();
  });

  test('a closed statement refuses a second close', () => {
    expect(conflictOf(() => assertClosable(march())).code).toBe('statement-closed');
  });

  test('voiding a closed statement releases every credit it consumed', () => {
    const voided = planStatementVoid(march(), consumed, '2026-04-02T00:00:00Z');

    expect(voided.voidedAt).toBe('2026-04-02T00:00:00Z');
    expect(voided.releases).toEqual([
      {
        grantId: 'credit-1',
        kind: 'RELEASE',
        amount: '4000',
        at: '2026-04-02T00:00:00Z',
        statementId: 'stmt-2026-03',
      },
    ]);
    expect(balanceOf(appendToLedger(consumed, voided.releases), 'credit-1').toFixed()).toBe('10000');
  });

  test('a reissued statement consumes the released credit again under its own id', () => {
    const afterVoid = appendToLedger(
      consumed,
      planStatementVoid(march(), consumed, '2026-04-02T00:00:00Z').releases,
    );
    const reissue = appendToLedger(afterVoid, [
      {
        grantId: 'credit-1',
        kind: 'CONSUME',
        amount: '-4000',
        at: '2026-04-03T00:00:00Z',
        statementId: 'stmt-2026-03-r1',
      },
    ]);

    expect(balanceOf(reissue, 'credit-1').toFixed()).toBe('6000');
  });
});
