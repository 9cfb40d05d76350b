'use client';

import { type ReactNode, type RefObject, useId } from 'react';
import type { Problem } from '@/api/types';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';

interface ConfirmActionDialogProps {
  dialog: RefObject<HTMLDialogElement | null>;
  pending: boolean;
  title: string;
  /** What confirming does, in words: one paragraph or a few. */
  body: ReactNode;
  /** Why the edge refused the last try, shown in the dialog, which stays open. */
  problem: Problem | null;
  onConfirm: () => void;
  confirmLabel: string;
  pendingLabel: string;
}

/**
 * A confirmation of one action that cannot be undone (delete, revoke): its title, what it does, the
 * refusal of the last try if any, and Cancel / confirm. Long names and URLs wrap inside the dialog
 * at phone width.
 */
export function ConfirmActionDialog(props: ConfirmActionDialogProps) {
  const { locale } = useI18n();
  const id = useId();
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  return (
    <ConfirmDialog dialogRef={props.dialog} labelledBy={titleId} describedBy={bodyId} pending={props.pending}>
      <div className="flex flex-col gap-3 p-5">
        <h2 id={titleId} className="text-lg font-semibold wrap-anywhere">
          {props.title}
        </h2>
        <div id={bodyId} className="flex flex-col gap-1 text-sm text-slate-700 wrap-anywhere">
          {props.body}
        </div>
        {props.problem ? <ActionProblem locale={locale} problem={props.problem} /> : null}
        <DialogActions
          dialog={props.dialog}
          pending={props.pending}
          onConfirm={props.onConfirm}
          confirmLabel={props.confirmLabel}
          pendingLabel={props.pendingLabel}
        />
      </div>
    </ConfirmDialog>
  );
}
