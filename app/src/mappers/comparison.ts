import Decimal from 'decimal.js';
import { type Locale, numberLocale } from '@/i18n/locales';
import type { Messages } from '@/i18n/messages';
import { formatMoney, formatNumber } from '@/lib/money';
import { counterLabel, unitName } from '@/lib/usage-labels';
import type { SavedCalculation } from '@/stores/history-store';

export interface ComparisonRow {
  key: string;
  label: string;
  baseline: string;
  candidate: string;
  /** Candidate minus baseline, signed ("+₩35,000", "-20"); empty for values that do not subtract. */
  difference: string;
  /** The difference as a share of the baseline, signed ("+80%"); empty when it does not apply. */
  change: string;
  differs: boolean;
}

type Amount = { kind: 'money'; value: string | null } | { kind: 'number'; value: string | null };
type Value = { text: string; amount?: Amount };

/**
 * Two saved calculations, field by field: the baseline first, the candidate second, and for every
 * amount the difference (candidate − baseline) and its percentage of the baseline. Usage is a row
 * per project, counter and unit, so a changed quantity shows as its own difference.
 */
export function compareCalculations(
  baseline: SavedCalculation,
  candidate: SavedCalculation,
  t: Messages,
  locale: Locale,
): ComparisonRow[] {
  const sameCurrency = baseline.totals.currency === candidate.totals.currency;
  const row = (key: string, label: string, before: Value, after: Value): ComparisonRow => {
    const differs = before.text !== after.text;
    const subtractable = before.amount && after.amount && (before.amount.kind === 'number' || sameCurrency);
    const { difference, change } =
      differs && subtractable
        ? differenceOf(before.amount as Amount, after.amount as Amount, candidate.totals.currency, t, locale)
        : { difference: '', change: '' };
    return { key, label, baseline: before.text, candidate: after.text, difference, change, differs };
  };
  const fields = t.history.fields;
  const sides = [baseline, candidate].map((saved) => describe(saved, t, locale));
  const [before, after] = sides as [Described, Described];
  const usageKeys = [...new Set([...before.usage.keys(), ...after.usage.keys()])];
  const none: Value = { text: t.common.none, amount: { kind: 'number', value: null } };
  return [
    row('month', fields.month, before.month, after.month),
    ...usageKeys.map((key) => {
      const [projectId = '', counterName = '', unit = ''] = JSON.parse(key) as string[];
      return row(
        `usage:${key}`,
        t.history.usageLine(projectId, counterLabel(counterName, locale), unitName(unit, '2', locale)),
        before.usage.get(key) ?? none,
        after.usage.get(key) ?? none,
      );
    }),
    ...(usageKeys.length === 0 ? [row('usage', fields.usage, none, none)] : []),
    row('discountRate', fields.discountRate, before.discountRate, after.discountRate),
    row('minimumCharge', fields.minimumCharge, before.minimumCharge, after.minimumCharge),
    row('adjustments', fields.adjustments, before.adjustments, after.adjustments),
    row('credits', fields.credits, before.credits, after.credits),
    row('unpaid', fields.unpaid, before.unpaid, after.unpaid),
    row('overdue', fields.overdue, before.overdue, after.overdue),
    ...TOTALS.map((key) => row(key, fields[key], before.totals[key], after.totals[key])),
  ];
}

/** A value typed as the calculator sends it: only these subtract into a difference. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

const TOTALS = ['subtotal', 'adjustmentTotal', 'creditTotal', 'vat', 'lateFee', 'total'] as const;

interface Described {
  month: Value;
  usage: Map<string, Value>;
  discountRate: Value;
  minimumCharge: Value;
  adjustments: Value;
  credits: Value;
  unpaid: Value;
  overdue: Value;
  totals: Record<(typeof TOTALS)[number], Value>;
}

function differenceOf(
  before: Amount,
  after: Amount,
  currency: string,
  t: Messages,
  locale: Locale,
): { difference: string; change: string } {
  const from = new Decimal(before.value ?? 0);
  const to = new Decimal(after.value ?? 0);
  const delta = to.minus(from);
  const sign = delta.isPositive() && !delta.isZero() ? '+' : '';
  const difference =
    before.kind === 'money'
      ? `${sign}${formatMoney(delta.toString(), currency, locale)}`
      : `${sign}${formatNumber(delta.toString(), locale)}`;
  const change =
    before.value === null || from.isZero()
      ? t.history.notApplicable
      : new Intl.NumberFormat(numberLocale(locale), {
          style: 'percent',
          signDisplay: 'exceptZero',
          maximumFractionDigits: 1,
        }).format(delta.dividedBy(from.abs()).toNumber());
  return { difference, change };
}

function describe({ input, totals }: SavedCalculation, t: Messages, locale: Locale): Described {
  const money = (amount: string): Value => ({
    text: formatMoney(amount, totals.currency, locale),
    amount: { kind: 'money', value: amount },
  });
  const typed = (value: string, kind: Amount['kind']): Value => {
    const trimmed = value.trim();
    if (trimmed === '') return { text: t.common.none, amount: { kind, value: null } };
    const valid = DECIMAL.test(trimmed);
    return {
      text: kind === 'money' && valid ? formatMoney(trimmed, totals.currency, locale) : trimmed,
      ...(valid ? { amount: { kind, value: trimmed } } : {}),
    };
  };
  const list = (items: string[]): Value => ({ text: items.length === 0 ? t.common.none : items.join('; ') });
  const usage = new Map<string, Value>();
  for (const row of input.usage) {
    const quantity = row.quantity.trim();
    if (quantity === '') continue;
    const key = JSON.stringify([row.projectId.trim(), row.counterName, row.unit]);
    const valid = DECIMAL.test(quantity);
    usage.set(key, {
      text: valid ? formatNumber(quantity, locale) : quantity,
      ...(valid ? { amount: { kind: 'number' as const, value: quantity } } : {}),
    });
  }
  return {
    month: { text: input.month },
    usage,
    discountRate: typed(input.contract.discountRate, 'number'),
    minimumCharge: typed(input.contract.minimumCharge, 'money'),
    adjustments: list(
      input.adjustments
        .filter((adjustment) => adjustment.value.trim() !== '')
        .map(
          (adjustment) =>
            `${t.enums.adjustmentType[adjustment.type]} ${adjustment.value}${adjustment.method === 'RATE' ? '%' : ''} · ${
              adjustment.level === 'PROJECT' ? adjustment.targetProjectId : t.enums.level.BILLING_GROUP
            }`,
        ),
    ),
    credits: list(
      input.credits
        .filter((credit) => credit.amount.trim() !== '')
        .map(
          (credit) =>
            `${t.enums.creditType[credit.type]} ${credit.amount}${credit.priority ? ` (${credit.priority})` : ''}${
              credit.expiresOn ? ` → ${credit.expiresOn}` : ''
            }`,
        ),
    ),
    unpaid: typed(input.unpaid.amount, 'money'),
    overdue: { text: input.unpaid.isOverdue ? t.common.yes : t.common.no },
    totals: {
      subtotal: money(totals.subtotal),
      adjustmentTotal: money(totals.adjustmentTotal),
      creditTotal: money(totals.creditTotal),
      vat: money(totals.vat),
      lateFee: money(totals.lateFee),
      total: money(totals.total),
    },
  };
}
