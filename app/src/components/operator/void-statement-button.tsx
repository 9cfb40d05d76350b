'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { type CloseMonthOutcome, closeMonth } from '@/actions/billing-groups';
import { voidStatement } from '@/actions/statements';
import type { EdgeResult } from '@/api/client';
import type { Statement } from '@/api/types';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { useI18n } from '@/i18n/provider';
import { formatMoney } from '@/lib/money';
import { formatMonth } from '@/lib/months';
import { ActionProblem } from './action-problem';

interface VoidStatementButtonProps {
  statementId: string;
  billingGroupId: string;
  month: string;
  /** False once the statement is void: the button goes, but the dialog stays to offer the reissue. */
  canVoid: boolean;
  /** The credit the statement consumed, formatted; null when it consumed none. */
  creditsConsumed: string | null;
}

/**
 * "Void statement" asks first, saying what voiding does (the credits go back, the month reopens);
 * once void, the same dialog offers to close the month again, which issues the new statement.
 * A native modal `<dialog>` as the close-month one: labelled, described, Escape cancels.
 */
export function VoidStatementButton({
  statementId,
  billingGroupId,
  month,
  canVoid,
  creditsConsumed,
}: VoidStatementButtonProps) {
  const { locale, t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [voided, setVoided] = useState<EdgeResult<Statement> | null>(null);
  const [reissued, setReissued] = useState<CloseMonthOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const monthName = formatMonth(month, locale);
  const isVoid = voided?.ok === true;
  const issued = reissued?.ok ? reissued.issued : null;
  // The button that had focus goes when the step changes: the new step's heading takes it.
  useEffect(() => {
    if (isVoid || issued) heading.current?.focus();
  }, [isVoid, issued]);

  const confirmVoid = () =>
    startTransition(async () => {
      setVoided(await voidStatement(statementId));
    });
  const reissue = () =>
    startTransition(async () => {
      setReissued(await closeMonth(billingGroupId, month));
    });

  return (
    <>
      {canVoid ? (
        <button
          type="button"
          className="btn-danger"
          onClick={() => {
            setVoided(null);
            setReissued(null);
            dialog.current?.showModal();
          }}
        >
          {t.operator.void}
        </button>
      ) : null}
      <ConfirmDialog
        dialogRef={dialog}
        labelledBy="void-statement-title"
        describedBy="void-statement-body"
        pending={pending}
      >
        <div className="flex flex-col gap-3 p-5">
          {issued ? (
            <>
              <h2 id="void-statement-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
                {t.groups.issuedTitle}
              </h2>
              <p id="void-statement-body" role="status" className="text-sm text-slate-700">
                {t.groups.issued(issued.statementId, formatMoney(issued.total, issued.currency, locale))}
              </p>
              <div className="flex flex-wrap justify-end gap-2">
                <Link href={`/statements/${issued.statementId}`} className="btn">
                  {t.groups.viewStatement}
                </Link>
              </div>
            </>
          ) : isVoid ? (
            <>
              <h2 id="void-statement-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
                {t.operator.voidedTitle}
              </h2>
              <p id="void-statement-body" role="status" className="text-sm text-slate-700">
                {t.operator.voided(monthName)}
              </p>
              {reissued && !reissued.ok ? <ActionProblem locale={locale} problem={reissued.problem} /> : null}
              <div className="flex flex-wrap justify-end gap-2">
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={pending}
                  onClick={() => dialog.current?.close()}
                >
                  {t.groups.done}
                </button>
                <button type="button" className="btn" disabled={pending} onClick={reissue}>
                  {pending ? t.operator.reissuing : t.operator.reissue(monthName)}
                </button>
              </div>
            </>
          ) : (
            <>
              <h2 id="void-statement-title" className="text-lg font-semibold">
                {t.operator.voidTitle}
              </h2>
              <ul id="void-statement-body" className="list-disc pl-5 text-sm text-slate-700">
                <li>{t.operator.voidRecord}</li>
                <li>
                  {creditsConsumed ? t.operator.voidCredits(creditsConsumed) : t.operator.voidNoCredits}
                </li>
                <li>{t.operator.voidReopens(monthName)}</li>
              </ul>
              {voided && !voided.ok ? <ActionProblem locale={locale} problem={voided.problem} /> : null}
              <DialogActions
                dialog={dialog}
                pending={pending}
                onConfirm={confirmVoid}
                confirmLabel={t.operator.voidConfirm}
                pendingLabel={t.operator.voiding}
              />
            </>
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}
