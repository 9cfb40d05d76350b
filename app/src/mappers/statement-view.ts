import type { Currency, StatementCalculation } from '@/api/types';

export interface StatementTotals {
  currency: Currency;
  subtotal: string;
  contractTotal: string;
  adjustmentTotal: string;
  creditTotal: string;
  vat: string;
  unpaid: string;
  lateFee: string;
  total: string;
}

export type BreakdownPart = 'usage' | 'contract' | 'adjustments' | 'credits' | 'vat' | 'unpaid' | 'lateFee';

export interface StatementView extends StatementTotals {
  month: string;
  lines: {
    id: string;
    projectId: string;
    counterName: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    pricingModel: string;
    priceSource: 'PRICE_BOOK' | 'CONTRACT';
    amount: string;
  }[];
  contractLines: { kind: 'CONTRACT_DISCOUNT' | 'MINIMUM_COMMITMENT'; amount: string }[];
  adjustments: {
    id: string;
    type: 'DISCOUNT' | 'SURCHARGE';
    method: 'FIXED' | 'RATE';
    level: 'PROJECT' | 'BILLING_GROUP';
    value: string;
    targetProjectId: string | null;
    description: string | null;
    /** Signed: a discount is negative. */
    amount: string;
    capped: boolean;
  }[];
  chargeBeforeCredits: string;
  credits: {
    grantId: string;
    type: string;
    order: number;
    priority: number;
    balanceBefore: string;
    amountApplied: string;
    balanceAfter: string;
  }[];
  skippedCredits: {
    grantId: string;
    reason: 'NOT_YET_GRANTED' | 'EXPIRED' | 'NO_BALANCE' | 'CHARGE_COVERED';
  }[];
  charge: string;
  vatRate: string;
  isOverdue: boolean;
  lateFeeRate: string;
  /** Signed parts that add up to the total, for the breakdown chart (zero parts left out). */
  breakdown: { part: BreakdownPart; amount: string }[];
  /** The engine's ordered steps, as the API gives them (told in words by `explainInWords`). */
  trace: StatementCalculation['trace'];
}

const negate = (amount: string) => (amount.startsWith('-') ? amount.slice(1) : `-${amount}`);
const isZero = (amount: string) => /^-?0*(\.0*)?$/.test(amount);

/** A computed statement (a calculator answer, a draft or a closed statement) as the pages show it. */
export function toStatementView(result: StatementCalculation): StatementView {
  const adjustments = [...result.projectAdjustments, ...result.billingGroupAdjustments].map((adjustment) => ({
    id: adjustment.adjustmentId,
    type: adjustment.type,
    method: adjustment.method,
    level: adjustment.level,
    value: adjustment.value,
    targetProjectId: adjustment.targetProjectId,
    description: adjustment.description,
    amount:
      adjustment.type === 'DISCOUNT' && !isZero(adjustment.amount)
        ? negate(adjustment.amount)
        : adjustment.amount,
    capped: adjustment.capped,
  }));
  const breakdown: StatementView['breakdown'] = [
    { part: 'usage' as const, amount: result.subtotal },
    { part: 'contract' as const, amount: result.contractTotal },
    { part: 'adjustments' as const, amount: result.adjustmentTotal },
    { part: 'credits' as const, amount: negate(result.creditTotal) },
    { part: 'vat' as const, amount: result.vat },
    { part: 'unpaid' as const, amount: result.unpaid },
    { part: 'lateFee' as const, amount: result.lateFee },
  ].filter(({ amount }) => !isZero(amount));
  return {
    ...toStatementTotals(result),
    month: result.month,
    lines: result.lines.map((line) => ({
      id: line.lineId,
      projectId: line.projectId,
      counterName: line.counterName,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      pricingModel: line.pricingModel,
      priceSource: line.priceSource,
      amount: line.amount,
    })),
    contractLines: result.contractLines.map(({ kind, amount }) => ({ kind, amount })),
    adjustments,
    chargeBeforeCredits: result.chargeBeforeCredits,
    credits: result.credits.map((credit) => ({
      grantId: credit.grantId,
      type: credit.type,
      order: credit.order,
      priority: credit.priority,
      balanceBefore: credit.balanceBefore,
      amountApplied: credit.amountApplied,
      balanceAfter: credit.balanceAfter,
    })),
    skippedCredits: result.skippedCredits,
    charge: result.charge,
    vatRate: result.vatRate,
    isOverdue: result.isOverdue,
    lateFeeRate: result.lateFeeRate,
    breakdown,
    trace: result.trace,
  };
}

export function toStatementTotals(result: StatementCalculation): StatementTotals {
  return {
    currency: result.currency,
    subtotal: result.subtotal,
    contractTotal: result.contractTotal,
    adjustmentTotal: result.adjustmentTotal,
    creditTotal: result.creditTotal,
    vat: result.vat,
    unpaid: result.unpaid,
    lateFee: result.lateFee,
    total: result.total,
  };
}
