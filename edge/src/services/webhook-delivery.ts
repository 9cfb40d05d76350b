import { signatureHeader } from '@billing/webhooks';
import type { AppDeps, WebhookSettings } from '../deps';
import type { Storage } from '../storage/port';
import type { AttemptWrite, LeasedDelivery } from '../storage/ports/webhooks';
import { eventToWire } from './events';
import { webhookUrlProblem } from './webhook-url';

/**
 * Sends the webhook deliveries that are due (DOMAIN §8b): each signed, POSTed once with a short
 * timeout, no redirect followed and at most RESPONSE_EXCERPT_BYTES of the answer read; every try
 * logged. A 2xx answer delivers it; anything else retries it after a wait that doubles from
 * `retryBaseMs`, until `retryWindowMs` after its event, when it is FAILED. At least once: a
 * dispatcher that dies mid-send leaves a lease that runs out, and the delivery is sent again.
 */

export interface DeliveryContext {
  storage: Storage;
  deps: Pick<AppDeps, 'clock' | 'newId'>;
  settings: WebhookSettings;
  /** The HTTP client (tests hand in their own); the runtime's fetch by default. */
  fetch?: typeof fetch;
}

/** How many deliveries one round leases and sends at once. */
const ROUND_SIZE = 20;
/** Rounds per call: a dispatcher with more due comes back at once (its next wake is "now"). */
const MAX_ROUNDS = 10;
/** How much of a receiver's answer is read and logged. */
export const RESPONSE_EXCERPT_BYTES = 1024;
/** A lease outlasts the send it guards by this much. */
const LEASE_MARGIN_MS = 5_000;

export interface DispatchReport {
  attempted: number;
  /** When the next pending delivery is due (or its lease runs out), or null when none is pending. */
  nextDueAt: string | null;
}

/** Sends what is due now, of one tenant or of all; answers when to come back. */
export async function deliverDueWebhooks(
  context: DeliveryContext,
  tenantId: string | null,
): Promise<DispatchReport> {
  let attempted = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const now = context.deps.clock();
    const leased = await context.storage.leaseDueDeliveries({
      tenantId,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + context.settings.timeoutMs + LEASE_MARGIN_MS).toISOString(),
      limit: ROUND_SIZE,
    });
    if (leased.length === 0) break;
    await Promise.all(leased.map((delivery) => attemptDelivery(context, delivery)));
    attempted += leased.length;
  }
  return { attempted, nextDueAt: await context.storage.nextDeliveryDue(tenantId) };
}

/** One try of one delivery, logged with what it decided. */
export async function attemptDelivery(context: DeliveryContext, delivery: LeasedDelivery): Promise<void> {
  const { deps, settings } = context;
  const started = deps.clock();
  const result = await send(context, delivery, started);
  const finished = deps.clock();
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const windowEnds = Date.parse(delivery.windowStart) + settings.retryWindowMs;
  // The waits double, but the last try falls on the window's end rather than past it.
  const retryAt = new Date(
    Math.min(finished.getTime() + settings.retryBaseMs * 2 ** delivery.attempts, windowEnds),
  );
  const gaveUp = !succeeded && (result.permanent || finished.getTime() >= windowEnds);
  const outcome = succeeded ? 'SUCCEEDED' : gaveUp ? 'FAILED' : 'RETRYING';
  const write: AttemptWrite = {
    tenantId: delivery.tenantId,
    attempt: {
      id: deps.newId('wha'),
      endpointId: delivery.endpointId,
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      attemptedAt: started.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      statusCode: result.statusCode,
      responseExcerpt: result.excerpt,
      error: result.error,
      outcome,
    },
    state: outcome === 'RETRYING' ? 'PENDING' : outcome,
    nextAttemptAt: outcome === 'RETRYING' ? retryAt.toISOString() : finished.toISOString(),
    leaseUntil: delivery.leaseUntil,
  };
  await context.storage.recordWebhookAttempt(write);
}

interface SendResult {
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
  /** No retry can help: the endpoint's URL is not one webhooks may go to. */
  permanent: boolean;
}

async function send(context: DeliveryContext, delivery: LeasedDelivery, at: Date): Promise<SendResult> {
  // The rules may have tightened since the endpoint was made (a database moved to production).
  const refused = webhookUrlProblem(delivery.url, context.settings);
  if (refused) return { statusCode: null, excerpt: null, error: `url ${refused}`, permanent: true };
  const body = JSON.stringify(eventToWire(delivery.event));
  const timestamp = Math.floor(at.getTime() / 1000);
  try {
    const response = await (context.fetch ?? fetch)(delivery.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'billing-webhooks/1',
        'Billing-Signature': await signatureHeader(delivery.secret, body, timestamp),
        'Billing-Event-Id': delivery.eventId,
        'Billing-Event-Type': delivery.eventType,
      },
      body,
      // A redirect is an answer like any other non-2xx: following it would send the event (and
      // its signature) somewhere the tenant never named.
      redirect: 'manual',
      signal: AbortSignal.timeout(context.settings.timeoutMs),
    });
    return { statusCode: response.status, excerpt: await excerptOf(response), error: null, permanent: false };
  } catch (error) {
    const name = (error as Error)?.name;
    const reason =
      name === 'TimeoutError' ? `no answer within ${context.settings.timeoutMs} ms` : String(error);
    return { statusCode: null, excerpt: null, error: reason.slice(0, 500), permanent: false };
  }
}

/** The first RESPONSE_EXCERPT_BYTES of an answer; the rest is never read. */
async function excerptOf(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
  } catch {
    // A receiver that hangs up mid-answer still answered with its status.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes.subarray(0, RESPONSE_EXCERPT_BYTES));
  return text === '' ? null : text;
}
