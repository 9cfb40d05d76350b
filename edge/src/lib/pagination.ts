import type { Page, PageRequest } from '../storage/port';
import { validationFailed } from './problem';

/** Cursors are opaque to clients: the last id of a page, base64url-encoded. */
export function encodeCursor(lastId: string | null): string | null {
  return lastId === null ? null : btoa(lastId).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function pageRequest(query: { limit: number; cursor?: string | undefined }): PageRequest {
  return { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null };
}

/** A storage page as the API answers it, mapping each record to its wire shape. */
export function pageResponse<T, U>(
  page: Page<T>,
  toWire: (item: T) => U,
): { items: U[]; nextCursor: string | null } {
  return { items: page.items.map(toWire), nextCursor: encodeCursor(page.nextCursor) };
}

function decodeCursor(cursor: string): string {
  const invalid = validationFailed([
    { field: 'query.cursor', rule: 'cursor', message: 'must be the nextCursor of a previous page' },
  ]);
  let decoded: string;
  try {
    decoded = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw invalid;
  }
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(decoded)) throw invalid;
  return decoded;
}
