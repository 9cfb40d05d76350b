'use client';

import type { RefObject } from 'react';
import { useI18n } from '@/i18n/provider';

/**
 * The footer every confirmation dialog shares: Cancel closes the dialog, the danger button confirms;
 * both wait while the action runs, and the confirm button says so. Cancel takes the focus when the
 * dialog opens, so a stray Enter never confirms what cannot be undone.
 */
export function DialogActions(props: {
  dialog: RefObject<HTMLDialogElement | null>;
  pending: boolean;
  onConfirm: () => void;
  confirmLabel: string;
  pendingLabel: string;
}) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <button
        type="button"
        className="btn-secondary"
        // biome-ignore lint/a11y/noAutofocus: a modal dialog's first focus is its safe choice (WAI-ARIA APG).
        autoFocus
        disabled={props.pending}
        onClick={() => props.dialog.current?.close()}
      >
        {t.common.cancel}
      </button>
      <button type="button" className="btn-danger" disabled={props.pending} onClick={props.onConfirm}>
        {props.pending ? props.pendingLabel : props.confirmLabel}
      </button>
    </div>
  );
}
