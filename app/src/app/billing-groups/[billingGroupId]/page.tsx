import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { firstProblem } from '@/api/client';
import type { BillingGroup } from '@/api/types';
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
import { LoadingState } from '@/components/feedback/loading-state';
import { StatementDetails } from '@/components/statement/statement-details';
import { getI18n } from '@/i18n/server';
import { currentMonth, formatMonth, isMonth } from '@/lib/months';
import { loadBillingGroup, loadDashboard } from '@/loaders/billing-groups';
import { closeMonthFacts } from '@/mappers/month-close';
import { toStatementView } from '@/mappers/statement-view';
import { chargesBy, usageRows } from '@/mappers/usage-chart';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.groups.title };
}

/**
 * The group's name and the month picker show as soon as the group is read (an unknown group is a
 * 404 before anything is drawn); the month's sections follow together, behind one "Loading…", when
 * the edge has answered (their forms carry status regions of their own, so they come in as one).
 */
export default async function BillingGroupDashboard({
  params,
  searchParams,
}: PageProps<'/billing-groups/[billingGroupId]'>) {
  const { locale, t } = await getI18n();
  const { billingGroupId } = await params;
  const query = await searchParams;
  const month = isMonth(query.month) ? query.month : currentMonth();

  const group = await loadBillingGroup(billingGroupId);
  if (!group.ok) {
    if (group.status === 404) notFound();
    return <ErrorState problem={group.problem} locale={locale} />;
  }

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
            {group.data.autoClose ? ` · ${t.groups.autoClosing}` : ''}
          </p>
          <p className="text-sm">
            <Link href={`/billing-groups/${billingGroupId}/import`} className="underline">
              {t.usageImport.link}
            </Link>
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

      <Suspense key={month} fallback={<LoadingState />}>
        <DashboardSections billingGroupId={billingGroupId} month={month} group={group.data} />
      </Suspense>
    </div>
  );
}

async function DashboardSections({
  billingGroupId,
  month,
  group,
}: {
  billingGroupId: string;
  month: string;
  group: BillingGroup;
}) {
  const { locale, t } = await getI18n();
  const { currency } = group;
  const { usage, statement, adjustments, credits, statements } = await loadDashboard(billingGroupId, month);
  const { balances, grants, ledger } = credits;
  const charges = statement.ok ? chargesBy(statement.data.result, locale) : null;

  return (
    <>
      <section aria-labelledby="usage-heading" className="card flex flex-col gap-3">
        <h2 id="usage-heading" className="text-lg font-semibold">
          {t.groups.usage} ({formatMonth(month, locale)})
        </h2>
        {!usage.ok ? (
          <ErrorState locale={locale} problem={usage.problem} />
        ) : usage.data.items.length === 0 ? (
          <EmptyState>{t.groups.noUsage}</EmptyState>
        ) : (
          <>
            {charges ? (
              <div className="grid gap-4 md:grid-cols-2">
                <BarChart
                  title={t.groups.byCounter}
                  bars={charges.byCounter}
                  currency={currency}
                  locale={locale}
                />
                <BarChart
                  title={t.groups.byProject}
                  bars={charges.byProject}
                  currency={currency}
                  locale={locale}
                />
              </div>
            ) : null}
            <UsageTable rows={usageRows(usage.data)} />
          </>
        )}
      </section>

      <section aria-labelledby="draft-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="draft-heading" className="text-lg font-semibold">
            {t.groups.draft} ({formatMonth(month, locale)})
          </h2>
          {statement.ok ? (
            <CloseMonthButton
              billingGroupId={billingGroupId}
              month={month}
              facts={
                statement.data.state === 'DRAFT'
                  ? closeMonthFacts(statement.data.result, group, Date.now(), locale)
                  : null
              }
            />
          ) : null}
        </div>
        {!statement.ok ? (
          <ErrorState locale={locale} problem={statement.problem} />
        ) : statement.data.state === 'DRAFT' ? (
          <>
            <p className="text-sm text-slate-600">{t.groups.draftNote}</p>
            <StatementDetails
              view={toStatementView(statement.data.result)}
              locale={locale}
              grants={grants.ok ? grants.data.items : []}
            />
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
            {t.groups.adjustments} ({formatMonth(month, locale)})
          </h2>
          {adjustments.ok ? (
            <AdjustmentList adjustments={adjustments.data.items} currency={currency} />
          ) : (
            <ErrorState locale={locale} problem={adjustments.problem} />
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
            <ErrorState locale={locale} problem={firstProblem(balances, grants, ledger)} />
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
          <ErrorState locale={locale} problem={statements.problem} />
        )}
      </section>
    </>
  );
}
