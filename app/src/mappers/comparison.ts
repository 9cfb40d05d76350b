import type { Locale } from '@/i18n/locales';
import type { Messages } from '@/i18n/messages';
import { formatMoney, formatNumber } from '@/lib/money';
import type { SavedCalculation } from '@/stores/history-store';

export interface ComparisonRow {
  key: string;
  label: string;
  left: string;
  right: string;
  differs: boolean;
}

/** Two saved calculations, field by field, as text; a row differs when its texts differ. */
export function compareCalculations(
  left: SavedCalculation,
  right: SavedCalculation,
  t: Messages,
  locale: Locale,
): ComparisonRow[] {
  const sides = [describe(left, t, locale), describe(right, t, locale)] as const;
  const labels = t.history.fields;
  return (Object.keys(labels) as (keyof typeof labels)[]).map((key) => {
    const leftText = sides[0][key];
    const rightText = sides[1][key];
    return { key, label: labels[key], left: leftText, right: rightText, differs: leftText !== rightText };
  });
}

function describe(
  { input, totals }: SavedCalculation,
  t: Messages,
  locale: Locale,
): Record<keyof Messages['history']['fields'], string> {
  const money = (amount: string) => formatMoney(amount, totals.currency, locale);
  const orNone = (value: string) => (value.trim() === '' ? t.common.none : value.trim());
  const list = (items: string[]) => (items.length === 0 ? t.common.none : items.join('; '));
  return {
    month: input.month,
    usage: list(
      input.usage
        .filter((row) => row.quantity.trim() !== '')
        .map(
          (row) =>
            `${row.projectId} · ${row.counterName} × ${formatNumber(row.quantity.trim(), locale)} ${row.unit}`,
        ),
    ),
    discountRate: orNone(input.contract.discountRate),
    minimumCharge: orNone(input.contract.minimumCharge),
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
    unpaid: orNone(input.unpaid.amount),
    overdue: input.unpaid.isOverdue ? t.common.yes : t.common.no,
    subtotal: money(totals.subtotal),
    adjustmentTotal: money(totals.adjustmentTotal),
    creditTotal: money(totals.creditTotal),
    vat: money(totals.vat),
    lateFee: money(totals.lateFee),
    total: money(totals.total),
  };
}
