import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import type { Statement } from '@/api/types';
import { StateBadge } from '@/components/billing-groups/state-badge';
import { CreditNoteForm } from '@/components/credit-notes/credit-note-form';
import { CreditNoteList } from '@/components/credit-notes/credit-note-list';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { ReadFailure } from '@/components/feedback/read-failure';
import { ReconcilePanel } from '@/components/operator/reconcile-panel';
import { VoidStatementButton } from '@/components/operator/void-statement-button';
import { PaymentList } from '@/components/payments/payment-list';
import { PaymentPanel } from '@/components/payments/payment-panel';
import { StatementDetails } from '@/components/statement/statement-details';
import { SimulatedTime } from '@/components/test-clocks/simulated-time';
import { formatClockTime, formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatMoney } from '@/lib/money';
import { formatMonth } from '@/lib/months';
import { loadBillingGroup } from '@/loaders/billing-groups';
import { loadProjectNames } from '@/loaders/projects';
import {
  loadMonthStatement,
  loadStatement,
  loadStatementCreditGrants,
  loadStatementCreditNotes,
  loadStatementPayments,
} from '@/loaders/statements';
import { isPayable, payableAmount } from '@/mappers/payments';
import { toStatementView } from '@/mappers/statement-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.calculator.statement };
}

/**
 * The statement's figures and details show as soon as the statement is read (an unknown one is a
 * 404); the payments section follows when its list has answered.
 */
export default async function StatementPage({ params }: PageProps<'/statements/[statementId]'>) {
  const { locale, t } = await getI18n();
  const { statementId } = await params;
  const statement = await loadStatement(statementId);
  if (!statement.ok) return <ReadFailure failure={statement} locale={locale} />;
  const { data } = statement;
  // Started now, read by the payments section: the two answers do not wait for each other.
  void loadStatementPayments(statementId);
  const isVoid = data.state === 'VOID';
  const [group, grants, monthNow, projectNames] = await Promise.all([
    loadBillingGroup(data.billingGroupId),
    loadStatementCreditGrants(data.billingGroupId),
    // A void statement's month as it stands now: reissued (a live statement) or open again.
    isVoid ? loadMonthStatement(data.billingGroupId, data.month) : null,
    loadProjectNames(data.billingGroupId),
  ]);
  const replacement =
    monthNow?.ok && monthNow.data.state !== 'DRAFT' && monthNow.data.statementId !== data.statementId
      ? monthNow.data.statementId
      : null;
  const money = (amount: string) => formatMoney(amount, data.currency, locale);
  // A statement of a group on a test clock was closed and falls due in the clock's time, weeks or
  // years off today: its times say UTC, as the clock's own do, lest they be read as the reader's.
  const clock = group.ok && group.data.testClockId && group.data.testClockTime ? group.data : null;
  const formatTime = (iso: string) => (clock ? formatClockTime(iso, locale) : formatDate(iso, locale));
  const creditConsumed = data.result.creditTotal.replace(/^-/, '');

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <p className="text-sm text-slate-600">
            <Link href={`/billing-groups/${data.billingGroupId}`} className="underline">
              {group.ok ? group.data.name : data.billingGroupId}
            </Link>
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
            {t.statement.title(formatMonth(data.month, locale))} <StateBadge state={data.state} />
          </h1>
          {data.number ? (
            <p className="text-sm font-medium text-slate-800">{t.statement.number(data.number)}</p>
          ) : null}
          <p className="break-all text-xs text-slate-600">{data.statementId}</p>
          {/* The group's badge: which clock this statement's dates belong to, and its time now. */}
          {clock?.testClockId && clock.testClockTime ? (
            <SimulatedTime testClockId={clock.testClockId} time={clock.testClockTime} />
          ) : null}
        </div>
        <a href={`/statements/${statementId}/pdf`} download className="btn-secondary">
          {t.statement.downloadPdf}
        </a>
      </header>

      {isVoid ? (
        <p role="note" className="rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm">
          {t.statement.voidNote}{' '}
          {replacement ? (
            <Link href={`/statements/${replacement}`} className="font-medium text-blue-800 underline">
              {t.statement.replacedBy(formatMonth(data.month, locale))}
            </Link>
          ) : (
            t.statement.monthOpenAgain(formatMonth(data.month, locale))
          )}
        </p>
      ) : null}

      <section aria-label={t.statement.state} className="card">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          <Fact label={t.statement.total} value={money(data.total)} strong />
          <Fact label={t.statement.paid} value={money(data.paid)} />
          {data.credited !== '0' ? (
            <Fact label={t.creditNotes.credited} value={money(data.credited)} />
          ) : null}
          <Fact
            label={t.statement.outstanding}
            value={isVoid ? t.statement.nothingOwed : money(data.outstanding)}
          />
          <Fact
            label={t.statement.closedAt}
            value={data.closedAt ? formatTime(data.closedAt) : t.common.none}
          />
          <Fact
            label={t.statement.dueAt}
            value={data.dueAt && !isVoid ? formatTime(data.dueAt) : t.common.none}
          />
        </dl>
      </section>

      <section aria-labelledby="operator-heading" className="card flex flex-col gap-4">
        <h2 id="operator-heading" className="text-lg font-semibold">
          {t.operator.heading}
        </h2>
        <div>
          <VoidStatementButton
            statementId={statementId}
            billingGroupId={data.billingGroupId}
            month={data.month}
            canVoid={data.state !== 'VOID'}
            creditsConsumed={Number(creditConsumed) > 0 ? money(creditConsumed) : null}
          />
        </div>
        <ReconcilePanel statementId={statementId} />
      </section>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="statement-details" className="flex min-w-0 flex-col gap-3">
          <h2 id="statement-details" className="sr-only">
            {t.statement.lines}
          </h2>
          <StatementDetails
            view={toStatementView(data.result)}
            locale={locale}
            grants={grants.ok ? grants.data.items : []}
            projectNames={projectNames}
          />
        </section>
        <section aria-labelledby="payments-heading" className="card flex min-w-0 flex-col gap-3 self-start">
          <h2 id="payments-heading" className="text-lg font-semibold">
            {t.payments.heading}
          </h2>
          <Suspense fallback={<LoadingState />}>
            <Payments statementId={statementId} statement={data} />
          </Suspense>
        </section>
      </div>

      <section aria-labelledby="credit-notes-heading" className="card flex min-w-0 flex-col gap-3">
        <h2 id="credit-notes-heading" className="text-lg font-semibold">
          {t.creditNotes.heading}
        </h2>
        <p className="text-sm text-slate-600">{t.creditNotes.intro}</p>
        <Suspense fallback={<LoadingState />}>
          <CreditNotes statementId={statementId} creditable={isCreditable(data)} />
        </Suspense>
      </section>
    </div>
  );
}

/** A void or carried-forward statement takes no credit note: the edge refuses it (409). */
const isCreditable = (statement: Statement) =>
  statement.state !== 'VOID' && statement.state !== 'CARRIED_FORWARD';

async function CreditNotes({ statementId, creditable }: { statementId: string; creditable: boolean }) {
  const { locale } = await getI18n();
  const notes = await loadStatementCreditNotes(statementId);
  if (!notes.ok) return <ErrorState problem={notes.problem} locale={locale} />;
  return (
    <>
      <CreditNoteList notes={notes.data.items} />
      {creditable ? <CreditNoteForm statementId={statementId} /> : null}
    </>
  );
}

/** The pay form and the payments so far: what is left to pay counts the pending ones. */
async function Payments({ statementId, statement }: { statementId: string; statement: Statement }) {
  const { locale } = await getI18n();
  const payments = await loadStatementPayments(statementId);
  const paymentItems = payments.ok ? payments.data.items : [];
  return (
    <>
      <PaymentPanel
        statementId={statementId}
        currency={statement.currency}
        payable={payableAmount(statement, paymentItems)}
        canPay={isPayable(statement)}
      />
      {payments.ok ? (
        <PaymentList payments={paymentItems} />
      ) : (
        <ErrorState problem={payments.problem} locale={locale} />
      )}
    </>
  );
}

function Fact({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={strong ? 'text-lg font-bold tabular-nums' : 'tabular-nums'}>{value}</dd>
    </div>
  );
}
