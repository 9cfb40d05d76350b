import {
  type IngestVerdict,
  ingestBatch,
  isPeriodClosed,
  type Month,
  monthOfMillis,
  type UsageEvent,
  type ValidationIssue,
} from '@billing/engine';
import type { BillingGroupRecord, StoredUsageEvent, TenantData, World } from '../store';

/**
 * Ingests a batch into one billing group as the edge does (DOMAIN §2): events without a
 * billingGroupId belong to the group of the path, one naming another group is rejected after
 * judging (`path-billing-group`), and the engine judges the rest against what is stored.
 */
export function ingestIntoGroup(
  world: World,
  data: TenantData,
  group: BillingGroupRecord,
  rawEvents: readonly unknown[],
): IngestVerdict[] {
  const stored = data.eventsOf(group.id);
  const byId = new Map(stored.map((event) => [event.eventId, event]));
  const latestClosedMonth = data.latestClosedMonth(group.id);
  const events = rawEvents.map((raw) => inPathGroup(raw, group.id));
  const { verdicts, accepted } = ingestBatch(events, {
    findExisting: ({ billingGroupId, eventId }) =>
      billingGroupId === group.id ? withoutSeq(byId.get(eventId)) : undefined,
    isMonthClosed: (billingGroupId, month) =>
      billingGroupId === group.id && isPeriodClosed(month, latestClosedMonth),
  });
  for (const event of accepted.filter((candidate) => candidate.billingGroupId === group.id)) {
    stored.push({
      ...event,
      resourceId: event.resourceId ?? null,
      resourceName: event.resourceName ?? null,
      seq: world.nextSeq(),
      month: monthOfMillis(Date.parse(event.timestamp)),
    });
  }
  return verdicts.map((verdict) => {
    const issue = foreignGroupIssue(rawEvents[verdict.index], verdict.index, group.id);
    if (!issue) return verdict;
    const earlier = verdict.verdict === 'rejected' ? [...verdict.issues] : [];
    const issues = [issue, ...earlier];
    return {
      index: verdict.index,
      eventId: verdict.eventId,
      verdict: 'rejected',
      reason: 'invalid',
      ...issue,
      issues,
    };
  });
}

function withoutSeq(event: StoredUsageEvent | undefined): UsageEvent | undefined {
  if (!event) return undefined;
  const { seq: _seq, month: _month, ...rest } = event;
  return rest;
}

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

/**
 * What a month's aggregation reads, in arrival order: the month's events and, for each CUMULATIVE
 * series, its last reading before the month (by instant, the later-ingested winning a tie).
 */
export function usageEventsForStatement(
  data: TenantData,
  billingGroupId: string,
  month: Month,
): UsageEvent[] {
  const events = data.eventsOf(billingGroupId);
  const lastBefore = new Map<string, StoredUsageEvent>();
  for (const event of events) {
    if (event.counterType !== 'CUMULATIVE' || event.month >= month) continue;
    const series = JSON.stringify([event.projectId, event.counterName, event.resourceId ?? null]);
    const current = lastBefore.get(series);
    if (!current || Date.parse(event.timestamp) >= Date.parse(current.timestamp))
      lastBefore.set(series, event);
  }
  const starts = new Set(lastBefore.values());
  return events
    .filter((event) => event.month === month || starts.has(event))
    .map((event) => withoutSeq(event) as UsageEvent);
}
