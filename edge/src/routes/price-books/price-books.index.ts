import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleCreatePriceBook, handleGetPriceBook, handleListPriceBooks } from './price-books.handlers';
import { createPriceBook, getPriceBook, listPriceBooks } from './price-books.routes';

export function registerPriceBookRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createPriceBook, handleCreatePriceBook);
  app.openapi(listPriceBooks, handleListPriceBooks);
  app.openapi(getPriceBook, handleGetPriceBook);
}
