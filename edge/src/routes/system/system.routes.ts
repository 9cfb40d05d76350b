import { createRoute, z } from '@hono/zod-openapi';
import { json, Problem } from '../../openapi/schemas';

export const Health = z
  .object({
    status: z.literal('ok'),
    checks: z.object({ database: z.literal('ok') }),
    time: z.string(),
  })
  .openapi('Health');

export const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['System'],
  summary: 'Liveness and database check',
  responses: {
    200: json(Health, 'The edge answers and its database does'),
    503: {
      description: 'The database does not answer',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});
