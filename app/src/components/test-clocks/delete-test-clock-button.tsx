'use client';

import { deleteTestClock } from '@/actions/test-clocks';
import type { TestClock } from '@/api/types';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { useConfirmation } from '@/components/feedback/use-confirmation';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';

/**
 * Deletes a clock, asking first. The edge refuses while billing groups live on it (a group never
 * leaves its clock), and the dialog then says so in words and stays open.
 */
export function DeleteTestClockButton({ clock }: { clock: TestClock }) {
  const { locale, t } = useI18n();
  const { dialog, outcome, pending, open, run } = useConfirmation<null>();
  const titleId = `delete-clock-title-${clock.id}`;
  const bodyId = `delete-clock-body-${clock.id}`;
  const confirm = () =>
    run(
      () => deleteTestClock(clock.id),
      (deleted) => {
        if (!deleted.ok) return;
        dialog.current?.close();
        // The card goes with its clock, and the focus, given back to this button, would fall to
        // the page's start: it goes to the list's heading instead.
        document.getElementById('clocks-heading')?.focus();
      },
    );
  return (
    <>
      <button type="button" className="btn-secondary self-start" onClick={open}>
        {t.testClocks.deleteButton}
        <span className="sr-only"> {clock.name}</span>
      </button>
      <ConfirmDialog dialogRef={dialog} labelledBy={titleId} describedBy={bodyId} pending={pending}>
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold wrap-anywhere">
            {t.testClocks.deleteTitle(clock.name)}
          </h2>
          <p id={bodyId} className="text-sm text-slate-700">
            {t.testClocks.deleteBody}
          </p>
          {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
          <DialogActions
            dialog={dialog}
            pending={pending}
            onConfirm={confirm}
            confirmLabel={t.testClocks.deleteConfirm}
            pendingLabel={t.testClocks.deleting}
          />
        </div>
      </ConfirmDialog>
    </>
  );
}
