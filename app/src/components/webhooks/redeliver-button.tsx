'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { redeliverWebhook } from '@/actions/webhooks';
import type { EdgeResult } from '@/api/client';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';

/** Sends the delivery's event again now, says so, and reads the deliveries again a moment later. */
export function RedeliverButton({
  endpointId,
  eventId,
  eventName,
}: {
  endpointId: string;
  eventId: string;
  /** The event in words, for the button's accessible name. */
  eventName: string;
}) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [outcome, setOutcome] = useState<EdgeResult<null> | null>(null);
  const [pending, startTransition] = useTransition();
  const redeliver = () =>
    startTransition(async () => {
      const sent = await redeliverWebhook(endpointId, eventId);
      setOutcome(sent);
      if (sent.ok) router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn-secondary" disabled={pending} onClick={redeliver}>
        {pending ? t.webhooks.redelivering : t.webhooks.redeliver}
        <span className="sr-only">
          {' '}
          {eventName} {eventId}
        </span>
      </button>
      <p role="status" className="text-sm text-green-800">
        {outcome?.ok ? t.webhooks.redelivered : ''}
      </p>
      {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
    </div>
  );
}
