import { type CreditGrant, type Currency, Decimal, formatMoney, type LedgerEntry } from '@billing/engine';
import type { CreditGrantRecord, TenantData, World } from '../store';

/** A grant's balance: the sum of its ledger entries, in the group's currency. */
export function balanceOf(data: TenantData, grant: CreditGrantRecord, currency: Currency): string {
  const total = data.ledger
    .filter((entry) => entry.grantId === grant.id)
    .reduce((sum, entry) => sum.plus(new Decimal(entry.amount)), new Decimal(0));
  return formatMoney(total, currency);
}

/** Some grants' ledger in order, as the engine's entries. */
export function ledgerOfGrants(
  data: TenantData,
  billingGroupId: string,
  grantIds?: readonly string[],
): LedgerEntry[] {
  return data.ledgerOf(billingGroupId, grantIds).map((entry) => ({
    grantId: entry.grantId,
    kind: entry.kind,
    amount: entry.amount,
    at: entry.at,
    statementId: entry.statementId,
  }));
}

/**
 * Appends entries to the ledger in the currency's minor digits. A RELEASE to a voided grant is
 * voided again in the same write (the edge's trigger), so a voided grant never regains a balance.
 */
export function appendLedger(
  world: World,
  data: TenantData,
  billingGroupId: string,
  currency: Currency,
  entries: readonly LedgerEntry[],
): void {
  for (const entry of entries) {
    const amount = formatMoney(new Decimal(entry.amount), currency);
    const record = { billingGroupId, grantId: entry.grantId, kind: entry.kind, at: entry.at };
    data.ledger.push({ seq: world.nextSeq(), ...record, amount, statementId: entry.statementId ?? null });
    if (entry.kind === 'RELEASE' && data.creditGrants.get(entry.grantId)?.voidedAt) {
      const voided = formatMoney(new Decimal(entry.amount).negated(), currency);
      data.ledger.push({ seq: world.nextSeq(), ...record, kind: 'VOID', amount: voided, statementId: null });
    }
  }
}

/** The group's grants that are not voided, in id order, with their balances: what a statement burns. */
export function liveGrants(data: TenantData, billingGroupId: string): CreditGrantRecord[] {
  return [...data.creditGrants.values()]
    .filter((grant) => grant.billingGroupId === billingGroupId && grant.voidedAt === null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function creditGrantsForStatement(
  data: TenantData,
  billingGroupId: string,
  currency: Currency,
): CreditGrant[] {
  return liveGrants(data, billingGroupId).map((grant) => ({
    id: grant.id,
    type: grant.type,
    amount: grant.amount,
    balance: balanceOf(data, grant, currency),
    priority: grant.priority,
    expiresAt: grant.expiresAt,
    grantedAt: grant.grantedAt,
    campaignId: grant.campaignId,
    name: grant.name,
  }));
}
