import type { Page, PageRequest } from '../ports/tenants';

/**
 * Keyset pagination on the id: a query asks for `limit + 1` rows after the cursor, and the extra
 * row, if any, says there is a next page.
 */
export function pageOf<T extends { id: string }>(rows: T[], page: PageRequest): Page<T> {
  const items = rows.slice(0, page.limit);
  const hasMore = rows.length > page.limit;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** The SQL bound parameters for "after the cursor": the empty string sorts before every id. */
export function afterParams(page: PageRequest): [string, number] {
  return [page.after ?? '', page.limit + 1];
}
