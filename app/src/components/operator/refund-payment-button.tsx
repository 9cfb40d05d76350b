'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { refundPayment } from '@/actions/statements';
import type { EdgeResult } from '@/api/client';
import type { Payment } from '@/api/types';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { newIdempotencyKey } from '@/components/payments/idempotency-key';
import { formatDate } from '@/i18n/locales';
import { useI18n } from '@/i18n/provider';
import { formatMoney } from '@/lib/money';
import { ActionProblem } from './action-problem';

/**
 * "Refund" on a succeeded payment: a confirmation naming the amount, then the refund in full. It
 * stays mounted once the payment is REFUNDED (only its button goes), so the dialog can say so.
 */
export function RefundPaymentButton({ payment }: { payment: Payment }) {
  const { locale, t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const idempotencyKey = useRef<string | null>(null);
  const [outcome, setOutcome] = useState<EdgeResult<Payment> | null>(null);
  const [pending, startTransition] = useTransition();
  const amount = formatMoney(payment.amount, payment.currency, locale);
  const titleId = `refund-title-${payment.id}`;
  const bodyId = `refund-body-${payment.id}`;
  const refunded = outcome?.ok === true;
  const done = useRef<HTMLButtonElement>(null);
  // The confirm button that had focus is gone once refunded: focus moves to "Done".
  useEffect(() => {
    if (refunded) done.current?.focus();
  }, [refunded]);

  const confirm = () =>
    startTransition(async () => {
      idempotencyKey.current ??= newIdempotencyKey();
      setOutcome(await refundPayment(payment.id, payment.statementId, idempotencyKey.current));
    });

  return (
    <>
      {payment.state === 'SUCCEEDED' ? (
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            setOutcome(null);
            dialog.current?.showModal();
          }}
        >
          {t.operator.refund(amount)}
        </button>
      ) : null}
      <ConfirmDialog dialogRef={dialog} labelledBy={titleId} describedBy={bodyId} pending={pending}>
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {refunded ? t.operator.refundedTitle : t.operator.refundTitle}
          </h2>
          {refunded ? (
            <p id={bodyId} role="status" className="text-sm text-slate-700">
              {t.operator.refunded(amount)}
            </p>
          ) : (
            <p id={bodyId} className="text-sm text-slate-700">
              {t.operator.refundBody(amount, formatDate(payment.createdAt, locale))}
            </p>
          )}
          {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
          {refunded ? (
            <div className="flex flex-wrap justify-end gap-2">
              <button ref={done} type="button" className="btn" onClick={() => dialog.current?.close()}>
                {t.groups.done}
              </button>
            </div>
          ) : (
            <DialogActions
              dialog={dialog}
              pending={pending}
              onConfirm={confirm}
              confirmLabel={t.operator.refundConfirm(amount)}
              pendingLabel={t.operator.refunding}
            />
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}
