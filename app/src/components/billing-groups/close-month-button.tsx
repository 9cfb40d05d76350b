'use client';

import { useRef, useState, useTransition } from 'react';
import { closeMonth } from '@/actions/billing-groups';
import type { Problem } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';

/** "Close month" asks first: closing freezes the statement and cannot be undone from here. */
export function CloseMonthButton({ billingGroupId, month }: { billingGroupId: string; month: string }) {
  const { locale, t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const outcome = await closeMonth(billingGroupId, month);
      setProblem(outcome.problem);
    });
  return (
    <>
      <button
        type="button"
        className="btn-danger"
        onClick={() => {
          setProblem(null);
          dialog.current?.showModal();
        }}
      >
        {t.groups.closeMonth(month)}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="close-month-title"
        aria-describedby="close-month-body"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl"
      >
        <div className="flex flex-col gap-3 p-5">
          <h2 id="close-month-title" className="text-lg font-semibold">
            {t.groups.closeTitle(month)}
          </h2>
          <p id="close-month-body" className="text-sm text-slate-700">
            {t.groups.closeBody}
          </p>
          {problem ? <ErrorState locale={locale} problem={problem} /> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              {t.common.cancel}
            </button>
            <button type="button" className="btn-danger" disabled={pending} onClick={confirm}>
              {pending ? t.groups.closing : t.groups.closeConfirm}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
