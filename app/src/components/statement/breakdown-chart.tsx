import { useId } from 'react';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { formatMoney } from '@/lib/money';
import type { StatementView } from '@/mappers/statement-view';

interface Bar {
  key: string;
  label: string;
  amount: string;
  start: number;
  end: number;
}

/**
 * A waterfall of the statement: each part starts where the previous one ended, so the bars walk
 * from zero to the total. HTML bars, so the labels keep the page's type size on a phone (the usage
 * charts' `bar-chart-*` rows); amounts are converted to numbers for the geometry only.
 */
export function BreakdownChart({ view, locale }: { view: StatementView; locale: Locale }) {
  const t = messages[locale];
  const titleId = useId();
  let running = 0;
  const bars: Bar[] = view.breakdown.map(({ part, amount }) => {
    const start = running;
    running += Number(amount);
    return { key: part, label: t.statement.breakdownParts[part], amount, start, end: running };
  });
  bars.push({
    key: 'total',
    label: t.statement.total,
    amount: view.total,
    start: 0,
    end: Number(view.total),
  });
  const edges = bars.flatMap((bar) => [bar.start, bar.end]);
  const low = Math.min(0, ...edges);
  const high = Math.max(1, ...edges);
  const percent = (value: number) => ((value - low) / (high - low)) * 100;
  const totalText = formatMoney(view.total, view.currency, locale);
  return (
    <figure className="m-0 max-w-2xl">
      <div role="img" aria-labelledby={titleId} className="flex flex-col gap-2">
        <span id={titleId} className="sr-only">
          {t.statement.breakdownSummary(totalText)}
        </span>
        {bars.map((bar, index) => {
          const isTotal = index === bars.length - 1;
          const color = isTotal ? 'bg-slate-800' : bar.end < bar.start ? 'bg-green-700' : 'bg-blue-700';
          return (
            <div key={bar.key} data-part={bar.key} className="bar-chart-row">
              <span className="bar-chart-label text-sm">{bar.label}</span>
              <span className="bar-chart-track relative">
                <span
                  className="absolute inset-y-0 border-l border-dashed border-slate-400"
                  style={{ left: `${percent(0)}%` }}
                />
                <span
                  className={`absolute inset-y-0 rounded-sm ${color}`}
                  style={{
                    left: `${percent(Math.min(bar.start, bar.end))}%`,
                    width: `${Math.max(0.5, Math.abs(percent(bar.end) - percent(bar.start)))}%`,
                  }}
                />
              </span>
              <span className="bar-chart-value text-sm tabular-nums">
                {formatMoney(bar.amount, view.currency, locale)}
              </span>
            </div>
          );
        })}
      </div>
      <figcaption className="sr-only">{t.statement.breakdown}</figcaption>
    </figure>
  );
}
