import { toDecimalString } from './decimal';
import { TraceBuilder } from './explain';
import { applyAdjustments } from './pipeline/adjustments';
import { carryBalanceForward } from './pipeline/balance-forward';
import { stepContext } from './pipeline/context';
import { applyContract, contractInForce } from './pipeline/contract';
import { applyCredits } from './pipeline/credits';
import { computeLateFee } from './pipeline/late-fee';
import { computeTotal } from './pipeline/total';
import { priceUsage } from './pipeline/usage-lines';
import { computeVat } from './pipeline/vat';
import { type ParsedStatementInput, parseStatementInput } from './statement-input';
import type { StatementInput, StatementResult } from './types';

export interface ComputeOptions {
  /** Build the explain trace (default true); off only where nobody will read it. */
  explain?: boolean;
}

/**
 * Computes one billing group's statement for one month (DOMAIN §4), draft or final: the same
 * pure function serves a preview, a close and a replay. Validates the whole input first.
 */
export function computeStatement(input: StatementInput, options: ComputeOptions = {}): StatementResult {
  return runPipeline(parseStatementInput(input), new TraceBuilder(options.explain ?? true));
}

/** The steps of DOMAIN §4 in order, each recording its own trace entries (`pipeline/`). */
function runPipeline(input: ParsedStatementInput, trace: TraceBuilder): StatementResult {
  const { billingGroup, month, previous } = input;
  const { currency, roundingMode, vatRate, lateFeeRate } = billingGroup;
  const context = stepContext(currency, roundingMode, trace);
  const contract = contractInForce(input.contract, month);
  const usage = priceUsage(input.usage, input.priceBook, contract, context);
  const contractOutcome = applyContract(input.contract, contract, month, usage.subtotal, context);
  const adjustments = applyAdjustments(input.adjustments, usage, contractOutcome.total, context);
  const { burn, charge } = applyCredits(input.credits, adjustments.chargeBeforeCredits, month, context);
  const vat = computeVat(charge, vatRate, context);
  const unpaid = carryBalanceForward(previous, context);
  const lateFee = computeLateFee(previous, unpaid, input.asOf, lateFeeRate, context);
  const total = computeTotal({ charge, vat, unpaid, lateFee: lateFee.amount }, context);

  const { money } = context;
  return {
    billingGroupId: billingGroup.id,
    month,
    currency,
    roundingMode,
    lines: usage.lines,
    subtotal: money(usage.subtotal),
    contractLines: contractOutcome.lines,
    contractTotal: money(contractOutcome.total),
    projectAdjustments: adjustments.project.map((outcome) => outcome.applied),
    billingGroupAdjustments: adjustments.billingGroup.map((outcome) => outcome.applied),
    adjustmentTotal: money(adjustments.total),
    chargeBeforeCredits: money(adjustments.chargeBeforeCredits),
    credits: burn.applied,
    skippedCredits: burn.skipped,
    creditTotal: money(burn.total),
    charge: money(charge),
    vatRate: toDecimalString(vatRate),
    vat: money(vat),
    previousStatementId: previous?.statementId ?? null,
    unpaid: money(unpaid),
    isOverdue: lateFee.isOverdue,
    lateFeeRate: toDecimalString(lateFeeRate),
    lateFee: money(lateFee.amount),
    total: money(total),
    trace: trace.steps,
  };
}
