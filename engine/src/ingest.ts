import { IssueCollector, ValidationError, type ValidationIssue } from './errors';
import { conflicts, messages } from './messages';
import { monthOfMillis } from './period';
import type { Month, UsageEvent } from './types';
import {
  readUsageEvent,
  USAGE_EVENT_MAX_LENGTHS,
  type UsageSeriesShape,
  usageEventFingerprint,
  usageEventPath,
  usageSeriesKey,
  usageSeriesLabel,
} from './usage-event';
import { isRecord } from './validate';

/** The most events one ingestion request may carry; larger batches are refused whole. */
export const MAX_BATCH_SIZE = 1000;

/** Ingestion is idempotent per this pair (DOMAIN §2). */
export interface UsageEventKey {
  billingGroupId: string;
  eventId: string;
}

export type EventClassification = 'accepted' | 'duplicate' | 'conflict';

export type RejectionReason =
  | 'invalid'
  | 'conflict'
  | 'period-closed'
  | 'timestamp-in-future'
  | 'inconsistent-series';

/** How far ahead of "now" an event's timestamp may be (DOMAIN §2): a day, for clocks that drift. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface AcceptedVerdict {
  index: number;
  eventId: string;
  verdict: 'accepted';
}

/** Already ingested with the same payload: answered like a success, counted once. */
export interface DuplicateVerdict {
  index: number;
  eventId: string;
  verdict: 'duplicate';
}

export interface RejectedVerdict {
  index: number;
  /** The event's id when it could be read, so a client can match the answer to what it sent. */
  eventId: string | null;
  verdict: 'rejected';
  reason: RejectionReason;
  /** Field, rule and message of the first issue, for a one-line answer. */
  field: string;
  rule: string;
  message: string;
  /** Every issue: all broken validation rules, or the single conflict. */
  issues: readonly ValidationIssue[];
}

export type IngestVerdict = AcceptedVerdict | DuplicateVerdict | RejectedVerdict;

/**
 * What ingestion needs to know about stored state. Both answers come from a snapshot the caller
 * reads before calling: typically one query for the stored events of `usageEventKeys(batch)` and
 * one for the closed statements of the batch's billing groups.
 */
export interface IngestState {
  /** The stored event with this key, if any. */
  findExisting(key: UsageEventKey): UsageEvent | undefined;
  /** Whether the billing group's statement for this UTC month is closed. */
  isMonthClosed(billingGroupId: string, month: Month): boolean;
  /**
   * "Now" (epoch milliseconds) for the billing group: the server's clock, or its test clock's time.
   * An event more than FUTURE_TOLERANCE_MS after it is `timestamp-in-future`. Absent: not checked.
   */
  now?: number;
  /**
   * The counter type and unit of the stored series of this key (`usageSeriesKey`), if it has any
   * event: every later reading must share them (DOMAIN §2). Absent: not checked.
   */
  seriesShape?(seriesKey: string): UsageSeriesShape | undefined;
}

export interface IngestResult {
  /** One per input event, in input order. */
  verdicts: IngestVerdict[];
  /** The validated, normalised events to store, in input order; duplicates are not repeated. */
  accepted: UsageEvent[];
}

/**
 * Decides one event against the stored event with the same key: new, a harmless retry, or an id
 * reused for a different payload. Payloads compare in canonical form (see `canonicalUsageEvent`).
 */
export function classifyEvent(incoming: UsageEvent, existing: UsageEvent | undefined): EventClassification {
  if (existing === undefined) return 'accepted';
  return usageEventFingerprint(incoming) === usageEventFingerprint(existing) ? 'duplicate' : 'conflict';
}

/**
 * The distinct keys of a raw batch, skipping events whose ids cannot be read: what to look up
 * before calling `ingestBatch`.
 */
export function usageEventKeys(rawEvents: readonly unknown[]): UsageEventKey[] {
  const keys = new Map<string, UsageEventKey>();
  for (const raw of rawEvents) {
    if (!isRecord(raw)) continue;
    const { billingGroupId, eventId } = raw;
    if (typeof billingGroupId !== 'string' || billingGroupId === '') continue;
    if (typeof eventId !== 'string' || eventId === '') continue;
    keys.set(keyText({ billingGroupId, eventId }), { billingGroupId, eventId });
  }
  return [...keys.values()];
}

/**
 * Gives every event of a batch its verdict (DOMAIN §2); one bad event never sinks the others.
 *
 * In order, per event: invalid → `rejected`/`invalid` with every issue; same key already stored or
 * earlier in this batch → `duplicate` or `rejected`/`conflict`; more than a day after `state.now` →
 * `rejected`/`timestamp-in-future`; month closed → `rejected`/`period-closed`; another counter type or
 * unit than its series' (stored, or earlier in this batch) → `rejected`/`inconsistent-series`; else `accepted`. A duplicate stays a duplicate after its month closed: it changes
 * nothing, and a client's retry must not turn into an error.
 *
 * Pure over the `state` snapshot: the store's unique key on (billingGroupId, eventId) remains the
 * last guard against a concurrent batch; on a clash, classify against the winner with `classifyEvent`.
 * Throws a ValidationError when the batch holds more than MAX_BATCH_SIZE events.
 */
export function ingestBatch(rawEvents: readonly unknown[], state: IngestState): IngestResult {
  if (rawEvents.length > MAX_BATCH_SIZE) {
    throw new ValidationError([
      {
        field: 'events',
        rule: 'max-batch-size',
        message: messages.maxBatchSize(rawEvents.length, MAX_BATCH_SIZE),
      },
    ]);
  }
  const acceptedInBatch = new Map<string, UsageEvent>();
  const seriesInBatch = new Map<string, UsageSeriesShape>();
  const verdicts = rawEvents.map((raw, index) => judge(raw, index, state, acceptedInBatch, seriesInBatch));
  return { verdicts, accepted: [...acceptedInBatch.values()] };
}

function judge(
  raw: unknown,
  index: number,
  state: IngestState,
  acceptedInBatch: Map<string, UsageEvent>,
  seriesInBatch: Map<string, UsageSeriesShape>,
): IngestVerdict {
  const path = usageEventPath(index);
  const issues = new IssueCollector();
  const parsed = readUsageEvent(issues, raw, path);
  if (parsed === undefined) return rejected(index, readableEventId(raw), 'invalid', issues.issues);

  const { event, millis } = parsed;
  const key = keyText(event);
  const existing =
    state.findExisting({ billingGroupId: event.billingGroupId, eventId: event.eventId }) ??
    acceptedInBatch.get(key);
  const classification = classifyEvent(event, existing);
  if (classification === 'duplicate') return { index, eventId: event.eventId, verdict: 'duplicate' };
  if (classification === 'conflict') {
    return rejected(index, event.eventId, 'conflict', [
      { field: `${path}.eventId`, rule: 'conflict', message: conflicts.eventConflict(event.eventId) },
    ]);
  }
  if (state.now !== undefined && millis > state.now + FUTURE_TOLERANCE_MS) {
    return rejected(index, event.eventId, 'timestamp-in-future', [
      {
        field: `${path}.timestamp`,
        rule: 'timestamp-in-future',
        message: conflicts.timestampInFuture(new Date(state.now).toISOString()),
      },
    ]);
  }
  const month = monthOfMillis(millis);
  if (state.isMonthClosed(event.billingGroupId, month)) {
    return rejected(index, event.eventId, 'period-closed', [
      { field: `${path}.timestamp`, rule: 'period-closed', message: conflicts.periodClosed(month) },
    ]);
  }
  const series = usageSeriesKey(event);
  const shape = seriesInBatch.get(series) ?? state.seriesShape?.(series);
  const mismatch = shape && seriesMismatch(event, shape, path);
  if (mismatch) return rejected(index, event.eventId, 'inconsistent-series', [mismatch]);
  if (state.seriesShape && !shape)
    seriesInBatch.set(series, { counterType: event.counterType, unit: event.unit });
  acceptedInBatch.set(key, event);
  return { index, eventId: event.eventId, verdict: 'accepted' };
}

/**
 * Why `event` cannot join a series whose readings are `shape`, if it cannot: a month of one series
 * in two counter types or units could not be aggregated, so no statement could bill it.
 */
export function seriesMismatch(
  event: UsageEvent,
  shape: UsageSeriesShape,
  path: string,
): ValidationIssue | null {
  const label = usageSeriesLabel(event);
  if (event.counterType !== shape.counterType) {
    return {
      field: `${path}.counterType`,
      rule: 'consistent-counter-type',
      message: messages.consistentSeries(label, shape.counterType, event.counterType),
    };
  }
  if (event.unit !== shape.unit) {
    return {
      field: `${path}.unit`,
      rule: 'consistent-unit',
      message: messages.consistentSeries(label, shape.unit, event.unit),
    };
  }
  return null;
}

function rejected(
  index: number,
  eventId: string | null,
  reason: RejectionReason,
  issues: readonly ValidationIssue[],
): RejectedVerdict {
  // Every rejection path records at least one issue.
  const first = issues[0] as ValidationIssue;
  return {
    index,
    eventId,
    verdict: 'rejected',
    reason,
    field: first.field,
    rule: first.rule,
    message: first.message,
    issues,
  };
}

/** The id to echo in a rejection: none when it is too long to be one (it would echo the whole text). */
function readableEventId(raw: unknown): string | null {
  if (!isRecord(raw) || typeof raw.eventId !== 'string' || raw.eventId === '') return null;
  return raw.eventId.length <= USAGE_EVENT_MAX_LENGTHS.eventId ? raw.eventId : null;
}

/** A JSON pair, so no choice of separator can make two different keys collide. */
function keyText(key: UsageEventKey): string {
  return JSON.stringify([key.billingGroupId, key.eventId]);
}
