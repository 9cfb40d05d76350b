import { type Decimal, min, toDecimalString, ZERO } from './decimal';
import type { IssueCollector } from './errors';
import type { TraceBuilder } from './explain';
import { messages } from './messages';
import { formatMoney } from './money';
import type { Period } from './period';
import type { AppliedCredit, CreditType, Currency, SkippedCredit } from './types';
import { CREDIT_TYPES } from './types';
import {
  readDecimal,
  readEnum,
  readInstant,
  readInteger,
  readOptionalInstant,
  readOptionalString,
  readString,
  requireRecord,
} from './validate';

/** Lower burns first: promotional money goes before money the customer paid for. */
export const DEFAULT_CREDIT_PRIORITY: Readonly<Record<CreditType, number>> = {
  PROMOTIONAL: 10,
  FREE: 20,
  REFUND: 30,
  PAID: 40,
};

export interface ParsedCreditGrant {
  id: string;
  type: CreditType;
  amount: Decimal;
  balance: Decimal;
  priority: number;
  priorityIsDefault: boolean;
  /** Epoch milliseconds, or null for a grant that never expires. */
  expiresAt: number | null;
  grantedAt: number;
  expiresAtText: string | null;
  grantedAtText: string;
  campaignId: string | null;
  name: string | null;
}

/**
 * A credit grant as a statement input takes: an amount and a balance of at least 0 (a grant used up
 * is still a grant). `newGrant`: a grant being made, whose amount must be greater than 0 (DOMAIN §5).
 */
export function parseCreditGrant(
  issues: IssueCollector,
  field: string,
  value: unknown,
  currency: Currency,
  { newGrant = false }: { newGrant?: boolean } = {},
): ParsedCreditGrant | undefined {
  if (!requireRecord(issues, field, value)) return undefined;
  const id = readString(issues, `${field}.id`, value.id);
  const type = readEnum(issues, `${field}.type`, value.type, CREDIT_TYPES);
  const amount = readDecimal(issues, `${field}.amount`, value.amount, {
    ...(newGrant ? { positive: true } : { nonNegative: true }),
    currency,
  });
  const balance = readDecimal(issues, `${field}.balance`, value.balance, { nonNegative: true, currency });
  if (amount && balance?.greaterThan(amount)) {
    issues.add(
      `${field}.balance`,
      'balance-within-amount',
      messages.balanceWithinAmount(balance.toFixed(), amount.toFixed()),
    );
  }
  const priority = value.priority == null ? null : readInteger(issues, `${field}.priority`, value.priority);
  const expiresAt = readOptionalInstant(issues, `${field}.expiresAt`, value.expiresAt);
  const grantedAt = readInstant(issues, `${field}.grantedAt`, value.grantedAt);
  const campaignId = readOptionalString(issues, `${field}.campaignId`, value.campaignId);
  const name = readOptionalString(issues, `${field}.name`, value.name);
  if (!id || !type || !amount || !balance || priority === undefined || grantedAt === undefined)
    return undefined;
  return {
    id,
    type,
    amount,
    balance,
    priority: priority ?? DEFAULT_CREDIT_PRIORITY[type],
    priorityIsDefault: priority === null,
    expiresAt,
    grantedAt,
    expiresAtText: expiresAt === null ? null : String(value.expiresAt),
    grantedAtText: String(value.grantedAt),
    campaignId,
    name,
  };
}

/** Why a grant cannot pay for a period, or null when it can (DOMAIN §5). */
export function unusableReason(grant: ParsedCreditGrant, period: Period): SkippedCredit['reason'] | null {
  if (grant.grantedAt >= period.end) return 'NOT_YET_GRANTED';
  if (grant.expiresAt !== null && grant.expiresAt <= period.start) return 'EXPIRED';
  if (!grant.balance.greaterThan(0)) return 'NO_BALANCE';
  return null;
}

/** Burn order: lower priority value, then earliest expiry (none last), then oldest grant, then id. */
export function compareBurnOrder(a: ParsedCreditGrant, b: ParsedCreditGrant): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return a.expiresAt - b.expiresAt;
  }
  if (a.grantedAt !== b.grantedAt) return a.grantedAt - b.grantedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Which rule put `grant` after `previous` in the burn order, in words. */
export function burnOrderReason(grant: ParsedCreditGrant, previous: ParsedCreditGrant | undefined): string {
  const priority = `priority ${grant.priority}${grant.priorityIsDefault ? ` (the ${grant.type} default)` : ''}`;
  if (!previous) return `first in burn order: ${priority}`;
  if (grant.priority !== previous.priority)
    return `${priority}, after ${previous.id} with priority ${previous.priority}`;
  if (grant.expiresAt !== previous.expiresAt) {
    return `same priority as ${previous.id}; expires ${grant.expiresAtText ?? 'never'}, later than ${previous.expiresAtText}`;
  }
  if (grant.grantedAt !== previous.grantedAt) {
    return `same priority and expiry as ${previous.id}; granted ${grant.grantedAtText}, after ${previous.grantedAtText}`;
  }
  return `same priority, expiry and grant time as ${previous.id}; ordered by id`;
}

export interface CreditBurn {
  applied: AppliedCredit[];
  skipped: SkippedCredit[];
  total: Decimal;
}

/**
 * Burns usable grants against a charge in burn order, each paying min(balance, remaining charge),
 * until the charge is 0. Consumes nothing: the result is a plan the caller may write to the ledger.
 */
export function burnCredits(
  grants: readonly ParsedCreditGrant[],
  charge: Decimal,
  period: Period,
  currency: Currency,
  trace: TraceBuilder,
): CreditBurn {
  const skipped: SkippedCredit[] = [];
  const usable: ParsedCreditGrant[] = [];
  // Classified in burn order, not arrival order, so the skipped list (and the hash of a closed
  // statement) is the same whatever order the grants came in.
  for (const grant of [...grants].sort(compareBurnOrder)) {
    const reason = unusableReason(grant, period);
    if (reason) skipped.push({ grantId: grant.id, reason });
    else usable.push(grant);
  }

  const applied: AppliedCredit[] = [];
  let remaining = charge;
  usable.forEach((grant, index) => {
    if (!remaining.greaterThan(0)) {
      skipped.push({ grantId: grant.id, reason: 'CHARGE_COVERED' });
      return;
    }
    const amount = min(grant.balance, remaining);
    const chargeBefore = remaining;
    remaining = remaining.minus(amount);
    const credit: AppliedCredit = {
      grantId: grant.id,
      type: grant.type,
      priority: grant.priority,
      expiresAt: grant.expiresAtText,
      grantedAt: grant.grantedAtText,
      order: applied.length + 1,
      balanceBefore: formatMoney(grant.balance, currency),
      amountApplied: formatMoney(amount, currency),
      balanceAfter: formatMoney(grant.balance.minus(amount), currency),
    };
    applied.push(credit);
    trace.record(() => ({
      rule: 'credit-burn',
      description: `credit ${grant.id} (${grant.type}) pays min(balance ${credit.balanceBefore}, remaining charge ${formatMoney(chargeBefore, currency)})`,
      inputs: {
        grantId: grant.id,
        type: grant.type,
        priority: grant.priority,
        expiresAt: grant.expiresAtText,
        grantedAt: grant.grantedAtText,
        balance: credit.balanceBefore,
        remainingCharge: formatMoney(chargeBefore, currency),
      },
      exact: toDecimalString(amount),
      rounding: null,
      result: credit.amountApplied,
      notes: [burnOrderReason(grant, usable[index - 1])],
    }));
  });
  for (const skip of skipped) {
    trace.record(() => ({
      rule: 'credit-skipped',
      description: `credit ${skip.grantId} not used: ${SKIP_REASONS[skip.reason]}`,
      inputs: { grantId: skip.grantId, reason: skip.reason },
      exact: '0',
      rounding: null,
      result: formatMoney(ZERO, currency),
    }));
  }
  return { applied, skipped, total: charge.minus(remaining) };
}

const SKIP_REASONS: Readonly<Record<SkippedCredit['reason'], string>> = {
  NOT_YET_GRANTED: 'granted after the period ends',
  EXPIRED: 'expired before the period starts',
  NO_BALANCE: 'no balance left',
  CHARGE_COVERED: 'the charge was already covered by grants earlier in the burn order',
};
