import { expect, test } from '../support/api-test';

/**
 * What the edge tells its operator (edge/OBSERVABILITY.md), on the Node host: one JSON line per
 * request that never carries a key or a body, a trace per request with its route and storage spans
 * sent to an OTLP endpoint, and Prometheus metrics behind a token.
 */

const METRICS_TOKEN = 'metrics-token-for-the-scraper';

test.describe('observability of the edge', () => {
  test('each request writes one JSON line with its route and tenant, and no key, body or query', async ({
    nodeEdges,
    dataName,
  }) => {
    const edge = await nodeEdges.start({ EDGE_LOG_LEVEL: 'log' });
    const { tenantId, apiKey } = await edge.createTenant(`${dataName}-tenant`);
    const bodyMarker = `${dataName}-body-only`;
    const queryMarker = `${dataName}-query-only`;

    const created = await test.step('create a billing group and read it back', async () => {
      const response = await edge.request(apiKey, 'POST', '/v1/billing-groups', { name: bodyMarker });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string };
    });
    const read = await edge.request(apiKey, 'GET', `/v1/billing-groups/${created.id}?note=${queryMarker}`);
    expect(read.status).toBe(200);
    const requestId = read.headers.get('X-Request-Id');

    await expect
      .poll(() => edge.jsonLines().find((line) => line.requestId === requestId), {
        message: 'the read’s log line',
      })
      .toEqual({
        level: 'info',
        message: 'request',
        requestId,
        tenantId,
        operationId: 'getBillingGroup',
        method: 'GET',
        route: '/v1/billing-groups/:billingGroupId',
        status: 200,
        durationMs: expect.any(Number),
      });
    const requestLines = edge.jsonLines().filter((line) => line.message === 'request');
    expect(requestLines.map((line) => line.operationId)).toEqual([
      'createTenant',
      'createBillingGroup',
      'getBillingGroup',
    ]);
    for (const secret of [apiKey, bodyMarker, queryMarker, created.id])
      expect(edge.log).not.toContain(secret);
    expect((await fetch(`${edge.url}/metrics`)).status, 'no METRICS_TOKEN, no /metrics').toBe(404);
  });

  test('EDGE_LOG_LEVEL=error keeps the request lines out of the output', async ({ nodeEdges, dataName }) => {
    const edge = await nodeEdges.start({ EDGE_LOG_LEVEL: 'error' });
    const { apiKey } = await edge.createTenant(`${dataName}-tenant`);
    expect((await edge.request(apiKey, 'GET', '/v1/billing-groups')).status).toBe(200);
    expect(edge.jsonLines().filter((line) => line.message === 'request')).toEqual([]);
  });

  test('a request is traced to the OTLP endpoint: the route span and its storage spans', async ({
    nodeEdges,
    otlpReceiver,
    dataName,
  }) => {
    const edge = await nodeEdges.start({
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpReceiver.url,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-token=collector%20secret',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const { apiKey, tenantId } = await edge.createTenant(`${dataName}-tenant`);
    const created = await edge.request(apiKey, 'POST', '/v1/billing-groups', { name: `${dataName}-group` });
    const { id } = (await created.json()) as { id: string };
    expect((await edge.request(apiKey, 'GET', `/v1/billing-groups/${id}`)).status).toBe(200);

    const routeName = 'GET /v1/billing-groups/:billingGroupId';
    await expect
      .poll(() => otlpReceiver.spans.find((span) => span.name === routeName)?.attributes, {
        message: 'the route span reaches the collector',
      })
      .toEqual({
        'http.request.method': 'GET',
        'http.route': '/v1/billing-groups/:billingGroupId',
        'billing.operation_id': 'getBillingGroup',
        'http.response.status_code': 200,
        'billing.tenant_id': tenantId,
      });
    const route = otlpReceiver.spans.find((span) => span.name === routeName);
    await expect
      .poll(() =>
        otlpReceiver.spans
          .filter((span) => span.traceId === route?.traceId && span.parentSpanId === route?.spanId)
          .map((span) => span.name),
      )
      .toContain('storage.getBillingGroup');
    // A draft statement is computed by the engine on every read: its span sits under the route's.
    const month = new Date().toISOString().slice(0, 7);
    expect((await edge.request(apiKey, 'GET', `/v1/billing-groups/${id}/statements/${month}`)).status).toBe(
      200,
    );
    await expect
      .poll(() => {
        const draft = otlpReceiver.spans.find(
          (span) => span.name === 'GET /v1/billing-groups/:billingGroupId/statements/:month',
        );
        return otlpReceiver.spans
          .filter((span) => span.traceId === draft?.traceId && span.parentSpanId === draft?.spanId)
          .map((span) => span.name);
      })
      .toContain('engine.computeStatement');
    expect(otlpReceiver.exportHeaders[0]?.['x-collector-token']).toBe('collector secret');
    expect(JSON.stringify(otlpReceiver.spans)).not.toContain(apiKey);
  });

  test('/metrics counts requests and times them per operationId, for the token’s holder only', async ({
    nodeEdges,
    dataName,
  }) => {
    const edge = await nodeEdges.start({ METRICS_TOKEN });
    const { apiKey } = await edge.createTenant(`${dataName}-tenant`);
    const scrape = async () => {
      const response = await fetch(`${edge.url}/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const series = '{operation_id="listBillingGroups",method="GET",status="200"}';
    const sample = (text: string, name: string) => {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${series} `));
      return line === undefined ? 0 : Number(line.split(' ')[1]);
    };

    const before = await scrape();
    for (let index = 0; index < 3; index += 1) {
      expect((await edge.request(apiKey, 'GET', '/v1/billing-groups')).status).toBe(200);
    }
    const after = await scrape();

    expect(sample(after, 'billing_edge_requests_total') - sample(before, 'billing_edge_requests_total')).toBe(
      3,
    );
    expect(sample(after, 'billing_edge_request_duration_seconds_count')).toBe(3);
    expect(after).toContain(
      'billing_edge_request_duration_seconds_bucket{le="+Inf",operation_id="listBillingGroups",method="GET",status="200"} 3',
    );
    expect(after).not.toContain(apiKey);
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${apiKey}`]) {
      const refused = await fetch(`${edge.url}/metrics`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(refused.status, `/metrics with ${authorization ?? 'no Authorization'}`).toBe(401);
    }
  });
});
