import {
  computeStatement,
  formatTrace,
  replayStatement as replayClosedStatement,
  type StatementResult,
} from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { notFound } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import { traceEngine } from '../../observability/tracing';
import { requireBillingGroup } from '../../services/billing-group-lookup';
import { clockOf, onClockOf } from '../../services/group-clock';
import { closeMonthOfGroup, voidClosedStatement } from '../../services/statement-close';
import { assembleStatementInput } from '../../services/statement-input';
import { statementStandingToWire } from '../../services/wire-objects';
import type { BillingGroupRecord } from '../../storage/ports/billing-groups';
import type { StatementRecord, StatementSummary } from '../../storage/ports/statements';
import type {
  closeStatementOfMonth,
  explainStatementOfMonth,
  getStatement,
  getStatementOfMonth,
  listStatements,
  replayStatement,
  voidStatement,
} from './statements.routes';

type Vars = AppEnv['Variables'];

/** "Now" for a group: its test clock's time, or the host's (DOMAIN §8a). */
const nowOf = (vars: Vars, group: BillingGroupRecord) => clockOf(vars.deps, group).clock().toISOString();

/**
 * A closed or voided statement's standing: its state as of its group's now (due dates pass in a
 * test clock's time), from its close, void and payments. The group may still be on its way: the
 * payments are read beside it, in one round trip on D1.
 */
async function standingToWire(
  vars: Vars,
  statement: StatementSummary,
  group: BillingGroupRecord | Promise<BillingGroupRecord>,
) {
  const [payments, groupRead] = await Promise.all([
    vars.storage.paymentsForStatement(statement.tenantId, statement.id),
    group,
  ]);
  return statementStandingToWire(statement, payments, nowOf(vars, groupRead));
}

const closedToWire = async (
  vars: Vars,
  statement: StatementRecord,
  group: BillingGroupRecord | Promise<BillingGroupRecord>,
) => ({
  ...(await standingToWire(vars, statement, group)),
  result: statement.closed.result,
});

/** A draft: computed from the current inputs on every read; nothing is paid on it yet. */
const draftToWire = (result: StatementResult) => ({
  statementId: null,
  number: null,
  billingGroupId: result.billingGroupId,
  month: result.month,
  currency: result.currency,
  state: 'DRAFT' as const,
  total: result.total,
  paid: '0',
  credited: '0',
  outstanding: result.total,
  closedAt: null,
  dueAt: null,
  voidedAt: null,
  carriedForwardBy: null,
  contentHash: null,
  result,
});

/** The month's live closed statement, else its draft as of now. */
async function statementOfMonth(vars: Vars, billingGroupId: string, month: string) {
  const [group, closed] = await Promise.all([
    requireBillingGroup(vars, billingGroupId),
    // Read beside the group, so D1 gets both in one round trip. It is scoped by the caller's tenant:
    // for another tenant's group it finds nothing, and the group's 404 answers.
    vars.storage.liveStatementForMonth(vars.principal.tenantId, billingGroupId, month),
  ]);
  if (closed) return closedToWire(vars, closed, group);
  const { input } = await assembleStatementInput(vars.storage, group, month, nowOf(vars, group));
  return draftToWire(traceEngine('computeStatement', () => computeStatement(input)));
}

async function requireStatement(vars: Vars, statementId: string): Promise<StatementRecord> {
  const statement = await vars.storage.getStatement(vars.principal.tenantId, statementId);
  if (!statement) throw notFound('statement', statementId);
  return statement;
}

/** The caller's statement and its group, whose clock its standing is read in. */
async function requireStatementAndGroup(vars: Vars, statementId: string) {
  const statement = await requireStatement(vars, statementId);
  return { statement, group: await requireBillingGroup(vars, statement.billingGroupId) };
}

export const handleGetStatementOfMonth: RouteHandler<typeof getStatementOfMonth, AppEnv> = async (c) => {
  const { billingGroupId, month } = c.req.valid('param');
  return c.json(await statementOfMonth(c.var, billingGroupId, month), 200);
};

export const handleExplainStatementOfMonth: RouteHandler<typeof explainStatementOfMonth, AppEnv> = async (
  c,
) => {
  const { billingGroupId, month } = c.req.valid('param');
  const statement = await statementOfMonth(c.var, billingGroupId, month);
  return c.json(
    {
      statementId: statement.statementId,
      billingGroupId: statement.billingGroupId,
      month: statement.month,
      state: statement.state,
      total: statement.total,
      steps: statement.result.trace,
      text: formatTrace(statement.result.trace),
    },
    200,
  );
};

export const handleCloseStatementOfMonth: RouteHandler<typeof closeStatementOfMonth, AppEnv> = async (c) => {
  const { billingGroupId, month } = c.req.valid('param');
  const group = await requireBillingGroup(c.var, billingGroupId);
  const closed = await closeMonthOfGroup(serviceContext(c.var), group, month);
  // Read again: the close reads the group's clock afresh, and the answer shows the same time.
  const closedGroup = await requireBillingGroup(c.var, billingGroupId);
  return c.json(await closedToWire(c.var, closed, closedGroup), 201);
};

export const handleListStatements: RouteHandler<typeof listStatements, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const page = await c
    .get('storage')
    .listStatements(group.tenantId, group.id, await pageRequest(c, c.req.valid('query')));
  const items = await Promise.all(page.items.map((statement) => standingToWire(c.var, statement, group)));
  return c.json(await pageResponse(c, { items, nextCursor: page.nextCursor }, (item) => item), 200);
};

export const handleGetStatement: RouteHandler<typeof getStatement, AppEnv> = async (c) => {
  const statement = await requireStatement(c.var, c.req.valid('param').statementId);
  const group = requireBillingGroup(c.var, statement.billingGroupId);
  return c.json(await closedToWire(c.var, statement, group), 200);
};

export const handleVoidStatement: RouteHandler<typeof voidStatement, AppEnv> = async (c) => {
  const { statement, group } = await requireStatementAndGroup(c.var, c.req.valid('param').statementId);
  const voided = await voidClosedStatement(onClockOf(serviceContext(c.var), group), statement);
  return c.json(await closedToWire(c.var, voided, group), 200);
};

export const handleReplayStatement: RouteHandler<typeof replayStatement, AppEnv> = async (c) => {
  const statement = await requireStatement(c.var, c.req.valid('param').statementId);
  const report = await replayClosedStatement(statement.closed);
  return c.json({ statementId: statement.id, ...report }, 200);
};
