import { signatureHeader, verifyWebhook, WebhookVerificationError } from '@billing/webhooks';
import { expect, test } from '../../support/api-test';

/**
 * The receivers' check of a delivery's `Billing-Signature` (webhooks/src/signature.ts, DOMAIN §8b):
 * what the edge signs with `signatureHeader` verifies; a forged, stale, missing or malformed
 * signature is refused with its reason, before the body is trusted.
 */

const SECRET = 'whsec_test_0123456789abcdef';
const OTHER_SECRET = 'whsec_test_fedcba9876543210';
const BODY = JSON.stringify({
  id: 'evt_1',
  type: 'statement.closed',
  tenantId: 'ten_1',
  createdAt: '2026-03-01T00:00:00.000Z',
  data: { object: { statementId: 'st_1', total: '12.34' } },
});
/** The receiver's clock in these tests, and the sender's: 2026-03-01T00:00:00Z. */
const NOW_MS = Date.UTC(2026, 2, 1);
const NOW_S = NOW_MS / 1000;

/** The reason verifyWebhook refuses with, or 'accepted'. */
async function verdict(
  body: string,
  header: string | null | undefined,
  secret = SECRET,
  options: { now?: number; toleranceSeconds?: number } = { now: NOW_MS },
): Promise<string> {
  try {
    await verifyWebhook(body, header, secret, options);
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

test.describe('webhook signatures: verifyWebhook', () => {
  test('a fresh signature made by signatureHeader is accepted and the event handed back', async () => {
    const header = await signatureHeader(SECRET, BODY, NOW_S);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhook(BODY, header, SECRET, { now: NOW_MS })).toEqual(JSON.parse(BODY));
    // With the receiver's real clock too, the default.
    const nowSeconds = Math.floor(Date.now() / 1000);
    await expect(
      verifyWebhook(BODY, await signatureHeader(SECRET, BODY, nowSeconds), SECRET),
    ).resolves.toMatchObject({ id: 'evt_1', type: 'statement.closed' });
  });

  test('a signature made with another secret is refused: bad-signature', async () => {
    const header = await signatureHeader(OTHER_SECRET, BODY, NOW_S);
    expect(await verdict(BODY, header)).toBe('bad-signature');
  });

  test('a body changed by one byte is refused: bad-signature', async () => {
    const header = await signatureHeader(SECRET, BODY, NOW_S);
    const tampered = BODY.replace('12.34', '12.35');
    expect(tampered).toHaveLength(BODY.length);
    expect(await verdict(tampered, header)).toBe('bad-signature');
    // A trailing byte, and one fewer.
    expect(await verdict(`${BODY} `, header)).toBe('bad-signature');
    expect(await verdict(BODY.slice(0, -1), header)).toBe('bad-signature');
  });

  test('a timestamp moved without re-signing is refused: the signature covers t', async () => {
    const header = await signatureHeader(SECRET, BODY, NOW_S);
    const moved = header.replace(`t=${NOW_S}`, `t=${NOW_S + 1}`);
    expect(await verdict(BODY, moved)).toBe('bad-signature');
  });

  test('a signature older than 300 s is refused: stale, even when correctly signed', async () => {
    expect(await verdict(BODY, await signatureHeader(SECRET, BODY, NOW_S - 300))).toBe('accepted');
    expect(await verdict(BODY, await signatureHeader(SECRET, BODY, NOW_S - 301))).toBe('stale');
    expect(await verdict(BODY, await signatureHeader(SECRET, BODY, NOW_S - 86_400))).toBe('stale');
    // A replay is stale before its signature is even looked at.
    expect(await verdict(BODY, await signatureHeader(OTHER_SECRET, BODY, NOW_S - 301))).toBe('stale');
  });

  test('a signature from the future beyond the tolerance is refused: stale', async () => {
    expect(await verdict(BODY, await signatureHeader(SECRET, BODY, NOW_S + 300))).toBe('accepted');
    expect(await verdict(BODY, await signatureHeader(SECRET, BODY, NOW_S + 301))).toBe('stale');
    expect(await verdict(BODY, await signatureHeader(SECRET, BODY, NOW_S + 86_400))).toBe('stale');
  });

  test('the tolerance is the receiver’s to set', async () => {
    const header = await signatureHeader(SECRET, BODY, NOW_S - 60);
    expect(await verdict(BODY, header, SECRET, { now: NOW_MS, toleranceSeconds: 30 })).toBe('stale');
    expect(await verdict(BODY, header, SECRET, { now: NOW_MS, toleranceSeconds: 60 })).toBe('accepted');
  });

  test('a missing header is refused: missing-header', async () => {
    expect(await verdict(BODY, undefined)).toBe('missing-header');
    expect(await verdict(BODY, null)).toBe('missing-header');
    expect(await verdict(BODY, '')).toBe('missing-header');
  });

  test('a malformed header is refused: malformed-header', async () => {
    const header = await signatureHeader(SECRET, BODY, NOW_S);
    const v1 = header.split(',v1=')[1] as string;
    for (const malformed of [
      'garbage',
      `v1=${v1}`, // no timestamp
      `t=${NOW_S}`, // no signature
      `t=${NOW_S},v1=`, // an empty signature
      `t=abc,v1=${v1}`,
      `t=${NOW_S}.5,v1=${v1}`,
      `t=,v1=${v1}`,
      `t=${NOW_S},v0=${v1}`, // only a scheme it does not know
    ]) {
      expect(await verdict(BODY, malformed), malformed).toBe('malformed-header');
    }
  });

  test('one matching v1 among several is enough (a secret being rotated)', async () => {
    const old = (await signatureHeader(OTHER_SECRET, BODY, NOW_S)).split(',v1=')[1] as string;
    const current = (await signatureHeader(SECRET, BODY, NOW_S)).split(',v1=')[1] as string;
    expect(await verdict(BODY, `t=${NOW_S},v1=${old},v1=${current}`)).toBe('accepted');
    expect(await verdict(BODY, `t=${NOW_S}, v1=${current}, v1=${old}`)).toBe('accepted');
    // Verified with the old secret, the same header passes too: either side of the rotation works.
    expect(await verdict(BODY, `t=${NOW_S},v1=${old},v1=${current}`, OTHER_SECRET)).toBe('accepted');
    // But not when none of them matches.
    const third = (await signatureHeader('whsec_third', BODY, NOW_S)).split(',v1=')[1] as string;
    expect(await verdict(BODY, `t=${NOW_S},v1=${old},v1=${third}`)).toBe('bad-signature');
  });
});
