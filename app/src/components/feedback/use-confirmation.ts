'use client';

import { useRef, useState, useTransition } from 'react';
import type { EdgeResult } from '@/api/client';

/**
 * The state of an action confirmed in a dialog: the dialog, its outcome (cleared each time it
 * opens, so a refusal from before never shows again) and the action in flight.
 */
export function useConfirmation<T>() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<EdgeResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const open = () => {
    setOutcome(null);
    dialog.current?.showModal();
  };
  /** Runs the confirmed action, keeps its outcome, then hands it to `after` (to close, say). */
  const run = (action: () => Promise<EdgeResult<T>>, after?: (outcome: EdgeResult<T>) => void) =>
    startTransition(async () => {
      const done = await action();
      setOutcome(done);
      after?.(done);
    });
  return { dialog, outcome, pending, open, run };
}
