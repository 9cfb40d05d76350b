/** The calculator's form, as typed: every value a string until it is mapped to a request. */
export interface UsageRowInput {
  id: string;
  counterName: string;
  quantity: string;
  unit: string;
  projectId: string;
}

export interface AdjustmentInput {
  id: string;
  type: 'DISCOUNT' | 'SURCHARGE';
  method: 'FIXED' | 'RATE';
  value: string;
  level: 'PROJECT' | 'BILLING_GROUP';
  targetProjectId: string;
}

export interface CreditInput {
  id: string;
  type: 'PROMOTIONAL' | 'FREE' | 'REFUND' | 'PAID';
  amount: string;
  priority: string;
  /** A date (YYYY-MM-DD); the grant expires at its start, UTC. */
  expiresOn: string;
}

export interface CalculatorInput {
  month: string;
  usage: UsageRowInput[];
  contract: { discountRate: string; minimumCharge: string };
  adjustments: AdjustmentInput[];
  credits: CreditInput[];
  unpaid: { amount: string; isOverdue: boolean };
}

export const ADJUSTMENT_TYPES = ['DISCOUNT', 'SURCHARGE'] as const;
export const ADJUSTMENT_METHODS = ['FIXED', 'RATE'] as const;
export const ADJUSTMENT_LEVELS = ['PROJECT', 'BILLING_GROUP'] as const;
export const CREDIT_TYPES = ['PROMOTIONAL', 'FREE', 'REFUND', 'PAID'] as const;

export function emptyCalculatorInput(month: string, firstRow: Omit<UsageRowInput, 'id'>): CalculatorInput {
  return {
    month,
    usage: [{ id: 'usage-1', ...firstRow }],
    contract: { discountRate: '', minimumCharge: '' },
    adjustments: [],
    credits: [],
    unpaid: { amount: '', isOverdue: false },
  };
}

/** A counter of the price book the calculator offers, with the unit it is priced in. */
export interface CounterOption {
  counterName: string;
  unit: string;
}
