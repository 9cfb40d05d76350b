import type { PriceBook, Pricing, Tier } from '../billing-month';
import { compare, type Exact, exact, minus, plus, times } from './exact';

/** The default price book, copied from the table in DOMAIN §3. */
export const DOMAIN_PRICE_BOOK: PriceBook = {
  id: 'domain-default',
  name: 'DOMAIN §3 default',
  currency: 'KRW',
  entries: [
    { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '397' } },
    {
      counterName: 'compute.g2.t4.c8m64',
      unit: 'HOURS',
      pricing: { model: 'PER_UNIT', unitPrice: '166.67' },
    },
    { counterName: 'storage.volume.ssd', unit: 'GB', pricing: { model: 'PER_UNIT', unitPrice: '100' } },
    { counterName: 'network.floating_ip', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '25' } },
  ],
};

const ZERO: Exact = { n: 0n, d: 1n };

/** A quantity priced by its model, exactly (DOMAIN §3); tiers are half-open `[from, to)`. */
export function price(quantityText: string, pricing: Pricing): Exact {
  const quantity = exact(quantityText);
  if (pricing.model === 'PER_UNIT') return times(quantity, exact(pricing.unitPrice));
  if (pricing.model === 'VOLUME')
    return times(quantity, exact(tierReached(quantity, pricing.tiers).unitPrice));
  return pricing.tiers.reduce(
    (total, tier) => plus(total, times(unitsIn(quantity, tier), exact(tier.unitPrice))),
    ZERO,
  );
}

/** GRADUATED: the units of `quantity` that fall inside `[from, to)`. */
function unitsIn(quantity: Exact, tier: Tier): Exact {
  const from = exact(tier.from);
  const top = tier.to !== null && compare(quantity, exact(tier.to)) > 0 ? exact(tier.to) : quantity;
  if (compare(top, from) <= 0) return ZERO;
  return minus(top, from);
}

/** VOLUME: the tier the whole quantity reaches; a quantity on a boundary belongs to the upper tier. */
function tierReached(quantity: Exact, tiers: readonly Tier[]): Tier {
  const reached = tiers.find((tier) => tier.to === null || compare(quantity, exact(tier.to)) < 0);
  if (!reached) throw new Error('oracle: tiers must end open-ended');
  return reached;
}
