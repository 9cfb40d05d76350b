import { Decimal, max, min, percentOf, toDecimalString, ZERO } from './decimal';
import { ValidationError } from './errors';
import { roundMoney } from './money';
import type { Currency, DecimalString, RoundingMode } from './types';

/**
 * Credit notes (DOMAIN §6): they reduce a closed statement after the fact without voiding it. VAT is
 * charged back at the statement's own rate and rounding point, so crediting a whole statement's
 * charge gives back exactly its VAT.
 */
export interface CreditNoteAmounts {
  net: DecimalString;
  vat: DecimalString;
  /** net + VAT. */
  total: DecimalString;
}

/** What a credit note settles: the part that lowers the outstanding amount, and what is refunded. */
export interface CreditNoteSettlement {
  /** Lowers the statement's outstanding amount. */
  applied: DecimalString;
  /** What exceeds the outstanding amount (the statement was paid): a REFUND credit grant. */
  refunded: DecimalString;
}

/** The statement facts a credit note is computed against. */
export interface CreditableStatement {
  currency: Currency;
  vatRate: DecimalString;
  roundingMode: RoundingMode;
  total: DecimalString;
}

/** VAT on `net` at the statement's rate, rounded at its rounding point, and the total. */
export function creditNoteAmounts(net: Decimal, statement: CreditableStatement): CreditNoteAmounts {
  const vat = roundMoney(
    percentOf(net, new Decimal(statement.vatRate)),
    statement.currency,
    statement.roundingMode,
  );
  return { net: toDecimalString(net), vat: toDecimalString(vat), total: toDecimalString(net.plus(vat)) };
}

/**
 * Checks a new credit note against the statement and the credit notes it has (their totals), and
 * splits its total between the outstanding amount and a refund. The sum of a statement's credit
 * notes never exceeds its total: beyond it, a 422 on `net` naming what is left to credit.
 */
export function settleCreditNote(
  statement: CreditableStatement,
  creditedBefore: readonly DecimalString[],
  amounts: CreditNoteAmounts,
  outstanding: Decimal,
): CreditNoteSettlement {
  const credited = creditedBefore.reduce((sum, total) => sum.plus(total), ZERO);
  const left = new Decimal(statement.total).minus(credited);
  if (new Decimal(amounts.total).greaterThan(left)) {
    throw new ValidationError([
      {
        field: 'net',
        rule: 'exceeds-total',
        message:
          `with VAT the credit note comes to ${amounts.total}, more than the ${toDecimalString(max(left, ZERO))} ` +
          `${statement.currency} of the statement's total not credited yet`,
      },
    ]);
  }
  const applied = min(new Decimal(amounts.total), max(outstanding, ZERO));
  return {
    applied: toDecimalString(applied),
    refunded: toDecimalString(new Decimal(amounts.total).minus(applied)),
  };
}
