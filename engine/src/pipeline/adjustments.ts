import { type AdjustmentOutcome, applyAdjustmentLevel, type ParsedAdjustment } from '../adjust';
import { type Decimal, max, sum, ZERO } from '../decimal';
import { type StepContext, sumStep } from './context';
import type { PricedUsage } from './usage-lines';

export interface AdjustmentsOutcome {
  project: AdjustmentOutcome[];
  billingGroup: AdjustmentOutcome[];
  /** Signed: surcharges minus discounts, both levels. */
  total: Decimal;
  chargeBeforeCredits: Decimal;
}

/**
 * Steps 3 and 4 (DOMAIN §4): project adjustments, each on its project's usage lines; billing-group
 * adjustments on what that leaves; then `charge before credits = max(0, subtotal + contract +
 * adjustments)`, with a note when the clamp bit.
 */
export function applyAdjustments(
  adjustments: readonly ParsedAdjustment[],
  usage: PricedUsage,
  contractTotal: Decimal,
  context: StepContext,
): AdjustmentsOutcome {
  const { subtotal } = usage;
  const projectBases = baseByProject(usage);
  const project = applyAdjustmentLevel(
    adjustments.filter((adjustment) => adjustment.level === 'PROJECT'),
    (adjustment) => projectBases.get(adjustment.targetProjectId as string) ?? ZERO,
    (adjustment) => adjustment.targetProjectId as string,
    context,
  );
  const groupBase = subtotal.plus(contractTotal).plus(sumSigned(project));
  const billingGroup = applyAdjustmentLevel(
    adjustments.filter((adjustment) => adjustment.level === 'BILLING_GROUP'),
    () => max(ZERO, groupBase),
    () => 'billing-group',
    context,
  );
  const total = sumSigned(project).plus(sumSigned(billingGroup));
  const beforeClamp = subtotal.plus(contractTotal).plus(total);
  const chargeBeforeCredits = max(ZERO, beforeClamp);
  const { money } = context;
  context.trace.record(() => ({
    ...sumStep(
      'charge-before-credits',
      'max(0, subtotal + contract lines + adjustments)',
      { subtotal: money(subtotal), contractTotal: money(contractTotal), adjustmentTotal: money(total) },
      money(chargeBeforeCredits),
    ),
    notes: beforeClamp.isNegative() ? [`clamp bit: ${money(beforeClamp)} raised to 0`] : [],
  }));
  return { project, billingGroup, total, chargeBeforeCredits };
}

/** A project's base: the sum of its usage lines. */
function baseByProject({ lines, amounts }: PricedUsage): Map<string, Decimal> {
  const bases = new Map<string, Decimal>();
  lines.forEach((line, index) => {
    bases.set(line.projectId, (bases.get(line.projectId) ?? ZERO).plus(amounts[index] as Decimal));
  });
  return bases;
}

function sumSigned(outcomes: readonly AdjustmentOutcome[]): Decimal {
  return sum(outcomes.map((outcome) => outcome.signed));
}
