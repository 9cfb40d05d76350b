import {
  assertPaymentAcceptable,
  Decimal,
  type Payment,
  type PaymentState,
  type StatementStanding,
  transitionPayment,
} from '@billing/engine';
import { PAYMENT_TRANSITIONS } from '@billing/engine/internal';
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

function payment(state: PaymentState, amount = '1000', paymentId = 'pay-1'): Payment {
  return { paymentId, statementId: 'stmt-2026-03', amount, state };
}

const AS_OF = '2026-04-10T00:00:00Z';

function pay(amount: string, payments: Payment[] = [], statement = march()) {
  return () => assertPaymentAcceptable(statement, payments, new Decimal(amount), AS_OF);
}

test.describe('payments: state transitions', () => {
  const allowed: [PaymentState, PaymentState][] = [
    ['PENDING', 'SUCCEEDED'],
    ['PENDING', 'FAILED'],
    ['SUCCEEDED', 'REFUNDED'],
  ];
  for (const [from, to] of allowed) {
    test(`a payment may go from ${from} to ${to}`, () => {
      const before = payment(from);

      expect(transitionPayment(before, to)).toEqual({ ...before, state: to });
      expect(before.state).toBe(from);
    });
  }

  const refused: [PaymentState, PaymentState][] = [
    ['PENDING', 'REFUNDED'],
    ['SUCCEEDED', 'FAILED'],
    ['SUCCEEDED', 'PENDING'],
    ['FAILED', 'SUCCEEDED'],
    ['REFUNDED', 'SUCCEEDED'],
    ['SUCCEEDED', 'SUCCEEDED'],
  ];
  for (const [from, to] of refused) {
    test(`a payment may not go from ${from} to ${to}`, () => {
      const conflict = conflictOf(() => transitionPayment(payment(from), to));

      expect(conflict.code).toBe('invalid-transition');
      expect(conflict.message).toBe(`a payment cannot go from ${from} to ${to}`);
      expect(conflict.details).toEqual({ paymentId: 'pay-1' });
    });
  }

  test('FAILED and REFUNDED are final', () => {
    expect(PAYMENT_TRANSITIONS.FAILED).toEqual([]);
    expect(PAYMENT_TRANSITIONS.REFUNDED).toEqual([]);
  });
});

test.describe('payments: what a statement accepts', () => {
  test('a payment of exactly the outstanding amount is accepted', () => {
    expect(pay('43670')).not.toThrow();
  });

  test('a payment above the outstanding amount is refused', () => {
    const conflict = conflictOf(pay('43671'));

    expect(conflict.code).toBe('payment-exceeds-outstanding');
    expect(conflict.message).toBe('a payment of 43671 exceeds the outstanding 43670');
    expect(conflict.details).toEqual({ statementId: 'stmt-2026-03', payable: '43670' });
  });

  test('succeeded payments lower what may still be paid', () => {
    const conflict = conflictOf(pay('23671', [payment('SUCCEEDED', '20000')]));

    expect(conflict.message).toBe('a payment of 23671 exceeds the outstanding 23670');
    expect(pay('23670', [payment('SUCCEEDED', '20000')])).not.toThrow();
  });

  test('a pending payment is counted, so two concurrent payments never together exceed the outstanding amount', () => {
    const conflict = conflictOf(pay('30000', [payment('PENDING', '30000')]));

    expect(conflict.code).toBe('payment-exceeds-outstanding');
    expect(conflict.message).toBe('a payment of 30000 exceeds the outstanding 13670');
  });

  test('a failed payment frees its amount again', () => {
    expect(pay('43670', [payment('FAILED', '43670')])).not.toThrow();
  });

  test('a refunded payment frees its amount again', () => {
    expect(pay('43670', [payment('REFUNDED', '43670')])).not.toThrow();
  });

  test('a statement paid in full takes no more payment', () => {
    const conflict = conflictOf(pay('1', [payment('SUCCEEDED', '43670')]));

    expect(conflict.message).toBe('a payment of 1 exceeds the outstanding 0');
  });

  test('an overdue statement still takes payment', () => {
    const overdue = () => assertPaymentAcceptable(march(), [], new Decimal('43670'), '2026-05-01T00:00:00Z');

    expect(overdue).not.toThrow();
  });

  test('a carried-forward statement refuses payment and names the statement that carries it', () => {
    const conflict = conflictOf(pay('100', [], march({ carriedForwardBy: 'stmt-2026-04' })));

    expect(conflict.code).toBe('carried-forward');
    expect(conflict.message).toBe(
      'statement stmt-2026-03 was carried forward into stmt-2026-04; pay stmt-2026-04 instead',
    );
    expect(conflict.details).toEqual({ statementId: 'stmt-2026-03', carriedForwardBy: 'stmt-2026-04' });
  });

  test('a void statement takes no payment', () => {
    const conflict = conflictOf(pay('100', [], march({ voidedAt: '2026-04-02T00:00:00Z' })));

    expect(conflict.code).toBe('not-payable');
    expect(conflict.message).toBe('statement stmt-2026-03 is VOID and takes no payment');
  });

  test('a draft statement takes no payment', () => {
    const conflict = conflictOf(pay('100', [], march({ closedAt: null, dueAt: null })));

    expect(conflict.code).toBe('not-payable');
    expect(conflict.message).toBe('statement stmt-2026-03 is DRAFT and takes no payment');
  });
});
