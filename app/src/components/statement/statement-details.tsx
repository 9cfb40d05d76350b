import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { creditNamer, type NamedGrant } from '@/lib/credit-names';
import { formatMoney } from '@/lib/money';
import { counterLabel, formatQuantity, formatUnitPrice } from '@/lib/usage-labels';
import type { StatementView } from '@/mappers/statement-view';
import { BreakdownChart } from './breakdown-chart';
import { ExplainTrace } from './explain-trace';
import { ProjectName } from './project-name';

interface StatementDetailsProps {
  view: StatementView;
  locale: Locale;
  headingLevel?: 2 | 3;
  /** The billing group's grants, to name the credits burned; without them a credit goes by its type. */
  grants?: readonly NamedGrant[];
  /** The group's project names by id; a project without one goes by its id. */
  projectNames?: ReadonlyMap<string, string>;
}

/**
 * A computed statement in full: line items, what changed the amount, the totals, the chart, the trace.
 * No client state: the statement and dashboard pages render it on the server, the calculator in the
 * browser.
 */
export function StatementDetails({
  view,
  locale,
  headingLevel = 3,
  grants = [],
  projectNames,
}: StatementDetailsProps) {
  const t = messages[locale];
  const creditName = creditNamer(grants, locale);
  const money = (amount: string) => formatMoney(amount, view.currency, locale);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const hasCredits = view.credits.length > 0 || view.skippedCredits.length > 0;
  // A late fee is charged on an unpaid balance only: with none, neither row says anything.
  const hasUnpaid = !isZero(view.unpaid) || !isZero(view.lateFee);
  const headingClass = 'mb-2 text-base font-semibold';
  return (
    <div className="flex flex-col gap-4">
      <section className="card table-stack overflow-x-auto">
        <Heading className={headingClass}>{t.statement.lines}</Heading>
        {view.lines.length === 0 ? (
          <p className="text-sm text-slate-600">{t.statement.noLines}</p>
        ) : (
          <table>
            <caption className="sr-only">{t.statement.lines}</caption>
            <thead>
              <tr>
                <th scope="col">{t.statement.project}</th>
                <th scope="col">{t.statement.counter}</th>
                <th scope="col" className="num">
                  {t.statement.quantity}
                </th>
                <th scope="col" className="num">
                  {t.statement.unitPrice}
                </th>
                <th scope="col" className="num">
                  {t.statement.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map((line) => (
                <tr key={line.id}>
                  <td className="wrap-anywhere" data-label={t.statement.project}>
                    <ProjectName projectId={line.projectId} names={projectNames} />
                  </td>
                  <td data-primary="">
                    <CounterName counterName={line.counterName} locale={locale} />
                  </td>
                  <td className="num" data-label={t.statement.quantity}>
                    {formatQuantity(line.quantity, line.unit, locale)}
                  </td>
                  <td className="num" data-label={t.statement.unitPrice}>
                    <span>
                      {formatUnitPrice(money(line.unitPrice), line.unit, locale)}
                      {line.priceSource === 'CONTRACT' ? (
                        <span className="block text-xs text-slate-600">{t.enums.priceSource.CONTRACT}</span>
                      ) : null}
                    </span>
                  </td>
                  <td className="num" data-label={t.statement.amount}>
                    {money(line.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {view.adjustments.length > 0 ? (
        <section className="card overflow-x-auto">
          <Heading className={headingClass}>{t.statement.adjustments}</Heading>
          <ul className="flex flex-col gap-1 text-sm">
            {view.adjustments.map((adjustment) => (
              <li key={adjustment.id} className="flex flex-wrap justify-between gap-2">
                <span>
                  {t.enums.adjustmentType[adjustment.type]} ·{' '}
                  {adjustment.method === 'RATE' ? `${adjustment.value}%` : money(adjustment.value)} ·{' '}
                  {t.statement.adjustmentOn(adjustment.targetProjectId ?? t.statement.wholeGroup)}
                  {adjustment.capped ? ` (${t.statement.capped})` : ''}
                </span>
                <span className="num">{money(adjustment.amount)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.credits.length > 0 || view.skippedCredits.length > 0 ? (
        <section className="card table-stack overflow-x-auto">
          <Heading className={headingClass}>{t.statement.credits}</Heading>
          <p className="mb-2 text-sm text-slate-600">{t.statement.creditsWhy}</p>
          {view.credits.length > 0 ? (
            <table>
              <caption className="sr-only">{t.statement.credits}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t.calculator.creditType}</th>
                  <th scope="col" className="num">
                    {t.statement.balanceBefore}
                  </th>
                  <th scope="col" className="num">
                    {t.statement.applied}
                  </th>
                  <th scope="col" className="num">
                    {t.statement.balanceAfter}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.credits.map((credit) => (
                  <tr key={credit.grantId}>
                    <td data-primary="" title={credit.grantId}>
                      {t.statement.creditBurn(credit.order, creditName(credit.grantId, credit.type))}
                    </td>
                    <td data-label={t.calculator.creditType}>
                      {t.enums.creditType[credit.type as keyof typeof t.enums.creditType] ?? credit.type} (
                      {t.calculator.priority} {credit.priority})
                    </td>
                    <td className="num" data-label={t.statement.balanceBefore}>
                      {money(credit.balanceBefore)}
                    </td>
                    <td className="num" data-label={t.statement.applied}>
                      {money(credit.amountApplied)}
                    </td>
                    <td className="num" data-label={t.statement.balanceAfter}>
                      {money(credit.balanceAfter)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {view.skippedCredits.length > 0 ? (
            <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
              {view.skippedCredits.map((skipped) => (
                <li key={skipped.grantId} title={skipped.grantId}>
                  {t.statement.skipped(creditName(skipped.grantId), t.enums.skippedReason[skipped.reason])}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <section className="card overflow-x-auto">
        <Heading className={headingClass}>{t.statement.total}</Heading>
        <table aria-label={t.statement.total}>
          <tbody>
            <TotalRow label={t.statement.subtotal} value={money(view.subtotal)} />
            {view.contractLines.map((line) => (
              <TotalRow key={line.kind} label={t.enums.contractLine[line.kind]} value={money(line.amount)} />
            ))}
            {view.adjustments.length > 0 ? (
              <TotalRow label={t.statement.adjustmentTotal} value={money(view.adjustmentTotal)} />
            ) : null}
            {/* Only the rows that apply: no credit, unpaid balance or late fee is not a row of ₩0. */}
            {hasCredits ? (
              <>
                <TotalRow label={t.statement.chargeBeforeCredits} value={money(view.chargeBeforeCredits)} />
                <TotalRow label={t.statement.creditTotal} value={money(negative(view.creditTotal))} />
              </>
            ) : null}
            {hasCredits || view.contractLines.length > 0 || view.adjustments.length > 0 ? (
              <TotalRow label={t.statement.charge} value={money(view.charge)} />
            ) : null}
            <TotalRow label={t.statement.vat(view.vatRate)} value={money(view.vat)} />
            {hasUnpaid ? (
              <>
                <TotalRow
                  label={t.statement.unpaid}
                  value={money(view.unpaid)}
                  note={view.isOverdue ? t.statement.overdueNote : undefined}
                />
                <TotalRow label={t.statement.lateFee(view.lateFeeRate)} value={money(view.lateFee)} />
              </>
            ) : null}
            <TotalRow label={t.statement.total} value={money(view.total)} strong />
          </tbody>
        </table>
      </section>

      <section className="card">
        <Heading className={headingClass}>{t.statement.breakdown}</Heading>
        <BreakdownChart view={view} locale={locale} />
      </section>

      <ExplainTrace
        trace={view.trace}
        locale={locale}
        money={money}
        creditName={creditName}
        projectName={(id) => projectNames?.get(id) ?? id}
      />
    </div>
  );
}

/** A counter by its readable name, its id below in small print (the id the API and exports use). */
export function CounterName({ counterName, locale }: { counterName: string; locale: Locale }) {
  return (
    <>
      <span className="block">{counterLabel(counterName, locale)}</span>
      <span className="id-text font-normal text-slate-500" title={counterName}>
        {counterName}
      </span>
    </>
  );
}

function TotalRow({
  label,
  value,
  note,
  strong,
}: {
  label: string;
  value: string;
  note?: string;
  strong?: boolean;
}) {
  return (
    <tr className={strong ? 'text-base font-bold' : undefined}>
      <th scope="row" className="font-normal">
        {strong ? <strong>{label}</strong> : label}{' '}
        {note ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{note}</span>
        ) : null}
      </th>
      <td className="num">{value}</td>
    </tr>
  );
}

function isZero(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}

function negative(amount: string): string {
  return isZero(amount) || amount.startsWith('-') ? amount : `-${amount}`;
}
