/**
 * The foundation issue's standard statement (fixtures' `standardStatementInput`) in the shapes the
 * API takes: as one `POST /v1/calculate` body, and as the events, adjustments, credits and contract
 * that make the same statement for a stored billing group.
 */
import type { StatementInput, UsageAggregate } from '@billing/engine';
import { standardStatementInput } from '@billing/fixtures';
import type { BenchApi } from './api';

export const STANDARD: StatementInput = standardStatementInput();

/** The standard statement as a calculator request: nothing is stored, the trace comes back. */
export function standardCalculateBody(): Record<string, unknown> {
  const { billingGroup, contract, previousStatement } = STANDARD;
  return {
    month: STANDARD.month,
    billingGroup: {
      currency: billingGroup.currency,
      vatRate: billingGroup.vatRate,
      roundingMode: billingGroup.roundingMode,
      paymentTermsDays: billingGroup.paymentTermsDays,
      lateFeeRate: billingGroup.lateFeeRate,
    },
    usage: STANDARD.usage.map((line) => ({
      projectId: line.projectId,
      counterName: line.counterName,
      counterType: line.counterType,
      unit: line.unit,
      resourceId: line.resourceId,
      resourceName: line.resourceName,
      quantity: line.quantity,
    })),
    contract: contract && {
      id: contract.id,
      name: contract.name,
      startMonth: contract.startMonth,
      endMonth: contract.endMonth,
      priceOverrides: contract.priceOverrides,
      discountRate: contract.discountRate,
      minimumCharge: contract.minimumCharge,
    },
    adjustments: STANDARD.adjustments,
    credits: STANDARD.credits.map((grant) => ({
      id: grant.id,
      type: grant.type,
      amount: grant.balance,
      expiresAt: grant.expiresAt,
      grantedAt: grant.grantedAt,
      campaignId: grant.campaignId,
      name: grant.name,
    })),
    unpaid: previousStatement && { amount: previousStatement.outstanding, isOverdue: true },
    asOf: STANDARD.asOf,
  };
}

/** One usage event per standard line in `month`: a DELTA line's volume, or a GAUGE line's reading. */
export function standardEvents(month: string, eventIdPrefix: string): Record<string, unknown>[] {
  return STANDARD.usage.map((line: UsageAggregate, index) => ({
    eventId: `${eventIdPrefix}-${index}`,
    projectId: line.projectId,
    counterName: line.counterName,
    counterType: line.counterType,
    unit: line.unit,
    volume: line.quantity,
    timestamp: `${month}-15T${String(index % 24).padStart(2, '0')}:00:00Z`,
    ...(line.resourceId ? { resourceId: line.resourceId, resourceName: line.resourceName } : {}),
  }));
}

/** The standard statement's adjustments for `month`, as `POST …/adjustments` bodies. */
export function standardAdjustments(month: string): Record<string, unknown>[] {
  return STANDARD.adjustments.map(({ id: _id, ...adjustment }) => ({ ...adjustment, month }));
}

/** The standard statement's credit grants, as `POST …/credits` bodies (granted with their balance). */
export function standardCredits(): Record<string, unknown>[] {
  return STANDARD.credits.map((grant) => ({
    type: grant.type,
    amount: grant.balance,
    expiresAt: grant.expiresAt,
    grantedAt: grant.grantedAt,
    campaignId: grant.campaignId,
    name: grant.name,
  }));
}

/**
 * A billing group billed like the standard statement: its contract, 20 usage lines, 2 project and
 * 2 billing-group adjustments and 4 credit grants, in two months; the first month closed.
 */
export async function createStandardGroup(
  api: BenchApi,
  months: { closed: string; draft: string },
): Promise<string> {
  const group = await api.post<{ id: string }>('/v1/billing-groups', { name: 'standard statement' });
  const contract = STANDARD.contract;
  if (contract) {
    const created = await api.post<{ id: string }>('/v1/contracts', {
      name: contract.name,
      priceOverrides: contract.priceOverrides,
      discountRate: contract.discountRate,
      minimumCharge: contract.minimumCharge,
    });
    await api.post(`/v1/billing-groups/${group.id}/contract-assignments`, {
      contractId: created.id,
      startMonth: contract.startMonth,
      endMonth: contract.endMonth,
    });
  }
  for (const grant of standardCredits()) await api.post(`/v1/billing-groups/${group.id}/credits`, grant);
  for (const month of [months.closed, months.draft]) {
    await api.post(`/v1/billing-groups/${group.id}/usage-events`, {
      events: standardEvents(month, `standard-${month}`),
    });
    for (const adjustment of standardAdjustments(month)) {
      await api.post(`/v1/billing-groups/${group.id}/adjustments`, adjustment);
    }
  }
  await api.post(`/v1/billing-groups/${group.id}/statements/${months.closed}/close`);
  return group.id;
}
