import { type APIResponse, expect, test } from '../support/api-test';

/**
 * A method the path does not take is 405 Method Not Allowed with an Allow header naming the methods
 * it takes (RFC 9110 §15.5.6), as a problem, on /v1 and the legacy routes alike; a path no route
 * takes stays 404, and the CORS preflight (OPTIONS) is answered as before (edge/LIMITS.md, methods).
 */

async function expectMethodNotAllowed(response: APIResponse, allow: string): Promise<void> {
  expect(response.status(), await response.text()).toBe(405);
  expect(response.headers().allow).toBe(allow);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({
    type: '/problems/method-not-allowed',
    title: 'Method not allowed',
    status: 405,
    requestId: expect.any(String),
  });
  expect(problem.detail).toContain(allow);
}

test.describe('methods a path does not take', () => {
  test('PUT on the billing-group list is 405, allowing what the list takes', async ({ api }) => {
    const response = await api.send('PUT', '/v1/billing-groups', {
      rawBody: '{"name":"put"}',
      headers: { 'Content-Type': 'application/json' },
    });

    await expectMethodNotAllowed(response, 'GET, HEAD, POST, OPTIONS');
  });

  test('DELETE on the calculator is 405, allowing POST', async ({ api }) => {
    await expectMethodNotAllowed(await api.send('DELETE', '/v1/calculate'), 'POST, OPTIONS');
  });

  test('a path with an id answers 405 for its own methods, whether or not the id exists', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    await expectMethodNotAllowed(
      await api.send('DELETE', `/v1/billing-groups/${group.id}`),
      'GET, HEAD, PATCH, OPTIONS',
    );
    await expectMethodNotAllowed(
      await api.send('DELETE', '/v1/billing-groups/bg_missing'),
      'GET, HEAD, PATCH, OPTIONS',
    );
    await expectMethodNotAllowed(
      await api.send('GET', `/v1/billing-groups/${group.id}/statements/2026-03/close`),
      'POST, OPTIONS',
    );
  });

  test('the legacy routes answer 405 the same way, as a problem', async ({ anonymousApi }) => {
    await expectMethodNotAllowed(await anonymousApi.get('/api/billing/admin/calculate'), 'POST, OPTIONS');
    await expectMethodNotAllowed(
      await anonymousApi.send('DELETE', '/billing/payments/2026-03/statements'),
      'GET, HEAD, OPTIONS',
    );
  });

  test('a browser on an allowed origin can read Allow from the 405', async ({ api }) => {
    const response = await api.send('DELETE', '/v1/calculate', {
      headers: { Origin: 'http://localhost:3000' },
    });

    expect(response.status()).toBe(405);
    expect(response.headers()['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(response.headers()['access-control-expose-headers']?.split(',')).toContain('Allow');
  });

  test('a path no route takes is still 404, whatever the method', async ({ api, anonymousApi }) => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await api.send(method, '/v1/nothing-here');
      expect(response.status()).toBe(404);
      expect(response.headers().allow).toBeUndefined();
      expect((await response.json()).type).toBe('/problems/not-found');
    }
    expect((await anonymousApi.send('PUT', '/api/billing/nothing-here')).status()).toBe(404);
  });

  test('without an API key a /v1 path is 401 before its methods are told', async ({ anonymousApi }) => {
    const response = await anonymousApi.send('PUT', '/v1/billing-groups');

    expect(response.status()).toBe(401);
    expect(response.headers().allow).toBeUndefined();
  });

  test('HEAD is taken where GET is, and the CORS preflight answers as before', async ({
    api,
    anonymousApi,
  }) => {
    expect((await api.send('HEAD', '/v1/billing-groups')).status()).toBe(200);

    const preflight = await anonymousApi.send('OPTIONS', '/v1/billing-groups', {
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(preflight.headers()['access-control-allow-methods']).toBe('GET,POST,PATCH,DELETE,OPTIONS');
  });
});
