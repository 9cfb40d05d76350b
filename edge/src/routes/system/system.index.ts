import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { documentSecurityHeaders } from '../../middleware/security-headers';
import { DOCS_HTML, DOCS_INIT_JS } from './docs';
import { getHealth } from './system.handlers';
import { health } from './system.routes';

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(health, getHealth);
  app.get('/docs', documentSecurityHeaders, (c) =>
    c.html(DOCS_HTML, 200, {
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    }),
  );
  app.get('/docs/init.js', (c) =>
    c.body(DOCS_INIT_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
}
