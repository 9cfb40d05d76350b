'use server';

import { revalidatePath } from 'next/cache';
import { call, type EdgeResult, edge } from '@/api/client';
import type { NewWebhookEndpoint, WebhookEndpoint, WebhookEndpointWithSecret } from '@/api/types';

export interface NewEndpointRequest {
  url: string;
  /** The chosen types, or `['*']` for every one; empty when none was chosen (the edge refuses it). */
  eventTypes: NewWebhookEndpoint['eventTypes'];
  description: string;
}

/** Adds an endpoint; the answer carries its signing secret, which the page shows this once. */
export async function createWebhookEndpoint(
  request: NewEndpointRequest,
): Promise<EdgeResult<WebhookEndpointWithSecret>> {
  const client = await edge();
  const description = request.description.trim();
  const created = await call(() =>
    client.POST('/v1/webhook-endpoints', {
      body: {
        url: request.url.trim(),
        eventTypes: request.eventTypes,
        ...(description ? { description } : {}),
      },
    }),
  );
  if (created.ok) revalidatePath('/webhooks');
  return created;
}

/** Switches an endpoint on or off; while off it is owed nothing written meanwhile. */
export async function setWebhookEndpointEnabled(
  endpointId: string,
  enabled: boolean,
): Promise<EdgeResult<WebhookEndpoint>> {
  const client = await edge();
  const changed = await call(() =>
    client.PATCH('/v1/webhook-endpoints/{endpointId}', {
      params: { path: { endpointId } },
      body: { enabled },
    }),
  );
  if (changed.ok) {
    revalidatePath('/webhooks');
    revalidatePath(`/webhooks/${endpointId}`);
  }
  return changed;
}

/** Replaces the signing secret; the new one is in this answer only. */
export async function rotateWebhookSecret(
  endpointId: string,
): Promise<EdgeResult<WebhookEndpointWithSecret>> {
  const client = await edge();
  return call(() =>
    client.POST('/v1/webhook-endpoints/{endpointId}/rotate-secret', { params: { path: { endpointId } } }),
  );
}

export async function deleteWebhookEndpoint(endpointId: string): Promise<EdgeResult<null>> {
  const client = await edge();
  const deleted = await call(() =>
    client.DELETE('/v1/webhook-endpoints/{endpointId}', { params: { path: { endpointId } } }),
  );
  if (!deleted.ok) return deleted;
  revalidatePath('/webhooks');
  return { ok: true, data: null };
}

/** Sends an event to the endpoint again, now; its retries start over. */
export async function redeliverWebhook(endpointId: string, eventId: string): Promise<EdgeResult<null>> {
  const client = await edge();
  const sent = await call(() =>
    client.POST('/v1/webhook-endpoints/{endpointId}/redeliveries', {
      params: { path: { endpointId } },
      body: { eventId },
    }),
  );
  if (!sent.ok) return sent;
  revalidatePath(`/webhooks/${endpointId}`);
  return { ok: true, data: null };
}
