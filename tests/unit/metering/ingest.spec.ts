import { classifyEvent, ingestBatch, MAX_BATCH_SIZE, usageEventKeys, ValidationError } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { brokenRules, storedState, usageEvent } from './usage-events';

test.describe('metering: an event id is an idempotency key per billing group', () => {
  test('an event with an id never seen before is accepted', () => {
    expect(classifyEvent(usageEvent(), undefined)).toBe('accepted');
  });

  test('the same id with the same payload is a duplicate, even written differently', () => {
    const stored = usageEvent({ volume: '2.5', timestamp: '2026-03-10T00:00:00Z' });
    expect(classifyEvent(stored, stored)).toBe('duplicate');
    expect(classifyEvent(usageEvent({ volume: '2.50', timestamp: '2026-03-10T09:00+09:00' }), stored)).toBe(
      'duplicate',
    );
  });

  test('the same id with a different payload is a conflict, never an overwrite', () => {
    const stored = usageEvent({ volume: '2.5' });
    expect(classifyEvent(usageEvent({ volume: '3' }), stored)).toBe('conflict');
    expect(classifyEvent(usageEvent({ resourceName: 'renamed' }), stored)).toBe('conflict');
  });
});

test.describe('metering: a batch gets one verdict per event', () => {
  test('new events are accepted and handed back normalised for storage', ({ faker }) => {
    const eventIds = [faker.string.uuid(), faker.string.uuid()];
    const result = ingestBatch(
      eventIds.map((eventId) => usageEvent({ eventId, volume: '1.50' })),
      storedState(),
    );
    expect(result.verdicts).toEqual([
      { index: 0, eventId: eventIds[0], verdict: 'accepted' },
      { index: 1, eventId: eventIds[1], verdict: 'accepted' },
    ]);
    expect(result.accepted.map((event) => [event.eventId, event.volume])).toEqual([
      [eventIds[0], '1.5'],
      [eventIds[1], '1.5'],
    ]);
  });

  test('a retried event already stored is a duplicate and is not stored again', () => {
    const stored = usageEvent();
    const result = ingestBatch([{ ...stored, volume: '1.000' }], storedState([stored]));
    expect(result.verdicts).toEqual([{ index: 0, eventId: 'evt-1', verdict: 'duplicate' }]);
    expect(result.accepted).toEqual([]);
  });

  test('a stored id sent with a different volume is rejected as a conflict on its eventId', () => {
    const result = ingestBatch([usageEvent({ volume: '5' })], storedState([usageEvent({ volume: '4' })]));
    expect(result.verdicts).toEqual([
      {
        index: 0,
        eventId: 'evt-1',
        verdict: 'rejected',
        reason: 'conflict',
        field: 'events[0].eventId',
        rule: 'conflict',
        message: 'event evt-1 was already ingested with a different payload; an event id cannot be reused',
        issues: [expect.objectContaining({ field: 'events[0].eventId', rule: 'conflict' })],
      },
    ]);
    expect(result.accepted).toEqual([]);
  });

  test('the same event id in another billing group is a different event', () => {
    const result = ingestBatch(
      [usageEvent({ billingGroupId: 'bg-2', volume: '9' })],
      storedState([usageEvent()]),
    );
    expect(result.verdicts[0]?.verdict).toBe('accepted');
  });

  test('one invalid event is rejected with every issue and does not sink the others', () => {
    const result = ingestBatch(
      [
        usageEvent({ eventId: 'a' }),
        { ...usageEvent({ eventId: 'b' }), volume: '-1', unit: '' },
        usageEvent({ eventId: 'c' }),
      ],
      storedState(),
    );
    expect(result.verdicts.map((verdict) => verdict.verdict)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(result.verdicts[1]).toMatchObject({
      index: 1,
      eventId: 'b',
      reason: 'invalid',
      field: 'events[1].unit',
      rule: 'non-empty-string',
    });
    expect(
      result.verdicts[1]?.verdict === 'rejected' && result.verdicts[1].issues.map((issue) => issue.field),
    ).toEqual(['events[1].unit', 'events[1].volume']);
    expect(result.accepted.map((event) => event.eventId)).toEqual(['a', 'c']);
  });

  test('an unreadable event is rejected without an eventId and the rest still go through', () => {
    const result = ingestBatch([42, usageEvent()], storedState());
    expect(result.verdicts[0]).toMatchObject({
      index: 0,
      eventId: null,
      reason: 'invalid',
      field: 'events[0]',
    });
    expect(result.verdicts[1]?.verdict).toBe('accepted');
  });

  test(`a batch of ${MAX_BATCH_SIZE} events is taken, one more is refused whole`, () => {
    const batch = Array.from({ length: MAX_BATCH_SIZE }, (_, index) =>
      usageEvent({ eventId: `evt-${index}` }),
    );
    expect(ingestBatch(batch, storedState()).accepted).toHaveLength(MAX_BATCH_SIZE);
    const tooLarge = [...batch, usageEvent({ eventId: 'one-too-many' })];
    expect(() => ingestBatch(tooLarge, storedState())).toThrow(ValidationError);
    expect(brokenRules(() => ingestBatch(tooLarge, storedState()))).toEqual(['events: max-batch-size']);
  });
});

test.describe('metering: copies inside one batch', () => {
  test('a second identical copy in the same batch is a duplicate, stored once', () => {
    const result = ingestBatch([usageEvent(), usageEvent({ volume: '1.0' })], storedState());
    expect(result.verdicts.map((verdict) => verdict.verdict)).toEqual(['accepted', 'duplicate']);
    expect(result.accepted).toHaveLength(1);
  });

  test('a second copy with a different payload in the same batch is a conflict', () => {
    const result = ingestBatch([usageEvent({ volume: '1' }), usageEvent({ volume: '2' })], storedState());
    expect(result.verdicts[1]).toMatchObject({ verdict: 'rejected', reason: 'conflict' });
    expect(result.accepted.map((event) => event.volume)).toEqual(['1']);
  });

  test('a copy of an event rejected earlier in the batch is judged on its own', () => {
    const closed = storedState([], [['bg-1', '2026-03']]);
    const result = ingestBatch([usageEvent(), usageEvent()], closed);
    expect(result.verdicts.map((verdict) => verdict.verdict === 'rejected' && verdict.reason)).toEqual([
      'period-closed',
      'period-closed',
    ]);
  });
});

test.describe('metering: usage of a closed period can no longer change', () => {
  test('an event in a month whose statement is closed is rejected as period-closed', () => {
    const result = ingestBatch(
      [usageEvent({ timestamp: '2026-03-31T23:59:59Z' })],
      storedState([], [['bg-1', '2026-03']]),
    );
    expect(result.verdicts[0]).toMatchObject({
      verdict: 'rejected',
      reason: 'period-closed',
      field: 'events[0].timestamp',
      rule: 'period-closed',
      message:
        "2026-03 is closed: its statement, or a later month's, is issued, so what it bills can no longer change",
    });
    expect(result.accepted).toEqual([]);
  });

  test('the next month, and the same month of another billing group, stay open', () => {
    const state = storedState([], [['bg-1', '2026-03']]);
    const result = ingestBatch(
      [
        usageEvent({ eventId: 'april', timestamp: '2026-04-01T00:00:00Z' }),
        usageEvent({ eventId: 'other-group', billingGroupId: 'bg-2' }),
      ],
      state,
    );
    expect(result.verdicts.map((verdict) => verdict.verdict)).toEqual(['accepted', 'accepted']);
  });

  test('the closed month is the UTC month: 2026-03-01T08:30+09:00 falls in closed February', () => {
    const state = storedState([], [['bg-1', '2026-02']]);
    const result = ingestBatch([usageEvent({ timestamp: '2026-03-01T08:30+09:00' })], state);
    expect(result.verdicts[0]).toMatchObject({
      reason: 'period-closed',
      message: expect.stringContaining('2026-02'),
    });
  });

  test('a retry of an event stored before the close is still a duplicate, not an error', () => {
    const stored = usageEvent();
    const result = ingestBatch([stored], storedState([stored], [['bg-1', '2026-03']]));
    expect(result.verdicts[0]?.verdict).toBe('duplicate');
  });
});

test.describe('metering: what the store looks up before a batch', () => {
  test('the distinct (billing group, event id) keys of a batch, skipping unreadable ones', () => {
    const keys = usageEventKeys([
      usageEvent({ eventId: 'a' }),
      usageEvent({ eventId: 'a' }),
      usageEvent({ eventId: 'a', billingGroupId: 'bg-2' }),
      { eventId: '', billingGroupId: 'bg-1' },
      { eventId: 'b' },
      null,
    ]);
    expect(keys).toEqual([
      { billingGroupId: 'bg-1', eventId: 'a' },
      { billingGroupId: 'bg-2', eventId: 'a' },
    ]);
  });
});

test.describe('metering: an event is sent once it has happened (DOMAIN §2)', () => {
  test('up to 24 hours after now is accepted, a moment more is timestamp-in-future', () => {
    const now = Date.parse('2026-03-10T00:00:00Z');
    const result = ingestBatch(
      [
        usageEvent({ eventId: 'within', timestamp: '2026-03-11T00:00:00Z' }),
        usageEvent({ eventId: 'ahead', timestamp: '2026-03-11T00:00:00.001Z' }),
      ],
      { ...storedState([], []), now },
    );
    expect(result.verdicts[0]).toMatchObject({ verdict: 'accepted' });
    expect(result.verdicts[1]).toMatchObject({
      verdict: 'rejected',
      reason: 'timestamp-in-future',
      field: 'events[1].timestamp',
      rule: 'timestamp-in-future',
      message:
        'must be at most 24 hours after now (2026-03-10T00:00:00.000Z); an event is sent once it has happened',
    });
    expect(result.accepted.map((event) => event.eventId)).toEqual(['within']);
  });

  test('a retry of an event stored earlier stays a duplicate, and no now means no check', () => {
    const stored = usageEvent({ timestamp: '2026-03-11T00:00:00Z' });
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(ingestBatch([stored], { ...storedState([stored], []), now }).verdicts[0]).toMatchObject({
      verdict: 'duplicate',
    });
    expect(
      ingestBatch([usageEvent({ timestamp: '2099-12-01T00:00:00Z' })], storedState([], [])).verdicts[0],
    ).toMatchObject({
      verdict: 'accepted',
    });
  });
});
