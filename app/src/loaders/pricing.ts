import 'server-only';
import { call, type EdgeResult, edge } from '@/api/client';
import type { Contract, PriceBook } from '@/api/types';

/** Every price book of the tenant (all pages), the built-in one included. */
export async function loadPriceBooks(): Promise<EdgeResult<PriceBook[]>> {
  const client = await edge();
  const books: PriceBook[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(() =>
      client.GET('/v1/price-books', { params: { query: { limit: 100, cursor } } }),
    );
    if (!page.ok) return page;
    books.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  return { ok: true, data: books };
}

export async function loadPriceBook(priceBookId: string) {
  const client = await edge();
  return call(() => client.GET('/v1/price-books/{priceBookId}', { params: { path: { priceBookId } } }));
}

/** Every contract of the tenant (all pages). */
export async function loadContracts(): Promise<EdgeResult<Contract[]>> {
  const client = await edge();
  const contracts: Contract[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(() => client.GET('/v1/contracts', { params: { query: { limit: 100, cursor } } }));
    if (!page.ok) return page;
    contracts.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  return { ok: true, data: contracts };
}

export async function loadContract(contractId: string) {
  const client = await edge();
  return call(() => client.GET('/v1/contracts/{contractId}', { params: { path: { contractId } } }));
}
