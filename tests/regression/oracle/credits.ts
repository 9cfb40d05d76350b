import type { CreditGrant } from '../billing-month';

/** Default burn priority by type (DOMAIN §5): lower burns first. */
const DEFAULT_PRIORITY: Readonly<Record<CreditGrant['type'], number>> = {
  PROMOTIONAL: 10,
  FREE: 20,
  REFUND: 30,
  PAID: 40,
};

export interface Period {
  startMs: number;
  endMs: number;
}

/** The UTC calendar month `YYYY-MM` as `[start, next month start)` (DOMAIN §2). */
export function periodOf(month: string): Period {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { startMs: Date.UTC(year, monthNumber - 1, 1), endMs: Date.UTC(year, monthNumber, 1) };
}

/**
 * Granted before the period ends, not expired before it starts, a balance left (DOMAIN §5). A grant
 * expiring exactly at the period start is expired for it (engine README: expiry is exclusive).
 */
export function isUsable(grant: CreditGrant, period: Period, balance: bigint): boolean {
  const expired = grant.expiresAt != null && Date.parse(grant.expiresAt) <= period.startMs;
  return Date.parse(grant.grantedAt) < period.endMs && !expired && balance > 0n;
}

/** Lower priority value, then earliest expiry (none last), then oldest grant, then grant id. */
export function burnOrder(a: CreditGrant, b: CreditGrant): number {
  const priority = (grant: CreditGrant) => grant.priority ?? DEFAULT_PRIORITY[grant.type];
  const expiry = (grant: CreditGrant) =>
    grant.expiresAt == null ? Number.POSITIVE_INFINITY : Date.parse(grant.expiresAt);
  return (
    priority(a) - priority(b) ||
    Math.sign(expiry(a) - expiry(b)) ||
    Date.parse(a.grantedAt) - Date.parse(b.grantedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
