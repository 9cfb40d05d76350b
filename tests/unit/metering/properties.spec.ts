import { aggregateUsage, Decimal, ingestBatch } from '@billing/engine';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { storedState, usageEvent } from './usage-events';

const MONTH = '2026-03';
const PERIOD_START = Date.UTC(2026, 2, 1);
const PERIOD_END = Date.UTC(2026, 3, 1);
const DAY = 86_400_000;

const COUNTERS = [
  { counterName: 'compute.c2.c8m8', counterType: 'DELTA', unit: 'HOURS' },
  { counterName: 'storage.volume.ssd', counterType: 'GAUGE', unit: 'GB' },
  { counterName: 'network.bytes', counterType: 'CUMULATIVE', unit: 'GB' },
] as const;

/** Volumes in hundredths, so the test models arithmetic in exact integers, apart from Decimal. */
const hundredths = fc.bigInt({ min: 0n, max: 100_000_000n });

function fromHundredths(value: bigint): string {
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

function toHundredths(quantity: string): bigint {
  return BigInt(new Decimal(quantity).times(100).toFixed());
}

/** Around the period, so some events fall before and after it. */
const instantNearPeriod = fc.integer({ min: PERIOD_START - 10 * DAY, max: PERIOD_END + 10 * DAY });
const instantInPeriod = fc.integer({ min: PERIOD_START, max: PERIOD_END - 1 });

function isoAt(millis: number): string {
  return new Date(millis).toISOString();
}

/** The same instant as a Seoul wall clock, as a client in Korea might resend it. */
function seoulIso(millis: number): string {
  return new Date(millis + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
}

/**
 * Mixed usage of one billing group with pairwise distinct timestamps, so the only documented
 * arrival-order rule (equal timestamps) never comes into play.
 */
const mixedUsage = fc
  .uniqueArray(
    fc.record({
      millis: instantNearPeriod,
      counter: fc.constantFrom(...COUNTERS),
      projectId: fc.constantFrom('proj-1', 'proj-2'),
      resourceId: fc.constantFrom(null, 'vm-1', 'vm-2'),
      resourceName: fc.constantFrom(null, 'web', 'db'),
      volume: hundredths,
    }),
    { selector: (spec) => spec.millis, maxLength: 40 },
  )
  .map((specs) =>
    specs.map((spec, index) =>
      usageEvent({
        ...spec.counter,
        eventId: `evt-${index}`,
        projectId: spec.projectId,
        resourceId: spec.resourceId,
        resourceName: spec.resourceName,
        volume: fromHundredths(spec.volume),
        timestamp: isoAt(spec.millis),
      }),
    ),
  );

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/** The counter's usage as runs that never go down: each run bills where it ended minus where it began. */
function cumulativeModel(start: bigint, readingsInTimeOrder: readonly bigint[]): bigint {
  let billed = 0n;
  let runStart = start;
  let previous = start;
  for (const reading of readingsInTimeOrder) {
    if (reading < previous) {
      billed += previous - runStart;
      runStart = 0n;
    }
    previous = reading;
  }
  return billed + previous - runStart;
}

test.describe('metering properties: order of arrival', () => {
  test('the order events arrive in never changes the aggregates', async ({ checkProperty }) => {
    await checkProperty(
      mixedUsage.chain((events) => fc.tuple(fc.constant(events), shuffled(events))),
      ([events, reordered]) => {
        expect(aggregateUsage(reordered, MONTH)).toEqual(aggregateUsage(events, MONTH));
      },
    );
  });

  test('DELTA usage does not depend on arrival order even when timestamps are equal', async ({
    checkProperty,
  }) => {
    const sameInstantDeltas = fc
      .array(hundredths, { minLength: 1, maxLength: 10 })
      .map((volumes) =>
        volumes.map((volume, index) =>
          usageEvent({ eventId: `evt-${index}`, volume: fromHundredths(volume) }),
        ),
      );
    await checkProperty(
      sameInstantDeltas.chain((events) => fc.tuple(fc.constant(events), shuffled(events))),
      ([events, reordered]) => {
        expect(aggregateUsage(reordered, MONTH)).toEqual(aggregateUsage(events, MONTH));
      },
    );
  });
});

test.describe('metering properties: each counter type against an independent model', () => {
  test('DELTA usage is the sum of the volumes inside the period', async ({ checkProperty }) => {
    await checkProperty(fc.array(fc.tuple(instantNearPeriod, hundredths), { maxLength: 40 }), (specs) => {
      const events = specs.map(([millis, volume], index) =>
        usageEvent({ eventId: `evt-${index}`, timestamp: isoAt(millis), volume: fromHundredths(volume) }),
      );
      const inPeriod = specs.filter(([millis]) => millis >= PERIOD_START && millis < PERIOD_END);
      const expected = inPeriod.reduce((total, [, volume]) => total + volume, 0n);
      const result = aggregateUsage(events, MONTH);
      expect(result.map((aggregate) => toHundredths(aggregate.quantity))).toEqual(
        inPeriod.length === 0 ? [] : [expected],
      );
    });
  });

  test('GAUGE usage is the reading with the latest timestamp in the period', async ({ checkProperty }) => {
    await checkProperty(
      fc.uniqueArray(fc.tuple(instantNearPeriod, hundredths), {
        selector: ([millis]) => millis,
        maxLength: 30,
      }),
      (specs) => {
        const events = specs.map(([millis, volume], index) =>
          usageEvent({
            eventId: `evt-${index}`,
            counterType: 'GAUGE',
            timestamp: isoAt(millis),
            volume: fromHundredths(volume),
          }),
        );
        const latest = specs
          .filter(([millis]) => millis >= PERIOD_START && millis < PERIOD_END)
          .sort(([a], [b]) => b - a)[0];
        const result = aggregateUsage(events, MONTH);
        expect(result.map((aggregate) => toHundredths(aggregate.quantity))).toEqual(
          latest === undefined ? [] : [latest[1]],
        );
      },
    );
  });

  test('CUMULATIVE usage with resets is the sum of its non-decreasing runs', async ({ checkProperty }) => {
    await checkProperty(
      fc.option(hundredths, { nil: undefined }),
      fc.uniqueArray(fc.tuple(instantInPeriod, hundredths), {
        selector: ([millis]) => millis,
        minLength: 1,
        maxLength: 30,
      }),
      (start, specs) => {
        const before =
          start === undefined
            ? []
            : [
                usageEvent({
                  eventId: 'start',
                  timestamp: isoAt(PERIOD_START - DAY),
                  volume: fromHundredths(start),
                }),
              ];
        const events = [
          ...before,
          ...specs.map(([millis, volume], index) =>
            usageEvent({ eventId: `evt-${index}`, timestamp: isoAt(millis), volume: fromHundredths(volume) }),
          ),
        ].map((event) => ({ ...event, counterType: 'CUMULATIVE' as const }));
        const inTimeOrder = [...specs].sort(([a], [b]) => a - b).map(([, volume]) => volume);
        const billed = aggregateUsage(events, MONTH).map((aggregate) => toHundredths(aggregate.quantity));
        expect(billed).toEqual([cumulativeModel(start ?? 0n, inTimeOrder)]);
      },
    );
  });

  test('no aggregate is ever negative, whatever the counters and resets', async ({ checkProperty }) => {
    await checkProperty(mixedUsage, (events) => {
      for (const aggregate of aggregateUsage(events, MONTH)) {
        expect(new Decimal(aggregate.quantity).isNegative()).toBe(false);
      }
    });
  });
});

test.describe('metering properties: idempotent ingestion', () => {
  test('duplicates, however written, never change the aggregate', async ({ checkProperty }) => {
    const withResentCopies = mixedUsage.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.subarray(events).chain((copies) =>
          shuffled([
            ...events,
            ...copies.map((event) => ({
              ...event,
              volume: `${event.volume}000`,
              timestamp: seoulIso(Date.parse(event.timestamp)),
            })),
          ]),
        ),
      ),
    );
    await checkProperty(withResentCopies, ([events, batch]) => {
      const result = ingestBatch(batch, storedState());
      expect(result.verdicts.filter((verdict) => verdict.verdict === 'duplicate')).toHaveLength(
        batch.length - events.length,
      );
      expect(aggregateUsage(result.accepted, MONTH)).toEqual(aggregateUsage(events, MONTH));
    });
  });

  test('re-sending an accepted batch accepts nothing new: every event is a duplicate', async ({
    checkProperty,
  }) => {
    await checkProperty(mixedUsage, (events) => {
      const first = ingestBatch(events, storedState());
      const again = ingestBatch(events, storedState(first.accepted));
      expect(again.verdicts.map((verdict) => [verdict.index, verdict.verdict])).toEqual(
        events.map((_, index) => [index, 'duplicate']),
      );
      expect(again.accepted).toEqual([]);
    });
  });
});
