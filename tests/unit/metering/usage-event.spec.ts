import { aggregateUsage, USAGE_EVENT_MAX_LENGTHS, usageEventFingerprint } from '@billing/engine';
import { canonicalUsageEvent, validateUsageEvent } from '@billing/engine/internal';
import { expect, test } from '../../support/api-test';
import { brokenRules, issuesOf, usageEvent, withoutFields } from './usage-events';

const REQUIRED_TEXT_FIELDS = ['eventId', 'billingGroupId', 'projectId', 'counterName', 'unit'] as const;

test.describe('metering: every usage event names who used what', () => {
  for (const field of REQUIRED_TEXT_FIELDS) {
    test(`an event without ${field} is refused as required`, () => {
      expect(issuesOf(() => validateUsageEvent(withoutFields(usageEvent(), field)))).toEqual([
        { field, rule: 'required', message: 'is required' },
      ]);
    });

    test(`${field} must be a non-empty string`, () => {
      expect(brokenRules(() => validateUsageEvent({ ...usageEvent(), [field]: '' }))).toEqual([
        `${field}: non-empty-string`,
      ]);
      expect(brokenRules(() => validateUsageEvent({ ...usageEvent(), [field]: 42 }))).toEqual([
        `${field}: non-empty-string`,
      ]);
    });
  }
});

test.describe('metering: counterType is DELTA, GAUGE or CUMULATIVE', () => {
  test('an event without counterType is refused as required', () => {
    expect(brokenRules(() => validateUsageEvent(withoutFields(usageEvent(), 'counterType')))).toEqual([
      'counterType: required',
    ]);
  });

  test('any other counterType, including a lower-case one, is refused and the allowed ones are listed', () => {
    for (const counterType of ['HOURLY', 'delta', 1]) {
      const [issue] = issuesOf(() => validateUsageEvent({ ...usageEvent(), counterType }));
      expect(issue).toMatchObject({ field: 'counterType', rule: 'one-of' });
      expect(issue?.message).toContain('DELTA, GAUGE, CUMULATIVE');
    }
  });

  test('each of the three counter types is accepted', () => {
    for (const counterType of ['DELTA', 'GAUGE', 'CUMULATIVE'] as const) {
      expect(validateUsageEvent(usageEvent({ counterType })).counterType).toBe(counterType);
    }
  });
});

test.describe('metering: volume is a decimal string of at least 0', () => {
  test('an event without volume is refused as required', () => {
    expect(brokenRules(() => validateUsageEvent(withoutFields(usageEvent(), 'volume')))).toEqual([
      'volume: required',
    ]);
  });

  test('a JSON number, an exponent or text is not a decimal string', () => {
    for (const volume of [1.5, '1e3', 'ten', ' 1', '1.']) {
      expect(brokenRules(() => validateUsageEvent({ ...usageEvent(), volume }))).toEqual(['volume: decimal']);
    }
  });

  test('a negative volume is refused: usage never flows back', () => {
    const [issue] = issuesOf(() => validateUsageEvent(usageEvent({ volume: '-0.5' })));
    expect(issue).toEqual({ field: 'volume', rule: 'non-negative', message: 'must be at least 0, got -0.5' });
  });

  test('a volume beyond 18 integer or 12 fraction digits is refused as out of range', () => {
    expect(brokenRules(() => validateUsageEvent(usageEvent({ volume: '1'.repeat(19) })))).toEqual([
      'volume: decimal-range',
    ]);
    expect(brokenRules(() => validateUsageEvent(usageEvent({ volume: `0.${'1'.repeat(13)}` })))).toEqual([
      'volume: decimal-range',
    ]);
  });

  test('a zero volume is valid usage, and -0 reads as 0', () => {
    expect(validateUsageEvent(usageEvent({ volume: '0' })).volume).toBe('0');
    expect(validateUsageEvent(usageEvent({ volume: '-0' })).volume).toBe('0');
  });

  test('the volume is normalised to plain decimal notation without changing its value', () => {
    expect(validateUsageEvent(usageEvent({ volume: '001.500' })).volume).toBe('1.5');
    expect(validateUsageEvent(usageEvent({ volume: '166.67' })).volume).toBe('166.67');
    expect(validateUsageEvent(usageEvent({ volume: '0.000000000001' })).volume).toBe('0.000000000001');
  });
});

test.describe('metering: timestamp is an ISO 8601 instant with an offset', () => {
  test('an event without timestamp is refused as required', () => {
    expect(brokenRules(() => validateUsageEvent(withoutFields(usageEvent(), 'timestamp')))).toEqual([
      'timestamp: required',
    ]);
  });

  test('a local time without offset, a bare date, epoch millis or a day that does not exist are refused', () => {
    for (const timestamp of [
      '2026-03-10T09:00:00',
      '2026-03-10',
      1773133200000,
      '10/03/2026 09:00Z',
      '2026-02-30T00:00Z',
    ]) {
      expect(brokenRules(() => validateUsageEvent({ ...usageEvent(), timestamp }))).toEqual([
        'timestamp: instant',
      ]);
    }
  });

  test('Z and numeric offsets are accepted and the timestamp is kept as the client wrote it', () => {
    for (const timestamp of [
      '2026-03-10T00:00Z',
      '2026-03-10T09:00:00+09:00',
      '2026-03-09T19:00:00.250-05:00',
    ]) {
      expect(validateUsageEvent(usageEvent({ timestamp })).timestamp).toBe(timestamp);
    }
  });
});

test.describe('metering: resourceId and resourceName are optional strings', () => {
  test('absent or null resource fields are normalised to null', () => {
    const event = validateUsageEvent(withoutFields(usageEvent(), 'resourceId', 'resourceName'));
    expect(event.resourceId).toBeNull();
    expect(event.resourceName).toBeNull();
  });

  test('given resource fields are kept', ({ faker }) => {
    const resourceId = faker.string.uuid();
    const resourceName = faker.internet.domainWord();
    expect(validateUsageEvent(usageEvent({ resourceId, resourceName }))).toMatchObject({
      resourceId,
      resourceName,
    });
  });

  test('an empty or non-string resourceId or resourceName is refused', () => {
    expect(
      brokenRules(() => validateUsageEvent({ ...usageEvent(), resourceId: '', resourceName: 7 })),
    ).toEqual(['resourceId: non-empty-string', 'resourceName: non-empty-string']);
  });
});

test.describe('metering: a refused event lists every problem with its field path', () => {
  test('something that is not an object is refused as a whole', () => {
    for (const input of [null, undefined, 'evt-1', [usageEvent()]]) {
      expect(issuesOf(() => validateUsageEvent(input)).map((issue) => issue.field)).toEqual(['event']);
      expect(issuesOf(() => validateUsageEvent(input, 3)).map((issue) => issue.field)).toEqual(['events[3]']);
    }
  });

  test('every broken rule is reported at once, not only the first', () => {
    expect(brokenRules(() => validateUsageEvent({ eventId: '', counterType: 'X', volume: '-1' }))).toEqual([
      'eventId: non-empty-string',
      'billingGroupId: required',
      'projectId: required',
      'counterName: required',
      'counterType: one-of',
      'unit: required',
      'volume: non-negative',
      'timestamp: required',
    ]);
  });

  test('an event of a batch names its fields by position, e.g. events[3].volume', () => {
    expect(brokenRules(() => validateUsageEvent(usageEvent({ volume: '-1' }), 3))).toEqual([
      'events[3].volume: non-negative',
    ]);
  });

  test('a field the platform does not know is refused, not dropped (edge/LIMITS.md)', () => {
    expect(issuesOf(() => validateUsageEvent({ ...usageEvent(), region: 'kr1' }, 2))).toEqual([
      { field: 'events[2].region', rule: 'unknown-field', message: 'is not a field of this request' },
    ]);
  });
});

test.describe('metering: a client’s texts have a maximum length (edge/LIMITS.md)', () => {
  for (const [field, max] of Object.entries(USAGE_EVENT_MAX_LENGTHS)) {
    test(`${field} takes ${max} characters and refuses ${max + 1} as too_big`, () => {
      const longest = 'x'.repeat(max);
      expect(validateUsageEvent({ ...usageEvent(), [field]: longest })).toMatchObject({ [field]: longest });
      expect(issuesOf(() => validateUsageEvent({ ...usageEvent(), [field]: 'x'.repeat(max + 1) }))).toEqual([
        { field, rule: 'too_big', message: `must be at most ${max} characters, got ${max + 1}` },
      ]);
    });
  }

  test('a stored event longer than the limits, from before them, is still read', () => {
    const stored = { ...usageEvent(), eventId: 'e'.repeat(900) };
    expect(aggregateUsage([stored], '2026-03')).toHaveLength(1);
  });
});

test.describe('metering: the canonical form decides what counts as the same event', () => {
  test('equal decimals and equal instants in another offset give the same fingerprint', () => {
    const sent = usageEvent({ volume: '1.0', timestamp: '2026-03-10T09:00:00+09:00' });
    const retried = usageEvent({ volume: '1', timestamp: '2026-03-10T00:00:00.000Z' });
    expect(usageEventFingerprint(sent)).toBe(usageEventFingerprint(retried));
    expect(canonicalUsageEvent(sent)).toMatchObject({ volume: '1', timestamp: '2026-03-10T00:00:00.000Z' });
  });

  test('a missing resourceId and a null one are the same; any other field change is a different event', () => {
    const withoutResource = { ...usageEvent(), resourceId: undefined };
    expect(usageEventFingerprint(withoutResource)).toBe(
      usageEventFingerprint(usageEvent({ resourceId: null })),
    );
    const base = usageEventFingerprint(usageEvent());
    expect(usageEventFingerprint(usageEvent({ volume: '1.000001' }))).not.toBe(base);
    expect(usageEventFingerprint(usageEvent({ timestamp: '2026-03-10T00:00:00.001Z' }))).not.toBe(base);
    expect(usageEventFingerprint(usageEvent({ resourceName: 'web-1' }))).not.toBe(base);
    expect(usageEventFingerprint(usageEvent({ unit: 'SECONDS' }))).not.toBe(base);
  });
});
