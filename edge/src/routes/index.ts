import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { registerBillingGroupRoutes } from './billing-groups/billing-groups.index';
import { registerSystemRoutes } from './system/system.index';
import { registerTenantRoutes } from './tenants/tenants.index';

/** Every resource's routes, one line each. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerSystemRoutes(app);
  registerTenantRoutes(app);
  registerBillingGroupRoutes(app);
}
