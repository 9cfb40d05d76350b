import { type ReconcileReport, reconcileStatement } from '@billing/engine';
import { pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import { ApiError } from '../../edge/src/lib/problem';
import {
  listReconciliationFindings,
  reconcileStatement as reconcileStatementRoute,
  runReconciliation,
} from '../../edge/src/routes/reconciliation/reconciliation.routes';
import { requireBillingGroup } from '../src/billing/lookup';
import { assembleStatementInput } from '../src/billing/statements';
import type { Call } from '../src/operation';
import { pageById, type ReconciliationFindingRecord, type StatementRecord } from '../src/store';
import type { Kit } from './kit';
import { requireStatement } from './statements';

const findingToWire = ({ tenantId: _tenantId, ...finding }: ReconciliationFindingRecord) => finding;

/** The closed statement against what the store holds now for its period, as the edge reconciles it. */
function reconcile(call: Call<unknown>, statement: StatementRecord): ReconcileReport {
  if (statement.voidedAt !== null) {
    throw new ApiError(409, 'statement-void', 'The statement is void', `statement ${statement.id} is void`, {
      extensions: { statementId: statement.id },
    });
  }
  const group = requireBillingGroup(call, statement.billingGroupId);
  const { input } = assembleStatementInput(call.data, group, statement.month, call.now());
  return reconcileStatement(statement.closed, {
    usage: input.usage,
    adjustments: input.adjustments,
    contract: input.contract ?? null,
    ledger: call.data.ledger.filter((entry) => entry.statementId === statement.id),
  });
}

/** Reconcile (DOMAIN §6): one statement, a month's sweep with recorded findings, and their list. */
export function reconciliationHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/statements/{statementId}/reconcile',
      operation('reconcileStatement', reconcileStatementRoute, (call, { response }) => {
        const statement = requireStatement(call, call.input.params.statementId);
        return response(200).json({
          statementId: statement.id,
          billingGroupId: statement.billingGroupId,
          month: statement.month,
          checkedAt: call.now(),
          ...reconcile(call, statement),
        });
      }),
    ),
    http.post(
      '/v1/reconciliations',
      operation('runReconciliation', runReconciliation, (call, { response }) => {
        const { month } = call.input.body;
        const id = call.newId('rs');
        const startedAt = call.now();
        const statements = [...call.data.statements.values()]
          .filter((statement) => statement.month === month && statement.voidedAt === null)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const findings: ReconciliationFindingRecord[] = [];
        for (const statement of statements) {
          const report = reconcile(call, statement);
          if (report.clean) continue;
          const finding = {
            id: call.newId('rf'),
            tenantId: call.tenantId,
            sweepId: id,
            statementId: statement.id,
            billingGroupId: statement.billingGroupId,
            month,
            differences: report.differences,
            foundAt: call.now(),
          };
          call.data.findings.set(finding.id, finding);
          findings.push(finding);
        }
        return response(201).json({
          id,
          month,
          checked: statements.length,
          findings: findings.map(findingToWire),
          startedAt,
          finishedAt: call.now(),
        });
      }),
    ),
    http.get(
      '/v1/reconciliation-findings',
      operation('listReconciliationFindings', listReconciliationFindings, (call, { response }) => {
        const { month } = call.input.query;
        const findings = [...call.data.findings.values()].filter(
          (finding) => month === undefined || finding.month === month,
        );
        return response(200).json(
          pageResponse(pageById(findings, pageRequest(call.input.query)), findingToWire),
        );
      }),
    ),
  ];
}
