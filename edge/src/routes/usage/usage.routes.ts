import { MAX_BATCH_SIZE, USAGE_EVENT_MAX_LENGTHS } from '@billing/engine';
import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  DecimalString,
  Instant,
  json,
  jsonBody,
  Month,
  PaginationQuery,
  ProblemIssue,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { GroupParams } from '../billing-groups/billing-groups.routes';

const CounterType = z.enum(['DELTA', 'GAUGE', 'CUMULATIVE']);

const UsageEventFields = {
  eventId: z.string().min(1).openapi({ description: 'Client-chosen; the idempotency key within the group' }),
  projectId: z
    .string()
    .min(1)
    .openapi({ description: 'Any project id: projects need not be registered first' }),
  counterName: z.string().min(1).openapi({ example: 'compute.c2.c8m8' }),
  counterType: CounterType,
  unit: z.string().min(1).openapi({ example: 'HOURS' }),
  volume: DecimalString.openapi({ description: 'A decimal ≥ 0', example: '1.5' }),
  timestamp: Instant,
  resourceId: z.string().nullable().optional(),
  resourceName: z.string().nullable().optional(),
};

const MAX = USAGE_EVENT_MAX_LENGTHS;

/**
 * Documents one event of a batch; events are checked one by one by the engine, never as a whole, with
 * these limits and no field beyond these (`too_big`, `unknown-field`: the event is `rejected`).
 */
export const UsageEventInput = z
  .strictObject({
    ...UsageEventFields,
    eventId: UsageEventFields.eventId.max(MAX.eventId),
    projectId: UsageEventFields.projectId.max(MAX.projectId),
    counterName: UsageEventFields.counterName.max(MAX.counterName),
    unit: UsageEventFields.unit.max(MAX.unit),
    resourceId: z.string().max(MAX.resourceId).nullable().optional(),
    resourceName: z.string().max(MAX.resourceName).nullable().optional(),
    billingGroupId: z
      .string()
      .max(MAX.billingGroupId)
      .nullable()
      .optional()
      .openapi({
        description:
          'Optional (absent or null: the group of the path): the billing group of the path. Any other value ' +
          'rejects the event (path-billing-group)',
      }),
  })
  .openapi('UsageEventInput');

export const UsageEvent = z
  .object({
    ...UsageEventFields,
    billingGroupId: z.string(),
    resourceId: z.string().nullable(),
    resourceName: z.string().nullable(),
  })
  .openapi('UsageEvent', {
    description: 'As ingested: the volume normalised, the timestamp as the client wrote it',
  });

const UsageEventBatch = z
  .strictObject({
    events: z.array(z.unknown()).openapi({
      items: { $ref: '#/components/schemas/UsageEventInput' },
      maxItems: MAX_BATCH_SIZE,
      description: `At most ${MAX_BATCH_SIZE} events; more is a 422 on \`events\` (max-batch-size)`,
    }),
  })
  .openapi('UsageEventBatch');

const UsageEventVerdict = z
  .object({
    index: z.number().int().openapi({ description: 'The event’s position in the batch' }),
    eventId: z.string().nullable().openapi({ description: 'Null when the event carried no readable id' }),
    verdict: z.enum(['accepted', 'duplicate', 'rejected']),
    reason: z
      .enum(['invalid', 'conflict', 'period-closed', 'timestamp-in-future', 'inconsistent-series'])
      .optional(),
    field: z.string().optional().openapi({ example: 'events[3].volume' }),
    rule: z.string().optional().openapi({ example: 'non-negative' }),
    message: z.string().optional(),
    issues: z
      .array(ProblemIssue)
      .optional()
      .openapi({ description: 'Every broken rule of a rejected event' }),
  })
  .openapi('UsageEventVerdict');

const IngestResult = z
  .object({
    billingGroupId: z.string(),
    verdicts: z.array(UsageEventVerdict),
    counts: z.object({
      accepted: z.number().int(),
      duplicate: z.number().int(),
      rejected: z.number().int(),
    }),
  })
  .openapi('UsageIngestResult');

const UsageAggregate = z
  .object({
    projectId: z.string(),
    counterName: z.string(),
    counterType: CounterType,
    unit: z.string(),
    resourceId: z.string().nullable(),
    resourceName: z.string().nullable().openapi({ description: 'The latest non-null name in the month' }),
    quantity: DecimalString,
  })
  .openapi('UsageAggregate');

const MonthlyUsage = z
  .object({ billingGroupId: z.string(), month: Month, items: z.array(UsageAggregate) })
  .openapi('MonthlyUsage');

export const ingestUsageEvents = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/usage-events',
  operationId: 'ingestUsageEvents',
  tags: ['Usage'],
  summary: `Ingest a batch of up to ${MAX_BATCH_SIZE} usage events, with a verdict per event`,
  description:
    'Idempotent per (billing group, `eventId`): the same event again is a `duplicate`, counted once; the same ' +
    'id with a different payload is `rejected` (`conflict`), never an overwrite; an event in a month whose ' +
    'statement is closed is `rejected` (`period-closed`); an event more than 24 hours after now (the server’s ' +
    'clock, or the group’s test clock) is `rejected` (`timestamp-in-future`); an event whose counterType or unit ' +
    'differs from what its series (the group’s project, counter and resource) was first ingested with is `rejected` ' +
    '(`inconsistent-series`, naming `events[i].counterType` or `events[i].unit`), since no statement could add the ' +
    'two up; an invalid event is `rejected` (`invalid`) naming ' +
    '`events[i].<field>`. One bad event never sinks the others: the answer is 200 with a verdict per event.\n\n' +
    'Events belong to the billing group of the path: an event may leave out `billingGroupId`, and one naming ' +
    'another group is rejected (`events[i].billingGroupId`, `path-billing-group`). `projectId` is any string: ' +
    'projects need not be registered before their usage arrives.\n\n' +
    'A batch of exactly one event answers as that event: 409 `/problems/conflict`, `/problems/period-closed` or ' +
    '`/problems/inconsistent-series` when it conflicts, its month is closed or it disagrees with its series, 422 when ' +
    'it is invalid or in the future, else 200 with its verdict.',
  security,
  request: { params: GroupParams, body: jsonBody(UsageEventBatch) },
  responses: {
    200: json(IngestResult, 'A verdict per event, in input order, and their counts'),
    ...problems(...BODY_PROBLEMS, 404, 409),
  },
});

export const listUsageEvents = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/usage-events',
  operationId: 'listUsageEvents',
  tags: ['Usage'],
  summary: 'The group’s usage events as ingested, in arrival order',
  security,
  request: {
    params: GroupParams,
    query: PaginationQuery.extend({
      // The cursor wraps the last event's id, which the client chose and may be long.
      cursor: z
        .string()
        .min(1)
        .max(8192)
        .optional()
        .openapi({ description: 'nextCursor of the previous page' }),
      month: Month.optional().openapi({ description: 'Only events of this UTC month' }),
    }),
  },
  responses: {
    200: json(pageOf(UsageEvent, 'UsageEventPage'), 'A page of usage events'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const getMonthlyUsage = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/usage',
  operationId: 'getMonthlyUsage',
  tags: ['Usage'],
  summary: 'A month’s usage per (project, counter, resource): what the statement prices',
  description:
    'DELTA sums the month’s volumes; GAUGE takes the latest reading; CUMULATIVE sums the increases from the ' +
    'last reading before the month, a lower reading being a reset (DOMAIN §2). Ingestion keeps each series to ' +
    'one counterType and unit; a series stored before it did that mixes them within the month cannot be ' +
    'aggregated: 409 `/problems/inconsistent-usage` names the events.',
  security,
  request: { params: GroupParams, query: z.object({ month: Month }) },
  responses: {
    200: json(MonthlyUsage, 'The month’s aggregates, sorted by project, counter, resource'),
    ...problems(401, 404, 409, 422, 429),
  },
});
