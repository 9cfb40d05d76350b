import type { CompatAdjustment } from './adjustment-input';
import { compact } from './compact';
import type { CompatAdjustmentType, CompatAppliedAdjustment } from './types';

const DEFAULT_DESCRIPTIONS: Readonly<Record<CompatAdjustmentType, string>> = {
  DISCOUNT: 'Discount Applied',
  SURCHARGE: 'Surcharge Applied',
};

/**
 * The legacy rule, unlike DOMAIN §4: a RATE is floor(subtotal × value / 100) on the original
 * subtotal and a FIXED amount is taken as sent, unrounded, whatever the level or the target project.
 */
export function compatAdjustmentAmount(adjustment: CompatAdjustment, subtotal: number): number {
  return adjustment.method === 'FIXED' ? adjustment.value : Math.floor((subtotal * adjustment.value) / 100);
}

/**
 * Lists the adjustments (`adj-<i>`, `i` the 0-based position in the request, as the older system's
 * `map` index) and totals them as Σ surcharges − Σ discounts, each sum in request order.
 */
export function applyAdjustments(
  adjustments: readonly CompatAdjustment[],
  subtotal: number,
): { applied: CompatAppliedAdjustment[]; total: number } {
  const applied = adjustments.map((adjustment, index) =>
    compact({
      adjustmentId: `adj-${index}`,
      type: adjustment.type,
      // An empty description is as good as none: `||`, not `??`.
      description: adjustment.description || DEFAULT_DESCRIPTIONS[adjustment.type],
      amount: compatAdjustmentAmount(adjustment, subtotal),
      level: adjustment.level,
      targetId: adjustment.targetProjectId,
    }),
  );
  const sumOf = (type: CompatAdjustmentType) =>
    applied.filter((adjustment) => adjustment.type === type).reduce((sum, { amount }) => sum + amount, 0);
  return { applied, total: sumOf('SURCHARGE') - sumOf('DISCOUNT') };
}
