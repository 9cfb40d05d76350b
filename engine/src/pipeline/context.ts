import type { Decimal } from '../decimal';
import type { TraceBuilder, TraceEntry } from '../explain';
import { formatMoney } from '../money';
import type { Currency, RoundingMode } from '../types';

/** What every pipeline step needs: the group's currency and rounding mode, and the trace. */
export interface StepContext {
  currency: Currency;
  roundingMode: RoundingMode;
  trace: TraceBuilder;
  /** An amount as the statement shows it, in the currency's minor unit. */
  money: (value: Decimal) => string;
}

export function stepContext(
  currency: Currency,
  roundingMode: RoundingMode,
  trace: TraceBuilder,
): StepContext {
  return { currency, roundingMode, trace, money: (value) => formatMoney(value, currency) };
}

/** The trace entry of a plain sum: nothing is rounded, so the exact value is the result. */
export function sumStep(
  rule: string,
  description: string,
  inputs: Record<string, string | number | null>,
  result: string,
): TraceEntry {
  return { rule, description, inputs, exact: result, rounding: null, result, notes: [] };
}
