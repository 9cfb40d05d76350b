import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  Instant,
  json,
  jsonBody,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';

const tags = ['Test clocks'];

export const TestClock = z
  .object({
    id: z.string(),
    name: z.string(),
    frozenTime: z.string().openapi({ description: 'The clock’s time: "now" for the groups attached to it' }),
    status: z.enum(['READY', 'ADVANCING']).openapi({
      description: 'ADVANCING while an advance runs the scheduled work in between; READY when it is done',
    }),
    advancingTo: z.string().nullable().openapi({ description: 'Where the advance under way ends' }),
    progress: z
      .object({
        runsTotal: z
          .number()
          .int()
          .openapi({ description: 'Scheduled runs (02:00 UTC daily) the advance passes' }),
        runsDone: z.number().int().openapi({ description: 'Of those, the runs passed so far' }),
      })
      .openapi({ description: 'Of the advance under way, or of the last one' }),
    lastRunFailures: z
      .array(
        z.object({
          billingGroupId: z.string(),
          task: z.enum(['auto-close', 'expire-credit', 'report-alerts', 'budgets']),
          at: z.string().openapi({ description: 'The run, in the clock’s time' }),
          message: z.string().openapi({ description: 'The problem code and its sentence' }),
        }),
      )
      .openapi({
        description:
          'What failed at the last run that had work (tried again at the next run, as the real scheduler does); empty when it all ran',
      }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TestClock');

const NewTestClock = z
  .object({
    name: z.string().min(1).max(200).optional().openapi({ description: 'Default: "Test clock"' }),
    frozenTime: Instant.openapi({
      description: 'The clock’s time to start from',
      example: '2026-01-15T00:00:00Z',
    }),
  })
  .strict()
  .openapi('NewTestClock');

const AdvanceTestClock = z
  .object({
    to: Instant.openapi({
      description: 'After the clock’s time, and at most 2 years after it',
      example: '2026-04-15T00:00:00Z',
    }),
  })
  .strict()
  .openapi('AdvanceTestClock');

const ClockParams = z.object({ testClockId: z.string().min(1).max(100) });

export const createTestClock = createRoute({
  method: 'post',
  path: '/v1/test-clocks',
  operationId: 'createTestClock',
  tags,
  summary: 'Create a test clock: billing groups created on it live in its time',
  security,
  request: { body: jsonBody(NewTestClock) },
  responses: { 201: json(TestClock, 'The clock, READY'), ...problems(...BODY_PROBLEMS) },
});

export const listTestClocks = createRoute({
  method: 'get',
  path: '/v1/test-clocks',
  operationId: 'listTestClocks',
  tags,
  summary: 'The tenant’s test clocks',
  security,
  request: { query: PaginationQuery },
  responses: {
    200: json(pageOf(TestClock, 'TestClockPage'), 'A page of test clocks'),
    ...problems(400, 401, 422, 429),
  },
});

export const getTestClock = createRoute({
  method: 'get',
  path: '/v1/test-clocks/{testClockId}',
  operationId: 'getTestClock',
  tags,
  summary: 'A test clock: its time, and the progress of its advance',
  security,
  request: { params: ClockParams },
  responses: { 200: json(TestClock, 'The clock'), ...problems(401, 404, 429) },
});

export const advanceTestClock = createRoute({
  method: 'post',
  path: '/v1/test-clocks/{testClockId}/advance',
  operationId: 'advanceTestClock',
  tags,
  summary:
    'Move a test clock forward: every scheduled run in between runs for its groups, in time order (auto-close, credit expiry, alerts)',
  security,
  request: { params: ClockParams, body: jsonBody(AdvanceTestClock) },
  responses: {
    202: json(TestClock, 'The clock, ADVANCING; poll it until READY'),
    ...problems(...BODY_PROBLEMS, 404, 409),
  },
});

export const deleteTestClock = createRoute({
  method: 'delete',
  path: '/v1/test-clocks/{testClockId}',
  operationId: 'deleteTestClock',
  tags,
  summary: 'Delete a test clock; refused (409) while billing groups are attached to it',
  security,
  request: { params: ClockParams },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404, 409, 429) },
});
