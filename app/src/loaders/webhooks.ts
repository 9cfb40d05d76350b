import 'server-only';
import { call, type EdgeResult, edge } from '@/api/client';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '@/api/types';

/** Every webhook endpoint of the tenant (all pages), oldest first (ties by URL), as the list shows them. */
export async function loadWebhookEndpoints(): Promise<EdgeResult<WebhookEndpoint[]>> {
  const client = await edge();
  const endpoints: WebhookEndpoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(() =>
      client.GET('/v1/webhook-endpoints', { params: { query: { limit: 100, cursor } } }),
    );
    if (!page.ok) return page;
    endpoints.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  endpoints.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.url.localeCompare(b.url));
  return { ok: true, data: endpoints };
}

export async function loadWebhookEndpoint(endpointId: string) {
  const client = await edge();
  return call(() => client.GET('/v1/webhook-endpoints/{endpointId}', { params: { path: { endpointId } } }));
}

/** A delivery with its attempts, newest attempt first. */
export interface DeliveryWithAttempts {
  delivery: WebhookDelivery;
  attempts: WebhookAttempt[];
}

/**
 * The endpoint's most recent deliveries (newest event first, one page of 50) and every attempt of
 * each, read by delivery.
 */
export async function loadRecentDeliveries(endpointId: string): Promise<EdgeResult<DeliveryWithAttempts[]>> {
  const client = await edge();
  const deliveries = await call(() =>
    client.GET('/v1/webhook-endpoints/{endpointId}/deliveries', {
      params: { path: { endpointId }, query: { limit: 50 } },
    }),
  );
  if (!deliveries.ok) return deliveries;
  const withAttempts = await Promise.all(
    deliveries.data.items.map(async (delivery) => {
      const attempts = await call(() =>
        client.GET('/v1/webhook-endpoints/{endpointId}/attempts', {
          params: { path: { endpointId }, query: { deliveryId: delivery.id, limit: 100 } },
        }),
      );
      return attempts.ok ? { ok: true as const, delivery, attempts: attempts.data.items } : attempts;
    }),
  );
  const failed = withAttempts.find((item) => !item.ok);
  if (failed && !failed.ok) return failed;
  return {
    ok: true,
    data: withAttempts.flatMap((item) =>
      item.ok ? [{ delivery: item.delivery, attempts: item.attempts }] : [],
    ),
  };
}
