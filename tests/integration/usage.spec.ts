import { expect, test } from '../support/api-test';
import type { IngestBody, UsageEventBody } from '../support/fixtures/metering';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const verdictsOf = (body: IngestBody) => body.verdicts.map((verdict) => verdict.verdict);

test.describe('metering: aggregation of a month (DOMAIN §2)', () => {
  test('DELTA sums, GAUGE takes the latest reading, CUMULATIVE sums increases across a reset', {
    tag: ['@smoke'],
  }, async ({ billingGroups, usageEvents }) => {
    const group = await billingGroups.create();
    const delta = {
      projectId: 'p-web',
      counterName: 'compute.c2.c8m8',
      counterType: 'DELTA',
      unit: 'HOURS',
    } as const;
    const gauge = {
      projectId: 'p-db',
      counterName: 'storage.volume.ssd',
      counterType: 'GAUGE',
      unit: 'GB',
    } as const;
    const cumulative = {
      projectId: 'p-net',
      counterName: 'network.floating_ip',
      counterType: 'CUMULATIVE',
      unit: 'HOURS',
      resourceId: 'fip-1',
    } as const;

    await test.step('ingest the month’s readings, and the counters’ readings of earlier months', async () => {
      const result = await usageEvents.ingest(group.id, [
        usageEvents.build({ ...delta, volume: '1.5', timestamp: '2026-03-02T00:00:00Z' }),
        usageEvents.build({ ...delta, volume: '2.5', timestamp: '2026-03-31T23:00:00Z' }),
        usageEvents.build({ ...delta, volume: '99', timestamp: '2026-04-01T00:00:00Z' }),
        usageEvents.build({ ...gauge, volume: '300', timestamp: '2026-03-05T00:00:00Z' }),
        usageEvents.build({ ...gauge, volume: '250', timestamp: '2026-03-20T00:00:00Z' }),
        usageEvents.build({ ...gauge, volume: '500', timestamp: '2026-03-10T00:00:00Z' }),
        usageEvents.build({ ...cumulative, volume: '90', timestamp: '2026-02-10T00:00:00Z' }),
        usageEvents.build({ ...cumulative, volume: '100', timestamp: '2026-02-27T00:00:00Z' }),
        usageEvents.build({ ...cumulative, volume: '150', timestamp: '2026-03-03T00:00:00Z' }),
        usageEvents.build({ ...cumulative, volume: '180', timestamp: '2026-03-09T00:00:00Z' }),
        usageEvents.build({ ...cumulative, volume: '20', timestamp: '2026-03-15T00:00:00Z' }),
        usageEvents.build({ ...cumulative, volume: '50', timestamp: '2026-03-25T00:00:00Z' }),
        usageEvents.build({
          ...cumulative,
          resourceId: 'fip-2',
          volume: '30',
          timestamp: '2026-01-15T00:00:00Z',
        }),
        usageEvents.build({
          ...cumulative,
          resourceId: 'fip-2',
          volume: '45',
          timestamp: '2026-03-12T00:00:00Z',
        }),
      ]);
      expect(result.counts).toEqual({ accepted: 14, duplicate: 0, rejected: 0 });
    });

    const march = await usageEvents.monthly(group.id, '2026-03');

    // Sorted by project: p-db, p-net, p-web.
    expect(march).toEqual([
      { ...gauge, resourceId: null, resourceName: null, quantity: '250' },
      // 100 → 150 → 180, reset to 20 (counts 20), → 50: 50 + 30 + 20 + 30.
      { ...cumulative, resourceName: null, quantity: '130' },
      // Its last reading before March is January's 30.
      { ...cumulative, resourceId: 'fip-2', resourceName: null, quantity: '15' },
      { ...delta, resourceId: null, resourceName: null, quantity: '4' },
    ]);
  });

  test('the order events arrive in never changes the aggregate', async ({ billingGroups, usageEvents }) => {
    const [inOrder, reversed] = [await billingGroups.create(), await billingGroups.create()];
    const readings = ['10', '40', '5', '25'].map((volume, day) =>
      usageEvents.build({
        counterName: 'network.floating_ip',
        counterType: 'CUMULATIVE',
        volume,
        timestamp: `2026-03-0${day + 1}T12:00:00+09:00`,
      }),
    );

    await usageEvents.ingest(inOrder.id, readings);
    await usageEvents.ingest(reversed.id, [...readings].reverse());

    const [a, b] = [
      await usageEvents.monthly(inOrder.id, '2026-03'),
      await usageEvents.monthly(reversed.id, '2026-03'),
    ];
    expect(a).toEqual(b);
    // 10 from 0, +30, a reset to 5 (counts 5), +20.
    expect(a[0]?.quantity).toBe('65');
  });

  test('a month without usage has no aggregates', async ({ billingGroups, usageEvents }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [usageEvents.build({ timestamp: '2026-03-10T00:00:00Z' })]);

    expect(await usageEvents.monthly(group.id, '2026-02')).toEqual([]);
  });
});

test.describe('metering: idempotent ingestion', () => {
  test('re-sending a batch answers duplicate for every event and counts each once', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const batch = [usageEvents.build({ volume: '2' }), usageEvents.build({ volume: '3' })];

    const first = await usageEvents.ingest(group.id, batch);
    const again = await usageEvents.ingest(group.id, batch);

    expect(verdictsOf(first)).toEqual(['accepted', 'accepted']);
    expect(verdictsOf(again)).toEqual(['duplicate', 'duplicate']);
    expect((await usageEvents.monthly(group.id, '2026-03'))[0]?.quantity).toBe('5');
    const stored = await api.read<Page<UsageEventBody>>(`/v1/billing-groups/${group.id}/usage-events`);
    expect(stored.items).toHaveLength(2);
  });

  test('the same payload spelled differently (decimal, offset, null resource) is a duplicate', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build({ volume: '1.50', timestamp: '2026-03-10T09:00:00+09:00' });
    await usageEvents.ingest(group.id, [event]);

    const respelled = await usageEvents.ingest(group.id, [
      { ...event, volume: '1.5', timestamp: '2026-03-10T00:00:00.000Z', resourceId: null },
    ]);

    expect(verdictsOf(respelled)).toEqual(['duplicate']);
  });

  test('a lone event reusing an id with another payload is a 409 conflict naming the eventId', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build();
    await usageEvents.ingest(group.id, [event]);

    const response = await usageEvents.send(group.id, [{ ...event, volume: '7' }]);

    expect(response.status()).toBe(409);
    expect(await response.json()).toMatchObject({
      type: '/problems/conflict',
      errors: [{ field: 'events[0].eventId', rule: 'conflict' }],
    });
    expect((await usageEvents.monthly(group.id, '2026-03'))[0]?.quantity).toBe('1');
  });

  test('in a batch, a conflicting event is rejected and the others are accepted', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build();
    await usageEvents.ingest(group.id, [event]);
    const fresh = usageEvents.build();

    const result = await usageEvents.ingest(group.id, [fresh, { ...event, resourceName: 'renamed' }]);

    expect(result.verdicts).toEqual([
      { index: 0, eventId: fresh.eventId, verdict: 'accepted' },
      expect.objectContaining({
        index: 1,
        eventId: event.eventId,
        verdict: 'rejected',
        reason: 'conflict',
        field: 'events[1].eventId',
      }),
    ]);
  });

  test('two copies inside one batch: the same payload is a duplicate, another payload a conflict', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build();

    const result = await usageEvents.ingest(group.id, [event, event, { ...event, volume: '9' }]);

    expect(result.verdicts.map((verdict) => verdict.reason ?? verdict.verdict)).toEqual([
      'accepted',
      'duplicate',
      'conflict',
    ]);
  });

  test('two identical batches racing both answer 200, and each event is stored once', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const batch = Array.from({ length: 50 }, () => usageEvents.build());

    const responses = await Promise.all([
      usageEvents.send(group.id, batch),
      usageEvents.send(group.id, batch),
    ]);

    expect(responses.map((response) => response.status())).toEqual([200, 200]);
    const bodies: IngestBody[] = await Promise.all(responses.map((response) => response.json()));
    for (const [index] of batch.entries()) {
      const verdicts = bodies.map((body) => body.verdicts[index]?.verdict).sort();
      expect(verdicts).toEqual(['accepted', 'duplicate']);
    }
    const stored = await api.read<Page<UsageEventBody>>(
      `/v1/billing-groups/${group.id}/usage-events?limit=100`,
    );
    expect(stored.items).toHaveLength(50);
  });
});

test.describe('metering: batches', () => {
  test('one bad event does not sink the batch: it is rejected naming each broken field', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const good = usageEvents.build();

    const result = await usageEvents.ingest(group.id, [
      good,
      { ...usageEvents.build(), volume: '-3', counterType: 'RATE', timestamp: '2026-03-10' },
      42,
    ]);

    expect(result.counts).toEqual({ accepted: 1, duplicate: 0, rejected: 2 });
    expect(result.verdicts[0]).toEqual({ index: 0, eventId: good.eventId, verdict: 'accepted' });
    const bad = result.verdicts[1] as IngestBody['verdicts'][number] & {
      issues: { field: string; rule: string }[];
    };
    expect(bad).toMatchObject({ verdict: 'rejected', reason: 'invalid' });
    expect(bad.issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['events[1].counterType', 'one-of'],
      ['events[1].volume', 'non-negative'],
      ['events[1].timestamp', 'instant'],
    ]);
    expect(result.verdicts[2]).toMatchObject({ eventId: null, verdict: 'rejected', field: 'events[2]' });
  });

  test('a lone invalid event is a 422 naming its field', async ({ billingGroups, usageEvents }) => {
    const group = await billingGroups.create();

    const response = await usageEvents.send(group.id, [usageEvents.build({ volume: 'lots' })]);

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'events[0].volume', rule: 'decimal' }),
    ]);
  });

  test('1000 events are accepted; 1001 are refused whole with a 422 on events (max-batch-size)', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const thousand = Array.from({ length: 1000 }, () => usageEvents.build({ volume: '0.5' }));

    const tooMany = await usageEvents.send(group.id, [...thousand, usageEvents.build()]);
    expect(tooMany.status()).toBe(422);
    expect((await tooMany.json()).errors).toEqual([
      expect.objectContaining({ field: 'events', rule: 'max-batch-size' }),
    ]);
    expect((await api.read<Page<unknown>>(`/v1/billing-groups/${group.id}/usage-events`)).items).toEqual([]);

    const accepted = await usageEvents.ingest(group.id, thousand);
    expect(accepted.counts.accepted).toBe(1000);
    expect((await usageEvents.monthly(group.id, '2026-03'))[0]?.quantity).toBe('500');
  });

  test('an event may leave out its billing group; naming another group rejects it', async ({
    billingGroups,
    usageEvents,
  }) => {
    const [group, other] = [await billingGroups.create(), await billingGroups.create()];

    const result = await usageEvents.ingest(group.id, [
      usageEvents.build(),
      usageEvents.build({ billingGroupId: group.id }),
      usageEvents.build({ billingGroupId: other.id }),
    ]);

    expect(verdictsOf(result)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(result.verdicts[2]).toMatchObject({
      field: 'events[2].billingGroupId',
      rule: 'path-billing-group',
    });
    expect(await usageEvents.monthly(other.id, '2026-03')).toEqual([]);
  });

  test('event ids are idempotency keys per billing group: two groups may use the same id', async ({
    billingGroups,
    usageEvents,
  }) => {
    const [first, second] = [await billingGroups.create(), await billingGroups.create()];
    const event = usageEvents.build();

    expect(verdictsOf(await usageEvents.ingest(first.id, [event]))).toEqual(['accepted']);
    expect(verdictsOf(await usageEvents.ingest(second.id, [{ ...event, volume: '5' }]))).toEqual([
      'accepted',
    ]);
  });

  test('events page through in arrival order, optionally of one month', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const march = Array.from({ length: 5 }, (_, index) =>
      usageEvents.build({ timestamp: `2026-03-1${index}T00:00:00Z` }),
    );
    await usageEvents.ingest(group.id, [
      ...march.slice(0, 3),
      usageEvents.build({ timestamp: '2026-04-01T00:00:00Z' }),
    ]);
    await usageEvents.ingest(group.id, march.slice(3));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `month=2026-03&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page<UsageEventBody> = await api.read(
        `/v1/billing-groups/${group.id}/usage-events?${query}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((event) => event.eventId));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toEqual(march.map((event) => event.eventId));
  });

  test('events are listed as ingested: the volume normalised, the timestamp as written', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build({
      volume: '001.50',
      timestamp: '2026-03-10T09:00:00+09:00',
      resourceId: 'vm-1',
    });
    await usageEvents.ingest(group.id, [event]);

    const page = await api.read<Page<UsageEventBody>>(`/v1/billing-groups/${group.id}/usage-events`);

    expect(page.items).toEqual([{ ...event, billingGroupId: group.id, volume: '1.5', resourceName: null }]);
  });
});

test.describe('metering: closed periods', () => {
  test('a closed month takes no more usage: a lone event is a 409, a batch rejects it and takes the rest', async ({
    billingGroups,
    statements,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const stored = usageEvents.build({ timestamp: '2026-03-05T00:00:00Z' });
    await usageEvents.ingest(group.id, [stored]);
    await test.step('close March', async () => {
      await statements.close(group.id, '2026-03');
    });

    const lone = await usageEvents.send(group.id, [usageEvents.build({ timestamp: '2026-03-31T23:59:59Z' })]);
    expect(lone.status()).toBe(409);
    expect(await lone.json()).toMatchObject({
      type: '/problems/period-closed',
      errors: [{ field: 'events[0].timestamp', rule: 'period-closed' }],
    });

    const batch = await usageEvents.ingest(group.id, [
      usageEvents.build({ timestamp: '2026-03-20T00:00:00Z' }),
      usageEvents.build({ timestamp: '2026-04-01T00:00:00Z' }),
      stored,
    ]);
    expect(batch.verdicts.map((verdict) => verdict.reason ?? verdict.verdict)).toEqual([
      'period-closed',
      'accepted',
      'duplicate',
    ]);
    expect((await usageEvents.monthly(group.id, '2026-03'))[0]?.quantity).toBe('1');
  });
});

test.describe('metering: one counter type and unit per series (accepted means billed)', () => {
  const series = { projectId: 'p-web', counterName: 'compute.c2.c8m8', resourceId: 'vm-1' } as const;

  test('a lone event in another unit than its series is a 409, and the month still bills', async ({
    billingGroups,
    statements,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [
      usageEvents.build({ ...series, unit: 'HOURS', volume: '10', timestamp: '2026-03-05T00:00:00Z' }),
    ]);

    const lone = await usageEvents.send(group.id, [
      usageEvents.build({ ...series, unit: 'PARSECS', volume: '1', timestamp: '2026-03-06T00:00:00Z' }),
    ]);

    expect(lone.status()).toBe(409);
    expect(await lone.json()).toMatchObject({
      type: '/problems/inconsistent-series',
      errors: [{ field: 'events[0].unit', rule: 'consistent-unit' }],
    });
    expect(await usageEvents.monthly(group.id, '2026-03')).toEqual([
      expect.objectContaining({ ...series, unit: 'HOURS', quantity: '10' }),
    ]);
    const closed = await statements.close(group.id, '2026-03');
    expect(closed.result.lines.map((line) => [line.unit, line.quantity])).toEqual([['HOURS', '10']]);
  });

  test('in a batch, an event that changes its series’ counter type or unit is rejected and the rest accepted', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const march = (overrides: Partial<UsageEventBody>) =>
      usageEvents.build({ ...series, unit: 'HOURS', timestamp: '2026-03-05T00:00:00Z', ...overrides });

    const result = await usageEvents.ingest(group.id, [
      march({ volume: '2' }),
      march({ volume: '3', counterType: 'GAUGE' }),
      march({ volume: '4', unit: 'MINUTES' }),
      march({ volume: '5', timestamp: '2026-04-05T00:00:00Z' }),
      march({ volume: '6', projectId: 'p-other', unit: 'MINUTES' }),
    ]);

    expect(result.verdicts.map((verdict) => verdict.reason ?? verdict.verdict)).toEqual([
      'accepted',
      'inconsistent-series',
      'inconsistent-series',
      'accepted',
      'accepted',
    ]);
    expect(result.verdicts[1]).toMatchObject({
      field: 'events[1].counterType',
      rule: 'consistent-counter-type',
    });
    expect(result.verdicts[2]).toMatchObject({ field: 'events[2].unit', rule: 'consistent-unit' });
    await test.step('a later month of the series keeps its unit too', async () => {
      const may = await usageEvents.send(group.id, [
        march({ volume: '7', unit: 'MINUTES', timestamp: '2026-05-05T00:00:00Z' }),
      ]);
      expect(may.status()).toBe(409);
    });
    const aggregates = await usageEvents.monthly(group.id, '2026-03');
    expect(
      aggregates
        .map(({ projectId, unit, quantity }) => ({ projectId, unit, quantity }))
        .sort((a, b) => a.projectId.localeCompare(b.projectId)),
    ).toEqual([
      { projectId: 'p-other', unit: 'MINUTES', quantity: '6' },
      { projectId: 'p-web', unit: 'HOURS', quantity: '2' },
    ]);
  });
});

test.describe('metering: tenant isolation', () => {
  test('another tenant’s billing group answers 404 to ingestion, listing and aggregates, and leaks nothing', async ({
    billingGroups,
    createTenant,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [usageEvents.build()]);
    const other = await createTenant();

    const responses = [
      await usageEvents.send(group.id, [usageEvents.build()], other.api),
      await other.api.get(`/v1/billing-groups/${group.id}/usage-events`),
      await other.api.get(`/v1/billing-groups/${group.id}/usage?month=2026-03`),
    ];

    for (const response of responses) {
      expect(response.status()).toBe(404);
      expect((await response.json()).detail).toBe(`billing group ${group.id} does not exist`);
    }
    expect(await usageEvents.monthly(group.id, '2026-03')).toHaveLength(1);
  });
});
