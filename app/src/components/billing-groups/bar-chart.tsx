import { useId } from 'react';
import type { Currency } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { formatMoney } from '@/lib/money';
import type { ChartBar } from '@/mappers/usage-chart';

const ROW_HEIGHT = 26;
const LABEL_WIDTH = 170;
const BAR_WIDTH = 260;
const VALUE_WIDTH = 110;

interface BarChartProps {
  title: string;
  bars: ChartBar[];
  currency: Currency;
  locale: Locale;
}

/** Horizontal bars of money, drawn as SVG on the server; numbers are used for the bar lengths only. */
export function BarChart({ title, bars, currency, locale }: BarChartProps) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => Math.abs(Number(bar.amount))));
  const height = bars.length * ROW_HEIGHT + 4;
  return (
    <figure className="m-0 min-w-0">
      <figcaption id={titleId} className="mb-1 text-sm font-semibold">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`}
        className="h-auto w-full"
      >
        <title>{title}</title>
        {bars.map((bar, index) => {
          const y = index * ROW_HEIGHT + 2;
          const value = formatMoney(bar.amount, currency, locale);
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${value}`}</title>
              <text x={0} y={y + 16} fontSize="11" fill="#334155">
                {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={Math.max(2, (Math.abs(Number(bar.amount)) / max) * BAR_WIDTH)}
                height={ROW_HEIGHT - 10}
                rx={2}
                fill="#1d4ed8"
              />
              <text x={LABEL_WIDTH + BAR_WIDTH + 6} y={y + 16} fontSize="11" fill="#0f172a">
                {value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
