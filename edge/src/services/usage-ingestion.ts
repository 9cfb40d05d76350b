import {
  classifyEvent,
  conflicts,
  type IngestVerdict,
  ingestBatch,
  isPeriodClosed,
  monthOfMillis,
  type RejectionReason,
  seriesMismatch,
  type UsageEvent,
  type UsageSeriesKey,
  type UsageSeriesShape,
  usageEventKeys,
  usageSeriesKey,
  type ValidationIssue,
} from '@billing/engine';
import type { Storage } from '../storage/port';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';

/**
 * The batch as the engine reads it: an event without a billingGroupId belongs to the group of the
 * path. One naming another group keeps it, and is rejected after judging (see `foreignGroupIssue`).
 */
function inPathGroup(raw: unknown, billingGroupId: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const event = raw as Record<string, unknown>;
  return event.billingGroupId === undefined || event.billingGroupId === null
    ? { ...event, billingGroupId }
    : raw;
}

function foreignGroupIssue(raw: unknown, index: number, billingGroupId: string): ValidationIssue | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const named = (raw as { billingGroupId?: unknown }).billingGroupId;
  if (typeof named !== 'string' || named === '' || named === billingGroupId) return null;
  return {
    field: `events[${index}].billingGroupId`,
    rule: 'path-billing-group',
    message: `must be ${billingGroupId}, the billing group of the path, or be left out`,
  };
}

function rejected(
  index: number,
  eventId: string | null,
  reason: RejectionReason,
  issues: ValidationIssue[],
): IngestVerdict {
  const first = issues[0] as ValidationIssue;
  return { index, eventId, verdict: 'rejected', reason, ...first, issues };
}

/**
 * Ingests a batch into one billing group (DOMAIN §2): the engine judges every event against one
 * snapshot (stored events of the batch's ids, closed months, the counter type and unit of the
 * batch's series), the accepted ones go in with one insert, and any the insert skipped (a concurrent
 * batch stored the id first or started the series in another unit, or the month closed meanwhile)
 * is judged again against what is stored, so a race answers duplicate, conflict,
 * inconsistent-series or period-closed, never an error.
 */
export async function ingestIntoGroup(
  storage: Storage,
  group: BillingGroupRecord,
  rawEvents: readonly unknown[],
  now: number,
): Promise<IngestVerdict[]> {
  const events = rawEvents.map((raw) => inPathGroup(raw, group.id));
  const eventIds = usageEventKeys(events)
    .filter((key) => key.billingGroupId === group.id)
    .map((key) => key.eventId);
  const [stored, latestClosedMonth, series] = await Promise.all([
    storage.findUsageEvents(group.tenantId, group.id, eventIds),
    storage.latestClosedMonth(group.tenantId, group.id),
    storage.findUsageSeries(group.tenantId, group.id, seriesOf(events, group.id)),
  ]);
  const { verdicts, accepted } = ingestBatch(events, {
    findExisting: ({ billingGroupId, eventId }) =>
      billingGroupId === group.id ? stored.get(eventId) : undefined,
    isMonthClosed: (billingGroupId, month) =>
      billingGroupId === group.id && isPeriodClosed(month, latestClosedMonth),
    now,
    seriesShape: (key) => series.get(key),
  });

  const judged = verdicts.map((verdict) => {
    const issue = foreignGroupIssue(rawEvents[verdict.index], verdict.index, group.id);
    if (!issue) return verdict;
    const earlier = verdict.verdict === 'rejected' ? [...verdict.issues] : [];
    return rejected(verdict.index, verdict.eventId, 'invalid', [issue, ...earlier]);
  });

  const toStore = accepted.filter((event) => event.billingGroupId === group.id);
  const inserted = await storage.insertUsageEvents(group.tenantId, group.id, toStore);
  const skipped = new Map(
    toStore.filter((event) => !inserted.has(event.eventId)).map((event) => [event.eventId, event]),
  );
  if (skipped.size === 0) return judged;

  const [winners, seriesNow] = await Promise.all([
    storage.findUsageEvents(group.tenantId, group.id, [...skipped.keys()]),
    storage.findUsageSeries(group.tenantId, group.id, [...skipped.values()]),
  ]);
  return judged.map((verdict) => {
    const event = verdict.verdict !== 'rejected' && skipped.get(verdict.eventId);
    return event
      ? rejudge(verdict.index, event, winners.get(event.eventId), seriesNow.get(usageSeriesKey(event)))
      : verdict;
  });
}

/** The distinct series of the group's readable events: whose counter type and unit to look up. */
function seriesOf(events: readonly unknown[], billingGroupId: string): UsageSeriesKey[] {
  const series = new Map<string, UsageSeriesKey>();
  for (const raw of events) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { projectId, counterName, resourceId } = raw as Record<string, unknown>;
    if (typeof projectId !== 'string' || typeof counterName !== 'string') continue;
    const key = {
      billingGroupId,
      projectId,
      counterName,
      resourceId: typeof resourceId === 'string' ? resourceId : null,
    };
    series.set(usageSeriesKey(key), key);
  }
  return [...series.values()];
}

/**
 * An accepted event the insert skipped: a concurrent batch stored its id first, started its series
 * in another counter type or unit, or its month closed.
 */
function rejudge(
  index: number,
  event: UsageEvent,
  winner: UsageEvent | undefined,
  series: UsageSeriesShape | undefined,
): IngestVerdict {
  const mismatch = winner === undefined && series && seriesMismatch(event, series, `events[${index}]`);
  if (mismatch) return rejected(index, event.eventId, 'inconsistent-series', [mismatch]);
  if (winner === undefined) {
    const month = monthOfMillis(Date.parse(event.timestamp));
    return rejected(index, event.eventId, 'period-closed', [
      { field: `events[${index}].timestamp`, rule: 'period-closed', message: conflicts.periodClosed(month) },
    ]);
  }
  if (classifyEvent(event, winner) === 'duplicate')
    return { index, eventId: event.eventId, verdict: 'duplicate' };
  return rejected(index, event.eventId, 'conflict', [
    { field: `events[${index}].eventId`, rule: 'conflict', message: conflicts.eventConflict(event.eventId) },
  ]);
}
