import type { WebhookEndpoint } from '@/api/types';
import type { Messages } from '@/i18n/messages';

/** The event types an endpoint receives, in words ("All events" for `*`). */
export function eventTypesInWords(types: WebhookEndpoint['eventTypes'], t: Messages): string[] {
  return types.map((type) => (type === '*' ? t.webhooks.allEvents : t.webhooks.eventTypes[type]));
}

export function EndpointStatus({ enabled, t }: { enabled: boolean; t: Messages }) {
  return (
    <span
      data-enabled={enabled}
      className={`rounded px-2 py-0.5 text-xs font-semibold ${enabled ? 'bg-green-100 text-green-900' : 'bg-slate-200 text-slate-900'}`}
    >
      {enabled ? t.webhooks.enabled : t.webhooks.disabled}
    </span>
  );
}
