import Link from 'next/link';
import type { StatementSummary } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { getI18n } from '@/i18n/server';
import { formatMoney } from '@/lib/money';
import { formatMonth } from '@/lib/months';
import { StateBadge } from './state-badge';

export async function StatementList({ statements }: { statements: StatementSummary[] }) {
  const { locale, t } = await getI18n();
  if (statements.length === 0) return <EmptyState>{t.groups.noStatements}</EmptyState>;
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.groups.statements}</caption>
        <thead>
          <tr>
            <th scope="col">{t.statement.month}</th>
            <th scope="col">{t.statement.state}</th>
            <th scope="col" className="num">
              {t.statement.total}
            </th>
            <th scope="col" className="num">
              {t.statement.outstanding}
            </th>
          </tr>
        </thead>
        <tbody>
          {statements.map((statement) => (
            <tr key={statement.statementId}>
              <td data-primary="">
                <Link
                  href={`/statements/${statement.statementId}`}
                  className="font-medium text-blue-800 underline"
                >
                  {t.statement.title(formatMonth(statement.month, locale))}
                </Link>
                <span className="block text-xs text-slate-600">{statement.number}</span>
              </td>
              <td data-label={t.statement.state}>
                <StateBadge state={statement.state} />
              </td>
              <td className="num" data-label={t.statement.total}>
                {formatMoney(statement.total, statement.currency, locale)}
              </td>
              <td className="num" data-label={t.statement.outstanding}>
                {/* A void statement is owed by nobody: its month was reopened or reissued. */}
                {statement.state === 'VOID'
                  ? t.common.none
                  : formatMoney(statement.outstanding, statement.currency, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
