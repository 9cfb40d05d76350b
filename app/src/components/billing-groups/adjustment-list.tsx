import type { Adjustment, Currency } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { getI18n } from '@/i18n/server';
import { formatMoney } from '@/lib/money';

export async function AdjustmentList({
  adjustments,
  currency,
}: {
  adjustments: Adjustment[];
  currency: Currency;
}) {
  const { locale, t } = await getI18n();
  if (adjustments.length === 0) return <EmptyState>{t.groups.noAdjustments}</EmptyState>;
  return (
    <ul aria-label={t.groups.adjustments} className="flex flex-col gap-1 text-sm">
      {adjustments.map((adjustment) => (
        <li key={adjustment.id} className="rounded border border-slate-200 px-2 py-1">
          {t.enums.adjustmentType[adjustment.type]} ·{' '}
          {adjustment.method === 'RATE'
            ? `${adjustment.value}%`
            : formatMoney(adjustment.value, currency, locale)}{' '}
          · {adjustment.level === 'PROJECT' ? adjustment.targetProjectId : t.enums.level.BILLING_GROUP}
          {adjustment.description ? ` · ${adjustment.description}` : ''}
        </li>
      ))}
    </ul>
  );
}
