import { createRoute, z } from '@hono/zod-openapi';
import { json, PaginationQuery, pageOf, problems, security } from '../../openapi/schemas';
import { EVENT_TYPES } from '../../storage/ports/events';

const tags = ['Events'];

export const EventType = z.enum(EVENT_TYPES).openapi('EventType');

export const Event = z
  .object({
    id: z.string(),
    type: EventType,
    tenantId: z.string(),
    createdAt: z.string(),
    data: z.object({
      object: z
        .record(z.string(), z.unknown())
        .openapi({ description: 'The object the event reports on, as the API shows it' }),
    }),
  })
  .openapi('Event', {
    description:
      'Something that happened (DOMAIN §8b), written in the same atomic write as the change it reports. ' +
      'Webhook deliveries carry exactly this, signed.',
  });

const EventParams = z.object({ eventId: z.string().min(1).max(100) });

export const listEvents = createRoute({
  method: 'get',
  path: '/v1/events',
  operationId: 'listEvents',
  tags,
  summary: 'The tenant’s events, newest first',
  security,
  request: {
    query: PaginationQuery.extend({
      type: EventType.optional().openapi({ description: 'Only events of this type' }),
      objectId: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'Only events about this object' }),
    }),
  },
  responses: { 200: json(pageOf(Event, 'EventPage'), 'A page of events'), ...problems(400, 401, 422, 429) },
});

export const getEvent = createRoute({
  method: 'get',
  path: '/v1/events/{eventId}',
  operationId: 'getEvent',
  tags,
  summary: 'One event',
  security,
  request: { params: EventParams },
  responses: { 200: json(Event, 'The event'), ...problems(401, 404, 429) },
});
