import { type Decimal, max, percentOf, sum, toDecimalString, ZERO } from '../decimal';
import { roundMoneyTraced } from '../money';
import { isMonthInRange } from '../period';
import type { ParsedContract } from '../price';
import type { ContractLine, Month } from '../types';
import type { StepContext } from './context';

export interface ContractOutcome {
  lines: ContractLine[];
  /** The signed sum of the lines: the discount counts negative. */
  total: Decimal;
}

/**
 * The contract whose month range covers `month`, or null. It is known before step 1, since its
 * prices override the book's, but the trace tells it as step 2 (`applyContract`).
 */
export function contractInForce(contract: ParsedContract | null, month: Month): ParsedContract | null {
  return contract && isMonthInRange(month, contract.startMonth, contract.endMonth) ? contract : null;
}

/**
 * Step 2 (DOMAIN §3, §4): whether the `offered` contract applies, then, if it is `inForce`, its
 * discount line `round(subtotal × rate)` and the minimum-commitment true-up on what that leaves.
 */
export function applyContract(
  offered: ParsedContract | null,
  inForce: ParsedContract | null,
  month: Month,
  subtotal: Decimal,
  context: StepContext,
): ContractOutcome {
  if (offered) recordApplicability(offered, month, inForce !== null, context);
  const lines: ContractLine[] = [];
  const amounts: Decimal[] = [];
  if (inForce?.discountRate?.greaterThan(0)) {
    const discount = contractDiscount(inForce, inForce.discountRate, subtotal, context);
    amounts.push(discount.amount);
    lines.push(discount.line);
  }
  if (inForce?.minimumCharge) {
    const trueUp = minimumCommitment(inForce, inForce.minimumCharge, subtotal.plus(sum(amounts)), context);
    if (trueUp) {
      amounts.push(trueUp.amount);
      lines.push(trueUp.line);
    }
  }
  return { lines, total: sum(amounts) };
}

function recordApplicability(contract: ParsedContract, month: Month, applies: boolean, context: StepContext) {
  context.trace.record(() => ({
    rule: 'contract',
    description: applies
      ? `contract ${contract.id} applies to ${month}`
      : `contract ${contract.id} does not apply to ${month} (it runs ${contract.startMonth} to ${contract.endMonth ?? 'open-ended'})`,
    inputs: { contractId: contract.id, startMonth: contract.startMonth, endMonth: contract.endMonth },
    exact: '0',
    rounding: null,
    result: applies ? 'applies' : 'ignored',
    notes: [],
  }));
}

function contractDiscount(contract: ParsedContract, rate: Decimal, subtotal: Decimal, context: StepContext) {
  const { money } = context;
  const exact = percentOf(subtotal, rate);
  const { rounded, rounding } = roundMoneyTraced(exact, context.currency, context.roundingMode);
  context.trace.record(() => ({
    rule: 'contract-discount',
    description: `contract ${contract.id} takes ${toDecimalString(rate)}% off the usage subtotal ${money(subtotal)}`,
    inputs: { contractId: contract.id, discountRate: toDecimalString(rate), subtotal: money(subtotal) },
    exact: toDecimalString(exact),
    rounding,
    result: money(rounded.negated()),
    notes: [],
  }));
  const line: ContractLine = {
    kind: 'CONTRACT_DISCOUNT',
    contractId: contract.id,
    amount: money(rounded.negated()),
    exactAmount: toDecimalString(exact.negated()),
  };
  return { amount: rounded.negated(), line };
}

/** The true-up line when the discounted usage falls short of the minimum; none when it is met. */
function minimumCommitment(
  contract: ParsedContract,
  minimumCharge: Decimal,
  discounted: Decimal,
  context: StepContext,
) {
  const { money } = context;
  const exact = max(ZERO, minimumCharge.minus(discounted));
  const { rounded, rounding } = roundMoneyTraced(exact, context.currency, context.roundingMode);
  context.trace.record(() => ({
    rule: 'minimum-commitment',
    description: `contract ${contract.id} commits to at least ${toDecimalString(minimumCharge)}; discounted usage is ${money(discounted)}`,
    inputs: {
      contractId: contract.id,
      minimumCharge: toDecimalString(minimumCharge),
      discountedUsage: money(discounted),
    },
    exact: toDecimalString(exact),
    rounding,
    result: money(rounded),
    notes: rounded.greaterThan(0)
      ? [`true-up of ${money(rounded)} makes up the shortfall`]
      : ['commitment met: no true-up'],
  }));
  if (!rounded.greaterThan(0)) return null;
  const line: ContractLine = {
    kind: 'MINIMUM_COMMITMENT',
    contractId: contract.id,
    amount: money(rounded),
    exactAmount: toDecimalString(exact),
  };
  return { amount: rounded, line };
}
