import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleCreateCreditNote, handleListCreditNotes } from './credit-notes.handlers';
import { createCreditNote, listCreditNotes } from './credit-notes.routes';

export function registerCreditNoteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createCreditNote, handleCreateCreditNote);
  app.openapi(listCreditNotes, handleListCreditNotes);
}
