'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteWebhookEndpoint, rotateWebhookSecret, setWebhookEndpointEnabled } from '@/actions/webhooks';
import type { EdgeResult } from '@/api/client';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@/api/types';
import { ConfirmActionDialog } from '@/components/feedback/confirm-action-dialog';
import { ConfirmDialog } from '@/components/feedback/confirm-dialog';
import { DialogActions } from '@/components/feedback/dialog-actions';
import { useConfirmation } from '@/components/feedback/use-confirmation';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';
import { ShownSecret } from './shown-secret';

interface EndpointActionsProps {
  endpoint: WebhookEndpoint;
  /** Where to go once the endpoint is deleted (its own page is gone then); stays when absent. */
  afterDelete?: string;
}

/** Enable or disable, rotate the secret (asks first, then shows the new one once), delete (asks first). */
export function EndpointActions({ endpoint, afterDelete }: EndpointActionsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      <EnableButton endpoint={endpoint} />
      <RotateSecretButton endpoint={endpoint} />
      <DeleteEndpointButton endpoint={endpoint} {...(afterDelete ? { afterDelete } : {})} />
    </div>
  );
}

/** The endpoint named for a screen reader after a short visible verb ("Disable", then its URL). */
function ForEndpoint({ url }: { url: string }) {
  return <span className="sr-only"> {url}</span>;
}

/** A button that opens its action's confirmation. */
function OpenerButton({ label, url, onOpen }: { label: string; url: string; onOpen: () => void }) {
  return (
    <button type="button" className="btn-secondary" onClick={onOpen}>
      {label}
      <ForEndpoint url={url} />
    </button>
  );
}

function EnableButton({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { locale, t } = useI18n();
  const [outcome, setOutcome] = useState<EdgeResult<WebhookEndpoint> | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      setOutcome(await setWebhookEndpointEnabled(endpoint.id, !endpoint.enabled));
    });
  return (
    <>
      <button type="button" className="btn-secondary" disabled={pending} onClick={toggle}>
        {pending ? t.webhooks.switching : endpoint.enabled ? t.webhooks.disable : t.webhooks.enable}
        <ForEndpoint url={endpoint.url} />
      </button>
      {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
    </>
  );
}

function RotateSecretButton({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { locale, t } = useI18n();
  const { dialog, outcome, pending, open, run } = useConfirmation<WebhookEndpointWithSecret>();
  const titleId = `rotate-title-${endpoint.id}`;
  const bodyId = `rotate-body-${endpoint.id}`;
  const rotated = outcome?.ok ? outcome.data : null;
  const confirm = () => run(() => rotateWebhookSecret(endpoint.id));
  return (
    <>
      <OpenerButton label={t.webhooks.rotate} url={endpoint.url} onOpen={open} />
      <ConfirmDialog dialogRef={dialog} labelledBy={titleId} describedBy={bodyId} pending={pending}>
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {rotated ? t.webhooks.rotatedTitle : t.webhooks.rotateTitle}
          </h2>
          {rotated ? (
            <>
              <div id={bodyId}>
                <ShownSecret
                  key={rotated.secret}
                  secret={rotated.secret}
                  title={endpoint.url}
                  idPrefix={`rotated-${endpoint.id}`}
                />
              </div>
              <div className="flex justify-end">
                <button type="button" className="btn" onClick={() => dialog.current?.close()}>
                  {t.groups.done}
                </button>
              </div>
            </>
          ) : (
            <>
              <p id={bodyId} className="text-sm text-slate-700 wrap-anywhere">
                {t.webhooks.rotateBody(endpoint.url)}
              </p>
              {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
              <DialogActions
                dialog={dialog}
                pending={pending}
                onConfirm={confirm}
                confirmLabel={t.webhooks.rotateConfirm}
                pendingLabel={t.webhooks.rotating}
              />
            </>
          )}
        </div>
      </ConfirmDialog>
    </>
  );
}

function DeleteEndpointButton({ endpoint, afterDelete }: EndpointActionsProps) {
  const { t } = useI18n();
  const router = useRouter();
  const { dialog, outcome, pending, open, run } = useConfirmation<null>();
  const confirm = () =>
    run(
      () => deleteWebhookEndpoint(endpoint.id),
      (deleted) => {
        if (!deleted.ok) return;
        dialog.current?.close();
        if (afterDelete) router.push(afterDelete);
      },
    );
  return (
    <>
      <OpenerButton label={t.webhooks.deleteButton} url={endpoint.url} onOpen={open} />
      <ConfirmActionDialog
        dialog={dialog}
        pending={pending}
        title={t.webhooks.deleteTitle}
        body={<p>{t.webhooks.deleteBody(endpoint.url)}</p>}
        problem={outcome && !outcome.ok ? outcome.problem : null}
        onConfirm={confirm}
        confirmLabel={t.webhooks.deleteConfirm}
        pendingLabel={t.webhooks.deleting}
      />
    </>
  );
}
