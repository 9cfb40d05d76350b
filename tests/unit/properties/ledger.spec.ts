import { appendToLedger, ConflictError, closeStatement, type LedgerEntry } from '@billing/engine';
import { ledgerBalances, planRelease } from '@billing/engine/internal';
import { arbLedgerEntry, arbStatementInput, ledgerOfGrants } from '@billing/fixtures';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { d } from './statement-amounts';

/** Balances as plain text by grant, so two ledgers compare with one `toEqual`. */
function balancesOf(ledger: readonly LedgerEntry[]): Record<string, string> {
  return Object.fromEntries(
    [...ledgerBalances(ledger)].map(([grantId, balance]) => [grantId, balance.toFixed()]),
  );
}

/** The ConflictError code an action throws, or null when it succeeds. */
function conflictOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof ConflictError) return error.code;
    throw error;
  }
}

test.describe('properties: the credit ledger (DOMAIN §5)', () => {
  test("property: appending a close's consumption then releasing it gives back the original balances", async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), async (input) => {
      const ledger = ledgerOfGrants(input.credits);
      const closed = await closeStatement(input, { statementId: 'stmt-closed', closedAt: input.asOf });
      const consumed = appendToLedger(ledger, closed.creditConsumption);
      const balances = ledgerBalances(consumed);
      for (const credit of closed.result.credits) {
        expect(balances.get(credit.grantId)?.toFixed()).toEqualMoney(credit.balanceAfter);
      }
      expect(conflictOf(() => appendToLedger(consumed, closed.creditConsumption))).toBe(
        closed.creditConsumption.length > 0 ? 'credit-already-consumed' : null,
      );
      const released = appendToLedger(consumed, planRelease(consumed, 'stmt-closed', input.asOf));
      expect(balancesOf(released)).toEqual(balancesOf(ledger));
      if (closed.creditConsumption.length > 0) {
        expect(conflictOf(() => planRelease(released, 'stmt-closed', input.asOf))).toBe(
          'credit-already-released',
        );
      }
    });
  });

  test('property: balances never go below 0 and a release only gives back what was consumed', async ({
    checkProperty,
  }) => {
    const grantIds = ['credit-01', 'credit-02', 'credit-03'];
    const arbHistory = fc.tuple(
      fc.array(arbLedgerEntry({ grantIds }), { maxLength: 12 }),
      fc.array(
        arbLedgerEntry({ grantIds }).filter((entry) => entry.kind === 'GRANT'),
        { maxLength: 3 },
      ),
    );
    await checkProperty(arbHistory, ([attempts, grants]) => {
      let ledger = appendToLedger([], grants);
      for (const entry of attempts) {
        const before = d(ledgerBalances(ledger).get(entry.grantId)?.toFixed() ?? '0');
        const repeats = ledger.some(
          (kept) =>
            (kept.kind === 'CONSUME' || kept.kind === 'RELEASE') &&
            kept.kind === entry.kind &&
            kept.grantId === entry.grantId &&
            kept.statementId === entry.statementId,
        );
        const overdraws = before.plus(entry.amount).isNegative();
        const releasesWhatWasConsumed =
          entry.kind !== 'RELEASE' ||
          ledger.some(
            (kept) =>
              kept.kind === 'CONSUME' &&
              kept.grantId === entry.grantId &&
              kept.statementId === entry.statementId &&
              d(kept.amount).negated().equals(d(entry.amount)),
          );
        const code = conflictOf(() => {
          ledger = appendToLedger(ledger, [entry]);
        });
        expect(code).toBe(
          repeats
            ? entry.kind === 'CONSUME'
              ? 'credit-already-consumed'
              : 'credit-already-released'
            : !releasesWhatWasConsumed
              ? 'release-mismatch'
              : overdraws
                ? 'insufficient-credit'
                : null,
        );
        for (const balance of ledgerBalances(ledger).values()) expect(balance.isNegative()).toBe(false);
      }
    });
  });
});
