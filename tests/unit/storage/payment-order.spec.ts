import { expect, test } from '../../support/api-test';
import { ADMIN_API_KEY } from '../../support/edge-server';
import { startInProcessEdge } from '../../support/in-process-edge';

/**
 * "Oldest first" is the order payments and credit notes were made in, also when several share a
 * millisecond: the in-process lane pays a statement three times within one, and ids are random, so
 * an order by (created_at, id) listed them in a random order (a flaky integration test). Here the
 * clock stands still and every id sorts before the one made before it, so an order that falls back
 * on the id fails every time.
 */
test('payments and credit notes made in one millisecond are listed, and paged, in the order they were made', async () => {
  let idsLeft = 1_000_000;
  /** Each call a smaller number than the last. */
  const fallingNumber = () => {
    idsLeft -= 1;
    return String(idsLeft).padStart(7, '0');
  };
  const edge = startInProcessEdge({
    clock: () => new Date('2026-11-10T00:00:00Z'),
    newId: (prefix) => `${prefix}_${fallingNumber()}`,
  });
  const as =
    (key: string) =>
    async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await edge.fetch(
        new Request(`http://edge.test${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${key}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': `payment-order-${fallingNumber()}`,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await response.text();
      expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
      return JSON.parse(text) as T;
    };
  type Page = { items: { id: string }[]; nextCursor: string | null };

  try {
    const { apiKey } = await as(ADMIN_API_KEY)<{ apiKey: { key: string } }>('POST', '/v1/tenants', {
      name: 'payment order',
    });
    const call = as(apiKey.key);
    const group = await call<{ id: string }>('POST', '/v1/billing-groups', { name: 'payment order' });
    await call('POST', `/v1/billing-groups/${group.id}/usage-events`, {
      events: [
        {
          eventId: 'payment-order-usage',
          projectId: 'web',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '100',
          timestamp: '2026-10-10T00:00:00Z',
        },
      ],
    });
    const { statementId } = await call<{ statementId: string }>(
      'POST',
      `/v1/billing-groups/${group.id}/statements/2026-10/close`,
      {},
    );
    const paid: string[] = [];
    const credited: string[] = [];
    for (const amount of ['1', '2', '3']) {
      const body = { amount, source: 'tok_success' };
      paid.push((await call<{ id: string }>('POST', `/v1/statements/${statementId}/payments`, body)).id);
      const note = { net: amount, reason: `note ${amount}` };
      credited.push(
        (await call<{ id: string }>('POST', `/v1/statements/${statementId}/credit-notes`, note)).id,
      );
    }

    const payments = `/v1/statements/${statementId}/payments`;
    const first = await call<Page>('GET', `${payments}?limit=2`);
    const second = await call<Page>('GET', `${payments}?limit=2&cursor=${first.nextCursor}`);
    const notes = await call<Page>('GET', `/v1/statements/${statementId}/credit-notes`);

    expect([...first.items, ...second.items].map((payment) => payment.id)).toEqual(paid);
    expect(second.nextCursor).toBeNull();
    expect(notes.items.map((note) => note.id)).toEqual(credited);
  } finally {
    await edge.close();
  }
});
