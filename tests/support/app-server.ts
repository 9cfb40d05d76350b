/** Where the test run's web app listens (see playwright.config.ts): `next start` of the built app. */
export const APP_PORT = Number(process.env.APP_PORT ?? 3000);
export const APP_URL = process.env.APP_URL ?? `http://127.0.0.1:${APP_PORT}`;
