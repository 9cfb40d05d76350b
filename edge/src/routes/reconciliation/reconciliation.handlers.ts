import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { notFound } from '../../http/problem';
import { reconcileClosedStatement, sweepMonth } from '../../services/statement-reconcile';
import type { ReconciliationFinding } from '../../storage/ports/reconciliation';
import type {
  listReconciliationFindings,
  reconcileStatement,
  runReconciliation,
} from './reconciliation.routes';

const findingToWire = ({ tenantId: _tenantId, ...finding }: ReconciliationFinding) => finding;

export const handleReconcileStatement: RouteHandler<typeof reconcileStatement, AppEnv> = async (c) => {
  const { statementId } = c.req.valid('param');
  const statement = await c.get('storage').getStatement(c.get('principal').tenantId, statementId);
  if (!statement) throw notFound('statement', statementId);
  const report = await reconcileClosedStatement(c.get('storage'), statement);
  return c.json(
    {
      statementId: statement.id,
      billingGroupId: statement.billingGroupId,
      month: statement.month,
      checkedAt: c.get('deps').clock().toISOString(),
      ...report,
    },
    200,
  );
};

export const handleRunReconciliation: RouteHandler<typeof runReconciliation, AppEnv> = async (c) => {
  const { month } = c.req.valid('json');
  const sweep = await sweepMonth(
    { storage: c.get('storage'), deps: c.get('deps') },
    c.get('principal').tenantId,
    month,
  );
  return c.json({ ...sweep, findings: sweep.findings.map(findingToWire) }, 201);
};

export const handleListReconciliationFindings: RouteHandler<
  typeof listReconciliationFindings,
  AppEnv
> = async (c) => {
  const query = c.req.valid('query');
  const page = await c
    .get('storage')
    .listFindings(c.get('principal').tenantId, query.month ?? null, await pageRequest(c, query));
  return c.json(await pageResponse(c, page, findingToWire), 200);
};
