import type { AppEnv } from '../app-env';
import { notFound } from '../http/problem';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';

/**
 * The caller's billing group, or 404. Another tenant's group answers exactly like a missing one, so
 * an id reveals nothing about whether it exists elsewhere.
 */
export async function requireBillingGroup(
  vars: AppEnv['Variables'],
  billingGroupId: string,
): Promise<BillingGroupRecord> {
  const group = await vars.storage.getBillingGroup(vars.principal.tenantId, billingGroupId);
  if (!group) throw notFound('billing group', billingGroupId);
  return group;
}

/** A billing group on the wire. */
export function billingGroupToWire(group: BillingGroupRecord) {
  return {
    id: group.id,
    name: group.name,
    currency: group.currency,
    vatRate: group.vatRate,
    roundingMode: group.roundingMode,
    paymentTermsDays: group.paymentTermsDays,
    lateFeeRate: group.lateFeeRate,
    priceBookId: group.priceBookId,
    autoClose: group.autoClose,
    testClockId: group.testClockId,
    testClockTime: group.clockTime,
    createdAt: group.createdAt,
  };
}
