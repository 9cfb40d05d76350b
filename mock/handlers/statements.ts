import {
  computeStatement,
  formatTrace,
  replayStatement as replayClosedStatement,
  type StatementResult,
} from '@billing/engine';
import { encodeCursor, pageRequest } from '../../edge/src/lib/pagination';
import { notFound, validationFailed } from '../../edge/src/lib/problem';
import {
  closeStatementOfMonth,
  explainStatementOfMonth,
  getStatement,
  getStatementOfMonth,
  listStatements,
  replayStatement,
  voidStatement,
} from '../../edge/src/routes/statements/statements.routes';
import { requireBillingGroup } from '../src/billing/lookup';
import {
  assembleStatementInput,
  closedToWire,
  closeMonthOfGroup,
  standingToWire,
  voidClosedStatement,
} from '../src/billing/statements';
import type { Call } from '../src/operation';
import { compareText, type StatementRecord } from '../src/store';
import type { Kit } from './kit';

/** A draft: computed from the current inputs on every read; nothing is paid on it yet. */
const draftToWire = (result: StatementResult) => ({
  statementId: null,
  billingGroupId: result.billingGroupId,
  month: result.month,
  currency: result.currency,
  state: 'DRAFT' as const,
  total: result.total,
  paid: '0',
  outstanding: result.total,
  closedAt: null,
  dueAt: null,
  voidedAt: null,
  carriedForwardBy: null,
  contentHash: null,
  result,
});

/** The month's live closed statement, else its draft as of now. */
function statementOfMonth(call: Call<unknown>, billingGroupId: string, month: string) {
  const group = requireBillingGroup(call, billingGroupId);
  const now = call.now();
  const closed = call.data.liveStatement(group.id, month);
  if (closed) return closedToWire(call.data, closed, now);
  return draftToWire(computeStatement(assembleStatementInput(call.data, group, month, now).input));
}

export function requireStatement(call: Call<unknown>, statementId: string): StatementRecord {
  const statement = call.data.statements.get(statementId);
  if (!statement) throw notFound('statement', statementId);
  return statement;
}

/** `<month>_<statementId>`: the keyset of a statement list, newest month first. */
function statementCursor(after: string | null): { month: string; id: string } | null {
  if (after === null) return null;
  const match = /^(\d{4}-\d{2})_([A-Za-z0-9_-]+)$/.exec(after);
  if (!match) {
    throw validationFailed([
      { field: 'query.cursor', rule: 'cursor', message: 'must be the nextCursor of a previous page' },
    ]);
  }
  return { month: match[1] as string, id: match[2] as string };
}

export function statementHandlers({ http, operation }: Kit) {
  return [
    http.get(
      '/v1/billing-groups/{billingGroupId}/statements',
      operation('listStatements', listStatements, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const { limit, after } = pageRequest(call.input.query);
        const cursor = statementCursor(after);
        const rows = call.data
          .statementsOf(group.id)
          .filter(
            (statement) =>
              cursor === null ||
              statement.month < cursor.month ||
              (statement.month === cursor.month && statement.id < cursor.id),
          )
          .sort((a, b) => compareText(b.month, a.month) || compareText(b.id, a.id));
        const items = rows.slice(0, limit);
        const last = items.at(-1);
        const now = call.now();
        return response(200).json({
          items: items.map((statement) => ({
            ...standingToWire(call.data, statement, now),
            statementId: statement.id,
          })),
          nextCursor: encodeCursor(rows.length > limit && last ? `${last.month}_${last.id}` : null),
        });
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/statements/{month}',
      operation('getStatementOfMonth', getStatementOfMonth, (call, { response }) => {
        const { billingGroupId, month } = call.input.params;
        return response(200).json(statementOfMonth(call, billingGroupId, month));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/statements/{month}/explain',
      operation('explainStatementOfMonth', explainStatementOfMonth, (call, { response }) => {
        const { billingGroupId, month } = call.input.params;
        const statement = statementOfMonth(call, billingGroupId, month);
        return response(200).json({
          statementId: statement.statementId,
          billingGroupId: statement.billingGroupId,
          month: statement.month,
          state: statement.state,
          total: statement.total,
          steps: statement.result.trace,
          text: formatTrace(statement.result.trace),
        });
      }),
    ),
    http.post(
      '/v1/billing-groups/{billingGroupId}/statements/{month}/close',
      operation('closeStatementOfMonth', closeStatementOfMonth, async (call, { response }) => {
        const { billingGroupId, month } = call.input.params;
        const group = requireBillingGroup(call, billingGroupId);
        const closed = await closeMonthOfGroup(call.world, call.data, group, month, call.now());
        return response(201).json(closedToWire(call.data, closed, call.now()));
      }),
    ),
    http.get(
      '/v1/statements/{statementId}',
      operation('getStatement', getStatement, (call, { response }) =>
        response(200).json(
          closedToWire(call.data, requireStatement(call, call.input.params.statementId), call.now()),
        ),
      ),
    ),
    http.post(
      '/v1/statements/{statementId}/void',
      operation('voidStatement', voidStatement, (call, { response }) => {
        const statement = requireStatement(call, call.input.params.statementId);
        const voided = voidClosedStatement(call.world, call.data, statement, call.now());
        return response(200).json(closedToWire(call.data, voided, call.now()));
      }),
    ),
    http.post(
      '/v1/statements/{statementId}/replay',
      operation('replayStatement', replayStatement, async (call, { response }) => {
        const statement = requireStatement(call, call.input.params.statementId);
        const report = await replayClosedStatement(statement.closed);
        return response(200).json({ statementId: statement.id, ...report });
      }),
    ),
  ];
}
