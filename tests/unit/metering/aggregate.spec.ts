import { aggregateUsage, type UsageEvent } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { brokenRules, usageEvent } from './usage-events';

/** Readings of one counter, each `[timestamp, volume]`. */
function readings(counterType: UsageEvent['counterType'], values: [string, string][]): UsageEvent[] {
  return values.map(([timestamp, volume], index) =>
    usageEvent({
      eventId: `evt-${index}`,
      counterType,
      timestamp,
      volume,
      counterName: 'network.bytes',
      unit: 'GB',
    }),
  );
}

function quantities(events: readonly UsageEvent[], month: string): string[] {
  return aggregateUsage(events, month).map((aggregate) => aggregate.quantity);
}

test.describe('metering: DELTA counters sum the volumes of the period', () => {
  test('three DELTA events in March add up to their exact sum', { tag: ['@smoke'] }, () => {
    const events = readings('DELTA', [
      ['2026-03-01T00:00:00Z', '1.1'],
      ['2026-03-15T12:00:00Z', '0.2'],
      ['2026-03-31T23:59:59Z', '2.2'],
    ]);
    expect(aggregateUsage(events, '2026-03')).toEqual([
      {
        projectId: 'proj-1',
        counterName: 'network.bytes',
        counterType: 'DELTA',
        unit: 'GB',
        resourceId: null,
        resourceName: null,
        quantity: '3.5',
      },
    ]);
  });

  test('decimal volumes add without binary drift: 0.1 + 0.2 is 0.3', () => {
    expect(
      quantities(
        readings('DELTA', [
          ['2026-03-02T00:00Z', '0.1'],
          ['2026-03-03T00:00Z', '0.2'],
        ]),
        '2026-03',
      ),
    ).toEqual(['0.3']);
  });

  test('volumes before and after the month do not count', () => {
    const events = readings('DELTA', [
      ['2026-02-28T23:59:59Z', '100'],
      ['2026-03-10T00:00Z', '5'],
      ['2026-04-01T00:00Z', '100'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['5']);
  });
});

test.describe('metering: GAUGE counters take the latest reading of the period', () => {
  test('a volume measured at 10, 40 then 25 GB bills 25 GB', () => {
    const events = readings('GAUGE', [
      ['2026-03-05T00:00Z', '10'],
      ['2026-03-20T00:00Z', '25'],
      ['2026-03-12T00:00Z', '40'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['25']);
  });

  test('readings after the month do not count; one before it does not either', () => {
    const events = readings('GAUGE', [
      ['2026-02-27T00:00Z', '99'],
      ['2026-03-05T00:00Z', '10'],
      ['2026-04-01T00:00Z', '77'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['10']);
  });

  test('two readings at the same instant: the later-ingested one wins', () => {
    const events = readings('GAUGE', [
      ['2026-03-05T00:00Z', '10'],
      ['2026-03-05T09:00+09:00', '12'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['12']);
    expect(quantities([...events].reverse(), '2026-03')).toEqual(['10']);
  });
});

test.describe('metering: CUMULATIVE counters sum the increases between readings', () => {
  test('starting from the last reading before the period: 100 → 130 → 180 bills 80', () => {
    const events = readings('CUMULATIVE', [
      ['2026-02-10T00:00Z', '90'],
      ['2026-02-28T00:00Z', '100'],
      ['2026-03-10T00:00Z', '130'],
      ['2026-03-20T00:00Z', '180'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['80']);
  });

  test('with no reading before the period the counter starts from 0', () => {
    const events = readings('CUMULATIVE', [
      ['2026-03-10T00:00Z', '30'],
      ['2026-03-20T00:00Z', '45.5'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['45.5']);
  });

  test('a lower reading is a reset: 100 → 150 → 20 → 50 bills 50 + 20 + 30 = 100', () => {
    const events = readings('CUMULATIVE', [
      ['2026-02-28T00:00Z', '100'],
      ['2026-03-05T00:00Z', '150'],
      ['2026-03-10T00:00Z', '20'],
      ['2026-03-15T00:00Z', '50'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['100']);
  });

  test('a reset straight after the period starts counts the first reading whole', () => {
    const events = readings('CUMULATIVE', [
      ['2026-02-28T00:00Z', '500'],
      ['2026-03-01T00:00Z', '7'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['7']);
  });

  test('readings are taken in timestamp order, not arrival order', () => {
    const events = readings('CUMULATIVE', [
      ['2026-03-20T00:00Z', '180'],
      ['2026-03-10T00:00Z', '130'],
      ['2026-02-28T00:00Z', '100'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['80']);
  });

  test('readings at the same instant are taken in the order they were ingested', () => {
    const events = readings('CUMULATIVE', [
      ['2026-03-10T00:00Z', '10'],
      ['2026-03-10T00:00Z', '4'],
    ]);
    // 0 → 10 is +10; 10 → 4 is a reset worth 4.
    expect(quantities(events, '2026-03')).toEqual(['14']);
  });

  test('readings after the period neither bill nor move the starting point', () => {
    const events = readings('CUMULATIVE', [
      ['2026-03-10T00:00Z', '10'],
      ['2026-04-02T00:00Z', '1000'],
    ]);
    expect(quantities(events, '2026-03')).toEqual(['10']);
  });

  test('a counter with readings only before the period has no usage line', () => {
    expect(aggregateUsage(readings('CUMULATIVE', [['2026-02-10T00:00Z', '90']]), '2026-03')).toEqual([]);
  });
});

test.describe('metering: the billing period is the UTC calendar month', () => {
  test('an event at exactly YYYY-MM-01T00:00Z belongs to that month, not the one before', () => {
    const events = [usageEvent({ timestamp: '2026-03-01T00:00Z' })];
    expect(quantities(events, '2026-03')).toEqual(['1']);
    expect(quantities(events, '2026-02')).toEqual([]);
  });

  test('the last millisecond of the month is still in it; the next month start is not', () => {
    const events = [
      usageEvent({ eventId: 'last', timestamp: '2026-03-31T23:59:59.999Z', volume: '2' }),
      usageEvent({ eventId: 'next', timestamp: '2026-04-01T00:00:00Z', volume: '3' }),
    ];
    expect(quantities(events, '2026-03')).toEqual(['2']);
    expect(quantities(events, '2026-04')).toEqual(['3']);
  });

  test('2026-03-01T08:30+09:00 is still February in UTC', () => {
    const events = [usageEvent({ timestamp: '2026-03-01T08:30+09:00' })];
    expect(quantities(events, '2026-02')).toEqual(['1']);
    expect(quantities(events, '2026-03')).toEqual([]);
  });

  test('2026-02-28T20:00-05:00 is already March in UTC', () => {
    expect(quantities([usageEvent({ timestamp: '2026-02-28T20:00-05:00' })], '2026-03')).toEqual(['1']);
  });

  test('December ends at the new year and a leap day belongs to February', () => {
    const events = [
      usageEvent({ eventId: 'eve', timestamp: '2026-12-31T23:59:59Z', volume: '1' }),
      usageEvent({ eventId: 'new-year', timestamp: '2027-01-01T00:00:00Z', volume: '2' }),
      usageEvent({ eventId: 'leap', timestamp: '2028-02-29T12:00:00Z', volume: '4' }),
    ];
    expect(quantities(events, '2026-12')).toEqual(['1']);
    expect(quantities(events, '2027-01')).toEqual(['2']);
    expect(quantities(events, '2028-02')).toEqual(['4']);
  });

  test('a month with no events has no usage', () => {
    expect(aggregateUsage([], '2026-03')).toEqual([]);
  });
});

test.describe('metering: one aggregate per project, counter and resource', () => {
  test('each (project, counter, resource) is billed on its own and the list is sorted, no resource first', () => {
    const events = [
      usageEvent({ eventId: '1', projectId: 'proj-b', volume: '1' }),
      usageEvent({ eventId: '2', projectId: 'proj-a', resourceId: 'vm-2', volume: '2' }),
      usageEvent({ eventId: '3', projectId: 'proj-a', resourceId: 'vm-1', volume: '3' }),
      usageEvent({ eventId: '4', projectId: 'proj-a', volume: '4' }),
      usageEvent({ eventId: '5', projectId: 'proj-a', counterName: 'compute.a', volume: '5' }),
      usageEvent({ eventId: '6', projectId: 'proj-a', resourceId: 'vm-1', volume: '6' }),
    ];
    expect(
      aggregateUsage(events, '2026-03').map((a) => [a.projectId, a.counterName, a.resourceId, a.quantity]),
    ).toEqual([
      ['proj-a', 'compute.a', null, '5'],
      ['proj-a', 'compute.c2.c8m8', null, '4'],
      ['proj-a', 'compute.c2.c8m8', 'vm-1', '9'],
      ['proj-a', 'compute.c2.c8m8', 'vm-2', '2'],
      ['proj-b', 'compute.c2.c8m8', null, '1'],
    ]);
  });

  test('the resource name is the latest one given in the period', () => {
    const events = [
      usageEvent({ eventId: '1', resourceId: 'vm-1', resourceName: 'web', timestamp: '2026-03-01T00:00Z' }),
      usageEvent({
        eventId: '2',
        resourceId: 'vm-1',
        resourceName: 'web-renamed',
        timestamp: '2026-03-20T00:00Z',
      }),
      usageEvent({ eventId: '3', resourceId: 'vm-1', resourceName: null, timestamp: '2026-03-30T00:00Z' }),
      usageEvent({ eventId: '4', resourceId: 'vm-1', resourceName: 'old', timestamp: '2026-03-10T00:00Z' }),
    ];
    expect(aggregateUsage(events, '2026-03')[0]?.resourceName).toBe('web-renamed');
  });
});

test.describe('metering: usage that cannot be added up is refused', () => {
  test('readings of one counter mixing counter types are refused on the odd one out', () => {
    const events = [
      usageEvent({ eventId: '1', counterType: 'GAUGE', timestamp: '2026-03-01T00:00Z' }),
      usageEvent({ eventId: '2', counterType: 'DELTA', timestamp: '2026-03-02T00:00Z' }),
    ];
    expect(brokenRules(() => aggregateUsage(events, '2026-03'))).toEqual([
      'events[1].counterType: consistent-counter-type',
    ]);
  });

  test('readings of one counter in different units are refused', () => {
    const events = [
      usageEvent({ eventId: '1', unit: 'HOURS' }),
      usageEvent({ eventId: '2', unit: 'SECONDS' }),
    ];
    expect(brokenRules(() => aggregateUsage(events, '2026-03'))).toEqual(['events[1].unit: consistent-unit']);
  });

  test('a CUMULATIVE starting reading in another unit is refused too', () => {
    const events = readings('CUMULATIVE', [
      ['2026-02-28T00:00Z', '100'],
      ['2026-03-10T00:00Z', '130'],
    ]);
    events[0] = { ...(events[0] as UsageEvent), unit: 'MB' };
    expect(brokenRules(() => aggregateUsage(events, '2026-03'))).toEqual(['events[0].unit: consistent-unit']);
  });

  test('a counter that changed type in an earlier month is fine: only the period decides', () => {
    const events = [
      usageEvent({ eventId: '1', counterType: 'GAUGE', timestamp: '2026-02-01T00:00Z' }),
      usageEvent({ eventId: '2', counterType: 'DELTA', volume: '3' }),
    ];
    expect(quantities(events, '2026-03')).toEqual(['3']);
  });

  test('events of two billing groups are refused: a statement bills one customer', () => {
    const events = [usageEvent({ eventId: '1' }), usageEvent({ eventId: '2', billingGroupId: 'bg-2' })];
    expect(brokenRules(() => aggregateUsage(events, '2026-03'))).toEqual([
      'events[1].billingGroupId: same-billing-group',
    ]);
  });

  test('an invalid event or month is refused with its path', () => {
    const events = [usageEvent(), usageEvent({ eventId: '2', volume: '-3' })];
    expect(brokenRules(() => aggregateUsage(events, '2026-3'))).toEqual([
      'month: month',
      'events[1].volume: non-negative',
    ]);
  });
});
