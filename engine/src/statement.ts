import { type AdjustmentOutcome, applyAdjustmentLevel } from './adjust';
import { burnCredits } from './credits';
import { type Decimal, max, percentOf, sum, toDecimalString, ZERO } from './decimal';
import { TraceBuilder } from './explain';
import { formatMoney, roundMoneyTraced } from './money';
import { isMonthInRange, periodOf, toInstant } from './period';
import { type ParsedContract, type ParsedPricing, priceQuantity } from './price';
import { type ParsedStatementInput, type ParsedUsage, parseStatementInput } from './statement-input';
import type { ContractLine, StatementInput, StatementResult, UsageLine } from './types';

export interface ComputeOptions {
  /** Build the explain trace (default true); off only where nobody will read it. */
  explain?: boolean;
}

/**
 * Computes one billing group's statement for one month (DOMAIN §4), draft or final: the same
 * pure function serves a preview, a close and a replay. Validates the whole input first.
 */
export function computeStatement(input: StatementInput, options: ComputeOptions = {}): StatementResult {
  return runPipeline(parseStatementInput(input), new TraceBuilder(options.explain ?? true));
}

function runPipeline(input: ParsedStatementInput, trace: TraceBuilder): StatementResult {
  const { billingGroup, month } = input;
  const { currency, roundingMode } = billingGroup;
  const money = (value: Decimal) => formatMoney(value, currency);
  // Whether the contract applies is known up front (its prices override the book's), but the trace
  // tells it as step 2, after the usage lines and their subtotal (DOMAIN §4).
  const contract =
    input.contract && isMonthInRange(month, input.contract.startMonth, input.contract.endMonth)
      ? input.contract
      : null;

  // 1. Usage lines.
  const usage = [...input.usage].sort(compareUsage);
  const lineAmounts: Decimal[] = [];
  const lines = usage.map((aggregate, index): UsageLine => {
    const override = contract?.priceOverrides.get(aggregate.counterName);
    const pricing =
      override ?? (input.priceBook.entries.get(aggregate.counterName)?.pricing as ParsedPricing);
    const priced = priceQuantity(aggregate.quantity, pricing);
    const { rounded, rounding } = roundMoneyTraced(priced.exact, currency, roundingMode);
    lineAmounts.push(rounded);
    const line: UsageLine = {
      lineId: `line-${index + 1}`,
      projectId: aggregate.projectId,
      counterName: aggregate.counterName,
      counterType: aggregate.counterType,
      unit: aggregate.unit,
      resourceId: aggregate.resourceId,
      resourceName: aggregate.resourceName,
      quantity: toDecimalString(aggregate.quantity),
      pricingModel: pricing.model,
      unitPrice: toDecimalString(priced.marginalUnitPrice),
      priceSource: override ? 'CONTRACT' : 'PRICE_BOOK',
      exactAmount: toDecimalString(priced.exact),
      amount: money(rounded),
    };
    trace.record(() => ({
      rule: 'usage-line',
      description: `${line.counterName} for project ${line.projectId}${line.resourceId ? ` (${line.resourceId})` : ''}: ${line.quantity} ${line.unit} priced ${line.pricingModel} from the ${override ? 'contract' : 'price book'}`,
      inputs: {
        lineId: line.lineId,
        quantity: line.quantity,
        unit: line.unit,
        pricingModel: line.pricingModel,
      },
      exact: line.exactAmount,
      rounding,
      result: line.amount,
      notes: priced.tiers.map(
        (tier) =>
          `${toDecimalString(tier.units)} units in [${toDecimalString(tier.from)}, ${tier.to ? toDecimalString(tier.to) : '∞'}) at ${toDecimalString(tier.unitPrice)} = ${toDecimalString(tier.amount)}`,
      ),
    }));
    return line;
  });
  const subtotal = sum(lineAmounts);
  trace.record(() =>
    sumStep('subtotal', 'the sum of the usage lines', { lines: lines.length }, money(subtotal)),
  );
  if (input.contract) recordContractApplicability(input.contract, month, contract !== null, trace);

  // 2. Contract discount and minimum commitment.
  const contractLines: ContractLine[] = [];
  const contractAmounts: Decimal[] = [];
  if (contract?.discountRate?.greaterThan(0)) {
    const exact = percentOf(subtotal, contract.discountRate);
    const { rounded, rounding } = roundMoneyTraced(exact, currency, roundingMode);
    contractAmounts.push(rounded.negated());
    contractLines.push({
      kind: 'CONTRACT_DISCOUNT',
      contractId: contract.id,
      amount: money(rounded.negated()),
      exactAmount: toDecimalString(exact.negated()),
    });
    trace.record(() => ({
      rule: 'contract-discount',
      description: `contract ${contract.id} takes ${toDecimalString(contract.discountRate as Decimal)}% off the usage subtotal ${money(subtotal)}`,
      inputs: {
        contractId: contract.id,
        discountRate: toDecimalString(contract.discountRate as Decimal),
        subtotal: money(subtotal),
      },
      exact: toDecimalString(exact),
      rounding,
      result: money(rounded.negated()),
      notes: [],
    }));
  }
  if (contract?.minimumCharge) {
    const discounted = subtotal.plus(sum(contractAmounts));
    const exact = max(ZERO, contract.minimumCharge.minus(discounted));
    const { rounded, rounding } = roundMoneyTraced(exact, currency, roundingMode);
    if (rounded.greaterThan(0)) {
      contractAmounts.push(rounded);
      contractLines.push({
        kind: 'MINIMUM_COMMITMENT',
        contractId: contract.id,
        amount: money(rounded),
        exactAmount: toDecimalString(exact),
      });
    }
    trace.record(() => ({
      rule: 'minimum-commitment',
      description: `contract ${contract.id} commits to at least ${toDecimalString(contract.minimumCharge as Decimal)}; discounted usage is ${money(discounted)}`,
      inputs: {
        contractId: contract.id,
        minimumCharge: toDecimalString(contract.minimumCharge as Decimal),
        discountedUsage: money(discounted),
      },
      exact: toDecimalString(exact),
      rounding,
      result: money(rounded),
      notes: rounded.greaterThan(0)
        ? [`true-up of ${money(rounded)} makes up the shortfall`]
        : ['commitment met: no true-up'],
    }));
  }
  const contractTotal = sum(contractAmounts);

  // 3. Project adjustments, each on its project's usage; 4. billing-group ones on what that leaves.
  const levelContext = { currency, roundingMode, trace };
  const projectBases = baseByProject(usage, lineAmounts);
  const projectOutcomes = applyAdjustmentLevel(
    input.adjustments.filter((adjustment) => adjustment.level === 'PROJECT'),
    (adjustment) => projectBases.get(adjustment.targetProjectId as string) ?? ZERO,
    (adjustment) => adjustment.targetProjectId as string,
    levelContext,
  );
  const groupBase = subtotal.plus(contractTotal).plus(sumSigned(projectOutcomes));
  const groupOutcomes = applyAdjustmentLevel(
    input.adjustments.filter((adjustment) => adjustment.level === 'BILLING_GROUP'),
    () => max(ZERO, groupBase),
    () => 'billing-group',
    levelContext,
  );
  const adjustmentTotal = sumSigned(projectOutcomes).plus(sumSigned(groupOutcomes));
  const beforeClamp = subtotal.plus(contractTotal).plus(adjustmentTotal);
  const chargeBeforeCredits = max(ZERO, beforeClamp);
  trace.record(() => ({
    ...sumStep(
      'charge-before-credits',
      'max(0, subtotal + contract lines + adjustments)',
      {
        subtotal: money(subtotal),
        contractTotal: money(contractTotal),
        adjustmentTotal: money(adjustmentTotal),
      },
      money(chargeBeforeCredits),
    ),
    notes: beforeClamp.isNegative() ? [`clamp bit: ${money(beforeClamp)} raised to 0`] : [],
  }));

  // 5. Credits.
  const period = periodOf(month);
  const burn = burnCredits(input.credits, chargeBeforeCredits, period, currency, trace);
  const charge = chargeBeforeCredits.minus(burn.total);
  trace.record(() =>
    sumStep(
      'charge',
      'charge before credits − credits applied',
      { chargeBeforeCredits: money(chargeBeforeCredits), creditTotal: money(burn.total) },
      money(charge),
    ),
  );

  // 6. VAT, on the charge only.
  const vatExact = percentOf(charge, billingGroup.vatRate);
  const vat = roundMoneyTraced(vatExact, currency, roundingMode);
  trace.record(() => ({
    rule: 'vat',
    description: `VAT at ${toDecimalString(billingGroup.vatRate)}% of the charge ${money(charge)} (never on unpaid amounts or late fees)`,
    inputs: { vatRate: toDecimalString(billingGroup.vatRate), charge: money(charge) },
    exact: toDecimalString(vatExact),
    rounding: vat.rounding,
    result: money(vat.rounded),
    notes: [],
  }));

  // 7. Unpaid balance forward; 8. late fee when that statement is past due at `asOf`.
  const previous = input.previous;
  const unpaid = previous?.outstanding ?? ZERO;
  trace.record(() =>
    sumStep(
      'unpaid',
      previous
        ? `outstanding on ${previous.statementId} (${previous.month}), carried forward`
        : 'no earlier closed statement',
      { previousStatementId: previous?.statementId ?? null },
      money(unpaid),
    ),
  );
  const isOverdue = previous !== null && unpaid.greaterThan(0) && input.asOf > previous.dueAt;
  const lateFeeExact = isOverdue ? percentOf(unpaid, billingGroup.lateFeeRate) : ZERO;
  const lateFee = roundMoneyTraced(lateFeeExact, currency, roundingMode);
  trace.record(() => ({
    rule: 'late-fee',
    description: isOverdue
      ? `${toDecimalString(billingGroup.lateFeeRate)}% of the unpaid ${money(unpaid)}, overdue since ${previous?.dueAtText}`
      : 'no late fee: nothing unpaid is past its due date',
    inputs: {
      lateFeeRate: toDecimalString(billingGroup.lateFeeRate),
      unpaid: money(unpaid),
      dueAt: previous?.dueAtText ?? null,
      asOf: toInstant(input.asOf),
    },
    exact: toDecimalString(lateFeeExact),
    rounding: isOverdue ? lateFee.rounding : null,
    result: money(lateFee.rounded),
    notes: [],
  }));

  // 9. Total: exact sums of rounded parts, so it always adds up.
  const total = charge.plus(vat.rounded).plus(unpaid).plus(lateFee.rounded);
  trace.record(() =>
    sumStep(
      'total',
      'charge + VAT + unpaid + late fee',
      {
        charge: money(charge),
        vat: money(vat.rounded),
        unpaid: money(unpaid),
        lateFee: money(lateFee.rounded),
      },
      money(total),
    ),
  );

  return {
    billingGroupId: billingGroup.id,
    month,
    currency,
    roundingMode,
    lines,
    subtotal: money(subtotal),
    contractLines,
    contractTotal: money(contractTotal),
    projectAdjustments: projectOutcomes.map((outcome) => outcome.applied),
    billingGroupAdjustments: groupOutcomes.map((outcome) => outcome.applied),
    adjustmentTotal: money(adjustmentTotal),
    chargeBeforeCredits: money(chargeBeforeCredits),
    credits: burn.applied,
    skippedCredits: burn.skipped,
    creditTotal: money(burn.total),
    charge: money(charge),
    vatRate: toDecimalString(billingGroup.vatRate),
    vat: money(vat.rounded),
    previousStatementId: previous?.statementId ?? null,
    unpaid: money(unpaid),
    isOverdue,
    lateFeeRate: toDecimalString(billingGroup.lateFeeRate),
    lateFee: money(lateFee.rounded),
    total: money(total),
    trace: trace.steps,
  };
}

function recordContractApplicability(
  contract: ParsedContract,
  month: string,
  applies: boolean,
  trace: TraceBuilder,
): void {
  trace.record(() => ({
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

/** Lines in a fixed order (project, counter, resource; no resource first) whatever the input order. */
function compareUsage(a: ParsedUsage, b: ParsedUsage): number {
  return (
    compareText(a.projectId, b.projectId) ||
    compareText(a.counterName, b.counterName) ||
    compareText(a.resourceId ?? '', b.resourceId ?? '') ||
    (a.resourceId === null ? 0 : 1) - (b.resourceId === null ? 0 : 1)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function baseByProject(usage: readonly ParsedUsage[], amounts: readonly Decimal[]): Map<string, Decimal> {
  const bases = new Map<string, Decimal>();
  usage.forEach((aggregate, index) => {
    bases.set(aggregate.projectId, (bases.get(aggregate.projectId) ?? ZERO).plus(amounts[index] as Decimal));
  });
  return bases;
}

function sumSigned(outcomes: readonly AdjustmentOutcome[]): Decimal {
  return sum(outcomes.map((outcome) => outcome.signed));
}

function sumStep(
  rule: string,
  description: string,
  inputs: Record<string, string | number | null>,
  result: string,
) {
  return { rule, description, inputs, exact: result, rounding: null, result, notes: [] };
}
