import type { Budget, Currency, PriceBook } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { numberLocale } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatMoney, formatNumber } from '@/lib/money';
import { formatDay } from '@/lib/months';
import { counterLabel, formatQuantity } from '@/lib/usage-labels';
import { DeleteBudgetButton } from './delete-budget-button';

interface BudgetListProps {
  billingGroupId: string;
  budgets: Budget[];
  currency: Currency;
  /** The group's price book, for the units of the counters budgets watch; null when it has none. */
  priceBook: PriceBook | null;
}

/**
 * Each budget against the month: what it watches, the value so far against its threshold as a bar
 * with the same in words (the bar is never the only sign), and when it was crossed.
 */
export async function BudgetList({ billingGroupId, budgets, currency, priceBook }: BudgetListProps) {
  const { locale, t } = await getI18n();
  if (budgets.length === 0) return <EmptyState>{t.budgets.none}</EmptyState>;
  const percent = new Intl.NumberFormat(numberLocale(locale), { style: 'percent', maximumFractionDigits: 0 });
  const amountOf = (budget: Budget, amount: string) => {
    if (budget.kind === 'TOTAL') return formatMoney(amount, currency, locale);
    const unit = priceBook?.entries.find((entry) => entry.counterName === budget.counterName)?.unit;
    return unit ? formatQuantity(amount, unit, locale) : formatNumber(amount, locale);
  };
  return (
    <ul className="flex flex-col gap-3" aria-label={t.budgets.heading}>
      {budgets.map((budget) => {
        const ratio = Number(budget.threshold) > 0 ? Number(budget.value) / Number(budget.threshold) : 0;
        const shown = Math.min(Math.max(ratio, 0), 1);
        const progress = t.budgets.progress(
          amountOf(budget, budget.value),
          amountOf(budget, budget.threshold),
          percent.format(ratio),
        );
        const progressId = `budget-progress-${budget.id}`;
        return (
          <li
            key={budget.id}
            aria-labelledby={`budget-${budget.id}`}
            data-crossed={budget.crossed}
            className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 id={`budget-${budget.id}`} className="font-semibold">
                  {budget.name}
                </h3>
                <p className="text-sm text-slate-600">
                  {budget.kind === 'TOTAL' ? (
                    t.budgets.watchesTotal
                  ) : (
                    <>
                      {t.budgets.watchesCounter(counterLabel(budget.counterName ?? '', locale))}{' '}
                      <code className="text-xs wrap-anywhere">{budget.counterName}</code>
                    </>
                  )}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {budget.crossed ? (
                  <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
                    {budget.crossedAt
                      ? t.budgets.crossedOn(formatDay(budget.crossedAt, locale))
                      : t.budgets.crossed}
                  </span>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">
                    {t.budgets.notCrossed}
                  </span>
                )}
                <DeleteBudgetButton billingGroupId={billingGroupId} budget={budget} />
              </div>
            </div>
            <p id={progressId} className="text-sm tabular-nums">
              {progress}
            </p>
            <div
              role="progressbar"
              aria-label={t.budgets.progressLabel(budget.name)}
              aria-describedby={progressId}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(shown * 100)}
              aria-valuetext={progress}
              className="h-3 w-full overflow-hidden rounded-full border border-slate-400 bg-slate-100"
            >
              <div
                className={`h-full ${budget.crossed ? 'bg-red-700' : 'bg-blue-700'}`}
                style={{ width: `${shown * 100}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
