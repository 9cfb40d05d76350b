import Decimal from 'decimal.js';
import type { Payment, Statement } from '@/api/types';

/** States a statement can take payments in (a PAID one simply has nothing left to pay). */
const PAYABLE_STATES = new Set(['ISSUED', 'PARTIALLY_PAID', 'OVERDUE', 'PAID']);

/**
 * What the statement still takes: its outstanding amount less PENDING payments, which hold their
 * amount until they settle (the edge refuses more than that).
 */
export function payableAmount(statement: Statement, payments: Payment[]): string {
  if (!PAYABLE_STATES.has(statement.state)) return '0';
  const pending = payments
    .filter((payment) => payment.state === 'PENDING')
    .reduce((sum, payment) => sum.plus(payment.amount), new Decimal(0));
  return Decimal.max(0, new Decimal(statement.outstanding).minus(pending)).toFixed();
}

export function isPayable(statement: Statement): boolean {
  return PAYABLE_STATES.has(statement.state);
}
