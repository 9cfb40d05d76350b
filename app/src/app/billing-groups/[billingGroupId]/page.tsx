import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { call, edge, firstProblem } from '@/api/client';
import { AdjustmentForm } from '@/components/billing-groups/adjustment-form';
import { AdjustmentList } from '@/components/billing-groups/adjustment-list';
import { BarChart } from '@/components/billing-groups/bar-chart';
import { CloseMonthButton } from '@/components/billing-groups/close-month-button';
import { CreditGrantForm } from '@/components/billing-groups/credit-grant-form';
import { CreditWallet } from '@/components/billing-groups/credit-wallet';
import { StatementList } from '@/components/billing-groups/statement-list';
import { UsageTable } from '@/components/billing-groups/usage-table';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { StatementDetails } from '@/components/statement/statement-details';
import { getI18n } from '@/i18n/server';
import { currentMonth, isMonth } from '@/lib/months';
import { toStatementView } from '@/mappers/statement-view';
import { chargesBy, usageRows } from '@/mappers/usage-chart';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.groups.title };
}

export default async function BillingGroupDashboard({
  params,
  searchParams,
}: PageProps<'/billing-groups/[billingGroupId]'>) {
  const { t } = await getI18n();
  const { billingGroupId } = await params;
  const query = await searchParams;
  const month = isMonth(query.month) ? query.month : currentMonth();
  const client = await edge();
  const path = { billingGroupId };

  const group = await call(() => client.GET('/v1/billing-groups/{billingGroupId}', { params: { path } }));
  if (!group.ok) {
    if (group.status === 404) notFound();
    return <ErrorState problem={group.problem} />;
  }
  const [usage, statement, adjustments, balances, grants, ledger, statements] = await Promise.all([
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/usage', { params: { path, query: { month } } }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/statements/{month}', {
        params: { path: { billingGroupId, month } },
      }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/adjustments', {
        params: { path, query: { month, limit: 100 } },
      }),
    ),
    call(() => client.GET('/v1/billing-groups/{billingGroupId}/credit-balances', { params: { path } })),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/credits', { params: { path, query: { limit: 100 } } }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/credit-ledger', {
        params: { path, query: { limit: 100 } },
      }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/statements', {
        params: { path, query: { limit: 100 } },
      }),
    ),
  ]);
  const currency = group.data.currency;
  const charges = statement.ok ? chargesBy(statement.data.result) : null;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link href="/billing-groups" className="underline">
              {t.groups.title}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{group.data.name}</h1>
          <p className="text-sm text-slate-600">
            {group.data.currency} · {group.data.id}
          </p>
        </div>
        <form className="flex items-end gap-2">
          <div className="field">
            <label htmlFor="dashboard-month">{t.groups.month}</label>
            <input id="dashboard-month" name="month" type="month" defaultValue={month} required />
          </div>
          <button type="submit" className="btn-secondary">
            {t.groups.showMonth}
          </button>
        </form>
      </header>

      <section aria-labelledby="usage-heading" className="card flex flex-col gap-3">
        <h2 id="usage-heading" className="text-lg font-semibold">
          {t.groups.usage} ({month})
        </h2>
        {!usage.ok ? (
          <ErrorState problem={usage.problem} />
        ) : usage.data.items.length === 0 ? (
          <EmptyState>{t.groups.noUsage}</EmptyState>
        ) : (
          <>
            {charges ? (
              <div className="grid gap-4 md:grid-cols-2">
                <BarChart title={t.groups.byCounter} bars={charges.byCounter} currency={currency} />
                <BarChart title={t.groups.byProject} bars={charges.byProject} currency={currency} />
              </div>
            ) : null}
            <UsageTable rows={usageRows(usage.data)} />
          </>
        )}
      </section>

      <section aria-labelledby="draft-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="draft-heading" className="text-lg font-semibold">
            {t.groups.draft} ({month})
          </h2>
          {statement.ok && statement.data.state === 'DRAFT' ? (
            <CloseMonthButton billingGroupId={billingGroupId} month={month} />
          ) : null}
        </div>
        {!statement.ok ? (
          <ErrorState problem={statement.problem} />
        ) : statement.data.state === 'DRAFT' ? (
          <>
            <p className="text-sm text-slate-600">{t.groups.draftNote}</p>
            <StatementDetails view={toStatementView(statement.data.result)} />
          </>
        ) : (
          <p className="card text-sm">
            {t.groups.closed(t.enums.statementState[statement.data.state])}{' '}
            <Link
              href={`/statements/${statement.data.statementId}`}
              className="font-medium text-blue-800 underline"
            >
              {t.groups.viewStatement}
            </Link>
          </p>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="adjustments-heading" className="card flex min-w-0 flex-col gap-3">
          <h2 id="adjustments-heading" className="text-lg font-semibold">
            {t.groups.adjustments} ({month})
          </h2>
          {adjustments.ok ? (
            <AdjustmentList adjustments={adjustments.data.items} currency={currency} />
          ) : (
            <ErrorState problem={adjustments.problem} />
          )}
          <AdjustmentForm billingGroupId={billingGroupId} month={month} />
        </section>

        <section aria-labelledby="credits-heading" className="card flex min-w-0 flex-col gap-3">
          <h2 id="credits-heading" className="text-lg font-semibold">
            {t.groups.credits}
          </h2>
          {balances.ok && grants.ok && ledger.ok ? (
            <CreditWallet balances={balances.data} grants={grants.data.items} ledger={ledger.data.items} />
          ) : (
            <ErrorState problem={firstProblem(balances, grants, ledger)} />
          )}
          <CreditGrantForm billingGroupId={billingGroupId} />
        </section>
      </div>

      <section aria-labelledby="statements-heading" className="card flex flex-col gap-3">
        <h2 id="statements-heading" className="text-lg font-semibold">
          {t.groups.statements}
        </h2>
        {statements.ok ? (
          <StatementList statements={statements.data.items} />
        ) : (
          <ErrorState problem={statements.problem} />
        )}
      </section>
    </div>
  );
}
