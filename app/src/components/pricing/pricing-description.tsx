import type { Pricing } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { formatMoney, formatNumber } from '@/lib/money';
import { formatUnitPrice, unitName } from '@/lib/usage-labels';

interface PricingDescriptionProps {
  pricing: Pricing;
  locale: Locale;
  /** The price book's currency; a contract's prices have none of their own. */
  currency?: string;
  /** The counter's unit, when known (price books name it, contract overrides do not). */
  unit?: string;
}

/** A price in words: "₩397 per hour", or each tier "0 to under 100 GB: ₩1,000 per GB". */
export function PricingDescription({ pricing, locale, currency, unit }: PricingDescriptionProps) {
  const t = messages[locale].pricing;
  const price = (amount: string) => {
    const money = currency ? formatMoney(amount, currency, locale) : formatNumber(amount, locale);
    return unit ? formatUnitPrice(money, unit, locale) : t.each(money);
  };
  const quantity = (amount: string) =>
    unit ? `${formatNumber(amount, locale)} ${unitName(unit, amount, locale)}` : formatNumber(amount, locale);
  if (pricing.model === 'PER_UNIT') return <span>{price(pricing.unitPrice)}</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {pricing.tiers.map((tier) => (
        <li key={tier.from}>
          {tier.to === null
            ? t.tier(quantity(tier.from), null, price(tier.unitPrice))
            : t.tier(formatNumber(tier.from, locale), quantity(tier.to), price(tier.unitPrice))}
        </li>
      ))}
    </ul>
  );
}

/** "Graduated: each unit is priced by the tier it falls in". */
export function pricingModelLabel(pricing: Pricing, locale: Locale): string {
  const t = messages[locale].pricing;
  return `${t.models[pricing.model] ?? pricing.model}: ${t.modelHints[pricing.model] ?? ''}`;
}
