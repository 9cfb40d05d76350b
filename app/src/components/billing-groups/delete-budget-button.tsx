'use client';

import { useRef, useState, useTransition } from 'react';
import { deleteBudget } from '@/actions/billing-groups';
import type { Problem } from '@/api/types';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';

/** "Delete" asks first (a modal `<dialog>`, Escape cancels), then deletes the budget. */
export function DeleteBudgetButton({
  billingGroupId,
  budget,
}: {
  billingGroupId: string;
  budget: { id: string; name: string };
}) {
  const { locale, t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();
  const titleId = `delete-budget-title-${budget.id}`;
  const bodyId = `delete-budget-body-${budget.id}`;
  const confirm = () =>
    startTransition(async () => {
      const deleted = await deleteBudget(billingGroupId, budget.id);
      setProblem(deleted.ok ? null : deleted.problem);
      if (deleted.ok) dialog.current?.close();
    });
  return (
    <>
      <button
        type="button"
        className="btn-secondary"
        aria-label={t.budgets.deleteButton(budget.name)}
        onClick={() => {
          setProblem(null);
          dialog.current?.showModal();
        }}
      >
        {t.common.delete}
      </button>
      <ConfirmDialog dialogRef={dialog} labelledBy={titleId} describedBy={bodyId} pending={pending}>
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {t.budgets.deleteTitle(budget.name)}
          </h2>
          <p id={bodyId} className="text-sm text-slate-700">
            {t.budgets.deleteBody}
          </p>
          {problem ? <ActionProblem locale={locale} problem={problem} /> : null}
          <DialogActions
            dialog={dialog}
            pending={pending}
            onConfirm={confirm}
            confirmLabel={t.budgets.deleteConfirm}
            pendingLabel={t.budgets.deleting}
          />
        </div>
      </ConfirmDialog>
    </>
  );
}
