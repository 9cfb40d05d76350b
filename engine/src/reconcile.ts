import { canonicalJson, diffValues } from './canonical';
import { planConsumption } from './ledger';
import { computeStatement } from './statement';
import type {
  Adjustment,
  ClosedStatement,
  Contract,
  LedgerEntry,
  StatementInput,
  UsageAggregate,
} from './types';

/** What storage holds now for a closed statement's period: the parts a late or lost write would change. */
export interface PeriodContents {
  usage: UsageAggregate[];
  adjustments: Adjustment[];
  contract: Contract | null;
  /** The ledger entries that name the statement. */
  ledger: LedgerEntry[];
  /**
   * What the statement it carried forward (its balance forward) has outstanding now, or null when it
   * carried none: a payment or refund after the close would make the carried amount wrong.
   */
  previousOutstanding: string | null;
}

export interface ReconcileDifference {
  /** A path such as `inputs.usage[0].quantity`, `result.total` or `ledger[1].amount`. */
  field: string;
  closed: unknown;
  recomputed: unknown;
}

export interface ReconcileReport {
  clean: boolean;
  differences: ReconcileDifference[];
}

/** As the close froze it: through canonical JSON, so absent and undefined fields compare alike. */
const frozen = <T>(value: T): T => JSON.parse(canonicalJson(value)) as T;

const consumption = (entries: readonly LedgerEntry[]) =>
  entries
    .filter((entry) => entry.kind === 'CONSUME')
    .map(({ grantId, amount }) => ({ grantId, amount }))
    .sort((a, b) => (a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0));

/**
 * Reconcile (DOMAIN §6): the closed statement against what storage holds now for its period. Replay
 * proves a statement is determined by its frozen inputs; reconcile proves the frozen inputs were
 * complete: the period's usage, adjustments and contract as stored now, priced with the statement's
 * own settings, price book, credits and balance forward (point-in-time facts), must give the same
 * inputs and result; the ledger must hold exactly the statement's credit consumption; and the
 * statement it carried forward must still owe what it carried (no payment or refund since). Every
 * difference is a finding; nothing is fixed here (the remedy is void and reissue).
 */
export function reconcileStatement(closed: ClosedStatement, now: PeriodContents): ReconcileReport {
  const current = frozen({ usage: now.usage, adjustments: now.adjustments, contract: now.contract });
  const inputs: StatementInput = { ...closed.inputs, ...current };
  const result = frozen(computeStatement(inputs));
  const planned = planConsumption(closed.statementId, closed.result.credits, closed.closedAt);
  const differences = [
    ...diffValues(closed.inputs.usage, current.usage, 'inputs.usage'),
    ...diffValues(closed.inputs.adjustments, current.adjustments, 'inputs.adjustments'),
    ...diffValues(closed.inputs.contract, current.contract, 'inputs.contract'),
    ...diffValues(closed.result, result, 'result'),
    ...diffValues(consumption(planned), consumption(now.ledger), 'ledger'),
    ...diffValues(
      closed.inputs.previousStatement?.outstanding ?? null,
      now.previousOutstanding,
      'inputs.previousStatement.outstanding',
    ),
  ].map(({ path, expected, actual }) => ({ field: path, closed: expected, recomputed: actual }));
  return { clean: differences.length === 0, differences };
}
