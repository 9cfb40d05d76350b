'use client';

import type { ReactNode, RefObject } from 'react';

interface ConfirmDialogProps {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** The id of its heading. */
  labelledBy: string;
  /** The ids of what it says (space-separated). */
  describedBy: string;
  /** While the confirmed action runs: the dialog says it is busy, and Escape does not close it. */
  pending: boolean;
  children: ReactNode;
}

/**
 * The shell every confirmation shares: a native modal `<dialog>` (opened with `showModal()`, the page
 * behind inert, focus kept inside), labelled and described, that Escape closes unless the action is
 * running.
 */
export function ConfirmDialog({ dialogRef, labelledBy, describedBy, pending, children }: ConfirmDialogProps) {
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-busy={pending}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl"
    >
      {children}
    </dialog>
  );
}
