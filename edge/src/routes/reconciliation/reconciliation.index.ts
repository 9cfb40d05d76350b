import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleListReconciliationFindings,
  handleReconcileStatement,
  handleRunReconciliation,
} from './reconciliation.handlers';
import { listReconciliationFindings, reconcileStatement, runReconciliation } from './reconciliation.routes';

export function registerReconciliationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(reconcileStatement, handleReconcileStatement);
  app.openapi(runReconciliation, handleRunReconciliation);
  app.openapi(listReconciliationFindings, handleListReconciliationFindings);
}
