import type { IngestVerdict, UsageAggregate } from '@billing/engine';
import { cursorPosition, invalidCursor, pageResponse } from '../../edge/src/lib/pagination';
import { ApiError, validationFailed } from '../../edge/src/lib/problem';
import {
  getMonthlyUsage,
  ingestUsageEvents,
  listUsageEvents,
} from '../../edge/src/routes/usage/usage.routes';
import { aggregateStoredUsage } from '../../edge/src/services/usage-aggregation';
import { requireBillingGroup } from '../src/billing/lookup';
import { ingestIntoGroup, usageEventsForStatement } from '../src/billing/usage';
import type { StoredUsageEvent } from '../src/store';
import type { Kit } from './kit';

const eventToWire = (event: StoredUsageEvent) => ({
  eventId: event.eventId,
  billingGroupId: event.billingGroupId,
  projectId: event.projectId,
  counterName: event.counterName,
  counterType: event.counterType,
  unit: event.unit,
  volume: event.volume,
  timestamp: event.timestamp,
  resourceId: event.resourceId ?? null,
  resourceName: event.resourceName ?? null,
});

const verdictToWire = (verdict: IngestVerdict) =>
  verdict.verdict === 'rejected' ? { ...verdict, issues: [...verdict.issues] } : verdict;

const aggregateToWire = (aggregate: UsageAggregate) => ({
  ...aggregate,
  resourceName: aggregate.resourceName ?? null,
});

/** A batch of one answers as its event: the rejection becomes the request's problem. */
function throwIfLoneEventRejected(verdicts: IngestVerdict[]): void {
  const [only] = verdicts;
  if (verdicts.length !== 1 || only?.verdict !== 'rejected') return;
  if (only.reason === 'invalid') throw validationFailed([...only.issues]);
  const title =
    only.reason === 'conflict' ? 'The event id was already used for another payload' : 'The period is closed';
  throw new ApiError(409, only.reason, title, only.message, { errors: [...only.issues] });
}

export function usageHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/billing-groups/{billingGroupId}/usage-events',
      operation('ingestUsageEvents', ingestUsageEvents, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const verdicts = ingestIntoGroup(call.world, call.data, group, call.input.body.events);
        throwIfLoneEventRejected(verdicts);
        const count = (kind: IngestVerdict['verdict']) => verdicts.filter((v) => v.verdict === kind).length;
        return response(200).json({
          billingGroupId: group.id,
          verdicts: verdicts.map(verdictToWire),
          counts: { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') },
        });
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/usage-events',
      operation('listUsageEvents', listUsageEvents, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const query = call.input.query;
        const limit = query.limit;
        const events = call.data
          .eventsOf(group.id)
          .filter((event) => query.month === undefined || event.month === query.month);
        // As on the edge: the cursor is the previous page's last event id, found again in this list.
        const from = query.cursor
          ? events.findIndex((event) => event.eventId === cursorPosition(query.cursor as string))
          : -1;
        if (query.cursor && from < 0) throw invalidCursor();
        const rows = events.slice(from + 1);
        const items = rows.slice(0, limit);
        const last = items.at(-1);
        const page = { items, nextCursor: rows.length > limit && last ? last.eventId : null };
        return response(200).json(pageResponse(page, eventToWire));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/usage',
      operation('getMonthlyUsage', getMonthlyUsage, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const { month } = call.input.query;
        const events = usageEventsForStatement(call.data, group.id, month);
        const items = aggregateStoredUsage(events, month).map(aggregateToWire);
        return response(200).json({ billingGroupId: group.id, month, items });
      }),
    ),
  ];
}
