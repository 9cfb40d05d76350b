import type { Decimal } from '../decimal';
import { type StepContext, sumStep } from './context';

export interface TotalParts {
  charge: Decimal;
  vat: Decimal;
  unpaid: Decimal;
  lateFee: Decimal;
}

/** Step 9 (DOMAIN §1, §4): an exact sum of already rounded parts, so a statement always adds up. */
export function computeTotal({ charge, vat, unpaid, lateFee }: TotalParts, context: StepContext): Decimal {
  const { money } = context;
  const total = charge.plus(vat).plus(unpaid).plus(lateFee);
  context.trace.record(() =>
    sumStep(
      'total',
      'charge + VAT + unpaid + late fee',
      { charge: money(charge), vat: money(vat), unpaid: money(unpaid), lateFee: money(lateFee) },
      money(total),
    ),
  );
  return total;
}
