'use client';

import { useRef, useState, useTransition } from 'react';
import { revokeApiKey } from '@/actions/api-keys';
import type { EdgeResult } from '@/api/client';
import type { ApiKey } from '@/api/types';
import { ConfirmActionDialog } from '@/components/feedback/confirm-action-dialog';
import { useI18n } from '@/i18n/provider';

interface RevokeApiKeyButtonProps {
  apiKey: ApiKey;
  /** The session signs in with this key: revoking it signs the user out, which the dialog says. */
  isCurrent: boolean;
}

/** "Revoke" asks first (a modal `<dialog>`, Escape cancels), then revokes; the list shows it revoked. */
export function RevokeApiKeyButton({ apiKey, isCurrent }: RevokeApiKeyButtonProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<EdgeResult<ApiKey> | null>(null);
  const [pending, startTransition] = useTransition();
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
      <ConfirmActionDialog
        dialog={dialog}
        pending={pending}
        title={t.apiKeys.revokeTitle(apiKey.name)}
        body={
          <>
            <p>{t.apiKeys.revokeBody(apiKey.keyPrefix)}</p>
            {isCurrent ? <p className="font-semibold text-red-900">{t.apiKeys.revokeCurrent}</p> : null}
          </>
        }
        problem={outcome && !outcome.ok ? outcome.problem : null}
        onConfirm={confirm}
        confirmLabel={t.apiKeys.revokeConfirm}
        pendingLabel={t.apiKeys.revoking}
      />
    </>
  );
}
