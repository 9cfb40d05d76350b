import { expect, test } from '../support/api-test';

/** Test clocks (DOMAIN §8a): every operation's answers, good and bad, against edge/openapi.json. */
test.describe('contract: test clocks', () => {
  test('a clock is created, read, listed, advanced and deleted', async ({ api }) => {
    const created = await api.post('/v1/test-clocks', {
      name: 'contract',
      frozenTime: '2026-01-10T00:00:00Z',
    });
    expect(created.status()).toBe(201);
    await expect(created).toMatchContract('createTestClock');
    const clock = (await created.json()) as { id: string };
    expect(await created.json()).toMatchObject({
      frozenTime: '2026-01-10T00:00:00.000Z',
      status: 'READY',
      advancingTo: null,
    });

    const read = await api.get(`/v1/test-clocks/${clock.id}`);
    await expect(read).toMatchContract('getTestClock');
    const listed = await api.get('/v1/test-clocks?limit=100');
    await expect(listed).toMatchContract('listTestClocks');

    const advanced = await api.post(`/v1/test-clocks/${clock.id}/advance`, { to: '2026-01-20T00:00:00Z' });
    expect(advanced.status()).toBe(202);
    await expect(advanced).toMatchContract('advanceTestClock');
    expect(await advanced.json()).toMatchObject({
      status: 'ADVANCING',
      advancingTo: '2026-01-20T00:00:00.000Z',
      progress: { runsTotal: 10 },
    });
    await expect
      .poll(
        async () =>
          ((await (await api.get(`/v1/test-clocks/${clock.id}`)).json()) as { status: string }).status,
      )
      .toBe('READY');

    const deleted = await api.delete(`/v1/test-clocks/${clock.id}`);
    expect(deleted.status()).toBe(204);
    await expect(deleted).toMatchContract('deleteTestClock');
    const missing = await api.get(`/v1/test-clocks/${clock.id}`);
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('getTestClock');
  });

  test('bad input is a 4xx problem naming the field and the rule', async ({ api }) => {
    const badTime = await api.post('/v1/test-clocks', { frozenTime: '1999-12-31T00:00:00Z' });
    expect(badTime.status()).toBe(422);
    await expect(badTime).toMatchContract('createTestClock');
    expect((await badTime.json()).errors).toEqual([
      expect.objectContaining({ field: 'frozenTime', rule: 'billing-window' }),
    ]);

    const clock = (await (
      await api.post('/v1/test-clocks', { frozenTime: '2026-01-10T00:00:00Z' })
    ).json()) as {
      id: string;
    };
    const cases = [
      ['2026-01-01T00:00:00Z', 'after-frozen-time'],
      ['2029-01-01T00:00:00Z', 'max-advance'],
    ] as const;
    for (const [to, rule] of cases) {
      const refused = await api.post(`/v1/test-clocks/${clock.id}/advance`, { to });
      expect(refused.status(), to).toBe(422);
      await expect(refused).toMatchContract('advanceTestClock');
      expect((await refused.json()).errors).toEqual([expect.objectContaining({ field: 'to', rule })]);
    }
    await api.create('/v1/billing-groups', { name: 'holds the clock', testClockId: clock.id });
    const inUse = await api.delete(`/v1/test-clocks/${clock.id}`);
    expect(inUse.status()).toBe(409);
    await expect(inUse).toMatchContract('deleteTestClock');
    const nowhere = await api.post('/v1/test-clocks/clock_missing/advance', { to: '2026-02-01T00:00:00Z' });
    expect(nowhere.status()).toBe(404);
    await expect(nowhere).toMatchContract('advanceTestClock');
  });
});

test.describe('contract: test clocks refuse what they would otherwise drop', () => {
  test('unknown fields, a changed testClockId and days the calendar lacks are 422 naming the field', async ({
    api,
    billingGroups,
  }) => {
    const clock = (await (
      await api.post('/v1/test-clocks', { frozenTime: '2026-01-10T00:00:00Z' })
    ).json()) as {
      id: string;
    };
    const cases = [
      ['/v1/test-clocks', { frozenTime: '2026-02-30T00:00:00Z' }, 'createTestClock', 'frozenTime', 'instant'],
      [
        '/v1/test-clocks',
        { frozenTime: '2026-01-10T00:00:00Z', frozen: 1 },
        'createTestClock',
        'frozen',
        'unknown-field',
      ],
      [
        `/v1/test-clocks/${clock.id}/advance`,
        { to: '2026-02-10T00:00:00Z', dryRun: true },
        'advanceTestClock',
        'dryRun',
        'unknown-field',
      ],
      [
        `/v1/test-clocks/${clock.id}/advance`,
        { to: '2026-02-30T00:00:00Z' },
        'advanceTestClock',
        'to',
        'instant',
      ],
      [
        '/v1/billing-groups',
        { name: 'typo', testclockId: clock.id },
        'createBillingGroup',
        'testclockId',
        'unknown-field',
      ],
    ] as const;
    for (const [path, body, operationId, field, rule] of cases) {
      const refused = await api.post(path, body);
      expect(refused.status(), `${path} ${JSON.stringify(body)}`).toBe(422);
      await expect(refused).toMatchContract(operationId);
      expect((await refused.json()).errors).toEqual([expect.objectContaining({ field, rule })]);
    }
    const group = await billingGroups.create();
    const moved = await api.patch(`/v1/billing-groups/${group.id}`, { testClockId: clock.id });
    expect(moved.status()).toBe(422);
    await expect(moved).toMatchContract('updateBillingGroup');
    expect((await moved.json()).errors).toEqual([
      expect.objectContaining({ field: 'testClockId', rule: 'unknown-field' }),
    ]);
    // Nothing moved: the clock stands where it was.
    expect(
      ((await (await api.get(`/v1/test-clocks/${clock.id}`)).json()) as { frozenTime: string }).frozenTime,
    ).toBe('2026-01-10T00:00:00.000Z');
  });
});
