/**
 * What a host of the billing app needs (`@billing/edge/app`): the app, the settings and ids every
 * host gives it, and the problem answers its own middleware may add (the mock's fault scenarios).
 */
export { createApp, OPENAPI_INFO } from './app';
export type { AppEnv } from './app-env';
export { type AppDeps, type EdgeConfig, randomId, readConfig } from './deps';
export { handleError } from './http/errors';
export { sha256Hex, webCryptoSha256Hex } from './http/hash';
export { ApiError } from './http/problem';
export { MAX_BODY_BYTES } from './middleware/body-limit';
export { LocalWebhookDispatcher } from './services/local-webhook-dispatcher';
