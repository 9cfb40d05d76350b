import {
  ConflictError,
  type CreditGrant,
  type CreditType,
  type Currency,
  conflicts,
  Decimal,
  formatMoney,
  fromMinorUnits,
  type LedgerEntry,
  type LedgerEntryKind,
  toMinorUnits,
} from '@billing/engine';
import type {
  CreditGrantRecord,
  CreditLedgerRecord,
  CreditStore,
  LedgerScope,
  NewCreditGrant,
} from '../ports/credits';
import { afterParams, pageOf } from './paging';

interface CreditGrantRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  type: string;
  amount: string;
  priority: number | null;
  expires_at: string | null;
  granted_at: string;
  campaign_id: string | null;
  name: string | null;
  voided_at: string | null;
  created_at: string;
  currency: string;
  balance_minor: number;
  low_balance_threshold: string | null;
}

interface CreditLedgerRow {
  seq: number;
  grant_id: string;
  kind: string;
  amount: string;
  at: string;
  statement_id: string | null;
}

/** A grant with its currency (from its billing group) and its balance, the sum of its ledger. */
const GRANT_SELECT = `
  SELECT g.id, g.tenant_id, g.billing_group_id, g.type, g.amount, g.priority, g.expires_at, g.granted_at,
         g.campaign_id, g.name, g.voided_at, g.created_at, g.low_balance_threshold, b.currency,
         (SELECT COALESCE(SUM(l.amount_minor), 0) FROM credit_ledger l
           WHERE l.tenant_id = g.tenant_id AND l.grant_id = g.id) AS balance_minor
  FROM credit_grants g JOIN billing_groups b ON b.id = g.billing_group_id
  WHERE g.tenant_id = ? AND g.billing_group_id = ?`;

const LEDGER_COLUMNS = 'seq, grant_id, kind, amount, at, statement_id';

const minorToMoney = (minor: number | bigint, currency: Currency) =>
  formatMoney(fromMinorUnits(BigInt(minor), currency), currency);

const toGrant = (row: CreditGrantRow): CreditGrantRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  type: row.type as CreditType,
  amount: row.amount,
  priority: row.priority,
  expiresAt: row.expires_at,
  grantedAt: row.granted_at,
  campaignId: row.campaign_id,
  name: row.name,
  voidedAt: row.voided_at,
  createdAt: row.created_at,
  balance: minorToMoney(row.balance_minor, row.currency as Currency),
  lowBalanceThreshold: row.low_balance_threshold,
});

const toLedgerRecord = (row: CreditLedgerRow): CreditLedgerRecord => ({
  seq: row.seq,
  grantId: row.grant_id,
  kind: row.kind as LedgerEntryKind,
  amount: row.amount,
  at: row.at,
  statementId: row.statement_id,
});

/**
 * The INSERT of one ledger entry, with its amount in the currency's minor units so the database's
 * triggers can guard it (balance never below 0; one CONSUME/RELEASE per grant and statement).
 * Exported so a close can put its CONSUME entries in the same batch as the statement.
 */
export function creditLedgerInsert(
  db: D1Database,
  scope: LedgerScope,
  entry: LedgerEntry,
): D1PreparedStatement {
  const amount = new Decimal(entry.amount);
  return db
    .prepare(
      `INSERT INTO credit_ledger (tenant_id, billing_group_id, grant_id, kind, amount, amount_minor, at, statement_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      scope.tenantId,
      scope.billingGroupId,
      entry.grantId,
      entry.kind,
      formatMoney(amount, scope.currency),
      Number(toMinorUnits(amount, scope.currency, 'HALF_UP')),
      entry.at,
      entry.statementId ?? null,
    );
}

/**
 * The ledger guards of the schema as the engine's ConflictErrors: a balance below 0
 * (`insufficient-credit`, naming the grant and what it holds now) and a second CONSUME or RELEASE
 * of one grant for one statement. Anything else is rethrown unchanged.
 */
export async function toCreditConflict(
  db: D1Database,
  scope: LedgerScope,
  entries: readonly LedgerEntry[],
  error: unknown,
): Promise<never> {
  const text = String((error as Error)?.message ?? error);
  if (text.includes('insufficient-credit')) {
    const taken = new Map<string, Decimal>();
    for (const entry of entries) {
      taken.set(entry.grantId, (taken.get(entry.grantId) ?? new Decimal(0)).plus(new Decimal(entry.amount)));
    }
    const balances = await balancesOf(db, scope, [...taken.keys()]);
    const short =
      [...taken].find(([grantId, change]) =>
        (balances.get(grantId) ?? new Decimal(0)).plus(change).isNegative(),
      ) ?? [...taken][0];
    const [grantId, change] = short ?? ['', new Decimal(0)];
    throw new ConflictError(
      'insufficient-credit',
      conflicts.insufficientCredit(
        grantId,
        formatMoney(balances.get(grantId) ?? new Decimal(0), scope.currency),
        formatMoney(change.abs(), scope.currency),
      ),
      { grantId },
    );
  }
  if (text.includes('credit_ledger.grant_id') || text.includes('credit_ledger_once_per_statement')) {
    const entry = entries.find((candidate) => candidate.statementId) ?? entries[0];
    const grantId = entry?.grantId ?? '';
    const statementId = entry?.statementId ?? '';
    throw entry?.kind === 'RELEASE'
      ? new ConflictError('credit-already-released', conflicts.creditAlreadyReleased(statementId), {
          statementId,
        })
      : new ConflictError('credit-already-consumed', conflicts.creditAlreadyConsumed(grantId, statementId), {
          grantId,
          statementId,
        });
  }
  throw error;
}

async function balancesOf(
  db: D1Database,
  scope: LedgerScope,
  grantIds: readonly string[],
): Promise<Map<string, Decimal>> {
  if (grantIds.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT grant_id, COALESCE(SUM(amount_minor), 0) AS balance_minor FROM credit_ledger
       WHERE tenant_id = ? AND billing_group_id = ? AND grant_id IN (${grantIds.map(() => '?').join(', ')})
       GROUP BY grant_id`,
    )
    .bind(scope.tenantId, scope.billingGroupId, ...grantIds)
    .all<{ grant_id: string; balance_minor: number }>();
  return new Map(
    results.map((row) => [row.grant_id, fromMinorUnits(BigInt(row.balance_minor), scope.currency)]),
  );
}

/** A grant and its GRANT ledger entry: the writes of a batch (a grant by hand, a credit note's refund). */
export function creditGrantWrites(
  db: D1Database,
  grant: NewCreditGrant,
  currency: Currency,
): D1PreparedStatement[] {
  const scope = { tenantId: grant.tenantId, billingGroupId: grant.billingGroupId, currency };
  return [
    db
      .prepare(
        `INSERT INTO credit_grants (id, tenant_id, billing_group_id, type, amount, priority, expires_at,
               granted_at, campaign_id, name, voided_at, created_at, low_balance_threshold)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      )
      .bind(
        grant.id,
        grant.tenantId,
        grant.billingGroupId,
        grant.type,
        grant.amount,
        grant.priority,
        grant.expiresAt,
        grant.grantedAt,
        grant.campaignId,
        grant.name,
        grant.createdAt,
        grant.lowBalanceThreshold,
      ),
    creditLedgerInsert(db, scope, {
      grantId: grant.id,
      kind: 'GRANT',
      amount: grant.amount,
      at: grant.grantedAt,
      statementId: null,
    }),
  ];
}

export function d1CreditStore(db: D1Database): CreditStore {
  const liveGrants = async (tenantId: string, billingGroupId: string) => {
    const { results } = await db
      .prepare(`${GRANT_SELECT} AND g.voided_at IS NULL ORDER BY g.id`)
      .bind(tenantId, billingGroupId)
      .all<CreditGrantRow>();
    return results.map(toGrant);
  };

  const appendBatch = async (
    scope: LedgerScope,
    statements: D1PreparedStatement[],
    entries: LedgerEntry[],
  ) => {
    try {
      await db.batch(statements);
    } catch (error) {
      await toCreditConflict(db, scope, entries, error);
    }
  };

  return {
    async creditGrantsForStatement(tenantId, billingGroupId) {
      return (await liveGrants(tenantId, billingGroupId)).map(
        (grant): CreditGrant => ({
          id: grant.id,
          type: grant.type,
          amount: grant.amount,
          balance: grant.balance,
          priority: grant.priority,
          expiresAt: grant.expiresAt,
          grantedAt: grant.grantedAt,
          campaignId: grant.campaignId,
          name: grant.name,
        }),
      );
    },
    async createCreditGrant(grant: NewCreditGrant, currency: Currency) {
      await db.batch(creditGrantWrites(db, grant, currency));
      return { ...grant, voidedAt: null, balance: grant.amount };
    },
    async getCreditGrant(tenantId, billingGroupId, grantId) {
      const row = await db
        .prepare(`${GRANT_SELECT} AND g.id = ?`)
        .bind(tenantId, billingGroupId, grantId)
        .first<CreditGrantRow>();
      return row && toGrant(row);
    },
    async listCreditGrants(tenantId, billingGroupId, page) {
      const { results } = await db
        .prepare(`${GRANT_SELECT} AND g.id > ? ORDER BY g.id LIMIT ?`)
        .bind(tenantId, billingGroupId, ...afterParams(page))
        .all<CreditGrantRow>();
      return pageOf(results.map(toGrant), page);
    },
    liveCreditGrants: liveGrants,
    async creditLedgerPage(tenantId, billingGroupId, page) {
      // The storage's seq counts every tenant's entries, so it never leaves the store: an entry is
      // listed with its position in the group's ledger (counted on credit_ledger_by_group), and the
      // cursor names the previous page's last entry by that position and its grant.
      let afterSeq = 0;
      if (page.after !== null) {
        const anchor = await db
          .prepare(
            `SELECT seq, grant_id FROM credit_ledger WHERE tenant_id = ? AND billing_group_id = ?
             ORDER BY seq LIMIT 1 OFFSET ?`,
          )
          .bind(tenantId, billingGroupId, page.after.seq - 1)
          .first<{ seq: number; grant_id: string }>();
        const inList = page.grantId === null || page.grantId === page.after.grantId;
        if (!anchor || anchor.grant_id !== page.after.grantId || !inList) return null;
        afterSeq = anchor.seq;
      }
      const { results } = await db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM credit_ledger o
                   WHERE o.tenant_id = l.tenant_id AND o.billing_group_id = l.billing_group_id AND o.seq <= l.seq) AS seq,
                  l.grant_id, l.kind, l.amount, l.at, l.statement_id
           FROM credit_ledger l
           WHERE l.tenant_id = ? AND l.billing_group_id = ? AND l.seq > ? AND (? IS NULL OR l.grant_id = ?)
           ORDER BY l.seq LIMIT ?`,
        )
        .bind(tenantId, billingGroupId, afterSeq, page.grantId, page.grantId, page.limit + 1)
        .all<CreditLedgerRow>();
      const items = results.slice(0, page.limit).map(toLedgerRecord);
      const last = items.at(-1);
      return {
        items,
        nextCursor: results.length > page.limit && last ? `${last.grantId}.${last.seq}` : null,
      };
    },
    async ledgerOfGrants(tenantId, billingGroupId, grantIds) {
      if (grantIds.length === 0) return [];
      const { results } = await db
        .prepare(
          `SELECT ${LEDGER_COLUMNS} FROM credit_ledger
           WHERE tenant_id = ? AND billing_group_id = ? AND grant_id IN (${grantIds.map(() => '?').join(', ')})
           ORDER BY seq`,
        )
        .bind(tenantId, billingGroupId, ...grantIds)
        .all<CreditLedgerRow>();
      return results.map((row) => ({
        grantId: row.grant_id,
        kind: row.kind as LedgerEntryKind,
        amount: row.amount,
        at: row.at,
        statementId: row.statement_id,
      }));
    },
    async voidCreditGrant(scope, grantId, voidedAt, entries) {
      const markVoided = db
        .prepare(
          'UPDATE credit_grants SET voided_at = ? WHERE tenant_id = ? AND billing_group_id = ? AND id = ?',
        )
        .bind(voidedAt, scope.tenantId, scope.billingGroupId, grantId);
      try {
        // The update goes first: its trigger aborts the batch if another request voided the grant.
        await appendBatch(
          scope,
          [markVoided, ...entries.map((entry) => creditLedgerInsert(db, scope, entry))],
          entries,
        );
      } catch (error) {
        if (String((error as Error)?.message ?? error).includes('credit-grant-voided')) return false;
        throw error;
      }
      return true;
    },
    async appendCreditLedger(scope, entries) {
      if (entries.length === 0) return;
      await appendBatch(
        scope,
        entries.map((entry) => creditLedgerInsert(db, scope, entry)),
        entries,
      );
    },
  };
}
