import type { Adjustment, BillingMonth, Pricing } from '../billing-month';
import { burnOrder, isUsable, periodOf } from './credits';
import { compare, type Exact, exact, fromMinor, minorOf, minus, percentOf, toMinor } from './exact';
import { DOMAIN_PRICE_BOOK, price } from './pricing';

/** Every amount in integer minor units of the statement's currency; discounts are signed negative. */
export interface OracleStatement {
  currency: BillingMonth['billingGroup']['currency'];
  lines: { projectId: string; counterName: string; resourceId: string | null; amount: bigint }[];
  subtotal: bigint;
  contractLines: { kind: 'CONTRACT_DISCOUNT' | 'MINIMUM_COMMITMENT'; amount: bigint }[];
  contractTotal: bigint;
  /** `requested` is the rounded amount asked for, `applied` what the cap let through (both ≥ 0). */
  adjustments: { id: string; requested: bigint; applied: bigint }[];
  adjustmentTotal: bigint;
  chargeBeforeCredits: bigint;
  credits: { grantId: string; applied: bigint }[];
  creditTotal: bigint;
  charge: bigint;
  vat: bigint;
  unpaid: bigint;
  lateFee: bigint;
  total: bigint;
}

const sum = (amounts: readonly bigint[]) => amounts.reduce((total, amount) => total + amount, 0n);
const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * The statement of one billing group's month, computed from docs/domain.md §3–§5 alone (plus the choices
 * `engine/README.md` writes down where DOMAIN is silent), in bigint minor units. It is the second
 * opinion the regression project holds the engine and the API to: it shares no code with them.
 */
export function oracleStatement(input: BillingMonth): OracleStatement {
  const { currency, roundingMode } = input.billingGroup;
  const round = (value: Exact) => toMinor(value, currency, roundingMode);
  const roundedPercent = (minor: bigint, percent: string) =>
    round(percentOf(fromMinor(minor, currency), exact(percent)));
  const requestedOf = (adjustment: Adjustment, base: bigint) =>
    adjustment.method === 'FIXED' ? round(exact(adjustment.value)) : roundedPercent(base, adjustment.value);
  const book = input.priceBook ?? DOMAIN_PRICE_BOOK;
  const contract =
    input.contract &&
    input.contract.startMonth <= input.month &&
    (input.contract.endMonth == null || input.month <= input.contract.endMonth)
      ? input.contract
      : null;

  // §4.1 Usage lines, each priced by the contract's override or the book, and rounded.
  const pricingOf = (counterName: string): Pricing => {
    const pricing =
      contract?.priceOverrides?.find((override) => override.counterName === counterName)?.pricing ??
      book.entries.find((entry) => entry.counterName === counterName)?.pricing;
    if (!pricing) throw new Error(`oracle: ${counterName} is not in price book ${book.id}`);
    return pricing;
  };
  const lines = input.usage.map((usage) => ({
    projectId: usage.projectId,
    counterName: usage.counterName,
    resourceId: usage.resourceId ?? null,
    amount: round(price(usage.quantity, pricingOf(usage.counterName))),
  }));
  const subtotal = sum(lines.map((line) => line.amount));

  // §4.2 Contract: a rounded discount line, then a true-up to the minimum commitment.
  const contractLines: OracleStatement['contractLines'] = [];
  if (contract?.discountRate && exact(contract.discountRate).n > 0n) {
    contractLines.push({
      kind: 'CONTRACT_DISCOUNT',
      amount: -roundedPercent(subtotal, contract.discountRate),
    });
  }
  if (contract?.minimumCharge) {
    const discountedUsage = fromMinor(subtotal + sum(contractLines.map((line) => line.amount)), currency);
    const shortfall = minus(exact(contract.minimumCharge), discountedUsage);
    const trueUp = compare(shortfall, { n: 0n, d: 1n }) > 0 ? round(shortfall) : 0n;
    if (trueUp > 0n) contractLines.push({ kind: 'MINIMUM_COMMITMENT', amount: trueUp });
  }
  const contractTotal = sum(contractLines.map((line) => line.amount));

  // §4.3 Project adjustments on each project's usage; §4.4 billing-group ones on what that leaves.
  const projectBase = (projectId: string) =>
    sum(lines.filter((line) => line.projectId === projectId).map((line) => line.amount));
  const projectLevel = applyLevel(
    input.adjustments.filter((adjustment) => adjustment.level === 'PROJECT'),
    (adjustment) => projectBase(adjustment.targetProjectId ?? ''),
    (adjustment) => adjustment.targetProjectId ?? '',
    requestedOf,
  );
  const groupBase = maxOf(0n, subtotal + contractTotal + projectLevel.signedTotal);
  const groupLevel = applyLevel(
    input.adjustments.filter((adjustment) => adjustment.level === 'BILLING_GROUP'),
    () => groupBase,
    () => 'billing group',
    requestedOf,
  );
  const adjustmentTotal = projectLevel.signedTotal + groupLevel.signedTotal;
  const chargeBeforeCredits = maxOf(0n, subtotal + contractTotal + adjustmentTotal);

  // §5 Credits: usable grants in burn order, each paying min(balance, what is left).
  const period = periodOf(input.month);
  let remaining = chargeBeforeCredits;
  const credits: OracleStatement['credits'] = [];
  for (const grant of [...input.credits].sort(burnOrder)) {
    const balance = minorOf(grant.balance, currency);
    if (remaining === 0n || !isUsable(grant, period, balance)) continue;
    const applied = minOf(balance, remaining);
    credits.push({ grantId: grant.id, applied });
    remaining -= applied;
  }
  const creditTotal = chargeBeforeCredits - remaining;
  const charge = remaining;

  // §4.6–9 VAT on the charge only; unpaid carried forward; a late fee only when it is overdue.
  const vat = roundedPercent(charge, input.billingGroup.vatRate);
  const unpaid = input.unpaid ? minorOf(input.unpaid.amount, currency) : 0n;
  const lateFee =
    input.unpaid?.isOverdue && unpaid > 0n ? roundedPercent(unpaid, input.billingGroup.lateFeeRate) : 0n;

  return {
    currency,
    lines,
    subtotal,
    contractLines,
    contractTotal,
    adjustments: [...projectLevel.adjustments, ...groupLevel.adjustments],
    adjustmentTotal,
    chargeBeforeCredits,
    credits,
    creditTotal,
    charge,
    vat,
    unpaid,
    lateFee,
    total: charge + vat + unpaid + lateFee,
  };
}

/**
 * One level's adjustments, in id order. RATEs all take the same base (they never compound); the
 * discounts sharing a cap key are capped together at their base, each taking what the cap left.
 */
function applyLevel(
  adjustments: readonly Adjustment[],
  baseOf: (adjustment: Adjustment) => bigint,
  capKeyOf: (adjustment: Adjustment) => string,
  requestedOf: (adjustment: Adjustment, base: bigint) => bigint,
) {
  const discounted = new Map<string, bigint>();
  const applied = [...adjustments]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((adjustment) => {
      const base = baseOf(adjustment);
      const requested = requestedOf(adjustment, base);
      if (adjustment.type === 'SURCHARGE')
        return { id: adjustment.id, requested, applied: requested, signed: requested };
      const key = capKeyOf(adjustment);
      const used = discounted.get(key) ?? 0n;
      const amount = minOf(requested, maxOf(0n, base - used));
      discounted.set(key, used + amount);
      return { id: adjustment.id, requested, applied: amount, signed: -amount };
    });
  return {
    adjustments: applied.map(({ id, requested, applied }) => ({ id, requested, applied })),
    signedTotal: sum(applied.map((adjustment) => adjustment.signed)),
  };
}
