import { createRoute, z } from '@hono/zod-openapi';
import { json, Month, PaginationQuery, problems, security } from '../../openapi/schemas';
import { Statement, StatementExplanation, StatementPage, StatementReplay } from './statements.schemas';

const GroupMonthParams = z.object({
  billingGroupId: z.string().min(1).max(100),
  month: Month,
});
const GroupParams = z.object({ billingGroupId: z.string().min(1).max(100) });
const StatementParams = z.object({ statementId: z.string().min(1).max(100) });

const tags = ['Statements'];

export const getStatementOfMonth = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/statements/{month}',
  operationId: 'getStatementOfMonth',
  tags,
  summary:
    'The month’s statement: a draft recomputed on every read while the month is open, else the closed one',
  security,
  request: { params: GroupMonthParams },
  responses: {
    200: json(Statement, 'The draft or the closed statement'),
    ...problems(401, 404, 409, 422, 429),
  },
});

export const explainStatementOfMonth = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/statements/{month}/explain',
  operationId: 'explainStatementOfMonth',
  tags,
  summary: 'Why each amount of the month’s statement is what it is: the ordered explain trace',
  security,
  request: { params: GroupMonthParams },
  responses: {
    200: json(StatementExplanation, 'The trace, as steps and as text'),
    ...problems(401, 404, 409, 422, 429),
  },
});

export const closeStatementOfMonth = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/statements/{month}/close',
  operationId: 'closeStatementOfMonth',
  tags,
  summary: 'Close the month: freeze the statement, consume its credits, carry the previous balance forward',
  description:
    'Months close in order (409 `month-order`) and once (409 `statement-closed`). The statement, its credit ' +
    'consumption and the carry-forward of the previous statement are written atomically.',
  security,
  request: { params: GroupMonthParams },
  responses: {
    201: json(Statement, 'The closed statement'),
    ...problems(401, 404, 409, 413, 415, 422, 429),
  },
});

export const listStatements = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/statements',
  operationId: 'listStatements',
  tags,
  summary: 'The group’s closed and voided statements, newest month first, with their derived states',
  security,
  request: { params: GroupParams, query: PaginationQuery },
  responses: {
    200: json(StatementPage, 'A page of statements'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const getStatement = createRoute({
  method: 'get',
  path: '/v1/statements/{statementId}',
  operationId: 'getStatement',
  tags,
  summary: 'One closed or voided statement',
  security,
  request: { params: StatementParams },
  responses: { 200: json(Statement, 'The statement'), ...problems(401, 404, 429) },
});

export const voidStatement = createRoute({
  method: 'post',
  path: '/v1/statements/{statementId}/void',
  operationId: 'voidStatement',
  tags,
  summary: 'Void a closed statement: release its credits and reopen its month for a reissue',
  description:
    'Statements void newest first (409 `month-order`), once (409 `statement-void`), and only without ' +
    'succeeded or pending payments (409 `statement-has-payments`). The statement it had carried forward ' +
    'becomes payable on its own again.',
  security,
  request: { params: StatementParams },
  responses: { 200: json(Statement, 'The voided statement'), ...problems(401, 404, 409, 413, 415, 429) },
});

export const replayStatement = createRoute({
  method: 'post',
  path: '/v1/statements/{statementId}/replay',
  operationId: 'replayStatement',
  tags,
  summary: 'Recompute a closed statement from its frozen inputs and compare, field by field',
  security,
  request: { params: StatementParams },
  responses: {
    200: json(StatementReplay, 'The replay report; any difference is a defect'),
    ...problems(401, 404, 413, 415, 429),
  },
});
