import { Decimal, toDecimalString } from './decimal';
import { IssueCollector, ValidationError } from './errors';
import { messages } from './messages';
import { toInstant } from './period';
import { COUNTER_TYPES, type UsageEvent } from './types';
import {
  readBillingInstant,
  readDecimal,
  readEnum,
  readInstant,
  readOptionalString,
  readString,
  requireRecord,
} from './validate';

/** A validated usage event with its volume and instant already parsed for arithmetic. */
export interface ParsedUsageEvent {
  event: UsageEvent;
  volume: Decimal;
  /** `event.timestamp` in epoch milliseconds. */
  millis: number;
}

/**
 * Where an event's issues are reported: under `events[3]` inside a batch, at the top level (`''`)
 * for a lone event, so its fields read `volume` and a non-object reads `event`.
 */
export function usageEventPath(index?: number): string {
  return index === undefined ? '' : `events[${index}]`;
}

/**
 * The longest text a client may send in each string field of an event (DOMAIN §2), in UTF-16 code
 * units as JSON strings count them: ids as long as the API's other ids (a billing group's 100, a
 * client-chosen key's 200), a counter as long as a price book's, a unit and a resource as the
 * calculator's usage items take them.
 */
export const USAGE_EVENT_MAX_LENGTHS = {
  eventId: 200,
  billingGroupId: 100,
  projectId: 100,
  counterName: 200,
  unit: 50,
  resourceId: 100,
  resourceName: 200,
} as const;

/** Every field of a usage event a client may send; any other is refused (`unknown-field`). */
export const USAGE_EVENT_FIELDS: ReadonlySet<string> = new Set([
  'eventId',
  'billingGroupId',
  'projectId',
  'counterName',
  'counterType',
  'unit',
  'volume',
  'timestamp',
  'resourceId',
  'resourceName',
]);

/**
 * What a client's event holds beyond its values' rules: fields it does not have (a `quantity` meant
 * as `volume` must not be dropped in silence) and texts longer than USAGE_EVENT_MAX_LENGTHS. The
 * rules are the API's own for every other body (`unknown-field`, `too_big`).
 */
function checkClientShape(
  issues: IssueCollector,
  input: Record<string, unknown>,
  field: (name: string) => string,
): void {
  for (const key of Object.keys(input)) {
    if (!USAGE_EVENT_FIELDS.has(key)) issues.add(field(key), 'unknown-field', messages.unknownField());
  }
  for (const [name, max] of Object.entries(USAGE_EVENT_MAX_LENGTHS)) {
    const value = input[name];
    if (typeof value === 'string' && value.length > max) {
      issues.add(field(name), 'too_big', messages.maxLength(value.length, max));
    }
  }
}

/** Where an event comes from: a client (its timestamp must lie in the billing window) or storage. */
export type UsageEventSource = 'client' | 'stored';

/**
 * Reads one untrusted usage event (DOMAIN §2), recording every broken rule under `path`.
 * Returns `undefined` exactly when it recorded an issue, so callers can check many events with one
 * collector and answer with every problem at once. A stored event is read without the billing
 * window: one stored before that rule existed must not make its group's usage unreadable.
 */
export function readUsageEvent(
  issues: IssueCollector,
  input: unknown,
  path: string,
  source: UsageEventSource = 'client',
): ParsedUsageEvent | undefined {
  const field = (name: string) => (path === '' ? name : `${path}.${name}`);
  const readTimestamp = source === 'client' ? readBillingInstant : readInstant;
  if (!requireRecord(issues, path === '' ? 'event' : path, input)) return undefined;
  const before = issues.issues.length;
  // A stored event keeps whatever an earlier version took: it must stay readable.
  if (source === 'client') checkClientShape(issues, input, field);
  const eventId = readString(issues, field('eventId'), input.eventId);
  const billingGroupId = readString(issues, field('billingGroupId'), input.billingGroupId);
  const projectId = readString(issues, field('projectId'), input.projectId);
  const counterName = readString(issues, field('counterName'), input.counterName);
  const counterType = readEnum(issues, field('counterType'), input.counterType, COUNTER_TYPES);
  const unit = readString(issues, field('unit'), input.unit);
  const volume = readDecimal(issues, field('volume'), input.volume, { nonNegative: true });
  const millis = readTimestamp(issues, field('timestamp'), input.timestamp);
  const resourceId = readOptionalString(issues, field('resourceId'), input.resourceId);
  const resourceName = readOptionalString(issues, field('resourceName'), input.resourceName);
  if (
    issues.issues.length > before ||
    eventId === undefined ||
    billingGroupId === undefined ||
    projectId === undefined ||
    counterName === undefined ||
    counterType === undefined ||
    unit === undefined ||
    volume === undefined ||
    millis === undefined
  ) {
    return undefined;
  }
  return {
    event: {
      eventId,
      billingGroupId,
      projectId,
      counterName,
      counterType,
      unit,
      volume: toDecimalString(volume),
      // The client's spelling is kept: it is what they sent and what duplicate checks canonicalise.
      timestamp: input.timestamp as string,
      resourceId,
      resourceName,
    },
    volume,
    millis,
  };
}

/**
 * Validates one usage event and returns it normalised: the volume in plain decimal notation
 * (`"1.50"` → `"1.5"`), absent resource fields as `null`, the timestamp as given.
 * Throws a ValidationError listing every issue; fields are named `volume`, or `events[3].volume`
 * when `index` places the event in a batch.
 */
export function validateUsageEvent(input: unknown, index?: number): UsageEvent {
  const issues = new IssueCollector();
  const parsed = readUsageEvent(issues, input, usageEventPath(index));
  if (parsed === undefined) throw new ValidationError(issues.issues);
  return parsed.event;
}

/**
 * The form two events are compared in for idempotency: equal decimals (`"1.0"`, `"1"`) and equal
 * instants written in different offsets (`"…T09:00+09:00"`, `"…T00:00Z"`) become identical.
 * Instants compare to the millisecond, the resolution the rest of the engine works in.
 * Expects a validated event.
 */
export function canonicalUsageEvent(event: UsageEvent): UsageEvent {
  return {
    eventId: event.eventId,
    billingGroupId: event.billingGroupId,
    projectId: event.projectId,
    counterName: event.counterName,
    counterType: event.counterType,
    unit: event.unit,
    volume: toDecimalString(new Decimal(event.volume)),
    timestamp: toInstant(Date.parse(event.timestamp)),
    resourceId: event.resourceId ?? null,
    resourceName: event.resourceName ?? null,
  };
}

/**
 * A stable text of the canonical event: equal for a duplicate, different for a conflict. A store can
 * keep it (or a hash of it) beside the event and compare without re-reading the payload.
 */
export function usageEventFingerprint(event: UsageEvent): string {
  return JSON.stringify(canonicalUsageEvent(event));
}

/** A usage series: the readings of one billing group's (project, counter, resource), DOMAIN §2. */
export type UsageSeriesKey = Pick<UsageEvent, 'billingGroupId' | 'projectId' | 'counterName' | 'resourceId'>;

/** What every reading of a series shares: hours are never added to gigabytes. */
export interface UsageSeriesShape {
  counterType: UsageEvent['counterType'];
  unit: string;
}

/** A text naming the series of `event`; a JSON array, so no choice of separator can make two collide. */
export function usageSeriesKey(event: UsageSeriesKey): string {
  return JSON.stringify([event.billingGroupId, event.projectId, event.counterName, event.resourceId ?? null]);
}

/** How a message names a series: `compute.c2.c8m8 of project web, resource vm-1`. */
export function usageSeriesLabel(event: UsageSeriesKey): string {
  return `${event.counterName} of project ${event.projectId}${event.resourceId == null ? '' : `, resource ${event.resourceId}`}`;
}
