import { burnCredits, type CreditBurn, type ParsedCreditGrant } from '../credits';
import type { Decimal } from '../decimal';
import { periodOf } from '../period';
import type { Month } from '../types';
import { type StepContext, sumStep } from './context';

export interface CreditsOutcome {
  burn: CreditBurn;
  /** `charge before credits − credits applied`, never below 0. */
  charge: Decimal;
}

/**
 * Step 5 (DOMAIN §4, §5): the month's usable grants burn against the charge in burn order; the
 * trace says why each came in its place and why each unused one was skipped.
 */
export function applyCredits(
  grants: readonly ParsedCreditGrant[],
  chargeBeforeCredits: Decimal,
  month: Month,
  context: StepContext,
): CreditsOutcome {
  const { money } = context;
  const burn = burnCredits(grants, chargeBeforeCredits, periodOf(month), context.currency, context.trace);
  const charge = chargeBeforeCredits.minus(burn.total);
  context.trace.record(() =>
    sumStep(
      'charge',
      'charge before credits − credits applied',
      { chargeBeforeCredits: money(chargeBeforeCredits), creditTotal: money(burn.total) },
      money(charge),
    ),
  );
  return { burn, charge };
}
