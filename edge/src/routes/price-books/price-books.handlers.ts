import { parsePriceBook } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { notFound } from '../../http/problem';
import { parseWithEngine } from '../../services/engine-validation';
import type { PriceBookRecord } from '../../storage/ports/pricing';
import type { createPriceBook, getPriceBook, listPriceBooks } from './price-books.routes';

const priceBookToWire = (book: PriceBookRecord) => ({
  id: book.id,
  name: book.name,
  currency: book.currency,
  entries: book.entries,
  builtIn: book.builtIn,
  createdAt: book.createdAt,
});

export const handleCreatePriceBook: RouteHandler<typeof createPriceBook, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const book = {
    id: c.get('deps').newId('pb'),
    tenantId: c.get('principal').tenantId,
    name: body.name,
    currency: body.currency,
    entries: body.entries,
    createdAt: c.get('deps').clock().toISOString(),
  };
  parseWithEngine(parsePriceBook, book);
  await c.get('storage').createPriceBook(book);
  return c.json(priceBookToWire({ ...book, builtIn: false }), 201);
};

export const handleListPriceBooks: RouteHandler<typeof listPriceBooks, AppEnv> = async (c) => {
  const page = await c
    .get('storage')
    .listPriceBooks(c.get('principal').tenantId, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, priceBookToWire), 200);
};

export const handleGetPriceBook: RouteHandler<typeof getPriceBook, AppEnv> = async (c) => {
  const { priceBookId } = c.req.valid('param');
  const book = await c.get('storage').findPriceBook(c.get('principal').tenantId, priceBookId);
  if (!book) throw notFound('price book', priceBookId);
  return c.json(priceBookToWire(book), 200);
};
