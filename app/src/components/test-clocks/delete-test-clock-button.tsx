'use client';

import { deleteTestClock } from '@/actions/test-clocks';
import type { TestClock } from '@/api/types';
import { ConfirmActionDialog } from '@/components/feedback/confirm-action-dialog';
import { useConfirmation } from '@/components/feedback/use-confirmation';
import { useI18n } from '@/i18n/provider';

/**
 * Deletes a clock, asking first. The edge refuses while billing groups live on it (a group never
 * leaves its clock), and the dialog then says so in words and stays open.
 */
export function DeleteTestClockButton({ clock }: { clock: TestClock }) {
  const { t } = useI18n();
  const { dialog, outcome, pending, open, run } = useConfirmation<null>();
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
      <ConfirmActionDialog
        dialog={dialog}
        pending={pending}
        title={t.testClocks.deleteTitle(clock.name)}
        body={<p>{t.testClocks.deleteBody}</p>}
        problem={outcome && !outcome.ok ? outcome.problem : null}
        onConfirm={confirm}
        confirmLabel={t.testClocks.deleteConfirm}
        pendingLabel={t.testClocks.deleting}
      />
    </>
  );
}
