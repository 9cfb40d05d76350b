import { useId } from 'react';
import type { Currency } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { formatMoney } from '@/lib/money';
import { axisMaximum, type ChartBar } from '@/mappers/usage-chart';

interface BarChartProps {
  title: string;
  bars: ChartBar[];
  currency: Currency;
  locale: Locale;
}

/**
 * Horizontal bars of money in HTML, so the labels keep the page's type size at any width (an SVG
 * scaled to a phone drew them at 6 px): each bar under its name with its amount beside it, and an
 * axis in the currency from zero. Numbers are used for the bar lengths only.
 */
export function BarChart({ title, bars, currency, locale }: BarChartProps) {
  const t = messages[locale];
  const titleId = useId();
  const axisMax = axisMaximum(Math.max(0, ...bars.map((bar) => Math.abs(Number(bar.amount)))));
  const ticks = [0, axisMax / 2, axisMax];
  return (
    <figure aria-labelledby={titleId} className="bar-chart m-0 min-w-0">
      <figcaption id={titleId} className="mb-1 text-sm font-semibold">
        {title}
      </figcaption>
      <ul className="flex list-none flex-col gap-2 p-0">
        {bars.map((bar) => (
          <li key={bar.id ?? bar.label} className="bar-chart-row">
            <span className="bar-chart-label text-sm" title={bar.id}>
              {bar.label}
            </span>
            <span className="bar-chart-track" aria-hidden="true">
              <span
                className="bar-chart-bar"
                style={{ width: `${Math.max(0.5, (Math.abs(Number(bar.amount)) / axisMax) * 100)}%` }}
              />
            </span>
            <span className="bar-chart-value text-sm tabular-nums">
              {formatMoney(bar.amount, currency, locale)}
            </span>
          </li>
        ))}
      </ul>
      <div className="bar-chart-row mt-1" aria-hidden="true">
        <span className="bar-chart-axis text-xs text-slate-600 tabular-nums">
          {ticks.map((tick) => (
            <span key={tick}>{formatMoney(String(tick), currency, locale)}</span>
          ))}
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-600">{t.groups.chartAxis(currency)}</p>
    </figure>
  );
}
