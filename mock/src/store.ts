import type {
  ClosedStatement,
  ContractPriceOverride,
  CounterType,
  CreditType,
  Currency,
  LedgerEntryKind,
  Month,
  PaymentState,
  PriceBookEntry,
  ReconcileDifference,
  RoundingMode,
  UsageEvent,
} from '@billing/engine';

/**
 * The mock's in-memory state. One `World` holds what one edge database would: tenants, their keys
 * and every tenant's data. Records keep the edge's wire names so handlers map them one to one.
 */

export interface TenantRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  keyPrefix: string;
  rateLimitPerMinute: number;
  createdAt: string;
  revokedAt: string | null;
}

export interface BillingGroupRecord {
  id: string;
  name: string;
  currency: Currency;
  vatRate: string;
  roundingMode: RoundingMode;
  paymentTermsDays: number;
  lateFeeRate: string;
  /** Null: the built-in price book of the currency. */
  priceBookId: string | null;
  createdAt: string;
}

export interface ProjectRecord {
  id: string;
  billingGroupId: string;
  name: string;
  createdAt: string;
}

export interface PriceBookRecord {
  id: string;
  name: string;
  currency: Currency;
  entries: PriceBookEntry[];
  builtIn: boolean;
  createdAt: string | null;
}

export interface ContractRecord {
  id: string;
  name: string;
  priceOverrides: ContractPriceOverride[];
  discountRate: string | null;
  minimumCharge: string | null;
  createdAt: string;
}

export interface ContractAssignmentRecord {
  id: string;
  billingGroupId: string;
  contractId: string;
  startMonth: Month;
  endMonth: Month | null;
  createdAt: string;
}

export interface StoredUsageEvent extends UsageEvent {
  /** Arrival order in the world: the list's cursor and the "later ingested" tie rule. */
  seq: number;
  month: Month;
  counterType: CounterType;
}

export interface AdjustmentRecord {
  id: string;
  billingGroupId: string;
  month: Month;
  type: 'DISCOUNT' | 'SURCHARGE';
  method: 'FIXED' | 'RATE';
  value: string;
  level: 'PROJECT' | 'BILLING_GROUP';
  targetProjectId: string | null;
  description: string | null;
  createdAt: string;
}

export interface CreditGrantRecord {
  id: string;
  billingGroupId: string;
  type: CreditType;
  amount: string;
  /** Null: the type's default priority. */
  priority: number | null;
  expiresAt: string | null;
  grantedAt: string;
  campaignId: string | null;
  name: string | null;
  voidedAt: string | null;
  createdAt: string;
}

export interface LedgerRecord {
  seq: number;
  billingGroupId: string;
  grantId: string;
  kind: LedgerEntryKind;
  amount: string;
  at: string;
  statementId: string | null;
}

/** A closed statement that did not reconcile with the store (DOMAIN §6). */
export interface ReconciliationFindingRecord {
  id: string;
  tenantId: string;
  sweepId: string;
  statementId: string;
  billingGroupId: string;
  month: Month;
  differences: ReconcileDifference[];
  foundAt: string;
}

export interface StatementRecord {
  id: string;
  billingGroupId: string;
  month: Month;
  closedAt: string;
  dueAt: string;
  voidedAt: string | null;
  total: string;
  currency: Currency;
  carriedForwardBy: string | null;
  contentHash: string;
  closed: ClosedStatement;
}

export interface PaymentRecord {
  id: string;
  statementId: string;
  billingGroupId: string;
  amount: string;
  currency: Currency;
  state: PaymentState;
  method: 'CARD' | 'TOKEN';
  source: string;
  failureReason: string | null;
  providerReference: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobRecord {
  id: string;
  kind: 'close-month';
  month: Month;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  total: number;
  done: number;
  failed: number;
  errors: { billingGroupId: string; message: string }[];
  createdAt: string;
  updatedAt: string;
}

/** A stored answer of an idempotent request, or the promise of the one still running. */
export interface IdempotencyRecord {
  requestHash: string;
  response: { status: number; body: unknown } | null;
  running: Promise<void> | null;
}

/** Everything one tenant owns. */
export class TenantData {
  readonly billingGroups = new Map<string, BillingGroupRecord>();
  readonly projects = new Map<string, ProjectRecord>();
  readonly priceBooks = new Map<string, PriceBookRecord>();
  readonly contracts = new Map<string, ContractRecord>();
  readonly assignments = new Map<string, ContractAssignmentRecord>();
  readonly usageEvents = new Map<string, StoredUsageEvent[]>();
  readonly adjustments = new Map<string, AdjustmentRecord>();
  readonly creditGrants = new Map<string, CreditGrantRecord>();
  readonly ledger: LedgerRecord[] = [];
  readonly statements = new Map<string, StatementRecord>();
  readonly payments = new Map<string, PaymentRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly findings = new Map<string, ReconciliationFindingRecord>();

  eventsOf(billingGroupId: string): StoredUsageEvent[] {
    let events = this.usageEvents.get(billingGroupId);
    if (!events) {
      events = [];
      this.usageEvents.set(billingGroupId, events);
    }
    return events;
  }

  statementsOf(billingGroupId: string): StatementRecord[] {
    return [...this.statements.values()].filter((statement) => statement.billingGroupId === billingGroupId);
  }

  /** The live (not void) closed statement of the month, if any. */
  liveStatement(billingGroupId: string, month: Month): StatementRecord | null {
    return (
      this.statementsOf(billingGroupId).find(
        (statement) => statement.month === month && statement.voidedAt === null,
      ) ?? null
    );
  }

  /** The group's latest live closed statement, optionally of a month before `before`. */
  latestLiveStatement(billingGroupId: string, before?: Month): StatementRecord | null {
    const live = this.statementsOf(billingGroupId)
      .filter(
        (statement) => statement.voidedAt === null && (before === undefined || statement.month < before),
      )
      .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
    return live[0] ?? null;
  }

  /** The latest month with a live statement: it and every earlier month are closed. */
  latestClosedMonth(billingGroupId: string): Month | null {
    const months = this.statementsOf(billingGroupId)
      .filter((statement) => statement.voidedAt === null)
      .map((statement) => statement.month)
      .sort();
    return months.at(-1) ?? null;
  }

  paymentsOf(statementId: string): PaymentRecord[] {
    return [...this.payments.values()]
      .filter((payment) => payment.statementId === statementId)
      .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
  }

  ledgerOf(billingGroupId: string, grantIds?: readonly string[]): LedgerRecord[] {
    return this.ledger.filter(
      (entry) =>
        entry.billingGroupId === billingGroupId &&
        (grantIds === undefined || grantIds.includes(entry.grantId)),
    );
  }
}

/** One mock database: what a fresh edge D1 holds, plus the mock's own counters. */
export class World {
  readonly tenants = new Map<string, { tenant: TenantRecord; data: TenantData }>();
  /** API keys by the key itself: the mock keeps no hashes, it guards nothing real. */
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  /** Requests counted per API key in the current one-minute window. */
  readonly rateWindows = new Map<string, { startedAt: number; count: number }>();
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  dataOf(tenantId: string): TenantData {
    const entry = this.tenants.get(tenantId);
    if (!entry) throw new Error(`mock: tenant ${tenantId} does not exist`);
    return entry.data;
  }

  /** Forgets a tenant's data, keeping the tenant and its keys (a reset of one API key's session). */
  clearTenantData(tenantId: string): void {
    const entry = this.tenants.get(tenantId);
    if (entry) entry.data = new TenantData();
  }
}

/** Text order as SQLite's BINARY collation sorts ASCII ids. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keyset pagination on the id, as the edge's `id > ? ORDER BY id LIMIT ?`. */
export function pageById<T extends { id: string }>(
  records: Iterable<T>,
  page: { limit: number; after: string | null },
): { items: T[]; nextCursor: string | null } {
  const after = page.after ?? '';
  const rows = [...records].filter((record) => record.id > after).sort((a, b) => compareText(a.id, b.id));
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}
