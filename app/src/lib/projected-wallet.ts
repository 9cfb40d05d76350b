import Decimal from 'decimal.js';
import type { CreditBalances, StatementCalculation } from '@/api/types';

/** The credit wallet as it will be once the draft is closed (the draft burns what it shows). */
export interface ProjectedWallet {
  /** Available credit now. */
  now: string;
  /** What the draft statement burns. */
  burned: string;
  /** Available credit after the draft is closed. */
  after: string;
  /** Each grant's balance after the draft, for the grants the draft burns. */
  afterByGrant: ReadonlyMap<string, string>;
}

/**
 * What closing the month would leave in the wallet: the draft's burn plan (DOMAIN §5) taken from
 * today's balances. Exact decimals; no rounding, since both sides are amounts already rounded.
 */
export function projectWallet(balances: CreditBalances, draft: StatementCalculation): ProjectedWallet {
  const burned = draft.credits.reduce((sum, credit) => sum.plus(credit.amountApplied), new Decimal(0));
  return {
    now: balances.total,
    burned: burned.toString(),
    after: new Decimal(balances.total).minus(burned).toString(),
    afterByGrant: new Map(draft.credits.map((credit) => [credit.grantId, credit.balanceAfter])),
  };
}
