import { compact } from './compact';
import type { CompatAppliedCredit } from './types';
import type { CompatCredit } from './validate';

/**
 * The legacy burn, unlike DOMAIN §5: credits pay in request order (no priorities), each
 * min(amount, what is left), and once nothing is left the rest are not reached and not listed.
 * A credit's id is its creditCode, else its uuid, else `credit-<i>` (0-based request position);
 * an empty string counts as absent there, as the older `||` chain made it.
 */
export function burnCredits(
  credits: readonly CompatCredit[],
  chargeBeforeCredits: number,
): { applied: CompatAppliedCredit[]; remaining: number } {
  const applied: CompatAppliedCredit[] = [];
  let remaining = chargeBeforeCredits;
  for (const [index, credit] of credits.entries()) {
    if (remaining <= 0) break;
    const amountApplied = Math.min(credit.amount, remaining);
    remaining -= amountApplied;
    applied.push(
      compact({
        creditId: credit.creditCode || credit.uuid || `credit-${index}`,
        type: credit.type,
        amountApplied,
        remainingBalance: credit.amount - amountApplied,
        campaignId: credit.campaignId,
        campaignName: credit.name,
      }),
    );
  }
  return { applied, remaining };
}
