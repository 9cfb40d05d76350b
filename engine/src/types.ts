/**
 * The engine's input and output shapes: plain, JSON-serialisable data.
 *
 * Money, quantities and rates are decimal strings (`"39700"`, `"166.67"`), never JS numbers, so a
 * statement can be frozen as JSON, hashed, sent over the wire and replayed without losing a digit.
 * Instants are ISO 8601 strings with an offset; months are `YYYY-MM` (UTC calendar months).
 */

/** A decimal number written as a string, e.g. `"166.67"`. */
export type DecimalString = string;
/** An ISO 8601 instant with an offset, e.g. `"2026-03-31T23:59:59Z"`. */
export type Instant = string;
/** A UTC calendar month, `YYYY-MM`. */
export type Month = string;

export const CURRENCIES = ['KRW', 'JPY', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const ROUNDING_MODES = ['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

// ── Metering (DOMAIN §2) ────────────────────────────────────────────────────────────────────────

export const COUNTER_TYPES = ['DELTA', 'GAUGE', 'CUMULATIVE'] as const;
export type CounterType = (typeof COUNTER_TYPES)[number];

export interface UsageEvent {
  eventId: string;
  billingGroupId: string;
  projectId: string;
  counterName: string;
  counterType: CounterType;
  unit: string;
  volume: DecimalString;
  timestamp: Instant;
  resourceId?: string | null;
  resourceName?: string | null;
}

/** The usage of one (project, counter, resource) over one month. */
export interface UsageAggregate {
  projectId: string;
  counterName: string;
  counterType: CounterType;
  unit: string;
  /** `null` when the events carried no resource id. */
  resourceId: string | null;
  resourceName?: string | null;
  quantity: DecimalString;
}

// ── Pricing (DOMAIN §3) ─────────────────────────────────────────────────────────────────────────

export const PRICING_MODELS = ['PER_UNIT', 'GRADUATED', 'VOLUME'] as const;
export type PricingModelName = (typeof PRICING_MODELS)[number];

/** A half-open tier `[from, to)`; `to: null` is the open-ended last tier. */
export interface PriceTier {
  from: DecimalString;
  to: DecimalString | null;
  unitPrice: DecimalString;
}

export type Pricing =
  | { model: 'PER_UNIT'; unitPrice: DecimalString }
  | { model: 'GRADUATED'; tiers: PriceTier[] }
  | { model: 'VOLUME'; tiers: PriceTier[] };

export interface PriceBookEntry {
  counterName: string;
  unit: string;
  pricing: Pricing;
}

export interface PriceBook {
  id: string;
  name: string;
  currency: Currency;
  entries: PriceBookEntry[];
}

export interface ContractPriceOverride {
  counterName: string;
  pricing: Pricing;
}

export interface Contract {
  id: string;
  name?: string;
  /** First month the contract applies to, inclusive. */
  startMonth: Month;
  /** Last month the contract applies to, inclusive; `null` or absent: open-ended. */
  endMonth?: Month | null;
  priceOverrides?: ContractPriceOverride[];
  /** Percent 0–100 taken off the whole usage subtotal, as its own rounded line. */
  discountRate?: DecimalString | null;
  /** The least the discounted usage may come to; a true-up line makes up any shortfall. */
  minimumCharge?: DecimalString | null;
}

// ── Adjustments (DOMAIN §4 steps 3–4) ────────────────────────────────────────────────────────────

export const ADJUSTMENT_TYPES = ['DISCOUNT', 'SURCHARGE'] as const;
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number];
export const ADJUSTMENT_METHODS = ['FIXED', 'RATE'] as const;
export type AdjustmentMethod = (typeof ADJUSTMENT_METHODS)[number];
export const ADJUSTMENT_LEVELS = ['PROJECT', 'BILLING_GROUP'] as const;
export type AdjustmentLevel = (typeof ADJUSTMENT_LEVELS)[number];

export interface Adjustment {
  id: string;
  type: AdjustmentType;
  method: AdjustmentMethod;
  /** An amount for FIXED, a percent for RATE. */
  value: DecimalString;
  level: AdjustmentLevel;
  /** Required when `level` is PROJECT. */
  targetProjectId?: string | null;
  description?: string | null;
}

// ── Credits (DOMAIN §5) ─────────────────────────────────────────────────────────────────────────

export const CREDIT_TYPES = ['PROMOTIONAL', 'FREE', 'PAID', 'REFUND'] as const;
export type CreditType = (typeof CREDIT_TYPES)[number];

export interface CreditGrant {
  id: string;
  type: CreditType;
  /** The amount originally granted. */
  amount: DecimalString;
  /** What is left to spend (the sum of the grant's ledger). */
  balance: DecimalString;
  /** Lower burns first; defaults by type (PROMOTIONAL 10, FREE 20, REFUND 30, PAID 40). */
  priority?: number | null;
  expiresAt?: Instant | null;
  grantedAt: Instant;
  campaignId?: string | null;
  name?: string | null;
}

export const LEDGER_ENTRY_KINDS = ['GRANT', 'CONSUME', 'EXPIRE', 'VOID', 'RELEASE'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** One balance change of one grant. `amount` is signed: GRANT and RELEASE add, the others take. */
export interface LedgerEntry {
  grantId: string;
  kind: LedgerEntryKind;
  amount: DecimalString;
  at: Instant;
  /** The statement that consumed or released the credit. */
  statementId?: string | null;
}

// ── Billing group, statement (DOMAIN §4, §6) ────────────────────────────────────────────────────

/** A billing group's billing settings; every one but `id` has a default (DOMAIN §1, §4). */
export interface BillingGroupSettings {
  id: string;
  /** Default KRW. */
  currency?: Currency;
  /** Percent, default 10. */
  vatRate?: DecimalString;
  /** Default HALF_UP. */
  roundingMode?: RoundingMode;
  /** Days from close to due date, default 14. */
  paymentTermsDays?: number;
  /** Percent of an overdue unpaid balance, default 5. */
  lateFeeRate?: DecimalString;
}

/** The billing group's latest closed statement, as this statement's balance forward. */
export interface PreviousStatement {
  statementId: string;
  month: Month;
  /** What is still owed on it (its total minus what was paid). */
  outstanding: DecimalString;
  dueAt: Instant;
}

export interface StatementInput {
  billingGroup: BillingGroupSettings;
  month: Month;
  priceBook: PriceBook;
  contract?: Contract | null;
  usage: UsageAggregate[];
  adjustments: Adjustment[];
  credits: CreditGrant[];
  previousStatement?: PreviousStatement | null;
  /** When the statement is computed: decides overdue late fees and nothing else. */
  asOf: Instant;
}

export interface UsageLine {
  lineId: string;
  projectId: string;
  counterName: string;
  counterType: CounterType;
  unit: string;
  resourceId: string | null;
  resourceName: string | null;
  quantity: DecimalString;
  pricingModel: PricingModelName;
  /** The price of the last unit: the PER_UNIT price, or that of the tier the quantity ends in. */
  unitPrice: DecimalString;
  /** Where the price came from: the price book, or the contract that overrides it. */
  priceSource: 'PRICE_BOOK' | 'CONTRACT';
  /** The exact priced value before rounding. */
  exactAmount: DecimalString;
  amount: DecimalString;
}

export const CONTRACT_LINE_KINDS = ['CONTRACT_DISCOUNT', 'MINIMUM_COMMITMENT'] as const;
export type ContractLineKind = (typeof CONTRACT_LINE_KINDS)[number];

export interface ContractLine {
  kind: ContractLineKind;
  contractId: string;
  /** Signed: a discount is negative, a true-up positive. */
  amount: DecimalString;
  exactAmount: DecimalString;
}

export interface AppliedAdjustment {
  adjustmentId: string;
  type: AdjustmentType;
  method: AdjustmentMethod;
  level: AdjustmentLevel;
  targetProjectId: string | null;
  description: string | null;
  value: DecimalString;
  /** The base a RATE was computed on (and a discount capped at). */
  base: DecimalString;
  /** The rounded amount asked for, before any cap. */
  requested: DecimalString;
  /** The amount actually applied, always ≥ 0; its sign comes from `type`. */
  amount: DecimalString;
  capped: boolean;
}

export interface AppliedCredit {
  grantId: string;
  type: CreditType;
  priority: number;
  expiresAt: Instant | null;
  grantedAt: Instant;
  /** 1-based position in the burn order. */
  order: number;
  balanceBefore: DecimalString;
  amountApplied: DecimalString;
  balanceAfter: DecimalString;
}

export interface SkippedCredit {
  grantId: string;
  reason: 'NOT_YET_GRANTED' | 'EXPIRED' | 'NO_BALANCE' | 'CHARGE_COVERED';
}

export interface TraceRounding {
  mode: RoundingMode;
  currency: Currency;
  minorUnit: number;
  before: DecimalString;
  after: DecimalString;
}

/** One step of the explain trace (DOMAIN §8). */
export interface TraceStep {
  step: number;
  rule: string;
  description: string;
  inputs: Record<string, string | number | boolean | null>;
  /** The exact value before any rounding. */
  exact: DecimalString;
  rounding: TraceRounding | null;
  result: DecimalString;
  notes: string[];
}

export interface StatementResult {
  billingGroupId: string;
  month: Month;
  currency: Currency;
  roundingMode: RoundingMode;
  lines: UsageLine[];
  subtotal: DecimalString;
  contractLines: ContractLine[];
  contractTotal: DecimalString;
  projectAdjustments: AppliedAdjustment[];
  billingGroupAdjustments: AppliedAdjustment[];
  /** Signed: surcharges minus discounts, both levels. */
  adjustmentTotal: DecimalString;
  chargeBeforeCredits: DecimalString;
  credits: AppliedCredit[];
  skippedCredits: SkippedCredit[];
  creditTotal: DecimalString;
  charge: DecimalString;
  vatRate: DecimalString;
  vat: DecimalString;
  previousStatementId: string | null;
  unpaid: DecimalString;
  isOverdue: boolean;
  lateFeeRate: DecimalString;
  lateFee: DecimalString;
  total: DecimalString;
  trace: TraceStep[];
}

// ── Lifecycle (DOMAIN §6) ───────────────────────────────────────────────────────────────────────

export interface ClosedStatement {
  statementId: string;
  billingGroupId: string;
  month: Month;
  closedAt: Instant;
  dueAt: Instant;
  inputs: StatementInput;
  result: StatementResult;
  /** SHA-256 (hex) of the canonical JSON of `{ inputs, result }`. */
  contentHash: string;
  /** The CONSUME ledger entries the close writes, atomically with it. */
  creditConsumption: LedgerEntry[];
}

export const PAYMENT_STATES = ['PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export interface Payment {
  paymentId: string;
  statementId: string;
  amount: DecimalString;
  state: PaymentState;
}

export const STATEMENT_STATES = [
  'DRAFT',
  'ISSUED',
  'PARTIALLY_PAID',
  'PAID',
  'OVERDUE',
  'CARRIED_FORWARD',
  'VOID',
] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];
