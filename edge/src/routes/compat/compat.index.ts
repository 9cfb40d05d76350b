import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleLegacyCalculate,
  handleLegacyCreatePayment,
  handleLegacyPaymentStatements,
} from './compat.handlers';
import {
  legacyCalculate,
  legacyCalculateAlias,
  legacyCreatePayment,
  legacyCreatePaymentAlias,
  legacyPaymentStatements,
  legacyPaymentStatementsAlias,
} from './compat.routes';

/**
 * The legacy routes of DOMAIN §9, with and without the `/api` prefix. They live outside /v1, so
 * neither the API-key check, the rate limit nor the JSON content-type check applies; the app-wide
 * body limit, request id, CORS and secure headers do. The OpenAPI document only describes them
 * (registerPath): a validating route would answer problem+json, which legacy clients cannot read.
 */
export function registerCompatRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const route of [legacyCalculate, legacyCalculateAlias]) {
    app.openAPIRegistry.registerPath(route);
    app.post(route.getRoutingPath(), handleLegacyCalculate);
  }
  for (const route of [legacyPaymentStatements, legacyPaymentStatementsAlias]) {
    app.openAPIRegistry.registerPath(route);
    app.get(route.getRoutingPath(), handleLegacyPaymentStatements);
  }
  for (const route of [legacyCreatePayment, legacyCreatePaymentAlias]) {
    app.openAPIRegistry.registerPath(route);
    app.post(route.getRoutingPath(), handleLegacyCreatePayment);
  }
}
