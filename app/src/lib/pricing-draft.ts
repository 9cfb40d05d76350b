import type { Pricing } from '@/api/types';

/**
 * Pricing as a form holds it while it is edited: every model's fields at once, so switching the
 * model and back loses nothing typed. `toPricing` gives the API's shape for the chosen model.
 */
export interface PricingDraft {
  model: Pricing['model'];
  unitPrice: string;
  /** Each tier's upper bound (exclusive; '' on the last, open-ended tier) and unit price. */
  tiers: TierDraft[];
}

export interface TierDraft {
  /** React's key: a tier has no identity of its own, and tiers are removed from the middle. */
  key: number;
  to: string;
  unitPrice: string;
}

let tierKeys = 0;

export function newTier(to = '', unitPrice = ''): TierDraft {
  tierKeys += 1;
  return { key: tierKeys, to, unitPrice };
}

export function draftOf(pricing: Pricing): PricingDraft {
  if (pricing.model === 'PER_UNIT') {
    return {
      model: 'PER_UNIT',
      unitPrice: pricing.unitPrice,
      tiers: [newTier('', pricing.unitPrice)],
    };
  }
  return {
    model: pricing.model,
    unitPrice: pricing.tiers[0]?.unitPrice ?? '',
    tiers: pricing.tiers.map((tier) => newTier(tier.to ?? '', tier.unitPrice)),
  };
}

/**
 * The API's pricing for the draft's model. A tier starts where the one before ends (DOMAIN §3:
 * contiguous from 0), so the form asks only for upper bounds; the last tier is open-ended.
 */
export function toPricing(draft: PricingDraft): Pricing {
  if (draft.model === 'PER_UNIT') return { model: 'PER_UNIT', unitPrice: draft.unitPrice.trim() };
  const tiers = draft.tiers.map((tier, index) => ({
    from: index === 0 ? '0' : (draft.tiers[index - 1]?.to.trim() ?? ''),
    to: index === draft.tiers.length - 1 ? null : tier.to.trim(),
    unitPrice: tier.unitPrice.trim(),
  }));
  return { model: draft.model, tiers };
}

/** A form control's id for an API field path: `entries[2].pricing.tiers[1].unitPrice` → `…-entries-2-pricing-tiers-1-unitPrice`. */
export function controlIdOf(prefix: string, fieldPath: string): string {
  return `${prefix}-${fieldPath.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}
