import { expect, test } from '../support/api-test';

/** Nothing listens here: the contract tests never wait for a delivery. */
const NOWHERE = 'http://127.0.0.1:9/hooks';

test.describe('contract: webhook endpoints', () => {
  test('an endpoint is created with its secret, read and listed without it', async ({ createTenant }) => {
    const { api } = await createTenant();
    const created = await api.post('/v1/webhook-endpoints', {
      url: NOWHERE,
      eventTypes: ['statement.closed', 'payment.succeeded'],
      description: 'finance system',
    });
    expect(created.status()).toBe(201);
    await expect(created).toMatchContract('createWebhookEndpoint');
    const endpoint = (await created.json()) as { id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const read = await api.get(`/v1/webhook-endpoints/${endpoint.id}`);
    await expect(read).toMatchContract('getWebhookEndpoint');
    expect(await read.json()).not.toHaveProperty('secret');
    const listed = await api.get('/v1/webhook-endpoints');
    await expect(listed).toMatchContract('listWebhookEndpoints');
    expect(JSON.stringify(await listed.json())).not.toContain(endpoint.secret);
  });

  test('a URL webhooks may not go to is a 422 naming url and the rule', async ({ api }) => {
    for (const url of [
      'ftp://example.com/hooks',
      'http://example.com/hooks',
      'https://10.1.2.3/hooks',
      'https://user:pw@example.com/',
    ]) {
      const refused = await api.post('/v1/webhook-endpoints', { url, eventTypes: ['*'] });
      expect(refused.status(), url).toBe(422);
      await expect(refused).toMatchContract('createWebhookEndpoint');
      expect((await refused.json()).errors).toEqual([
        expect.objectContaining({ field: 'url', rule: 'webhook-url' }),
      ]);
    }
    const unknownType = await api.post('/v1/webhook-endpoints', {
      url: NOWHERE,
      eventTypes: ['statement.lost'],
    });
    expect(unknownType.status()).toBe(422);
    await expect(unknownType).toMatchContract('createWebhookEndpoint');
  });

  test('an endpoint is changed, its secret rotated, and deleted; an unknown one is a 404 problem', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const endpoint = await api.create<{ id: string; secret: string }>('/v1/webhook-endpoints', {
      url: NOWHERE,
      eventTypes: ['*'],
    });

    const changed = await api.patch(`/v1/webhook-endpoints/${endpoint.id}`, {
      enabled: false,
      eventTypes: ['payment.failed', 'payment.failed'],
      description: null,
    });
    await expect(changed).toMatchContract('updateWebhookEndpoint');
    expect(await changed.json()).toMatchObject({
      enabled: false,
      eventTypes: ['payment.failed'],
      description: null,
    });

    const rotated = await api.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`);
    await expect(rotated).toMatchContract('rotateWebhookSecret');
    expect(((await rotated.json()) as { secret: string }).secret).not.toBe(endpoint.secret);

    const deleted = await api.delete(`/v1/webhook-endpoints/${endpoint.id}`);
    expect(deleted.status()).toBe(204);
    await expect(deleted).toMatchContract('deleteWebhookEndpoint');
    for (const missing of [
      await api.get(`/v1/webhook-endpoints/${endpoint.id}`),
      await api.patch(`/v1/webhook-endpoints/${endpoint.id}`, { enabled: true }),
      await api.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`),
      await api.delete(`/v1/webhook-endpoints/${endpoint.id}`),
    ]) {
      expect(missing.status()).toBe(404);
    }
    await expect(await api.get(`/v1/webhook-endpoints/${endpoint.id}`)).toMatchContract('getWebhookEndpoint');
  });
});

test.describe('contract: events, deliveries and attempts', () => {
  test('events, an endpoint’s deliveries and attempts, and a redelivery match their schemas', async ({
    createTenant,
    payableStatements,
  }) => {
    const { api } = await createTenant();
    const endpoint = await api.create<{ id: string }>('/v1/webhook-endpoints', {
      url: NOWHERE,
      eventTypes: ['statement.closed'],
    });
    await payableStatements.create({ api });

    const events = await api.get('/v1/events?type=statement.closed');
    await expect(events).toMatchContract('listEvents');
    const [event] = ((await events.json()) as { items: { id: string }[] }).items;
    await expect(await api.get(`/v1/events/${event?.id}`)).toMatchContract('getEvent');
    const deliveries = await api.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    await expect(deliveries).toMatchContract('listWebhookDeliveries');
    await expect(await api.get(`/v1/webhook-endpoints/${endpoint.id}/attempts`)).toMatchContract(
      'listWebhookAttempts',
    );
    const redelivered = await api.post(`/v1/webhook-endpoints/${endpoint.id}/redeliveries`, {
      eventId: event?.id,
    });
    expect(redelivered.status()).toBe(202);
    await expect(redelivered).toMatchContract('redeliverWebhook');

    await test.step('refusals are problems naming what is missing or wrong', async () => {
      const missingEvent = await api.get('/v1/events/evt_missing');
      expect(missingEvent.status()).toBe(404);
      await expect(missingEvent).toMatchContract('getEvent');
      const badType = await api.get('/v1/events?type=statement.lost');
      expect(badType.status()).toBe(422);
      await expect(badType).toMatchContract('listEvents');
      const noEvent = await api.post(`/v1/webhook-endpoints/${endpoint.id}/redeliveries`, {
        eventId: 'evt_missing',
      });
      expect(noEvent.status()).toBe(404);
      await expect(noEvent).toMatchContract('redeliverWebhook');
      const noEndpoint = await api.get('/v1/webhook-endpoints/whe_missing/attempts');
      expect(noEndpoint.status()).toBe(404);
      await expect(noEndpoint).toMatchContract('listWebhookAttempts');
      const noDeliveries = await api.get('/v1/webhook-endpoints/whe_missing/deliveries');
      await expect(noDeliveries).toMatchContract('listWebhookDeliveries');
    });
  });
});
