import { canonicalJson, contentHash, diffValues, type FieldDifference } from './canonical';
import { IssueCollector } from './errors';
import { planConsumption } from './ledger';
import { computeStatement } from './statement';
import { parseStatementInput } from './statement-input';
import type { ClosedStatement, Instant, StatementInput } from './types';
import { readInstant, readString } from './validate';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CloseOptions {
  statementId: string;
  /** The close time: the statement is computed as of it, and its due date counts from it. */
  closedAt: Instant;
}

/**
 * Closes a statement (DOMAIN §6): freezes its inputs (as of the close), computes the result, dates
 * it due after the payment terms, hashes the canonical JSON of inputs and result, and plans the
 * CONSUME ledger entries the caller must write atomically with the close.
 */
export async function closeStatement(input: StatementInput, options: CloseOptions): Promise<ClosedStatement> {
  const issues = new IssueCollector();
  const statementId = readString(issues, 'statementId', options.statementId);
  const closedAtMillis = readInstant(issues, 'closedAt', options.closedAt);
  issues.throwIfAny();
  const inputs = JSON.parse(canonicalJson({ ...input, asOf: options.closedAt })) as StatementInput;
  const { billingGroup } = parseStatementInput(inputs);
  const result = computeStatement(inputs);
  return {
    statementId: statementId as string,
    billingGroupId: result.billingGroupId,
    month: result.month,
    closedAt: options.closedAt,
    dueAt: new Date((closedAtMillis as number) + billingGroup.paymentTermsDays * DAY_MS).toISOString(),
    inputs,
    result,
    contentHash: await contentHash({ inputs, result }),
    creditConsumption: planConsumption(statementId as string, result.credits, options.closedAt),
  };
}

export interface ReplayReport {
  identical: boolean;
  expectedHash: string;
  actualHash: string;
  /** Field by field, where the recomputed result differs from the frozen one. */
  differences: FieldDifference[];
}

/** Recomputes a closed statement from its frozen inputs; any difference is a defect to report. */
export async function replayStatement(closed: ClosedStatement): Promise<ReplayReport> {
  const result = computeStatement(closed.inputs);
  const actualHash = await contentHash({ inputs: closed.inputs, result });
  const differences = diffValues(closed.result, result, 'result');
  if (differences.length === 0 && actualHash !== closed.contentHash) {
    differences.push({ path: 'contentHash', expected: closed.contentHash, actual: actualHash });
  }
  return { identical: differences.length === 0, expectedHash: closed.contentHash, actualHash, differences };
}
