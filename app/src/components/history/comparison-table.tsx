import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { compareCalculations } from '@/mappers/comparison';
import type { SavedCalculation } from '@/stores/history-store';

/**
 * The baseline, then the candidate, then what changed: the difference (candidate − baseline) and its
 * percentage. A differing row is highlighted and says so in words, not by colour alone. On a phone
 * the rows stack (`.table-stack`), each value under its column's name.
 */
export function ComparisonTable({
  baseline,
  candidate,
  locale,
}: {
  baseline: SavedCalculation;
  candidate: SavedCalculation;
  locale: Locale;
}) {
  const t = messages[locale];
  const rows = compareCalculations(baseline, candidate, t, locale);
  const columns = [
    { key: 'baseline', label: `${t.history.baseline}: ${baseline.name}`, isAmount: false },
    { key: 'candidate', label: `${t.history.candidate}: ${candidate.name}`, isAmount: false },
    { key: 'difference', label: t.history.difference, isAmount: true },
    { key: 'change', label: t.history.change, isAmount: true },
  ] as const;
  return (
    <section aria-labelledby="comparison-heading" className="card flex flex-col gap-2">
      <h2 id="comparison-heading" className="text-lg font-semibold">
        {t.history.comparison}
      </h2>
      <p id="comparison-note" className="text-sm text-slate-600">
        {t.history.differenceNote(baseline.name, candidate.name)}
      </p>
      <div className="table-stack overflow-x-auto">
        <table aria-describedby="comparison-note">
          <thead>
            <tr>
              <th scope="col">{t.history.field}</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.isAmount ? 'num' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.key}
                data-differs={row.differs}
                className={row.differs ? 'bg-amber-50' : undefined}
              >
                <th scope="row" className="font-normal">
                  {row.label}{' '}
                  {row.differs ? (
                    <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">
                      {t.history.differs}
                    </span>
                  ) : null}
                </th>
                {columns.map((column) => (
                  <td
                    key={column.key}
                    data-label={column.label}
                    className={[column.isAmount ? 'num' : '', row.differs ? 'font-semibold' : '']
                      .join(' ')
                      .trim()}
                  >
                    {row[column.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
