import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  json,
  jsonBody,
  Month,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';

const tags = ['Reconciliation'];

const Difference = z
  .object({
    field: z.string().openapi({ example: 'inputs.usage[0].quantity' }),
    closed: z.unknown().openapi({ description: 'What the closed statement holds' }),
    recomputed: z.unknown().openapi({ description: 'What storage gives now' }),
  })
  .openapi('ReconcileDifference');

export const StatementReconciliation = z
  .object({
    statementId: z.string(),
    billingGroupId: z.string(),
    month: Month,
    clean: z.boolean().openapi({ description: 'True when storage agrees with the closed statement' }),
    checkedAt: z.string(),
    differences: z.array(Difference),
  })
  .openapi('StatementReconciliation');

export const ReconciliationFinding = z
  .object({
    id: z.string(),
    sweepId: z.string(),
    statementId: z.string(),
    billingGroupId: z.string(),
    month: Month,
    differences: z.array(Difference),
    foundAt: z.string(),
  })
  .openapi('ReconciliationFinding');

export const ReconciliationSweep = z
  .object({
    id: z.string(),
    month: Month,
    checked: z.number().int().openapi({ description: 'Live closed statements of the month reconciled' }),
    findings: z.array(ReconciliationFinding),
    startedAt: z.string(),
    finishedAt: z.string(),
  })
  .openapi('ReconciliationSweep');

export const reconcileStatement = createRoute({
  method: 'post',
  path: '/v1/statements/{statementId}/reconcile',
  operationId: 'reconcileStatement',
  tags,
  summary: 'Recompute a closed statement from what storage holds now, and diff it with the closed one',
  description:
    'Replay proves a statement follows from its frozen inputs; reconcile proves those inputs were complete: ' +
    'the period’s usage, adjustments and contract as stored now, with the statement’s own settings, credits ' +
    'and balance forward, must give the same inputs and result, and the credit ledger must hold exactly its ' +
    'consumption. Nothing is changed. A voided statement answers 409 `/problems/statement-void`.',
  security,
  request: { params: z.object({ statementId: z.string().min(1).max(100) }) },
  responses: {
    200: json(StatementReconciliation, 'The reconciliation; any difference is a finding'),
    ...problems(401, 404, 409, 413, 415, 429),
  },
});

export const runReconciliation = createRoute({
  method: 'post',
  path: '/v1/reconciliations',
  operationId: 'runReconciliation',
  tags,
  summary: 'Reconcile every closed statement of a month, recording a finding for each that differs',
  description: 'The month-end job runs the same sweep after it has closed its month.',
  security,
  request: { body: jsonBody(z.strictObject({ month: Month }).openapi('ReconciliationRequest')) },
  responses: {
    201: json(ReconciliationSweep, 'The sweep and its findings'),
    ...problems(...BODY_PROBLEMS),
  },
});

export const listReconciliationFindings = createRoute({
  method: 'get',
  path: '/v1/reconciliation-findings',
  operationId: 'listReconciliationFindings',
  tags,
  summary: 'Closed statements that did not reconcile, optionally of one month',
  security,
  request: {
    query: PaginationQuery.extend({ month: Month.optional().openapi({ description: 'Only this month’s' }) }),
  },
  responses: {
    200: json(pageOf(ReconciliationFinding, 'ReconciliationFindingPage'), 'A page of findings'),
    ...problems(400, 401, 422, 429),
  },
});
