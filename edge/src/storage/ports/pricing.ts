import type {
  Contract,
  ContractPriceOverride,
  Currency,
  Month,
  PriceBook,
  PriceBookEntry,
} from '@billing/engine';
import type { Page, PageRequest } from './tenants';

/** A price book as listed: a tenant's own, or the built-in one every tenant sees (read-only). */
export interface PriceBookRecord {
  id: string;
  name: string;
  currency: Currency;
  entries: PriceBookEntry[];
  /** True for the built-in default book (`default-krw`), which belongs to no tenant. */
  builtIn: boolean;
  /** Null for the built-in book. */
  createdAt: string | null;
}

export interface NewPriceBook {
  id: string;
  tenantId: string;
  name: string;
  currency: Currency;
  entries: PriceBookEntry[];
  createdAt: string;
}

/** A contract's terms (the engine's Contract without its month range, which is the assignment's). */
export interface ContractTerms {
  priceOverrides: ContractPriceOverride[];
  discountRate: string | null;
  minimumCharge: string | null;
}

export interface ContractRecord extends ContractTerms {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** A contract applied to one billing group for the months `startMonth`…`endMonth` (inclusive). */
export interface ContractAssignmentRecord {
  id: string;
  tenantId: string;
  billingGroupId: string;
  contractId: string;
  startMonth: Month;
  /** Null: open-ended. */
  endMonth: Month | null;
  createdAt: string;
}

/**
 * Price books, contracts and their assignment to billing groups (owner: the pricing routes).
 * The methods below are read by other resources (statements); the owner adds its own.
 */
export interface PricingStore {
  /** A tenant's price book, or the built-in default (`default-krw`) for any tenant. */
  getPriceBook(tenantId: string, priceBookId: string): Promise<PriceBook | null>;
  /**
   * The contract assigned to the group for that month, as the engine's Contract with the
   * assignment's month range as startMonth/endMonth; null when none applies.
   */
  contractForMonth(tenantId: string, billingGroupId: string, month: Month): Promise<Contract | null>;

  createPriceBook(priceBook: NewPriceBook): Promise<void>;
  /** Like getPriceBook, with the listing's fields. */
  findPriceBook(tenantId: string, priceBookId: string): Promise<PriceBookRecord | null>;
  /** The tenant's price books and the built-in one, in id order. */
  listPriceBooks(tenantId: string, page: PageRequest): Promise<Page<PriceBookRecord>>;

  createContract(contract: ContractRecord): Promise<void>;
  getContract(tenantId: string, contractId: string): Promise<ContractRecord | null>;
  listContracts(tenantId: string, page: PageRequest): Promise<Page<ContractRecord>>;

  /**
   * Stores the assignment unless it overlaps another assignment of the same group, or starts in a
   * closed month (that month, or a later one, has a live statement). The checks and the insert are
   * one statement, so neither two overlapping requests nor a racing close slip between them. Returns
   * the assignment it overlaps, or the latest closed month, instead.
   */
  assignContract(
    assignment: ContractAssignmentRecord,
  ): Promise<
    | { stored: true }
    | { stored: false; overlapping: ContractAssignmentRecord }
    | { stored: false; latestClosedMonth: Month }
  >;
  listContractAssignments(
    tenantId: string,
    billingGroupId: string,
    page: PageRequest,
  ): Promise<Page<ContractAssignmentRecord>>;
}
