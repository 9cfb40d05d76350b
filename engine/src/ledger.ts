import { Decimal, toDecimalString, ZERO } from './decimal';
import { ConflictError, IssueCollector, ValidationError } from './errors';
import { conflicts, messages } from './messages';
import type { AppliedCredit, Instant, LedgerEntry, LedgerEntryKind } from './types';
import { LEDGER_ENTRY_KINDS } from './types';
import {
  readDecimal,
  readEnum,
  readInstant,
  readOptionalString,
  readString,
  requireRecord,
} from './validate';

/**
 * The credit ledger (DOMAIN §5): append-only, one signed entry per balance change. A balance is
 * the sum of its grant's entries; these functions compute the entries to append and refuse any
 * that would drive a balance below 0 or consume or release a statement's credit twice.
 */

/** GRANT and RELEASE add to a balance; every other kind takes from it. */
export const LEDGER_SIGN: Readonly<Record<LedgerEntryKind, 1 | -1>> = {
  GRANT: 1,
  RELEASE: 1,
  CONSUME: -1,
  EXPIRE: -1,
  VOID: -1,
};

export function validateLedgerEntry(value: unknown, field = 'entry'): LedgerEntry {
  const issues = new IssueCollector();
  if (!requireRecord(issues, field, value)) throw new ValidationError(issues.issues);
  const grantId = readString(issues, `${field}.grantId`, value.grantId);
  const kind = readEnum(issues, `${field}.kind`, value.kind, LEDGER_ENTRY_KINDS);
  const amount = readDecimal(issues, `${field}.amount`, value.amount);
  readInstant(issues, `${field}.at`, value.at);
  const statementId = readOptionalString(issues, `${field}.statementId`, value.statementId);
  if (kind && amount && (amount.isZero() || amount.isPositive() !== (LEDGER_SIGN[kind] === 1))) {
    issues.add(`${field}.amount`, 'ledger-sign', messages.ledgerSign(kind, LEDGER_SIGN[kind] === 1));
  }
  if ((kind === 'CONSUME' || kind === 'RELEASE') && statementId === null) {
    issues.add(`${field}.statementId`, 'required', messages.required());
  }
  issues.throwIfAny();
  return {
    grantId: grantId as string,
    kind: kind as LedgerEntryKind,
    amount: toDecimalString(amount as Decimal),
    at: value.at as string,
    statementId,
  };
}

/** Every grant's balance, replaying the ledger in order; refuses a ledger that ever goes below 0. */
export function ledgerBalances(entries: readonly LedgerEntry[]): Map<string, Decimal> {
  const balances = new Map<string, Decimal>();
  for (const entry of entries) {
    const next = (balances.get(entry.grantId) ?? ZERO).plus(new Decimal(entry.amount));
    if (next.isNegative()) {
      throw new ConflictError(
        'insufficient-credit',
        conflicts.insufficientCredit(
          entry.grantId,
          toDecimalString(balances.get(entry.grantId) ?? ZERO),
          toDecimalString(new Decimal(entry.amount).abs()),
        ),
        { grantId: entry.grantId },
      );
    }
    balances.set(entry.grantId, next);
  }
  return balances;
}

export function balanceOf(entries: readonly LedgerEntry[], grantId: string): Decimal {
  return ledgerBalances(entries.filter((entry) => entry.grantId === grantId)).get(grantId) ?? ZERO;
}

export function grantEntry(grantId: string, amount: string, at: Instant): LedgerEntry {
  return validateLedgerEntry({ grantId, kind: 'GRANT', amount, at, statementId: null });
}

/** The CONSUME entries that closing a statement writes for the credits it applied. */
export function planConsumption(
  statementId: string,
  applied: readonly AppliedCredit[],
  at: Instant,
): LedgerEntry[] {
  return applied
    .filter((credit) => new Decimal(credit.amountApplied).greaterThan(0))
    .map((credit) => ({
      grantId: credit.grantId,
      kind: 'CONSUME' as const,
      amount: toDecimalString(new Decimal(credit.amountApplied).negated()),
      at,
      statementId,
    }));
}

/**
 * Appends entries after checking them against the whole ledger: no balance below 0, no grant
 * consumed twice by one statement, no statement's credits released twice. Returns the new ledger.
 */
export function appendToLedger(
  ledger: readonly LedgerEntry[],
  additions: readonly LedgerEntry[],
): LedgerEntry[] {
  const seen = new Set(ledger.filter(isStatementEntry).map(statementEntryKey));
  for (const entry of additions.filter(isStatementEntry)) {
    const key = statementEntryKey(entry);
    if (seen.has(key)) {
      throw entry.kind === 'CONSUME'
        ? new ConflictError(
            'credit-already-consumed',
            conflicts.creditAlreadyConsumed(entry.grantId, entry.statementId as string),
            { grantId: entry.grantId, statementId: entry.statementId as string },
          )
        : new ConflictError(
            'credit-already-released',
            conflicts.creditAlreadyReleased(entry.statementId as string),
            {
              statementId: entry.statementId as string,
            },
          );
    }
    seen.add(key);
  }
  const next = [
    ...ledger,
    ...additions.map((entry, index) => validateLedgerEntry(entry, `entries[${index}]`)),
  ];
  for (const release of additions.filter((entry) => entry.kind === 'RELEASE'))
    assertReleaseMatches(next, release);
  ledgerBalances(next);
  return next;
}

/** Gives back everything a voided statement consumed, once. */
export function planRelease(ledger: readonly LedgerEntry[], statementId: string, at: Instant): LedgerEntry[] {
  const ofStatement = ledger.filter((entry) => entry.statementId === statementId);
  if (ofStatement.some((entry) => entry.kind === 'RELEASE')) {
    throw new ConflictError('credit-already-released', conflicts.creditAlreadyReleased(statementId), {
      statementId,
    });
  }
  return ofStatement
    .filter((entry) => entry.kind === 'CONSUME')
    .map((entry) => ({
      grantId: entry.grantId,
      kind: 'RELEASE' as const,
      amount: toDecimalString(new Decimal(entry.amount).negated()),
      at,
      statementId,
    }));
}

/** Voids what is left of a grant; nothing when its balance is already 0. */
export function planVoid(ledger: readonly LedgerEntry[], grantId: string, at: Instant): LedgerEntry[] {
  return takeRemaining(ledger, grantId, 'VOID', at);
}

/** Expires what is left of each grant whose expiry has passed at `asOf`. */
export function planExpiry(
  ledger: readonly LedgerEntry[],
  grants: readonly { id: string; expiresAt?: Instant | null }[],
  asOf: Instant,
): LedgerEntry[] {
  const now = Date.parse(asOf);
  return grants
    .filter((grant) => grant.expiresAt != null && Date.parse(grant.expiresAt) <= now)
    .flatMap((grant) => takeRemaining(ledger, grant.id, 'EXPIRE', asOf));
}

function takeRemaining(
  ledger: readonly LedgerEntry[],
  grantId: string,
  kind: 'VOID' | 'EXPIRE',
  at: Instant,
): LedgerEntry[] {
  const balance = balanceOf(ledger, grantId);
  if (!balance.greaterThan(0)) return [];
  return [{ grantId, kind, amount: toDecimalString(balance.negated()), at, statementId: null }];
}

/** A release gives back exactly what its statement consumed of that grant, and nothing else. */
function assertReleaseMatches(ledger: readonly LedgerEntry[], release: LedgerEntry): void {
  const consumed = ledger.find(
    (entry) =>
      entry.kind === 'CONSUME' &&
      entry.grantId === release.grantId &&
      entry.statementId === release.statementId,
  );
  const consumedAmount = consumed ? new Decimal(consumed.amount).negated() : ZERO;
  if (!consumed || !consumedAmount.equals(new Decimal(release.amount))) {
    const statementId = release.statementId as string;
    throw new ConflictError(
      'release-mismatch',
      conflicts.releaseMismatch(release.grantId, statementId, toDecimalString(consumedAmount)),
      { grantId: release.grantId, statementId },
    );
  }
}

function isStatementEntry(entry: LedgerEntry): boolean {
  return (entry.kind === 'CONSUME' || entry.kind === 'RELEASE') && entry.statementId != null;
}

function statementEntryKey(entry: LedgerEntry): string {
  return `${entry.kind}\u0000${entry.grantId}\u0000${entry.statementId}`;
}
