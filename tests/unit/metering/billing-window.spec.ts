import {
  aggregateUsage,
  assertMonthCanClose,
  ingestBatch,
  type MonthActivity,
  monthOfMillis,
} from '@billing/engine';
import { validateUsageEvent } from '@billing/engine/internal';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { brokenRules, issuesOf, storedState, usageEvent } from './usage-events';

/**
 * The billing window (DOMAIN §2): a client's timestamps lie in the years 2000–2099 (UTC), anything
 * else is refused on the field as sent; data already stored outside it never blocks a close.
 */

const FIRST_INSTANT = Date.UTC(2000, 0, 1);
const END_INSTANT = Date.UTC(2100, 0, 1);

test.describe('billing window: a usage event’s timestamp', () => {
  for (const timestamp of [
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1999-12-31T23:59:59.999Z',
    '2100-01-01T00:00:00Z',
    // 1999-12-31T20:00Z: the window is in UTC, the time billing periods are cut in.
    '2000-01-01T05:00:00+09:00',
  ]) {
    test(`${timestamp} is refused as billing-window on timestamp, quoting what was sent`, () => {
      expect(issuesOf(() => validateUsageEvent(usageEvent({ timestamp })))).toEqual([
        {
          field: 'timestamp',
          rule: 'billing-window',
          message: `must fall within the years 2000–2099 (UTC), got "${timestamp}"`,
        },
      ]);
    });
  }

  test('the first and the last instant of the window are accepted', () => {
    for (const timestamp of ['2000-01-01T00:00:00Z', '2099-12-31T23:59:59.999Z', '2100-01-01T08:59+09:00']) {
      expect(validateUsageEvent(usageEvent({ timestamp })).timestamp).toBe(timestamp);
    }
  });

  test('in a batch the event is rejected as invalid on events[i].timestamp; the others are accepted', () => {
    const result = ingestBatch(
      [
        usageEvent({ eventId: 'good-1' }),
        usageEvent({ eventId: 'year-zero', timestamp: '0000-01-01T00:00:00Z' }),
        usageEvent({ eventId: 'good-2' }),
      ],
      storedState(),
    );

    expect(result.verdicts.map((verdict) => verdict.verdict)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(result.verdicts[1]).toMatchObject({
      eventId: 'year-zero',
      reason: 'invalid',
      field: 'events[1].timestamp',
      rule: 'billing-window',
    });
    expect(result.accepted.map((event) => event.eventId)).toEqual(['good-1', 'good-2']);
  });

  test('every broken rule of an event is listed, the window beside the others', () => {
    expect(
      brokenRules(() =>
        validateUsageEvent(usageEvent({ volume: '-1', timestamp: '9999-01-01T00:00:00Z' }), 3),
      ),
    ).toEqual(['events[3].volume: non-negative', 'events[3].timestamp: billing-window']);
  });

  test('an event is accepted exactly when its UTC month is within 2000-01..2099-12', () => {
    const anyInstant = fc.integer({ min: Date.UTC(0, 0, 1) - 1, max: Date.UTC(9999, 11, 31) });
    const nearAnEdge = fc.oneof(
      fc.integer({ min: FIRST_INSTANT - 86_400_000, max: FIRST_INSTANT + 86_400_000 }),
      fc.integer({ min: END_INSTANT - 86_400_000, max: END_INSTANT + 86_400_000 }),
    );
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearAnEdge), (millis) => {
        const month = monthOfMillis(millis);
        const inWindow = month >= '2000-01' && month <= '2099-12' && /^\d{4}-\d{2}$/.test(month);
        const timestamp = new Date(millis).toISOString();
        const { verdicts } = ingestBatch([usageEvent({ timestamp })], storedState());
        expect(verdicts[0]?.verdict).toBe(inWindow ? 'accepted' : 'rejected');
      }),
    );
  });
});

test.describe('billing window: data stored before the rule', () => {
  test('a stored reading of year 0000 is still read: it starts a CUMULATIVE counter', () => {
    const cumulative = { counterName: 'network.bytes', counterType: 'CUMULATIVE', unit: 'GB' } as const;
    const events = [
      usageEvent({ ...cumulative, eventId: 'old', volume: '100', timestamp: '0000-01-01T00:00:00Z' }),
      usageEvent({ ...cumulative, eventId: 'march', volume: '130', timestamp: '2026-03-10T00:00:00Z' }),
    ];

    expect(aggregateUsage(events, '2026-03').map((aggregate) => aggregate.quantity)).toEqual(['30']);
  });

  const open = (month: string): MonthActivity => ({ month, closed: false, hasActivity: true });

  test('an open month outside the window never blocks a close: it could never close itself', () => {
    for (const month of ['0000-01', '1999-12', '00-1-12', '9999-12']) {
      expect(() => assertMonthCanClose('2026-03', [open(month)]), month).not.toThrow();
    }
  });

  test('an open month inside the window still blocks a later one', () => {
    expect(() => assertMonthCanClose('2026-03', [open('0000-01'), open('2000-01')])).toThrow(
      '2026-03 cannot close while 2000-01, an earlier month with activity, is still open',
    );
  });
});
