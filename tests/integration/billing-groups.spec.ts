import { expect, test } from '../support/api-test';

test.describe('billing groups', () => {
  test('a billing group gets the default settings of DOMAIN §1 and §4', { tag: ['@smoke'] }, async ({
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    expect(group).toMatchObject({
      currency: 'KRW',
      vatRate: '10',
      roundingMode: 'HALF_UP',
      paymentTermsDays: 14,
      lateFeeRate: '5',
      priceBookId: null,
    });
  });

  test('settings can be changed and are read back', async ({ api, billingGroups }) => {
    const group = await billingGroups.create({ currency: 'USD' });

    await api.patch(`/v1/billing-groups/${group.id}`, { roundingMode: 'HALF_EVEN', lateFeeRate: '2.5' });

    expect(await api.read(`/v1/billing-groups/${group.id}`)).toMatchObject({
      currency: 'USD',
      roundingMode: 'HALF_EVEN',
      lateFeeRate: '2.5',
    });
  });

  test('changes racing on one group: each answer is the group as its own change left it', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    const names = Array.from({ length: 6 }, (_, index) => `racing name ${index}`);

    const responses = await Promise.all(
      names.map((name) => api.patch(`/v1/billing-groups/${group.id}`, { name })),
    );
    const answers: { name: string }[] = await Promise.all(responses.map((response) => response.json()));

    // Each answer is the row its own UPDATE wrote: a read after the write would show whichever
    // change came last.
    expect(answers.map((answer) => answer.name)).toEqual(names);
  });

  test('lists page through every group with a cursor', async ({ createTenant }) => {
    const { api } = await createTenant();
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      created.push((await api.create<{ id: string }>('/v1/billing-groups', { name: `group-${index}` })).id);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: { items: { id: string }[]; nextCursor: string | null } = await api.read(
        `/v1/billing-groups${query}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen.sort()).toEqual(created.sort());
  });

  test('a page size out of range is one issue naming query.limit, however far out', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    const cases: [string, string][] = [
      ['99999999999999999999', 'too_big'],
      ['-99999999999999999999', 'too_small'],
      ['9007199254740993', 'too_big'],
      ['101', 'too_big'],
      ['0', 'too_small'],
      ['1.5', 'invalid_type'],
      ['ten', 'invalid_type'],
      // Numbers only JavaScript reads as whole numbers (16, 10, 5): a page size is written in digits.
      ['0x10', 'invalid_type'],
      ['1e1', 'invalid_type'],
      ['%205', 'invalid_type'],
    ];
    for (const list of ['/v1/billing-groups', `/v1/billing-groups/${group.id}/usage-events`]) {
      for (const [limit, rule] of cases) {
        const response = await api.get(`${list}?limit=${limit}`);

        expect(response.status(), `${list} limit=${limit}`).toBe(422);
        expect((await response.json()).errors, `${list} limit=${limit}`).toEqual([
          { field: 'query.limit', rule, message: 'must be a whole number from 1 to 100' },
        ]);
      }
    }
  });

  test('a cursor that the API did not issue is a 400 naming the cursor', async ({ api }) => {
    const response = await api.get('/v1/billing-groups?cursor=%%%');

    expect(response.status()).toBe(400);
    expect((await response.json()).errors[0]).toMatchObject({ field: 'query.cursor', rule: 'cursor' });
  });

  test('another tenant’s billing group answers 404, like a missing one', async ({
    billingGroups,
    createTenant,
  }) => {
    const group = await billingGroups.create();
    const other = await createTenant();

    const response = await other.api.get(`/v1/billing-groups/${group.id}`);

    expect(response.status()).toBe(404);
    expect((await response.json()).detail).toBe(`billing group ${group.id} does not exist`);
  });

  test('projects belong to their billing group', async ({ api, billingGroups, dataName }) => {
    const group = await billingGroups.create();
    const project = await api.create<{ id: string; billingGroupId: string }>(
      `/v1/billing-groups/${group.id}/projects`,
      { name: `${dataName}-web` },
    );

    const page = await api.read<{ items: { id: string }[] }>(`/v1/billing-groups/${group.id}/projects`);

    expect(project.billingGroupId).toBe(group.id);
    expect(page.items.map((item) => item.id)).toEqual([project.id]);
  });
});

test.describe('the API’s front door', () => {
  test('a request without an API key is a 401 problem with WWW-Authenticate', { tag: ['@smoke'] }, async ({
    anonymousApi,
  }) => {
    const response = await anonymousApi.get('/v1/billing-groups');

    expect(response.status()).toBe(401);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(response.headers()['www-authenticate']).toBe('Bearer');
  });

  test('a revoked key stops working at once', async ({ createTenant }) => {
    const { api } = await createTenant();
    const extra = await api.create<{ id: string; key: string }>('/v1/api-keys', { name: 'short-lived' });
    await api.delete(`/v1/api-keys/${extra.id}`);

    const response = await api.get('/v1/tenant', { headers: { Authorization: `Bearer ${extra.key}` } });

    expect(response.status()).toBe(401);
  });

  test('a body that is not JSON is a 400 problem', async ({ api }) => {
    const response = await api.post('/v1/billing-groups', undefined, {
      rawBody: '{"name": ',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status()).toBe(400);
    expect((await response.json()).type).toBe('/problems/malformed-json');
  });

  test('a body that is not application/json is a 415 problem', async ({ api }) => {
    const response = await api.post('/v1/billing-groups', undefined, {
      rawBody: 'name=acme',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(response.status()).toBe(415);
  });

  test('JSON in a charset other than UTF-8 is a 415 problem naming Content-Type', async ({
    api,
    dataName,
  }) => {
    for (const contentType of [
      'application/json; charset=latin1',
      'application/json;charset=ISO-8859-1',
      'Application/JSON; Charset="UTF-16"',
    ]) {
      const response = await api.post(
        '/v1/billing-groups',
        { name: `${dataName}-latin1` },
        { headers: { 'Content-Type': contentType } },
      );

      expect(response.status(), contentType).toBe(415);
      const problem = await response.json();
      expect(problem.type).toBe('/problems/unsupported-media-type');
      expect(problem.errors).toEqual([
        { field: 'Content-Type', rule: 'charset', message: expect.stringMatching(/UTF-8/) },
      ]);
      // Named as the client spelled it, so the client sees which declaration was refused.
      expect(problem.errors[0].message).toContain(/charset="?([^";]+)/i.exec(contentType)?.[1] as string);
    }
    const listed = await api.read<{ items: { name: string }[] }>('/v1/billing-groups?limit=100');
    expect(listed.items.map((group) => group.name)).not.toContain(`${dataName}-latin1`);
  });

  test('JSON declared as UTF-8, in any case, under any of its labels, or without a charset is taken', async ({
    api,
    dataName,
  }) => {
    const contentTypes = [
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'application/json; charset="utf-8"',
      // Other labels of UTF-8 (the WHATWG Encoding Standard's), which clients send too.
      'application/json; charset=utf8',
      'application/json; charset=unicode-1-1-utf-8',
    ];
    for (const [index, contentType] of contentTypes.entries()) {
      const response = await api.post(
        '/v1/billing-groups',
        { name: `${dataName}-utf8-${index}` },
        { headers: { 'Content-Type': contentType } },
      );

      expect(response.status(), contentType).toBe(201);
    }
  });

  test('a body over 1 MiB is a 413 problem', async ({ api }) => {
    const response = await api.post('/v1/billing-groups', { name: 'x'.repeat(1024 * 1024 + 1) });

    expect(response.status()).toBe(413);
    expect((await response.json()).type).toBe('/problems/payload-too-large');
  });

  test('every answer carries a request id and the rate-limit headers', async ({ api }) => {
    const response = await api.get('/v1/tenant');

    expect(response.headers()['x-request-id']).toMatch(/\S+/);
    expect(response.headers().ratelimit).toMatch(/^limit=\d+, remaining=\d+, reset=\d+$/);
  });

  test('a key over its rate limit gets 429 with Retry-After', async ({ api }) => {
    const limited = await api.create<{ key: string }>('/v1/api-keys', {
      name: 'tiny',
      rateLimitPerMinute: 2,
    });
    const headers = { Authorization: `Bearer ${limited.key}` };

    const statuses: number[] = [];
    for (let call = 0; call < 3; call += 1)
      statuses.push((await api.get('/v1/tenant', { headers })).status());
    const refused = await api.get('/v1/tenant', { headers });

    expect(statuses).toEqual([200, 200, 429]);
    expect(refused.headers()['retry-after']).toMatch(/^\d+$/);
    expect((await refused.json()).type).toBe('/problems/rate-limited');
  });

  test('an allowed origin gets CORS headers, another origin none', async ({ api }) => {
    const allowed = await api.get('/v1/tenant', { headers: { Origin: 'http://localhost:3000' } });
    const refused = await api.get('/v1/tenant', { headers: { Origin: 'https://evil.example' } });

    expect(allowed.headers()['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(refused.headers()['access-control-allow-origin']).toBeUndefined();
  });

  test('the API reference is served offline with its own assets', async ({ anonymousApi }) => {
    const page = await anonymousApi.get('/docs');
    const script = await anonymousApi.get('/docs/vendor/swagger-ui-bundle.js');
    const document = await anonymousApi.get('/openapi.json');

    expect(await page.text()).toContain('/docs/vendor/swagger-ui-bundle.js');
    expect(script.status()).toBe(200);
    expect((await document.json()).openapi).toBe('3.1.0');
  });
});
