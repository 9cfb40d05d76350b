import { sha256Hex, webCryptoSha256Hex } from '@billing/edge';
import { expect, test } from '../../support/api-test';

/**
 * The edge finds API keys and idempotent requests by their SHA-256: the Node host's synchronous
 * `node:crypto` hash and Web Crypto (workerd, the browser mock) must agree on every text, or a key
 * created on one runtime would be unknown on the other.
 */
test.describe('sha256Hex', () => {
  const vectors = [
    // FIPS 180-2's test vectors.
    { text: 'abc', hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    { text: '', hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  ];
  for (const { text, hex } of vectors) {
    test(`hashes ${JSON.stringify(text)} to its FIPS vector on both paths`, async () => {
      expect(await sha256Hex(text)).toBe(hex);
      expect(await webCryptoSha256Hex(text)).toBe(hex);
    });
  }

  test('hashes UTF-8 the same way on both paths (a key or an idempotency body in Korean)', async () => {
    for (const text of ['bk_Zm9vYmFy-_', '청구서 2026-10', 'emoji 💳 and ß']) {
      expect(await sha256Hex(text)).toBe(await webCryptoSha256Hex(text));
    }
  });
});
