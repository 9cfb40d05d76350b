import { Decimal } from '@billing/engine';

/** Reads a JSON answer of the API (the shared edge's BillingApi, or raw requests to a private edge). */
export type Reader = <T>(path: string) => Promise<T>;

/**
 * The credit ledger's invariants, read back through the API after a race: every live grant's entries
 * sum to the balance credit-balances reports and never ran below 0 on the way; a voided grant sums
 * to 0; no grant is consumed (or released) twice for one statement; a release gives back exactly
 * what its statement consumed.
 */

interface LedgerEntry {
  seq: number;
  grantId: string;
  kind: 'GRANT' | 'CONSUME' | 'EXPIRE' | 'VOID' | 'RELEASE';
  amount: string;
  statementId: string | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

async function allPages<T>(read: Reader, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Page<T> = await read(`${path}${separator}limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export interface CreditFacts {
  ledger: LedgerEntry[];
  /** Each live grant's balance as credit-balances reports it. */
  balances: Map<string, Decimal>;
  grants: { id: string; voidedAt: string | null }[];
}

export async function readCreditFacts(read: Reader, billingGroupId: string): Promise<CreditFacts> {
  const base = `/v1/billing-groups/${billingGroupId}`;
  const [ledger, reported, grants] = await Promise.all([
    allPages<LedgerEntry>(read, `${base}/credit-ledger`),
    read<{ grants: { grantId: string; balance: string }[] }>(`${base}/credit-balances`),
    allPages<{ id: string; voidedAt: string | null }>(read, `${base}/credits`),
  ]);
  return {
    ledger,
    balances: new Map(reported.grants.map((grant) => [grant.grantId, new Decimal(grant.balance)])),
    grants,
  };
}

/** Every item of a cursor-paged list. */
export function readAll<T>(read: Reader, path: string): Promise<T[]> {
  return allPages<T>(read, path);
}

export function creditInvariantViolations({ ledger, balances, grants }: CreditFacts): string[] {
  const violations: string[] = [];
  for (const grant of grants) {
    const entries = ledger.filter((entry) => entry.grantId === grant.id).sort((a, b) => a.seq - b.seq);
    let running = new Decimal(0);
    for (const entry of entries) {
      running = running.plus(entry.amount);
      if (running.isNegative()) violations.push(`${grant.id} ran to ${running} at ledger entry ${entry.seq}`);
    }
    const reported = balances.get(grant.id);
    if (grant.voidedAt === null && (reported === undefined || !reported.equals(running))) {
      violations.push(`${grant.id}: the ledger sums to ${running}, credit-balances says ${reported}`);
    }
    if (grant.voidedAt !== null && !running.isZero())
      violations.push(`voided ${grant.id} still holds ${running}`);

    const byStatement = new Map<string, LedgerEntry[]>();
    for (const entry of entries.filter((candidate) => candidate.statementId !== null)) {
      const key = `${entry.kind} ${entry.statementId}`;
      byStatement.set(key, [...(byStatement.get(key) ?? []), entry]);
    }
    for (const [key, repeated] of byStatement) {
      if (repeated.length > 1) violations.push(`${grant.id}: ${repeated.length} × ${key}`);
    }
    for (const release of entries.filter((entry) => entry.kind === 'RELEASE')) {
      const consumed = entries.find(
        (entry) => entry.kind === 'CONSUME' && entry.statementId === release.statementId,
      );
      if (!consumed || !new Decimal(consumed.amount).plus(release.amount).isZero()) {
        violations.push(
          `${grant.id}: RELEASE ${release.amount} for ${release.statementId} does not undo its CONSUME`,
        );
      }
    }
  }
  return violations;
}

/** The group's statements of a month (closed and voided), newest first. */
export async function statementsOfMonth(
  read: Reader,
  billingGroupId: string,
  month: string,
): Promise<{ statementId: string; voidedAt: string | null; month: string; closedAt: string }[]> {
  const listed = await allPages<{
    statementId: string;
    voidedAt: string | null;
    month: string;
    closedAt: string;
  }>(read, `/v1/billing-groups/${billingGroupId}/statements`);
  return listed.filter((statement) => statement.month === month);
}
