import { appendToLedger, type LedgerEntry, planExpiry } from '@billing/engine';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';
import { clockOf } from './group-clock';
import type { StatementContext } from './statement-close';

/**
 * Writes EXPIRE entries for what is left of every live grant of the group whose expiry has passed
 * (DOMAIN §5), and answers them (none when nothing had expired). Idempotent: a grant that expired
 * before has no balance left. Called by its route and by the daily scheduled run.
 */
export async function expireCreditOfGroup(
  context: StatementContext,
  group: BillingGroupRecord,
): Promise<{ asOf: string; entries: LedgerEntry[] }> {
  const { storage } = context;
  const asOf = clockOf(context.deps, group).clock().toISOString();
  const grants = await storage.liveCreditGrants(group.tenantId, group.id);
  const due = grants.filter((grant) => grant.expiresAt !== null && grant.expiresAt <= asOf);
  if (due.length === 0) return { asOf, entries: [] };
  const ledger = await storage.ledgerOfGrants(
    group.tenantId,
    group.id,
    due.map((grant) => grant.id),
  );
  const entries = planExpiry(ledger, due, asOf);
  // The engine's rules first; a close that spent a grant meanwhile fails the balance trigger (409).
  appendToLedger(ledger, entries);
  await storage.appendCreditLedger(
    { tenantId: group.tenantId, billingGroupId: group.id, currency: group.currency },
    entries,
  );
  return { asOf, entries };
}
