import { type Decimal, percentOf, toDecimalString } from '../decimal';
import { roundMoneyTraced } from '../money';
import type { StepContext } from './context';

/** Step 6 (DOMAIN §4): VAT = round(charge × rate), on the charge only, never on unpaid or late fees. */
export function computeVat(charge: Decimal, vatRate: Decimal, context: StepContext): Decimal {
  const { money } = context;
  const exact = percentOf(charge, vatRate);
  const { rounded, rounding } = roundMoneyTraced(exact, context.currency, context.roundingMode);
  context.trace.record(() => ({
    rule: 'vat',
    description: `VAT at ${toDecimalString(vatRate)}% of the charge ${money(charge)} (never on unpaid amounts or late fees)`,
    inputs: { vatRate: toDecimalString(vatRate), charge: money(charge) },
    exact: toDecimalString(exact),
    rounding,
    result: money(rounded),
    notes: [],
  }));
  return rounded;
}
