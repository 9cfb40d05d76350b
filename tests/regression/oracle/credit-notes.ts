import type { Currency, RoundingMode } from '../billing-month';
import { divide, exact, minorOf, percentOf, toMinor } from './exact';

/**
 * Credit notes (DOMAIN §6), written from docs/domain.md alone in bigint minor units: VAT on the net
 * at the statement's VAT rate, rounded once at the statement's rounding point; total = net + VAT;
 * the sum of a statement's credit notes never exceeds its total; a note first lowers the
 * outstanding amount (total − credited − paid) and what exceeds it is refunded as REFUND credit.
 * Like the rest of the oracle it imports nothing from `@billing/engine`.
 */

/** The facts of a closed statement a credit note is computed against. */
export interface OracleCreditableStatement {
  currency: Currency;
  /** Percent, as the statement's result writes it (`"10"`, `"7.7"`). */
  vatRate: string;
  roundingMode: RoundingMode;
  /** The statement's total in minor units. */
  total: bigint;
}

export interface OracleCreditNoteAmounts {
  net: bigint;
  vat: bigint;
  total: bigint;
}

export type OracleCreditNoteOutcome =
  | { accepted: true; amounts: OracleCreditNoteAmounts; applied: bigint; refunded: bigint }
  /** Refused on `net`: with its VAT it comes to more than `left` (what is not credited yet, ≥ 0). */
  | { accepted: false; field: 'net'; rule: 'exceeds-total'; amounts: OracleCreditNoteAmounts; left: bigint };

/** Net (a decimal string in whole minor units), VAT at the statement's rate and rounding, and total. */
export function oracleCreditNoteAmounts(
  net: string,
  statement: Pick<OracleCreditableStatement, 'currency' | 'vatRate' | 'roundingMode'>,
): OracleCreditNoteAmounts {
  const netMinor = minorOf(net, statement.currency);
  const netExact = exact(net);
  const vat = toMinor(
    percentOf(netExact, exact(statement.vatRate)),
    statement.currency,
    statement.roundingMode,
  );
  return { net: netMinor, vat, total: netMinor + vat };
}

/** DOMAIN §6: the outstanding amount counts what credit notes applied, not what they refunded. */
export function oracleOutstanding(total: bigint, credited: bigint, paid: bigint): bigint {
  return total - credited - paid;
}

/**
 * A new credit note on a statement whose earlier notes total `notesBefore` (their totals, applied
 * and refunded alike) and whose outstanding amount is `outstanding`: refused when the notes would
 * exceed the statement's total, else split between the outstanding amount and a refund.
 */
export function oracleCreditNote(
  net: string,
  statement: OracleCreditableStatement,
  notesBefore: bigint,
  outstanding: bigint,
): OracleCreditNoteOutcome {
  const amounts = oracleCreditNoteAmounts(net, statement);
  const left = statement.total - notesBefore;
  if (amounts.total > left) {
    return { accepted: false, field: 'net', rule: 'exceeds-total', amounts, left: left > 0n ? left : 0n };
  }
  const owed = outstanding > 0n ? outstanding : 0n;
  const applied = amounts.total < owed ? amounts.total : owed;
  return { accepted: true, amounts, applied, refunded: amounts.total - applied };
}

/**
 * One statement's life under credit notes and payments, step by step, as the oracle sees it: what
 * each note was, what the statement's standing is after it. Payments are given as succeeded amounts.
 */
export class OracleCreditedStatement {
  /** Sum of the accepted notes' totals. */
  notes = 0n;
  /** Sum of what the accepted notes applied to the outstanding amount. */
  credited = 0n;
  paid = 0n;
  /** Sum of what the accepted notes refunded as REFUND credit. */
  refunded = 0n;

  constructor(readonly statement: OracleCreditableStatement) {}

  get outstanding(): bigint {
    return oracleOutstanding(this.statement.total, this.credited, this.paid);
  }

  /** PAID once nothing is outstanding (DOMAIN §6), whether by payments or credit notes. */
  get isPaid(): boolean {
    return this.outstanding <= 0n;
  }

  creditNote(net: string): OracleCreditNoteOutcome {
    const outcome = oracleCreditNote(net, this.statement, this.notes, this.outstanding);
    if (outcome.accepted) {
      this.notes += outcome.amounts.total;
      this.credited += outcome.applied;
      this.refunded += outcome.refunded;
    }
    return outcome;
  }

  /** A payment takes at most the outstanding amount: true when it may be made. */
  pay(amount: bigint): boolean {
    if (amount <= 0n || amount > this.outstanding) return false;
    this.paid += amount;
    return true;
  }
}

/**
 * The largest net in minor units (≥ 0) whose total with VAT still fits in `room` minor units: the
 * most a note can credit when `room` is what is left of the statement's total. A total grows with
 * its net, so a binary search finds it.
 */
export function oracleLargestNet(
  room: bigint,
  statement: Pick<OracleCreditableStatement, 'currency' | 'vatRate' | 'roundingMode'>,
): bigint {
  const rate = exact(statement.vatRate);
  // VAT on `net` minor units is net × rate / 100 minor units, rounded at the minor unit.
  const totalOf = (net: bigint) => net + divide(net * rate.n, rate.d * 100n, statement.roundingMode);
  let fits = 0n; // total(0) = 0 always fits
  let over = room + 1n; // a net above the room never fits
  while (over - fits > 1n) {
    const middle = (fits + over) / 2n;
    if (totalOf(middle) <= room) fits = middle;
    else over = middle;
  }
  return fits;
}
