/**
 * Where the test run's web app listens (see playwright.config.ts): `next start` of the built app, on a
 * port of its own beside `npm start`'s (3000), whose app seals sessions with a secret of its own.
 */
export const APP_PORT = Number(process.env.APP_PORT ?? 3010);
export const APP_URL = process.env.APP_URL ?? `http://127.0.0.1:${APP_PORT}`;
/**
 * The same build of the web app, served a second time with the standalone billing mock as its edge:
 * the `e2e-mocked` project drives it through the mock's fault scenarios.
 */
export const APP_MOCKED_PORT = Number(process.env.APP_MOCKED_PORT ?? 3110);
export const APP_MOCKED_URL = process.env.APP_MOCKED_URL ?? `http://127.0.0.1:${APP_MOCKED_PORT}`;
/**
 * Where the test run builds the app and serves it from (`NEXT_DIST_DIR`, under app/): not `.next`,
 * which `npm start`'s server may be serving while the tests build.
 */
export const APP_DIST_DIR = process.env.NEXT_DIST_DIR || '.next-test';
/** How long the mocked app waits for an answer before it says the edge timed out (the `timeout` scenario). */
export const APP_MOCKED_EDGE_TIMEOUT_MS = 8_000;
/**
 * The secret the run's app servers seal session cookies with (their SESSION_SECRET): `next start` is
 * production and refuses to start without one, and `signInAs` seals a session with it.
 */
export const APP_SESSION_SECRET =
  process.env.SESSION_SECRET ?? 'playwright-run-session-secret-not-for-production';
