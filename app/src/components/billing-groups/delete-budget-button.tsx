'use client';

import { useRef, useState, useTransition } from 'react';
import { deleteBudget } from '@/actions/billing-groups';
import type { Problem } from '@/api/types';
import { ConfirmActionDialog } from '@/components/feedback/confirm-action-dialog';
import { useI18n } from '@/i18n/provider';

/** "Delete" asks first (a modal `<dialog>`, Escape cancels), then deletes the budget. */
export function DeleteBudgetButton({
  billingGroupId,
  budget,
}: {
  billingGroupId: string;
  budget: { id: string; name: string };
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();
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
      <ConfirmActionDialog
        dialog={dialog}
        pending={pending}
        title={t.budgets.deleteTitle(budget.name)}
        body={<p>{t.budgets.deleteBody}</p>}
        problem={problem}
        onConfirm={confirm}
        confirmLabel={t.budgets.deleteConfirm}
        pendingLabel={t.budgets.deleting}
      />
    </>
  );
}
