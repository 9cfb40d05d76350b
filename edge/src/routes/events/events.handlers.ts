import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { notFound } from '../../http/problem';
import { eventToWire } from '../../services/events';
import type { getEvent, listEvents } from './events.routes';

export const handleListEvents: RouteHandler<typeof listEvents, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const page = await c
    .get('storage')
    .listEvents(
      c.get('principal').tenantId,
      { type: query.type ?? null, objectId: query.objectId ?? null },
      await pageRequest(c, query),
    );
  return c.json(await pageResponse(c, page, eventToWire), 200);
};

export const handleGetEvent: RouteHandler<typeof getEvent, AppEnv> = async (c) => {
  const { eventId } = c.req.valid('param');
  const event = await c.get('storage').getEvent(c.get('principal').tenantId, eventId);
  if (!event) throw notFound('event', eventId);
  return c.json(eventToWire(event), 200);
};
