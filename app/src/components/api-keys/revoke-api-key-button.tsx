'use client';

import { useRef, useState, useTransition } from 'react';
import { revokeApiKey } from '@/actions/api-keys';
import type { EdgeResult } from '@/api/client';
import type { ApiKey } from '@/api/types';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';

interface RevokeApiKeyButtonProps {
  apiKey: ApiKey;
  /** The session signs in with this key: revoking it signs the user out, which the dialog says. */
  isCurrent: boolean;
}

/** "Revoke" asks first (a modal `<dialog>`, Escape cancels), then revokes; the list shows it revoked. */
export function RevokeApiKeyButton({ apiKey, isCurrent }: RevokeApiKeyButtonProps) {
  const { locale, t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<EdgeResult<ApiKey> | null>(null);
  const [pending, startTransition] = useTransition();
  const titleId = `revoke-title-${apiKey.id}`;
  const bodyId = `revoke-body-${apiKey.id}`;
  const confirm = () =>
    startTransition(async () => {
      const revoked = await revokeApiKey(apiKey.id);
      setOutcome(revoked);
      if (revoked.ok) dialog.current?.close();
    });
  return (
    <>
      <button
        type="button"
        className="btn-secondary"
        onClick={() => {
          setOutcome(null);
          dialog.current?.showModal();
        }}
      >
        {t.apiKeys.revoke(apiKey.name)}
      </button>
      <ConfirmDialog dialogRef={dialog} labelledBy={titleId} describedBy={bodyId} pending={pending}>
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {t.apiKeys.revokeTitle(apiKey.name)}
          </h2>
          <div id={bodyId} className="flex flex-col gap-1 text-sm text-slate-700">
            <p>{t.apiKeys.revokeBody(apiKey.keyPrefix)}</p>
            {isCurrent ? <p className="font-semibold text-red-900">{t.apiKeys.revokeCurrent}</p> : null}
          </div>
          {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
          <DialogActions
            dialog={dialog}
            pending={pending}
            onConfirm={confirm}
            confirmLabel={t.apiKeys.revokeConfirm}
            pendingLabel={t.apiKeys.revoking}
          />
        </div>
      </ConfirmDialog>
    </>
  );
}
