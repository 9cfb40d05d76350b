import { Decimal } from '@billing/engine';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';
import type { CreditGrantRecord } from '../storage/ports/credits';
import { newEvent } from './events';
import { clockOf } from './group-clock';
import type { StatementContext } from './statement-close';
import { grantToWire } from './wire-objects';

/** How long before its expiry a grant with a balance left is reported `credit.expiring` (DOMAIN §8b). */
export const EXPIRING_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Reports `credit.low` for each live grant of the group whose balance is below its
 * `lowBalanceThreshold`, and `credit.expiring` for each whose expiry is within seven days with a
 * balance left: each once per grant (the events' dedupe keys), however often it is found. Run after
 * a close spends credit, after an expiry, and daily.
 */
export async function reportCreditAlerts(
  context: StatementContext,
  group: BillingGroupRecord,
): Promise<void> {
  const { storage } = context;
  const deps = clockOf(context.deps, group);
  const now = deps.clock().getTime();
  const grants = await storage.liveCreditGrants(group.tenantId, group.id);
  const live = (grant: CreditGrantRecord) => grant.expiresAt === null || Date.parse(grant.expiresAt) > now;
  // An expired grant has nothing left by design: that is `credit.expiring`'s to report, not low credit.
  const low = grants.filter(
    (grant) =>
      live(grant) &&
      grant.lowBalanceThreshold !== null &&
      new Decimal(grant.balance).lessThan(grant.lowBalanceThreshold),
  );
  const expiring = grants.filter(
    (grant) =>
      grant.expiresAt !== null &&
      Date.parse(grant.expiresAt) > now &&
      Date.parse(grant.expiresAt) - now <= EXPIRING_WITHIN_MS &&
      new Decimal(grant.balance).greaterThan(0),
  );
  const event = (type: 'credit.low' | 'credit.expiring', grant: CreditGrantRecord) =>
    newEvent(deps, group.tenantId, type, grantToWire(grant), `${type}:${grant.id}`);
  const written = await storage.recordEvents([
    ...low.map((grant) => event('credit.low', grant)),
    ...expiring.map((grant) => event('credit.expiring', grant)),
  ]);
  if (written.length > 0) await context.outbox?.wrote(group.tenantId);
}

/**
 * The same, after a write that already committed (a close, a grant): a failure here is logged and
 * left to the daily run, never turned into an error for the write that succeeded.
 */
export async function reportCreditAlertsAfter(
  context: StatementContext,
  group: BillingGroupRecord,
): Promise<void> {
  try {
    await reportCreditAlerts(context, group);
  } catch (error) {
    const failure = {
      level: 'warn',
      message: 'credit alerts failed',
      billingGroupId: group.id,
      error: String(error),
    };
    console.warn(JSON.stringify(failure));
  }
}
