import { type Decimal, max, min, percentOf, toDecimalString, ZERO } from './decimal';
import type { IssueCollector } from './errors';
import type { TraceBuilder, TraceEntry } from './explain';
import { messages } from './messages';
import { formatMoney, roundMoneyTraced } from './money';
import type {
  AdjustmentLevel,
  AdjustmentMethod,
  AdjustmentType,
  AppliedAdjustment,
  Currency,
  RoundingMode,
} from './types';
import { ADJUSTMENT_LEVELS, ADJUSTMENT_METHODS, ADJUSTMENT_TYPES } from './types';
import { readDecimal, readEnum, readOptionalString, readString, requireRecord } from './validate';

export interface ParsedAdjustment {
  id: string;
  type: AdjustmentType;
  method: AdjustmentMethod;
  value: Decimal;
  level: AdjustmentLevel;
  targetProjectId: string | null;
  description: string | null;
}

export function parseAdjustment(
  issues: IssueCollector,
  field: string,
  value: unknown,
): ParsedAdjustment | undefined {
  if (!requireRecord(issues, field, value)) return undefined;
  const id = readString(issues, `${field}.id`, value.id);
  const type = readEnum(issues, `${field}.type`, value.type, ADJUSTMENT_TYPES);
  const method = readEnum(issues, `${field}.method`, value.method, ADJUSTMENT_METHODS);
  const level = readEnum(issues, `${field}.level`, value.level, ADJUSTMENT_LEVELS);
  // Only a discount rate has a ceiling: taking more than 100% is meaningless, adding more is not.
  const amount = readDecimal(issues, `${field}.value`, value.value, {
    nonNegative: true,
    max100: type === 'DISCOUNT' && method === 'RATE',
  });
  const targetProjectId = readOptionalString(issues, `${field}.targetProjectId`, value.targetProjectId);
  if (level === 'PROJECT' && targetProjectId === null && value.targetProjectId == null) {
    issues.add(`${field}.targetProjectId`, 'required', messages.targetRequired());
  }
  if (level === 'BILLING_GROUP' && targetProjectId !== null) {
    issues.add(`${field}.targetProjectId`, 'not-allowed', messages.targetNotAllowed());
  }
  const description = readOptionalString(issues, `${field}.description`, value.description);
  if (!id || !type || !method || !level || !amount) return undefined;
  return { id, type, method, value: amount, level, targetProjectId, description };
}

export interface AdjustmentOutcome {
  applied: AppliedAdjustment;
  /** The effect on the charge: negative for a discount. */
  signed: Decimal;
}

interface LevelContext {
  currency: Currency;
  roundingMode: RoundingMode;
  trace: TraceBuilder;
}

/**
 * Applies one level's adjustments. Every RATE is computed on the same base, so they never
 * compound, and adjustments are taken in id order, so the input order never changes a result.
 * Discounts sharing a base are capped together at that base: each takes what the cap has left.
 *
 * @param baseOf the base an adjustment applies to (its project's usage, or the billing group's)
 * @param capKeyOf which adjustments share one cap (one per project, or one for the billing group)
 */
export function applyAdjustmentLevel(
  adjustments: readonly ParsedAdjustment[],
  baseOf: (adjustment: ParsedAdjustment) => Decimal,
  capKeyOf: (adjustment: ParsedAdjustment) => string,
  context: LevelContext,
): AdjustmentOutcome[] {
  const discountedSoFar = new Map<string, Decimal>();
  return [...adjustments]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((adjustment) => {
      const base = baseOf(adjustment);
      const exact = adjustment.method === 'FIXED' ? adjustment.value : percentOf(base, adjustment.value);
      const { rounded: requested, rounding } = roundMoneyTraced(
        exact,
        context.currency,
        context.roundingMode,
      );
      let amount = requested;
      if (adjustment.type === 'DISCOUNT') {
        const key = capKeyOf(adjustment);
        const used = discountedSoFar.get(key) ?? ZERO;
        amount = min(requested, max(ZERO, base.minus(used)));
        discountedSoFar.set(key, used.plus(amount));
      }
      const capped = !amount.equals(requested);
      const applied: AppliedAdjustment = {
        adjustmentId: adjustment.id,
        type: adjustment.type,
        method: adjustment.method,
        level: adjustment.level,
        targetProjectId: adjustment.targetProjectId,
        description: adjustment.description,
        value: toDecimalString(adjustment.value),
        base: formatMoney(base, context.currency),
        requested: formatMoney(requested, context.currency),
        amount: formatMoney(amount, context.currency),
        capped,
      };
      const signed = adjustment.type === 'DISCOUNT' ? amount.negated() : amount;
      context.trace.record(() =>
        describeAdjustment(adjustment, applied, exact, rounding, formatMoney(signed, context.currency)),
      );
      return { applied, signed };
    });
}

function describeAdjustment(
  adjustment: ParsedAdjustment,
  applied: AppliedAdjustment,
  exact: Decimal,
  rounding: ReturnType<typeof roundMoneyTraced>['rounding'],
  signedResult: string,
): TraceEntry {
  const scope =
    adjustment.level === 'PROJECT' ? `project ${adjustment.targetProjectId}` : 'the billing group';
  const how =
    adjustment.method === 'RATE' ? `${applied.value}% of ${applied.base}` : `a fixed ${applied.value}`;
  const notes: string[] = [];
  if (applied.capped) {
    notes.push(
      `cap bit: ${applied.requested} asked, but discounts on ${scope} cannot exceed its base ${applied.base}, so ${applied.amount} applied`,
    );
  }
  return {
    rule: adjustment.level === 'PROJECT' ? 'project-adjustment' : 'billing-group-adjustment',
    description: `${adjustment.type.toLowerCase()} ${adjustment.id} on ${scope}: ${how}`,
    inputs: {
      adjustmentId: adjustment.id,
      type: adjustment.type,
      method: adjustment.method,
      value: applied.value,
      base: applied.base,
      targetProjectId: adjustment.targetProjectId,
    },
    exact: toDecimalString(exact),
    rounding,
    result: signedResult,
    notes,
  };
}
