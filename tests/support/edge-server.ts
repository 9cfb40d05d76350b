/**
 * Where the test run's edge listens, and the admin key it was started with (see playwright.config.ts).
 * Not `npm start`'s port (8787): that edge has a developer's settings and database, so a test run
 * beside it starts an edge of its own rather than reusing one it cannot sign in to or throttle as
 * the tests need.
 */
export const EDGE_PORT = Number(process.env.EDGE_PORT ?? 8797);
export const EDGE_URL = process.env.EDGE_URL ?? `http://127.0.0.1:${EDGE_PORT}`;
export const ADMIN_API_KEY = process.env.ADMIN_API_KEY ?? 'dev-admin-key';

/**
 * The webhook waits of the run's edges (edge/src/deps.ts), shortened so a test sees a retry in a
 * fraction of a second and a delivery FAILED after a few: 0.2 s doubling, for 3 s, 2 s per try.
 */
export const TEST_WEBHOOK_SETTINGS = {
  WEBHOOK_RETRY_BASE_SECONDS: '0.2',
  WEBHOOK_RETRY_WINDOW_SECONDS: '3',
  WEBHOOK_TIMEOUT_SECONDS: '2',
} as const;
