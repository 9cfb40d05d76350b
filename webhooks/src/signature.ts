/**
 * The signature of a webhook delivery (docs/domain.md §8b): `Billing-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the endpoint's secret>`. The edge signs with
 * `signatureHeader`; a receiver checks with `verifyWebhook` against the raw body, before parsing it.
 * Web Crypto only, so the same code runs on Workers, Node and in a browser.
 */

/** The header that carries the signature. */
export const SIGNATURE_HEADER = 'Billing-Signature';

/** How old a signature may be before a receiver refuses it: a replayed delivery is at most this stale. */
const DEFAULT_TOLERANCE_SECONDS = 300;

export interface VerifyOptions {
  /** Seconds a signature stays acceptable (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock, in milliseconds (default `Date.now()`). */
  now?: number;
}

/** What `verifyWebhook` hands back: the event, parsed only once its signature checked out. */
export interface VerifiedEvent {
  id: string;
  type: string;
  tenantId: string;
  createdAt: string;
  data: { object: Record<string, unknown> };
}

/** A delivery that must not be trusted; `reason` says why, for the receiver's log. */
export class WebhookVerificationError extends Error {
  constructor(readonly reason: 'missing-header' | 'malformed-header' | 'stale' | 'bad-signature') {
    super(`webhook signature refused: ${reason}`);
    this.name = 'WebhookVerificationError';
  }
}

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The header value for `body` sent at `timestampSeconds`, signed with `secret`. */
export async function signatureHeader(
  secret: string,
  body: string,
  timestampSeconds: number,
): Promise<string> {
  return `t=${timestampSeconds},v1=${await hmacHex(secret, `${timestampSeconds}.${body}`)}`;
}

/**
 * Checks a delivery: the header's timestamp is within the tolerance of the receiver's clock and one
 * of its `v1` signatures is the HMAC of `<t>.<body>` with `secret`, compared in constant time. Throws
 * WebhookVerificationError otherwise; returns the parsed event.
 */
export async function verifyWebhook(
  body: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): Promise<VerifiedEvent> {
  if (!header) throw new WebhookVerificationError('missing-header');
  const parts = header.split(',').map((part) => part.trim().split('='));
  // Digits only: `Number('')` is 0 and `Number('0x10')` 16, neither a timestamp this header carries.
  const stamp = parts.find(([name]) => name === 't')?.[1] ?? '';
  const timestamp = /^\d{1,12}$/.test(stamp) ? Number(stamp) : Number.NaN;
  const signatures = parts
    .filter(([name, value]) => name === 'v1' && value)
    .map(([, value]) => value as string);
  if (!Number.isInteger(timestamp) || signatures.length === 0)
    throw new WebhookVerificationError('malformed-header');
  const now = (options.now ?? Date.now()) / 1000;
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    throw new WebhookVerificationError('stale');
  }
  const expected = await hmacHex(secret, `${timestamp}.${body}`);
  if (!signatures.some((signature) => sameText(signature, expected))) {
    throw new WebhookVerificationError('bad-signature');
  }
  return JSON.parse(body) as VerifiedEvent;
}

/** Compares without stopping at the first difference, so timing tells nothing of the right signature. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
