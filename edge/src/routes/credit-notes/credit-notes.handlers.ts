import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { notFound } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import { createCreditNote, creditNoteToWire } from '../../services/credit-notes';
import type { createCreditNote as createRouteOf, listCreditNotes } from './credit-notes.routes';

export const handleCreateCreditNote: RouteHandler<typeof createRouteOf, AppEnv> = async (c) => {
  const { statementId } = c.req.valid('param');
  const note = await createCreditNote(
    serviceContext(c.var),
    statementId,
    c.get('principal').tenantId,
    c.req.valid('json'),
  );
  return c.json(creditNoteToWire(note), 201);
};

export const handleListCreditNotes: RouteHandler<typeof listCreditNotes, AppEnv> = async (c) => {
  const { statementId } = c.req.valid('param');
  const tenantId = c.get('principal').tenantId;
  if (!(await c.get('storage').getStatement(tenantId, statementId))) throw notFound('statement', statementId);
  const notes = await c.get('storage').creditNotesOfStatement(tenantId, statementId);
  return c.json({ items: notes.map(creditNoteToWire) }, 200);
};
