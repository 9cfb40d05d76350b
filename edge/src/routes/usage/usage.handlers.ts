import { type IngestVerdict, monthOfMillis, type UsageAggregate } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { executionContextOf } from '../../http/execution-context';
import { cursorPosition, invalidCursor, pageResponse } from '../../http/pagination';
import { ApiError, validationFailed } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import { requireBillingGroup } from '../../services/billing-group-lookup';
import { checkBudgetsOfMonths } from '../../services/budgets';
import { clockOf } from '../../services/group-clock';
import { aggregateStoredUsage } from '../../services/usage-aggregation';
import { ingestIntoGroup } from '../../services/usage-ingestion';
import type { StoredUsageEvent } from '../../storage/ports/usage';
import type { getMonthlyUsage, ingestUsageEvents, listUsageEvents } from './usage.routes';

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

const LONE_EVENT_TITLES = {
  conflict: 'The event id was already used for another payload',
  'period-closed': 'The period is closed',
  'inconsistent-series': 'The event’s counter type or unit differs from its series’',
} as const;

/** A batch of one answers as its event: the rejection becomes the request's problem. */
function throwIfLoneEventRejected(verdicts: IngestVerdict[]): void {
  const [only] = verdicts;
  if (verdicts.length !== 1 || only?.verdict !== 'rejected') return;
  // Too far ahead is wrong input for now, not a conflict with what is stored.
  if (only.reason === 'invalid' || only.reason === 'timestamp-in-future')
    throw validationFailed([...only.issues]);
  throw new ApiError(409, only.reason, LONE_EVENT_TITLES[only.reason], only.message, {
    errors: [...only.issues],
  });
}

export const handleIngestUsageEvents: RouteHandler<typeof ingestUsageEvents, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const { events } = c.req.valid('json');
  const now = clockOf(c.get('deps'), group).clock().getTime();
  const verdicts = await ingestIntoGroup(c.get('storage'), group, events, now);
  throwIfLoneEventRejected(verdicts);
  const months = new Set(
    verdicts
      .filter((verdict) => verdict.verdict === 'accepted')
      .map((verdict) =>
        monthOfMillis(Date.parse(String((events[verdict.index] as { timestamp?: unknown }).timestamp))),
      ),
  );
  if (months.size > 0) {
    // After the answer: the usage is stored whatever the check finds, and its client need not wait.
    const work = checkBudgetsOfMonths(serviceContext(c.var), group, [...months]);
    c.get('deps').runInBackground(work, executionContextOf(c));
  }
  const count = (verdict: IngestVerdict['verdict']) => verdicts.filter((v) => v.verdict === verdict).length;
  return c.json(
    {
      billingGroupId: group.id,
      verdicts: verdicts.map(verdictToWire),
      counts: { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') },
    },
    200,
  );
};

export const handleListUsageEvents: RouteHandler<typeof listUsageEvents, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const query = c.req.valid('query');
  // Event pages continue after the previous page's last event id (any text the client chose).
  const page = await c.get('storage').listUsageEvents(group.tenantId, group.id, query.month ?? null, {
    limit: query.limit,
    afterEventId: query.cursor ? await cursorPosition(c, query.cursor) : null,
  });
  if (!page) throw invalidCursor();
  return c.json(await pageResponse(c, page, eventToWire), 200);
};

export const handleGetMonthlyUsage: RouteHandler<typeof getMonthlyUsage, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const { month } = c.req.valid('query');
  const events = await c.get('storage').usageEventsForStatement(group.tenantId, group.id, month);
  const items = aggregateStoredUsage(events, month).map(aggregateToWire);
  return c.json({ billingGroupId: group.id, month, items }, 200);
};
