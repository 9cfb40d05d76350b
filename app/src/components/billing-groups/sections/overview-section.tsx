import Link from 'next/link';
import type { BillingGroup } from '@/api/types';
import { AdjustmentForm } from '@/components/billing-groups/adjustment-form';
import { AdjustmentList } from '@/components/billing-groups/adjustment-list';
import { BudgetForm } from '@/components/billing-groups/budget-form';
import { BudgetList } from '@/components/billing-groups/budget-list';
import { CloseMonthButton } from '@/components/billing-groups/close-month-button';
import { PriceBookSetting } from '@/components/billing-groups/price-book-setting';
import { ProjectedWallet } from '@/components/billing-groups/projected-wallet';
import { ErrorState } from '@/components/feedback/error-state';
import { StatementDetails } from '@/components/statement/statement-details';
import { getI18n } from '@/i18n/server';
import { formatMonth } from '@/lib/months';
import { projectWallet } from '@/lib/projected-wallet';
import { counterLabel } from '@/lib/usage-labels';
import { loadOverview } from '@/loaders/billing-groups';
import { loadProjectNames } from '@/loaders/projects';
import { closeMonthFacts } from '@/mappers/month-close';
import { toStatementView } from '@/mappers/statement-view';

/**
 * The month at a glance: the draft statement with its close button, the wallet after it, the budgets
 * against the month, adjustments.
 */
export async function OverviewSection({ group, month }: { group: BillingGroup; month: string }) {
  const { locale, t } = await getI18n();
  const [{ statement, previous, adjustments, balances, grants, priceBooks, budgets }, projectNames] =
    await Promise.all([loadOverview(group.id, month), loadProjectNames(group.id)]);
  const draft = statement.ok && statement.data.state === 'DRAFT' ? statement.data : null;
  const needsPriceBook = !statement.ok && statement.problem.type === '/problems/price-book-required';
  // Keyed, like the sections it moves among: when setting the book makes the group billable, the
  // form moves below the figures and keeps its state (the confirmation it shows).
  const priceBookSetting = priceBooks.ok ? (
    <PriceBookSetting
      key="price-book"
      billingGroupId={group.id}
      currency={group.currency}
      current={group.priceBookId ?? null}
      books={priceBooks.data.filter((book) => book.currency === group.currency)}
    />
  ) : null;
  // The book the group is billed from: its own, or the built-in one of its currency.
  const billedFrom = priceBooks.ok
    ? (priceBooks.data.find((book) =>
        group.priceBookId ? book.id === group.priceBookId : book.builtIn && book.currency === group.currency,
      ) ?? null)
    : null;
  const counters = (billedFrom?.entries ?? []).map((entry) => ({
    counterName: entry.counterName,
    label: counterLabel(entry.counterName, locale),
  }));
  const sections = [
    <section key="draft" aria-labelledby="draft-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="draft-heading" className="text-lg font-semibold">
          {t.groups.draft} ({formatMonth(month, locale)})
        </h2>
        {statement.ok ? (
          <CloseMonthButton
            billingGroupId={group.id}
            month={month}
            facts={
              draft
                ? closeMonthFacts(
                    draft.result,
                    group,
                    // The due date counts from the close, in the group's time: its clock's, if any.
                    group.testClockTime ? Date.parse(group.testClockTime) : Date.now(),
                    locale,
                    previous.ok ? previous.data : null,
                  )
                : null
            }
          />
        ) : null}
      </div>
      {!statement.ok ? (
        <ErrorState locale={locale} problem={statement.problem} />
      ) : draft ? (
        <>
          <p className="text-sm text-slate-600">{t.groups.draftNote}</p>
          <StatementDetails
            view={toStatementView(draft.result)}
            locale={locale}
            grants={grants.ok ? grants.data.items : []}
            projectNames={projectNames}
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
    </section>,

    draft && balances.ok ? (
      <ProjectedWallet
        key="wallet"
        projection={projectWallet(balances.data, draft.result)}
        currency={group.currency}
      />
    ) : null,

    <section key="budgets" aria-labelledby="budgets-heading" className="card flex min-w-0 flex-col gap-3">
      <h2 id="budgets-heading" className="text-lg font-semibold">
        {t.budgets.heading} ({formatMonth(month, locale)})
      </h2>
      <p className="text-sm text-slate-600">{t.budgets.intro}</p>
      {budgets.ok ? (
        <BudgetList
          billingGroupId={group.id}
          budgets={[...budgets.data.items].sort(
            (a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name),
          )}
          currency={group.currency}
          priceBook={billedFrom}
        />
      ) : (
        <ErrorState locale={locale} problem={budgets.problem} />
      )}
      <BudgetForm billingGroupId={group.id} counters={counters} />
    </section>,

    <section
      key="adjustments"
      aria-labelledby="adjustments-heading"
      className="card flex min-w-0 flex-col gap-3"
    >
      <h2 id="adjustments-heading" className="text-lg font-semibold">
        {t.groups.adjustments} ({formatMonth(month, locale)})
      </h2>
      {adjustments.ok ? (
        <AdjustmentList adjustments={adjustments.data.items} currency={group.currency} />
      ) : (
        <ErrorState locale={locale} problem={adjustments.problem} />
      )}
      <AdjustmentForm billingGroupId={group.id} month={month} />
    </section>,
  ];
  // First when the group cannot be billed without it; after the month's figures otherwise.
  return <>{needsPriceBook ? [priceBookSetting, ...sections] : [...sections, priceBookSetting]}</>;
}
