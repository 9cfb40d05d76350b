import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { compareCalculations } from '@/mappers/comparison';
import type { SavedCalculation } from '@/stores/history-store';

/** Side by side; a differing row is highlighted and says so in words, not by colour alone. */
export function ComparisonTable({
  left,
  right,
  locale,
}: {
  left: SavedCalculation;
  right: SavedCalculation;
  locale: Locale;
}) {
  const t = messages[locale];
  const rows = compareCalculations(left, right, t, locale);
  return (
    <section aria-labelledby="comparison-heading" className="card overflow-x-auto">
      <h2 id="comparison-heading" className="mb-2 text-lg font-semibold">
        {t.history.comparison}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.history.field}</th>
            <th scope="col">{left.name}</th>
            <th scope="col">{right.name}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-differs={row.differs} className={row.differs ? 'bg-amber-50' : undefined}>
              <th scope="row" className="font-normal">
                {row.label}{' '}
                {row.differs ? (
                  <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">
                    {t.history.differs}
                  </span>
                ) : null}
              </th>
              <td className={row.differs ? 'font-semibold' : undefined}>{row.left}</td>
              <td className={row.differs ? 'font-semibold' : undefined}>{row.right}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
