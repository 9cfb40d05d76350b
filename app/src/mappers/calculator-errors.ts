import type { Problem } from '@/api/types';
import type { Messages } from '@/i18n/messages';
import type { CalculatorInput } from '@/lib/calculator-input';
import { sentRows } from './calculator-request';

/** One refused value, in the page's words: where it is ("Usage row 3 · Quantity") and what to do. */
export interface CalculatorFieldError {
  /** The id of the form control it belongs beside, or null when it names no single control. */
  fieldId: string | null;
  where: string;
  message: string;
}

type FieldErrorKey = keyof Messages['calculator']['fieldErrors'];

/** The edge's rule names (zod's checks and the engine's rules) as the advice the page gives. */
const RULE_ADVICE: Record<string, FieldErrorKey> = {
  decimal: 'number',
  invalid_format: 'number',
  invalid_type: 'number',
  'non-negative': 'nonNegative',
  too_small: 'nonNegative',
  'max-100': 'max100',
  too_big: 'max100',
  'minor-unit': 'minorUnit',
  'decimal-range': 'digits',
  'unit-match': 'unit',
  'consistent-unit': 'unit',
  'known-counter': 'counter',
  required: 'required',
  integer: 'integer',
  month: 'month',
  'billing-window': 'month',
  instant: 'date',
  unique: 'duplicate',
  'tier-order': 'tierOrder',
  'tiers-contiguous': 'tierOrder',
  'tier-open-before-last': 'tierOrder',
};

/** What to do about a value the edge refused under `rule`, in the page's words. */
export function fieldAdvice(rule: string, t: Messages): string {
  return t.calculator.fieldErrors[RULE_ADVICE[rule] ?? 'other'];
}

/** Request field names of each row kind, as the form's control suffix and label. */
type RowKind = 'usage' | 'adjustments' | 'credits';
const ROW_FIELDS: Record<RowKind, Record<string, { suffix: string; label: (t: Messages) => string }>> = {
  usage: {
    quantity: { suffix: 'quantity', label: (t) => t.calculator.quantity },
    unit: { suffix: 'unit', label: (t) => t.calculator.unit },
    counterName: { suffix: 'counter', label: (t) => t.calculator.counter },
    projectId: { suffix: 'project', label: (t) => t.calculator.project },
  },
  adjustments: {
    value: { suffix: 'value', label: (t) => t.calculator.value },
    type: { suffix: 'type', label: (t) => t.calculator.type },
    method: { suffix: 'method', label: (t) => t.calculator.method },
    level: { suffix: 'level', label: (t) => t.calculator.level },
    targetProjectId: { suffix: 'target', label: (t) => t.calculator.targetProject },
  },
  credits: {
    amount: { suffix: 'amount', label: (t) => t.calculator.amount },
    type: { suffix: 'type', label: (t) => t.calculator.creditType },
    priority: { suffix: 'priority', label: (t) => t.calculator.priority },
    expiresAt: { suffix: 'expiry', label: (t) => t.calculator.expiry },
  },
};

const ROW_NAMES: Record<RowKind, (t: Messages, n: number) => string> = {
  usage: (t, n) => t.calculator.usageRow(n),
  adjustments: (t, n) => t.calculator.adjustmentRow(n),
  credits: (t, n) => t.calculator.creditRow(n),
};

/** Fields outside the rows: request path → the form control's id and label. */
const SINGLE_FIELDS: Record<string, { id: string; label: (t: Messages) => string }> = {
  month: { id: 'calculator-month', label: (t) => t.calculator.month },
  'contract.discountRate': { id: 'contract-discount-rate', label: (t) => t.calculator.discountRate },
  'contract.minimumCharge': { id: 'contract-minimum-charge', label: (t) => t.calculator.minimumCharge },
  'unpaid.amount': { id: 'unpaid-amount', label: (t) => t.calculator.unpaidAmount },
};

const ROW_PATH = /^(usage|adjustments|credits)\[(\d+)\](?:\.(\w+))?$/;

/**
 * A 422 from the calculator, field by field, in the page's terms: `usage[2].quantity` of the
 * request becomes the Quantity of the form row it came from (rows still empty are not sent, so the
 * request's index is not the form's), numbered from 1 as the page numbers them. One entry per
 * control: the edge may name a field under more than one rule.
 */
export function calculatorFieldErrors(
  problem: Problem,
  input: CalculatorInput,
  t: Messages,
): CalculatorFieldError[] {
  const sent = sentRows(input);
  const seen = new Set<string>();
  const found: CalculatorFieldError[] = [];
  for (const error of problem.errors ?? []) {
    const message = fieldAdvice(error.rule, t);
    const place = placeOf(error.field, input, sent, t);
    const key = place.fieldId ?? place.where;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ ...place, message });
  }
  return found;
}

function placeOf(
  field: string,
  input: CalculatorInput,
  sent: ReturnType<typeof sentRows>,
  t: Messages,
): { fieldId: string | null; where: string } {
  const single = SINGLE_FIELDS[field];
  if (single) return { fieldId: single.id, where: single.label(t) };
  const match = ROW_PATH.exec(field);
  if (!match) return { fieldId: null, where: t.calculator.title };
  const kind = match[1] as RowKind;
  const row = sent[kind][Number(match[2])];
  if (!row) return { fieldId: null, where: t.calculator.title };
  const rowName = ROW_NAMES[kind](t, (input[kind] as { id: string }[]).indexOf(row) + 1);
  const control = match[3] ? ROW_FIELDS[kind][match[3]] : undefined;
  if (!control) return { fieldId: null, where: rowName };
  return { fieldId: `${row.id}-${control.suffix}`, where: `${rowName} · ${control.label(t)}` };
}
