import { wranglerVars } from '@billing/edge/wrangler-vars';
import { expect, test } from '../support/api-test';
import type { RawRequest, RawResponse } from './support/http';

/**
 * Browsers only share the API's answers with the origins on the allowlist (CORS_ORIGINS), preflight
 * included, and every answer (success, refusal, legacy, docs) carries the security headers.
 */

/** The allowlist the run's edge starts with (edge/wrangler.jsonc's vars). */
const ALLOWED_ORIGINS = (wranglerVars().CORS_ORIGINS ?? '').split(',').filter(Boolean);

const DISALLOWED_ORIGINS = [
  'https://evil.example',
  'null',
  `${ALLOWED_ORIGINS[0]}.evil.example`,
  (ALLOWED_ORIGINS[0] ?? '').replace('http://', 'https://'),
  (ALLOWED_ORIGINS[0] ?? '').replace(/:\d+$/, ':3001'),
  `${ALLOWED_ORIGINS[0]}/`,
];

function corsDefect(response: RawResponse): string | null {
  const allowOrigin = response.headers.get('access-control-allow-origin');
  if (allowOrigin !== null) return `Access-Control-Allow-Origin: ${allowOrigin}`;
  if (response.headers.get('access-control-allow-credentials') !== null)
    return 'Access-Control-Allow-Credentials sent';
  return null;
}

/** What every answer must carry, and why. */
const SECURITY_HEADERS: Record<string, (value: string | null) => boolean> = {
  // The browser never guesses a JSON answer is HTML or script.
  'x-content-type-options': (value) => value === 'nosniff',
  // HTTPS only, for half a year at least.
  'strict-transport-security': (value) => Number(/max-age=(\d+)/.exec(value ?? '')?.[1] ?? 0) >= 15_552_000,
  // No framing, by another site or the API's own (clickjacking; OWASP's REST Security Cheat Sheet).
  'x-frame-options': (value) => value === 'DENY',
  // No API path (ids in it) leaks to another site through the Referer.
  'referrer-policy': (value) => value === 'no-referrer' || value === 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': (value) => value === 'same-origin',
  // Nothing names the framework.
  'x-powered-by': (value) => value === null,
};

/** What only an HTML document needs besides SECURITY_HEADERS: Hono's `secureHeaders` defaults. */
const DOCUMENT_HEADERS: Record<string, string> = {
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function headerDefects(response: RawResponse): string[] {
  return Object.entries(SECURITY_HEADERS)
    .filter(([name, isRight]) => !isRight(response.headers.get(name)))
    .map(([name]) => `${name}: ${response.headers.get(name)}`);
}

test.describe('CORS and security headers', () => {
  test('a disallowed origin gets no Access-Control-Allow-Origin, on requests and on preflight', async ({
    createTenant,
    rawHttp,
  }) => {
    const tenant = await createTenant();
    const requests = DISALLOWED_ORIGINS.flatMap((origin): { origin: string; request: RawRequest }[] => [
      {
        origin,
        request: { method: 'GET', path: '/v1/tenant', headers: { Authorization: `Bearer ${tenant.apiKey}` } },
      },
      { origin, request: { method: 'GET', path: '/health' } },
      { origin, request: { method: 'GET', path: '/api/billing/payments/2026-03/statements' } },
      {
        origin,
        request: {
          method: 'OPTIONS',
          path: '/v1/billing-groups',
          headers: {
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization,content-type',
          },
        },
      },
      {
        origin,
        request: {
          method: 'OPTIONS',
          path: '/api/billing/admin/calculate',
          headers: { 'Access-Control-Request-Method': 'POST' },
        },
      },
    ]);

    const defects = await Promise.all(
      requests.map(async ({ origin, request }) => {
        const response = await rawHttp.send({ ...request, headers: { ...request.headers, Origin: origin } });
        const defect = response.status >= 500 ? `answered ${response.status}` : corsDefect(response);
        return defect && `${request.method} ${request.path} from ${origin}: ${defect}`;
      }),
    );

    expect(defects.filter(Boolean)).toEqual([]);
  });

  test('an allowed origin is answered with itself, never a wildcard', async ({ createTenant, rawHttp }) => {
    const tenant = await createTenant();
    for (const origin of ALLOWED_ORIGINS) {
      const preflight = await rawHttp.send({
        method: 'OPTIONS',
        path: '/v1/billing-groups',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      const read = await rawHttp.send({
        method: 'GET',
        path: '/v1/tenant',
        headers: { Origin: origin, Authorization: `Bearer ${tenant.apiKey}` },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(read.headers.get('access-control-allow-origin')).toBe(origin);
      expect(read.headers.get('vary') ?? '').toMatch(/Origin/);
    }
  });

  test('every kind of answer carries the security headers', async ({ createTenant, rawHttp }) => {
    const tenant = await createTenant();
    const key = { Authorization: `Bearer ${tenant.apiKey}` };
    const json = { ...key, 'Content-Type': 'application/json' };
    const answers: Record<string, RawRequest> = {
      success: { method: 'GET', path: '/v1/tenant', headers: key },
      created: { method: 'POST', path: '/v1/api-keys', headers: json, body: '{"name":"headers"}' },
      unauthorized: { method: 'GET', path: '/v1/tenant' },
      'not found': { method: 'GET', path: '/v1/billing-groups/bg_missing', headers: key },
      'no such route': { method: 'GET', path: '/v1/nothing-here', headers: key },
      'method not allowed': { method: 'PUT', path: '/v1/billing-groups', headers: key },
      invalid: { method: 'POST', path: '/v1/billing-groups', headers: json, body: '{}' },
      'malformed JSON': { method: 'POST', path: '/v1/billing-groups', headers: json, body: '{' },
      'unsupported media type': {
        method: 'POST',
        path: '/v1/billing-groups',
        headers: { ...key, 'Content-Type': 'text/plain' },
        body: 'x',
      },
      'too large': {
        method: 'POST',
        path: '/v1/billing-groups',
        headers: json,
        body: 'x'.repeat(1024 * 1024 + 1),
      },
      legacy: { method: 'POST', path: '/api/billing/admin/calculate', headers: json, body: '{}' },
      'legacy refusal': { method: 'POST', path: '/api/billing/admin/calculate', headers: json, body: '{' },
      health: { method: 'GET', path: '/health' },
      'OpenAPI document': { method: 'GET', path: '/openapi.json' },
      docs: { method: 'GET', path: '/docs' },
      // Static assets on workerd, served before the Worker runs (edge/public/_headers).
      'docs script': { method: 'GET', path: '/docs/vendor/swagger-ui-bundle.js' },
      'docs stylesheet': { method: 'GET', path: '/docs/vendor/swagger-ui.css' },
    };

    const defects = await Promise.all(
      Object.entries(answers).map(async ([label, request]) => {
        const response = await rawHttp.send(request);
        const defects = headerDefects(response);
        return response.status >= 500 || defects.length > 0
          ? `${label} (${response.status}): ${defects.join(', ')}`
          : null;
      }),
    );

    expect(defects.filter(Boolean)).toEqual([]);
  });

  test('the docs page, the one HTML document, also carries the headers of a document', async ({
    rawHttp,
  }) => {
    const docs = await rawHttp.send({ method: 'GET', path: '/docs' });
    const api = await rawHttp.send({ method: 'GET', path: '/health' });

    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(headerDefects(docs)).toEqual([]);
    for (const [name, value] of Object.entries(DOCUMENT_HEADERS)) {
      expect(docs.headers.get(name), name).toBe(value);
      // What only a document needs is not paid for on every answer of the API.
      expect(api.headers.get(name), name).toBeNull();
    }
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  test('answers holding tenant data or keys are never stored by a cache', async ({
    createTenant,
    rawHttp,
    adminApi,
  }) => {
    const tenant = await createTenant();
    const created = await rawHttp.json('POST', '/v1/api-keys', tenant.apiKey, { name: 'cache' });
    const listed = await rawHttp.json('GET', '/v1/billing-groups', tenant.apiKey);
    const refused = await rawHttp.json('GET', '/v1/tenant', null);
    const newTenant = await adminApi.post('/v1/tenants', { name: 'cache check' });

    expect(created.status).toBe(201);
    for (const response of [created, listed, refused]) {
      expect(response.headers.get('cache-control') ?? '').toContain('no-store');
    }
    expect(newTenant.headers()['cache-control'] ?? '').toContain('no-store');
  });
});
