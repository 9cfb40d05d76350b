import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  json,
  jsonBody,
  Month,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { JOB_KINDS } from '../../storage/ports/jobs';

export const Job = z
  .object({
    id: z.string(),
    kind: z.enum(JOB_KINDS).openapi({
      description:
        '`close-month`: started by a client; `auto-close`: by the scheduled run, for the `autoClose` groups',
    }),
    month: Month,
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']).openapi({
      description:
        'FAILED: the job finished and some groups could not be closed (see errors); POST again to retry them',
    }),
    total: z.number().int().openapi({ description: 'Groups with activity in the month' }),
    done: z.number().int().openapi({ description: 'Groups whose month is closed, by this job or before it' }),
    failed: z.number().int(),
    errors: z.array(
      z.object({
        billingGroupId: z.string(),
        message: z.string().openapi({ example: 'month-order: 2026-04 cannot close while 2026-03, …' }),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string().openapi({ description: 'When progress was last saved' }),
  })
  .openapi('Job');

export const startCloseMonthJob = createRoute({
  method: 'post',
  path: '/v1/jobs/close-month',
  operationId: 'startCloseMonthJob',
  tags: ['Jobs'],
  summary: 'Close the month for every billing group with activity in it, as a background job',
  description:
    'Idempotent: while a job for the month is RUNNING, this answers that job (200); a job whose progress ' +
    'stalled for 30 s is resumed. Groups already closed count as done, so a re-run closes nothing twice.',
  security,
  request: {
    body: jsonBody(z.strictObject({ month: Month }).openapi('CloseMonthRequest')),
  },
  responses: {
    202: json(Job, 'The job started'),
    200: json(Job, 'The job already running for the month'),
    ...problems(...BODY_PROBLEMS, 409),
  },
});

export const getJob = createRoute({
  method: 'get',
  path: '/v1/jobs/{jobId}',
  operationId: 'getJob',
  tags: ['Jobs'],
  summary: 'A job’s progress',
  security,
  request: { params: z.object({ jobId: z.string().min(1).max(100) }) },
  responses: { 200: json(Job, 'The job'), ...problems(401, 404, 429) },
});

export const listJobs = createRoute({
  method: 'get',
  path: '/v1/jobs',
  operationId: 'listJobs',
  tags: ['Jobs'],
  summary: 'The tenant’s jobs, the scheduled run’s `auto-close` jobs among them',
  security,
  request: {
    query: PaginationQuery.extend({
      kind: z.enum(JOB_KINDS).optional().openapi({ description: 'Only jobs of this kind' }),
      month: Month.optional().openapi({ description: 'Only jobs of this month' }),
    }),
  },
  responses: { 200: json(pageOf(Job, 'JobPage'), 'A page of jobs'), ...problems(400, 401, 422, 429) },
});
