import { notFound } from '../../../edge/src/lib/problem';
import type { Call } from '../operation';
import type { BillingGroupRecord } from '../store';

/** The caller's billing group, or 404: another tenant's id answers exactly like a missing one. */
export function requireBillingGroup(call: Call<unknown>, billingGroupId: string): BillingGroupRecord {
  const group = call.data.billingGroups.get(billingGroupId);
  if (!group) throw notFound('billing group', billingGroupId);
  return group;
}

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
    createdAt: group.createdAt,
  };
}
