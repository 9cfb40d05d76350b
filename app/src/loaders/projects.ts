import 'server-only';
import { cache } from 'react';
import { call, type EdgeResult, edge } from '@/api/client';

/** Pages of a list read at most (100 each) for names: names beyond them fall back to ids. */
const MAX_NAME_PAGES = 10;

/**
 * A billing group's project names by id (DOMAIN: usage names its project by id), for pages and the
 * PDF to print names; cached for the request. A project never created through the API keeps its id.
 */
export const loadProjectNames = cache(async (billingGroupId: string): Promise<Map<string, string>> => {
  const client = await edge();
  const projects = await eachPage((cursor) =>
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/projects', {
        params: { path: { billingGroupId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return new Map(projects.map((project) => [project.id, project.name]));
});

/** The items of a cursor-paged list; what could not be read is left out. */
export async function eachPage<T>(
  page: (cursor: string | undefined) => Promise<EdgeResult<{ items: T[]; nextCursor: string | null }>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < MAX_NAME_PAGES; count += 1) {
    const result = await page(cursor);
    if (!result.ok) break;
    items.push(...result.data.items);
    if (!result.data.nextCursor) break;
    cursor = result.data.nextCursor;
  }
  return items;
}
