import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';

/**
 * HTTP to a backend server (the run's edge or the standalone mock), as the tests send it: one
 * connection per request.
 *
 * Playwright keeps a context's connections alive with no idle limit of its own, and workerd closes a
 * connection idle for 15 s (through Miniflare, as the run's edge is served, or `wrangler dev`). A
 * request sent on such a connection as the close lands meets `socket hang up` (ECONNRESET) before the
 * edge has read it (playwright#42701). Asking the server to close after each answer leaves no idle
 * connection to race with; a retry instead would also retry the resets that crash tests cause on
 * purpose. A localhost connect costs far less than a request.
 */
export function newBackendContext(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { connection: 'close' } });
}
