import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleExpireCreditGrants,
  handleGetCreditBalances,
  handleGetCreditGrant,
  handleGrantCredit,
  handleListCreditGrants,
  handleListCreditLedger,
  handlePreviewCreditBurn,
  handleVoidCreditGrant,
} from './credits.handlers';
import {
  expireCreditGrants,
  getCreditBalances,
  getCreditGrant,
  grantCredit,
  listCreditGrants,
  listCreditLedger,
  previewCreditBurn,
  voidCreditGrant,
} from './credits.routes';

export function registerCreditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(grantCredit, handleGrantCredit);
  app.openapi(listCreditGrants, handleListCreditGrants);
  // Before `credits/{grantId}` routes, so these fixed words are never read as a grant id.
  app.openapi(previewCreditBurn, handlePreviewCreditBurn);
  app.openapi(expireCreditGrants, handleExpireCreditGrants);
  app.openapi(getCreditGrant, handleGetCreditGrant);
  app.openapi(voidCreditGrant, handleVoidCreditGrant);
  app.openapi(listCreditLedger, handleListCreditLedger);
  app.openapi(getCreditBalances, handleGetCreditBalances);
}
