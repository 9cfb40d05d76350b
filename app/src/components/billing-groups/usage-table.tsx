import { getI18n } from '@/i18n/server';
import { formatNumber } from '@/lib/money';
import type { UsageRow } from '@/mappers/usage-chart';

export async function UsageTable({ rows }: { rows: UsageRow[] }) {
  const { locale, t } = await getI18n();
  return (
    <div className="overflow-x-auto">
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
              <td>{row.projectId}</td>
              <td className="break-all">{row.counterName}</td>
              <td className="num">
                {formatNumber(row.quantity, locale)} {row.unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
