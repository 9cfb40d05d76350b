import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatementContext } from '@billing/edge/services/statement-close';
import type { Storage } from '@billing/edge/storage/port';
import type { BillingGroupRecord } from '@billing/edge/storage/ports/billing-groups';
import type { UsageEvent } from '@billing/engine';

/** The statements' month in these tests, and the clock they close it at. */
export const MONTH = '2026-11';
export const NOW = new Date('2026-12-06T00:00:00Z');

/** Raw SQL on the database, for what no API allows: the storage a test corrupts on purpose. */
interface RawDatabase {
  prepare(sql: string): { bind(...values: unknown[]): { run(): Promise<unknown> } };
}

/**
 * The Node host's storage (node:sqlite, the same SQL and migrations as D1). Loaded by a path the
 * type checker does not follow: its D1 shim needs the Workers types, which the tests' Node-only
 * tsconfig leaves out (edge/tsconfig.node.json checks that code).
 */
const SQLITE_STORAGE = '@billing/edge/storage/sqlite';
const { openSqliteStorage } = (await import(SQLITE_STORAGE)) as {
  openSqliteStorage(path: string): { storage: Storage; d1: RawDatabase; close(): void };
};

let ids = 0;
const newId = (prefix: string) => {
  ids += 1;
  return `${prefix}_${ids}`;
};

/** One tenant with one KRW billing group, on a database file of its own. */
export interface SqliteWorld {
  storage: Storage;
  raw: RawDatabase;
  group: BillingGroupRecord;
  /** What closing and reconciling take: this storage, the fixed clock and fresh ids. */
  context(storage?: Storage): StatementContext;
  /** A usage event of the group: 1 h of compute in the month unless overridden. */
  event(eventId: string, overrides?: Partial<UsageEvent>): UsageEvent;
  dispose(): void;
}

export async function openSqliteWorld(): Promise<SqliteWorld> {
  const directory = mkdtempSync(join(tmpdir(), 'billing-sqlite-'));
  const { storage, d1, close } = openSqliteStorage(join(directory, 'billing.sqlite'));
  const tenantId = newId('tn');
  const createdAt = NOW.toISOString();
  await storage.createTenant(
    { id: tenantId, name: 'sqlite world', createdAt },
    {
      id: newId('key'),
      tenantId,
      name: 'k',
      keyHash: newId('hash'),
      keyPrefix: 'bk_',
      rateLimitPerMinute: 1,
      createdAt,
    },
  );
  const group: BillingGroupRecord = {
    id: newId('bg'),
    tenantId,
    name: 'sqlite world',
    currency: 'KRW',
    vatRate: '10',
    roundingMode: 'HALF_UP',
    paymentTermsDays: 14,
    lateFeeRate: '5',
    priceBookId: null,
    autoClose: false,
    testClockId: null,
    clockTime: null,
    createdAt,
  };
  await storage.createBillingGroup(group);
  return {
    storage,
    raw: d1,
    group,
    context: (withStorage = storage) => ({ storage: withStorage, deps: { clock: () => NOW, newId } }),
    event: (eventId, overrides = {}) => ({
      eventId,
      billingGroupId: group.id,
      projectId: 'p-web',
      counterName: 'compute.c2.c8m8',
      counterType: 'DELTA',
      unit: 'HOURS',
      volume: '1',
      timestamp: '2026-11-10T00:00:00Z',
      ...overrides,
    }),
    dispose: () => {
      close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
