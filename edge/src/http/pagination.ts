import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { Page, PageRequest } from '../storage/port';
import { ApiError } from './problem';

/**
 * Cursors are opaque to clients and bound to the list that issued them: the base64url of a position
 * that is the tenant's own (the last item's id, or for usage events and the credit ledger the last
 * item's own key), never a row number shared by every tenant, which would tell one tenant how much
 * all the others write; then a MAC of that position with the tenant, the list's path and its
 * filters, keyed by the edge's cursor secret. A cursor of another tenant, group, list or filter, or
 * one made up, fails the MAC and is a 400.
 */

/** The MAC's length in bytes: forging one is a 2^-128 guess. */
const TAG_BYTES = 16;
const keys = new Map<string, Promise<CryptoKey>>();

function cursorKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(`billing-cursor:${secret}`),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    keys.set(secret, key);
  }
  return key;
}

/** What a cursor is bound to: the tenant, the list's path (its group, statement, …) and its filters. */
function scopeOf(c: Context<AppEnv>): string {
  const filters = [...new URL(c.req.url).searchParams]
    .filter(([name]) => name !== 'cursor' && name !== 'limit')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([c.get('principal')?.tenantId ?? '', c.req.path, filters]);
}

async function tagOf(c: Context<AppEnv>, position: string): Promise<string> {
  const key = await cursorKey(c.get('config').cursorSecret);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${scopeOf(c)}\n${position}`));
  return bytesToBase64Url(new Uint8Array(mac).slice(0, TAG_BYTES));
}

/** The cursor of a page whose last item is at `position`, for this request's list. */
export async function encodeCursor(c: Context<AppEnv>, position: string | null): Promise<string | null> {
  if (position === null) return null;
  return `${toBase64Url(position)}.${await tagOf(c, position)}`;
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

export async function pageRequest(
  c: Context<AppEnv>,
  query: { limit: number; cursor?: string | undefined },
): Promise<PageRequest> {
  const after = query.cursor ? await cursorPosition(c, query.cursor) : null;
  if (after !== null && !ID_POSITION.test(after)) throw invalidCursor();
  return { limit: query.limit, after };
}

/** A storage page as the API answers it, mapping each record to its wire shape. */
export async function pageResponse<T, U>(
  c: Context<AppEnv>,
  page: Page<T>,
  toWire: (item: T) => U,
): Promise<{ items: U[]; nextCursor: string | null }> {
  return { items: page.items.map(toWire), nextCursor: await encodeCursor(c, page.nextCursor) };
}

/** Ids and `<month>_<id>` keys: what the position of an id-keyed list may hold. */
const ID_POSITION = /^[A-Za-z0-9_-]{1,100}$/;

/** The position a cursor of this list wraps, once its MAC checks out; anything else is a 400. */
export async function cursorPosition(c: Context<AppEnv>, cursor: string): Promise<string> {
  const dot = cursor.lastIndexOf('.');
  if (dot <= 0) throw invalidCursor();
  let position: string;
  try {
    position = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      base64UrlToBytes(cursor.slice(0, dot)),
    );
  } catch {
    throw invalidCursor();
  }
  if (position === '' || !sameText(cursor.slice(dot + 1), await tagOf(c, position))) throw invalidCursor();
  return position;
}

/** Compares without stopping at the first difference, so timing tells nothing of the right tag. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

function base64UrlToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));
}

function bytesToBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function toBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}
