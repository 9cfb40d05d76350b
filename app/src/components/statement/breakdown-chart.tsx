import { useId } from 'react';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { formatMoney } from '@/lib/money';
import type { StatementView } from '@/mappers/statement-view';

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 120;
const BAR_WIDTH = 340;
const VALUE_WIDTH = 140;

interface Bar {
  key: string;
  label: string;
  amount: string;
  start: number;
  end: number;
}

/**
 * A waterfall of the statement: each part starts where the previous one ended, so the bars walk
 * from zero to the total. Amounts are converted to numbers for the geometry only.
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
  const x = (value: number) => LABEL_WIDTH + ((value - low) / (high - low)) * BAR_WIDTH;
  const height = bars.length * ROW_HEIGHT + 8;
  const totalText = formatMoney(view.total, view.currency, locale);
  return (
    <figure className="m-0">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`}
        className="h-auto w-full max-w-2xl"
      >
        <title id={titleId}>{t.statement.breakdownSummary(totalText)}</title>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke="#94a3b8" strokeDasharray="2 2" />
        {bars.map((bar, index) => {
          const y = index * ROW_HEIGHT + 4;
          const left = x(Math.min(bar.start, bar.end));
          const width = Math.max(2, Math.abs(x(bar.end) - x(bar.start)));
          const isTotal = index === bars.length - 1;
          const fill = isTotal ? '#1e293b' : bar.end < bar.start ? '#15803d' : '#1d4ed8';
          return (
            <g key={bar.key} data-part={bar.key}>
              <text x={0} y={y + 17} fontSize="12" fill="#334155">
                {bar.label}
              </text>
              <rect x={left} y={y + 4} width={width} height={ROW_HEIGHT - 10} rx={2} fill={fill} />
              <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 17} fontSize="12" fill="#0f172a">
                {formatMoney(bar.amount, view.currency, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">{t.statement.breakdown}</figcaption>
    </figure>
  );
}
