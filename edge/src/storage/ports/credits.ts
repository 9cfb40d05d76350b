import type { CreditGrant, CreditType, Currency, LedgerEntry, LedgerEntryKind } from '@billing/engine';
import type { Page, PageRequest } from './tenants';

/** A credit grant as stored, with its balance summed from the ledger in the group's currency. */
export interface CreditGrantRecord {
  id: string;
  tenantId: string;
  billingGroupId: string;
  type: CreditType;
  amount: string;
  /** As granted; null means the type's default (DOMAIN §5). */
  priority: number | null;
  expiresAt: string | null;
  grantedAt: string;
  campaignId: string | null;
  name: string | null;
  voidedAt: string | null;
  createdAt: string;
  balance: string;
  /** `credit.low` is reported, once, when the balance falls below this; null: never. */
  lowBalanceThreshold: string | null;
}

export type NewCreditGrant = Omit<CreditGrantRecord, 'balance' | 'voidedAt'>;

/** One ledger entry as listed. */
export interface CreditLedgerRecord {
  /** Its position in its billing group's ledger, from 1: the group's own count, never a global one. */
  seq: number;
  grantId: string;
  kind: LedgerEntryKind;
  /** Signed: GRANT and RELEASE add, the others take. */
  amount: string;
  at: string;
  statementId: string | null;
}

/** A ledger entry named by what its tenant sees of it: its grant and its position in the group's ledger. */
export interface LedgerPosition {
  grantId: string;
  seq: number;
}

export interface LedgerPageRequest {
  limit: number;
  /** Entries after this one (the previous page's last). */
  after: LedgerPosition | null;
  /** Only this grant's entries. */
  grantId: string | null;
}

/** Where a write to the ledger lands: the billing group and the currency of its minor units. */
export interface LedgerScope {
  tenantId: string;
  billingGroupId: string;
  currency: Currency;
}

/** Credit grants and their ledger (owner: the credit routes). */
export interface CreditStore {
  /** The group's grants that are not voided, each with its balance summed from the ledger. */
  creditGrantsForStatement(tenantId: string, billingGroupId: string): Promise<CreditGrant[]>;
  /** Writes the grant and its GRANT ledger entry atomically. */
  createCreditGrant(grant: NewCreditGrant, currency: Currency): Promise<CreditGrantRecord>;
  getCreditGrant(
    tenantId: string,
    billingGroupId: string,
    grantId: string,
  ): Promise<CreditGrantRecord | null>;
  listCreditGrants(
    tenantId: string,
    billingGroupId: string,
    page: PageRequest,
  ): Promise<Page<CreditGrantRecord>>;
  /** Every grant of the group that is not voided (for balances and expiry). */
  liveCreditGrants(tenantId: string, billingGroupId: string): Promise<CreditGrantRecord[]>;
  /**
   * The group's ledger in order; `nextCursor` is the last entry's `<grantId>.<seq>`. Null when
   * `after` names no entry of this group (of this grant, when filtered): not a cursor of this list.
   */
  creditLedgerPage(
    tenantId: string,
    billingGroupId: string,
    page: LedgerPageRequest,
  ): Promise<Page<CreditLedgerRecord> | null>;
  /** The whole ledger of some grants of the group, in order, as the engine's entries. */
  ledgerOfGrants(
    tenantId: string,
    billingGroupId: string,
    grantIds: readonly string[],
  ): Promise<LedgerEntry[]>;
  /**
   * Sets voided_at and appends the VOID entries atomically. False when the grant was already voided
   * (even by a request that won a race); a balance that changed meanwhile is a ConflictError.
   */
  voidCreditGrant(
    scope: LedgerScope,
    grantId: string,
    voidedAt: string,
    entries: LedgerEntry[],
  ): Promise<boolean>;
  /** Appends entries atomically (all or none); a balance that would go below 0 is a ConflictError. */
  appendCreditLedger(scope: LedgerScope, entries: LedgerEntry[]): Promise<void>;
}
