/** Where the test run's edge listens, and the admin key it was started with (see playwright.config.ts). */
export const EDGE_PORT = Number(process.env.EDGE_PORT ?? 8787);
export const EDGE_URL = process.env.EDGE_URL ?? `http://127.0.0.1:${EDGE_PORT}`;
export const ADMIN_API_KEY = process.env.ADMIN_API_KEY ?? 'dev-admin-key';
