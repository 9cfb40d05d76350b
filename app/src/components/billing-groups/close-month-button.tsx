'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { type CloseMonthOutcome, closeMonth } from '@/actions/billing-groups';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';
import { dashboardHref } from '@/lib/dashboard-tabs';
import { formatMoney } from '@/lib/money';
import { formatDay, formatMonth } from '@/lib/months';
import type { CloseMonthFacts } from '@/mappers/month-close';

interface CloseMonthButtonProps {
  billingGroupId: string;
  /** Null once the month is closed: the button goes, but a confirmation still open stays. */
  facts: CloseMonthFacts | null;
  month: string;
}

/**
 * "Close month" asks first, saying what closing does (freezes the total, consumes credit, sets the
 * due date) and warning when the month is not over. While it closes, the dialog says so and the
 * page behind stays as it is; then the dialog confirms the issued statement, with a link to it.
 * A native modal `<dialog>`: the page behind is inert (focus stays inside) and Escape closes it.
 */
export function CloseMonthButton({ billingGroupId, facts, month }: CloseMonthButtonProps) {
  const { locale, t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<CloseMonthOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setOutcome(await closeMonth(billingGroupId, month));
    });
  const issued = outcome?.ok ? outcome.issued : null;
  const done = useRef<HTMLButtonElement>(null);
  // The confirm button that had focus is gone once the statement is issued: focus moves to "Done".
  useEffect(() => {
    if (issued) done.current?.focus();
  }, [issued]);
  if (!facts && !issued) return null;
  return (
    <>
      {facts ? (
        <button
          type="button"
          className="btn-danger"
          onClick={() => {
            setOutcome(null);
            dialog.current?.showModal();
          }}
        >
          {t.groups.closeMonth(formatMonth(month, locale))}
        </button>
      ) : null}
      <ConfirmDialog
        dialogRef={dialog}
        labelledBy="close-month-title"
        describedBy={[
          !issued && facts?.blockedBy ? 'close-month-blocked' : '',
          !issued && facts?.unfinishedUntil ? 'close-month-warning' : '',
          'close-month-body',
        ]
          .filter(Boolean)
          .join(' ')}
        pending={pending}
      >
        {issued ? (
          <div className="flex flex-col gap-3 p-5">
            <h2 id="close-month-title" className="text-lg font-semibold">
              {t.groups.issuedTitle}
            </h2>
            <div id="close-month-body" role="status" className="flex flex-col gap-1 text-sm text-slate-700">
              <p>
                {t.groups.issued(
                  issued.number ?? issued.statementId ?? '',
                  formatMoney(issued.total, issued.currency, locale),
                )}
              </p>
              {issued.dueAt ? <p>{t.groups.issuedDue(formatDay(issued.dueAt, locale))}</p> : null}
            </div>
            <div className="flex flex-wrap justify-end gap-2">
              <button
                ref={done}
                type="button"
                className="btn-secondary"
                onClick={() => dialog.current?.close()}
              >
                {t.groups.done}
              </button>
              <Link href={`/statements/${issued.statementId}`} className="btn">
                {t.groups.viewStatement}
              </Link>
            </div>
          </div>
        ) : facts ? (
          <div className="flex flex-col gap-3 p-5">
            <h2 id="close-month-title" className="text-lg font-semibold">
              {t.groups.closeTitle(formatMonth(month, locale))}
            </h2>
            {facts.blockedBy ? (
              <div
                id="close-month-blocked"
                className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900"
              >
                <p className="font-semibold">{t.groups.closeBlockedTitle}</p>
                <p>
                  {t.groups.closeBlocked(formatMonth(facts.blockedBy, locale), formatMonth(month, locale))}{' '}
                  <Link
                    href={dashboardHref(billingGroupId, { month: facts.blockedBy })}
                    className="underline"
                  >
                    {t.groups.openMonth(formatMonth(facts.blockedBy, locale))}
                  </Link>
                </p>
              </div>
            ) : null}
            {facts.unfinishedUntil ? (
              <div
                id="close-month-warning"
                className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
              >
                <p className="font-semibold">{t.groups.closeUnfinishedTitle}</p>
                <p>{t.groups.closeUnfinished(formatMonth(month, locale), facts.unfinishedUntil)}</p>
              </div>
            ) : null}
            <ul id="close-month-body" className="list-disc pl-5 text-sm text-slate-700">
              <li>{t.groups.closeFrozen(facts.total)}</li>
              <li>
                {facts.creditsConsumed
                  ? t.groups.closeCredits(facts.creditsConsumed)
                  : t.groups.closeNoCredits}
              </li>
              <li>{t.groups.closeDue(facts.dueOn, facts.paymentTermsDays)}</li>
            </ul>
            <p role="status" aria-live="polite" className="text-sm font-medium text-blue-900">
              {pending ? t.groups.closeProgress(formatMonth(month, locale)) : ''}
            </p>
            {outcome && !outcome.ok ? <ErrorState locale={locale} problem={outcome.problem} /> : null}
            {facts.blockedBy ? (
              <div className="flex justify-end">
                <button
                  type="button"
                  className="btn-secondary"
                  // biome-ignore lint/a11y/noAutofocus: a modal dialog's first focus is its safe choice (WAI-ARIA APG).
                  autoFocus
                  onClick={() => dialog.current?.close()}
                >
                  {t.common.cancel}
                </button>
              </div>
            ) : (
              <DialogActions
                dialog={dialog}
                pending={pending}
                onConfirm={confirm}
                confirmLabel={t.groups.closeConfirm}
                pendingLabel={t.groups.closing}
              />
            )}
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
