import { ProjectName } from '@/components/statement/project-name';
import { CounterName } from '@/components/statement/statement-details';
import { getI18n } from '@/i18n/server';
import { formatQuantity } from '@/lib/usage-labels';
import type { UsageRow } from '@/mappers/usage-chart';

export async function UsageTable({
  rows,
  projectNames,
}: {
  rows: UsageRow[];
  projectNames?: ReadonlyMap<string, string>;
}) {
  const { locale, t } = await getI18n();
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.groups.usage}</caption>
        <thead>
          <tr>
            <th scope="col">{t.statement.project}</th>
            <th scope="col">{t.statement.counter}</th>
            <th scope="col" className="num">
              {t.statement.quantity}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.projectId}/${row.counterName}`}>
              <td className="wrap-anywhere" data-label={t.statement.project}>
                <ProjectName projectId={row.projectId} names={projectNames} />
              </td>
              <td data-primary="">
                <CounterName counterName={row.counterName} locale={locale} />
              </td>
              <td className="num" data-label={t.statement.quantity}>
                {formatQuantity(row.quantity, row.unit, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
