/** Where the test run's standalone billing mock listens (see playwright.config.ts and mock/src/server.ts). */
export const MOCK_PORT = Number(process.env.MOCK_PORT ?? 8798);
export const MOCK_URL = process.env.MOCK_URL ?? `http://127.0.0.1:${MOCK_PORT}`;
