/**
 * The legacy calculator's wire shapes (DOMAIN §9). Unlike the rest of the engine, money and
 * quantities here are JSON numbers: the older system took and answered numbers, and its clients
 * still compare our answers with the numbers they have on record (see `calculate.ts`).
 */

export const COMPAT_ADJUSTMENT_TYPES = ['DISCOUNT', 'SURCHARGE'] as const;
export type CompatAdjustmentType = (typeof COMPAT_ADJUSTMENT_TYPES)[number];

export const COMPAT_ADJUSTMENT_METHODS = ['FIXED', 'RATE'] as const;
export type CompatAdjustmentMethod = (typeof COMPAT_ADJUSTMENT_METHODS)[number];

export const COMPAT_ADJUSTMENT_LEVELS = ['BILLING_GROUP', 'PROJECT'] as const;
export type CompatAdjustmentLevel = (typeof COMPAT_ADJUSTMENT_LEVELS)[number];

// ── Request ──────────────────────────────────────────────────────────────────────────────────────

export interface CompatUsageInput {
  counterName: string;
  counterVolume: number;
  counterUnit?: string;
  counterType?: string;
  resourceId?: string;
  resourceName?: string;
  projectId?: string;
  appKey?: string;
}

export interface CompatCreditInput {
  amount: number;
  type?: string;
  campaignId?: string;
  name?: string;
  creditCode?: string;
  uuid?: string;
}

/** The current adjustment shape. */
export interface CompatAdjustmentInput {
  type: CompatAdjustmentType;
  method: CompatAdjustmentMethod;
  value: number;
  description?: string;
  level?: string;
  targetProjectId?: string;
}

/** The older adjustment shape, still sent by some clients; recognised by its `adjustmentType` key. */
export interface CompatOlderAdjustmentInput {
  adjustmentType: CompatAdjustmentType;
  method: CompatAdjustmentMethod;
  adjustmentValue: number;
  description?: string;
  level?: string;
  targetProjectId?: string;
}

export interface CompatCalculateRequest {
  uuid?: string;
  billingGroupId?: string;
  targetDate?: string;
  unpaidAmount?: number;
  isOverdue?: boolean;
  usage?: CompatUsageInput[];
  credits?: CompatCreditInput[];
  adjustments?: (CompatAdjustmentInput | CompatOlderAdjustmentInput)[];
}

export interface CompatPaymentRequest {
  paymentGroupId?: string;
  amount?: number;
}

// ── Response ─────────────────────────────────────────────────────────────────────────────────────

export interface CompatLineItem {
  id: string;
  counterName: string;
  counterType: string;
  unit?: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  resourceId?: string;
  resourceName?: string;
  projectId?: string;
  appKey?: string;
}

export interface CompatAppliedCredit {
  creditId: string;
  type?: string;
  amountApplied: number;
  remainingBalance: number;
  campaignId?: string;
  campaignName?: string;
}

export interface CompatAppliedAdjustment {
  adjustmentId: string;
  type: CompatAdjustmentType;
  description: string;
  amount: number;
  level: CompatAdjustmentLevel;
  targetId?: string;
}

export interface CompatStatement {
  statementId: string;
  uuid?: string;
  billingGroupId?: string;
  month: string;
  currency: 'KRW';
  subtotal: number;
  billingGroupDiscount: 0;
  adjustmentTotal: number;
  creditApplied: number;
  vat: number;
  unpaidAmount: number;
  lateFee: number;
  charge: number;
  amount: number;
  totalAmount: number;
  status: 'PENDING';
  lineItems: CompatLineItem[];
  appliedCredits: CompatAppliedCredit[];
  appliedAdjustments: CompatAppliedAdjustment[];
}

export interface CompatPaymentStatements {
  paymentGroupId: string;
  paymentStatus: 'PENDING';
  statements: CompatStatement[];
}

export interface CompatPayment {
  paymentId: string;
  paymentGroupId: string;
  amount: number;
  status: 'SUCCESS';
  method: 'MOCK';
  transactionDate: string;
}

// ── Envelope ─────────────────────────────────────────────────────────────────────────────────────

export interface CompatSuccessBody<T> {
  header: { isSuccessful: true; resultCode: 0; resultMessage: 'SUCCESS' };
  data: T;
}

/** An error carries no `data` key at all, as the older system answered (see `envelope.ts`). */
export interface CompatErrorBody {
  header: { isSuccessful: false; resultCode: -1; resultMessage: string };
}

export interface CompatSuccess<T> {
  status: 200;
  body: CompatSuccessBody<T>;
}

export interface CompatFailure {
  status: 400;
  body: CompatErrorBody;
}

export type CompatResult<T> = CompatSuccess<T> | CompatFailure;

// ── Dependencies ─────────────────────────────────────────────────────────────────────────────────

/** What the engine may not read for itself: the clock and fresh ids. */
export interface CompatDeps {
  /** The current instant, ISO 8601, read from the edge's clock (e.g. `2025-03-15T09:00:00.000Z`). */
  now: string;
  /** A fresh unique id; the engine adds the `stmt-` / `PAY-` prefix. */
  newId: () => string;
}

export interface CompatCalculateOptions extends CompatDeps {
  /** The `uuid` request header, if any; it wins over the body's `uuid`. */
  uuidHeader?: string | null;
  /** The raw `VAT_RATE` setting (an environment variable, so usually a string); see `vat.ts`. */
  vatRate?: unknown;
}
