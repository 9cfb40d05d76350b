import { type Decimal, percentOf, toDecimalString, ZERO } from '../decimal';
import { roundMoneyTraced } from '../money';
import { toInstant } from '../period';
import type { ParsedPrevious } from '../statement-input';
import type { StepContext } from './context';

export interface LateFee {
  isOverdue: boolean;
  amount: Decimal;
}

/**
 * Step 8 (DOMAIN §4): round(unpaid × rate), only when the earlier statement is past its due date
 * at `asOf` (strictly after it) and something is still unpaid.
 */
export function computeLateFee(
  previous: ParsedPrevious | null,
  unpaid: Decimal,
  asOf: number,
  lateFeeRate: Decimal,
  context: StepContext,
): LateFee {
  const { money } = context;
  const isOverdue = previous !== null && unpaid.greaterThan(0) && asOf > previous.dueAt;
  const exact = isOverdue ? percentOf(unpaid, lateFeeRate) : ZERO;
  const { rounded, rounding } = roundMoneyTraced(exact, context.currency, context.roundingMode);
  context.trace.record(() => ({
    rule: 'late-fee',
    description: isOverdue
      ? `${toDecimalString(lateFeeRate)}% of the unpaid ${money(unpaid)}, overdue since ${previous?.dueAtText}`
      : 'no late fee: nothing unpaid is past its due date',
    inputs: {
      lateFeeRate: toDecimalString(lateFeeRate),
      unpaid: money(unpaid),
      dueAt: previous?.dueAtText ?? null,
      asOf: toInstant(asOf),
    },
    exact: toDecimalString(exact),
    rounding: isOverdue ? rounding : null,
    result: money(rounded),
    notes: [],
  }));
  return { isOverdue, amount: rounded };
}
