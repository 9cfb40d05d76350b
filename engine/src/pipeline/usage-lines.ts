import { type Decimal, sum, toDecimalString } from '../decimal';
import { roundMoneyTraced } from '../money';
import { type ParsedContract, type ParsedPriceBook, type ParsedPricing, priceQuantity } from '../price';
import type { ParsedUsage } from '../statement-input';
import type { UsageLine } from '../types';
import { type StepContext, sumStep } from './context';

export interface PricedUsage {
  lines: UsageLine[];
  /** Each line's rounded amount, in line order. */
  amounts: Decimal[];
  subtotal: Decimal;
}

/**
 * Step 1 (DOMAIN §4): one rounded line per aggregate, priced by the contract's override where the
 * contract in force has one, else by the price book; `subtotal = Σ lines`.
 */
export function priceUsage(
  usage: readonly ParsedUsage[],
  priceBook: ParsedPriceBook,
  contract: ParsedContract | null,
  context: StepContext,
): PricedUsage {
  const { currency, roundingMode, trace, money } = context;
  const amounts: Decimal[] = [];
  const lines = [...usage].sort(compareUsage).map((aggregate, index): UsageLine => {
    const override = contract?.priceOverrides.get(aggregate.counterName);
    const pricing = override ?? (priceBook.entries.get(aggregate.counterName)?.pricing as ParsedPricing);
    const priced = priceQuantity(aggregate.quantity, pricing);
    const { rounded, rounding } = roundMoneyTraced(priced.exact, currency, roundingMode);
    amounts.push(rounded);
    const line: UsageLine = {
      lineId: `line-${index + 1}`,
      projectId: aggregate.projectId,
      counterName: aggregate.counterName,
      counterType: aggregate.counterType,
      unit: aggregate.unit,
      resourceId: aggregate.resourceId,
      resourceName: aggregate.resourceName,
      quantity: toDecimalString(aggregate.quantity),
      pricingModel: pricing.model,
      unitPrice: toDecimalString(priced.marginalUnitPrice),
      priceSource: override ? 'CONTRACT' : 'PRICE_BOOK',
      exactAmount: toDecimalString(priced.exact),
      amount: money(rounded),
    };
    trace.record(() => ({
      rule: 'usage-line',
      description: `${line.counterName} for project ${line.projectId}${line.resourceId ? ` (${line.resourceId})` : ''}: ${line.quantity} ${line.unit} priced ${line.pricingModel} from the ${override ? 'contract' : 'price book'}`,
      inputs: {
        lineId: line.lineId,
        quantity: line.quantity,
        unit: line.unit,
        pricingModel: line.pricingModel,
      },
      exact: line.exactAmount,
      rounding,
      result: line.amount,
      notes: priced.tiers.map(
        (tier) =>
          `${toDecimalString(tier.units)} units in [${toDecimalString(tier.from)}, ${tier.to ? toDecimalString(tier.to) : '∞'}) at ${toDecimalString(tier.unitPrice)} = ${toDecimalString(tier.amount)}`,
      ),
    }));
    return line;
  });
  const subtotal = sum(amounts);
  trace.record(() =>
    sumStep('subtotal', 'the sum of the usage lines', { lines: lines.length }, money(subtotal)),
  );
  return { lines, amounts, subtotal };
}

/** Lines in a fixed order (project, counter, resource; no resource first) whatever the input order. */
function compareUsage(a: ParsedUsage, b: ParsedUsage): number {
  return (
    compareText(a.projectId, b.projectId) ||
    compareText(a.counterName, b.counterName) ||
    compareText(a.resourceId ?? '', b.resourceId ?? '') ||
    (a.resourceId === null ? 0 : 1) - (b.resourceId === null ? 0 : 1)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
