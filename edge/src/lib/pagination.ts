import type { Page, PageRequest } from '../storage/port';
import { ApiError } from './problem';

/**
 * Cursors are opaque to clients: the base64url of a position that is the tenant's own (the last
 * item's id, or for usage events and the credit ledger the last item's own key, resolved back
 * inside the list's tenant and group), never a row number shared by every tenant, which would tell
 * one tenant how much all the others write.
 */
export function encodeCursor(position: string | null): string | null {
  return position === null ? null : toBase64Url(position);
}

/**
 * A cursor this list did not issue: forged, another tenant's or group's, or one whose item is
 * gone. 400, naming the query parameter the client sent.
 */
export const invalidCursor = () =>
  new ApiError(
    400,
    'invalid-cursor',
    'Invalid cursor',
    'cursor: must be the nextCursor of a previous page of this list',
    {
      errors: [
        {
          field: 'query.cursor',
          rule: 'cursor',
          message: 'must be the nextCursor of a previous page of this list',
        },
      ],
    },
  );

export function pageRequest(query: { limit: number; cursor?: string | undefined }): PageRequest {
  const after = query.cursor ? cursorPosition(query.cursor) : null;
  if (after !== null && !ID_POSITION.test(after)) throw invalidCursor();
  return { limit: query.limit, after };
}

/** A storage page as the API answers it, mapping each record to its wire shape. */
export function pageResponse<T, U>(
  page: Page<T>,
  toWire: (item: T) => U,
): { items: U[]; nextCursor: string | null } {
  return { items: page.items.map(toWire), nextCursor: encodeCursor(page.nextCursor) };
}

/** Ids and `<month>_<id>` keys: what the position of an id-keyed list may hold. */
const ID_POSITION = /^[A-Za-z0-9_-]{1,100}$/;

/** The position a cursor wraps, as text (a usage event's id may be any text); forged bytes are a 400. */
export function cursorPosition(cursor: string): string {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      Uint8Array.from(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0)),
    );
  } catch {
    throw invalidCursor();
  }
  if (decoded === '') throw invalidCursor();
  return decoded;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
