import { type Decimal, max, min, sum, ZERO } from './decimal';
import type { IssueCollector } from './errors';
import { messages } from './messages';
import type { Contract, PriceBook, PricingModelName } from './types';
import { CURRENCIES, PRICING_MODELS } from './types';
import { readDecimal, readEnum, readMonth, readString, requireArray, requireRecord } from './validate';

/** The price book every billing group starts from (DOMAIN §3), in KRW. */
export const DEFAULT_PRICE_BOOK: PriceBook = {
  id: 'default-krw',
  name: 'Default price book (KRW)',
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

export interface ParsedTier {
  from: Decimal;
  to: Decimal | null;
  unitPrice: Decimal;
}

export type ParsedPricing =
  | { model: 'PER_UNIT'; unitPrice: Decimal }
  | { model: 'GRADUATED' | 'VOLUME'; tiers: ParsedTier[] };

/** How much of a quantity one tier priced, for the explain trace. */
export interface TierCharge {
  from: Decimal;
  to: Decimal | null;
  units: Decimal;
  unitPrice: Decimal;
  amount: Decimal;
}

export interface PricedQuantity {
  exact: Decimal;
  /** The price of the last unit: the PER_UNIT price, or the price of the tier the quantity ends in. */
  marginalUnitPrice: Decimal;
  tiers: TierCharge[];
}

/** Prices a quantity exactly (no rounding) by its pricing model. */
export function priceQuantity(quantity: Decimal, pricing: ParsedPricing): PricedQuantity {
  if (pricing.model === 'PER_UNIT') {
    return { exact: quantity.times(pricing.unitPrice), marginalUnitPrice: pricing.unitPrice, tiers: [] };
  }
  const reached = tierReachedBy(quantity, pricing.tiers);
  if (pricing.model === 'VOLUME') {
    const amount = quantity.times(reached.unitPrice);
    const charge = {
      from: reached.from,
      to: reached.to,
      units: quantity,
      unitPrice: reached.unitPrice,
      amount,
    };
    return { exact: amount, marginalUnitPrice: reached.unitPrice, tiers: [charge] };
  }
  const tiers = pricing.tiers
    .map((tier) => {
      const units = max(ZERO, (tier.to === null ? quantity : min(quantity, tier.to)).minus(tier.from));
      return {
        from: tier.from,
        to: tier.to,
        units,
        unitPrice: tier.unitPrice,
        amount: units.times(tier.unitPrice),
      };
    })
    .filter((charge) => charge.units.greaterThan(0));
  return { exact: sum(tiers.map((tier) => tier.amount)), marginalUnitPrice: reached.unitPrice, tiers };
}

/** The tier `[from, to)` a quantity falls in; tiers are validated contiguous from 0 and open-ended. */
function tierReachedBy(quantity: Decimal, tiers: readonly ParsedTier[]): ParsedTier {
  const reached = tiers.find((tier) => tier.to === null || quantity.lessThan(tier.to));
  return reached ?? (tiers.at(-1) as ParsedTier);
}

export function parsePricing(
  issues: IssueCollector,
  field: string,
  value: unknown,
): ParsedPricing | undefined {
  if (!requireRecord(issues, field, value)) return undefined;
  const model = readEnum<PricingModelName>(issues, `${field}.model`, value.model, PRICING_MODELS);
  if (model === undefined) return undefined;
  if (model === 'PER_UNIT') {
    const unitPrice = readDecimal(issues, `${field}.unitPrice`, value.unitPrice, { nonNegative: true });
    return unitPrice && { model, unitPrice };
  }
  const tiers = parseTiers(issues, `${field}.tiers`, value.tiers);
  return tiers && { model, tiers };
}

/** Tiers are half-open `[from, to)`, contiguous from 0, and only the last one is open-ended. */
function parseTiers(issues: IssueCollector, field: string, value: unknown): ParsedTier[] | undefined {
  if (!requireArray(issues, field, value)) return undefined;
  if (value.length === 0) {
    issues.add(field, 'tiers-non-empty', messages.tiersEmpty());
    return undefined;
  }
  const before = issues.issues.length;
  const tiers = value.map((raw, index) => parseTier(issues, `${field}[${index}]`, raw));
  if (issues.issues.length > before) return undefined;
  const parsed = tiers as ParsedTier[];
  parsed.forEach((tier, index) => {
    const previous = parsed[index - 1];
    if (index === 0 && !tier.from.isZero()) {
      issues.add(`${field}[0].from`, 'tiers-start-at-zero', messages.tiersStartAtZero(tier.from.toFixed()));
    }
    if (previous?.to && !tier.from.equals(previous.to)) {
      issues.add(
        `${field}[${index}].from`,
        'tiers-contiguous',
        messages.tiersContiguous(index, previous.to.toFixed(), tier.from.toFixed()),
      );
    }
    if (tier.to !== null && !tier.to.greaterThan(tier.from)) {
      issues.add(
        `${field}[${index}].to`,
        'tier-order',
        messages.tierOrder(tier.from.toFixed(), tier.to.toFixed()),
      );
    }
    const isLast = index === parsed.length - 1;
    if (isLast && tier.to !== null)
      issues.add(`${field}[${index}].to`, 'tiers-open-ended', messages.tiersOpenEnded());
    if (!isLast && tier.to === null) {
      issues.add(`${field}[${index}].to`, 'tier-open-before-last', messages.tierOpenBeforeLast(index));
    }
  });
  return issues.issues.length > before ? undefined : parsed;
}

function parseTier(issues: IssueCollector, field: string, value: unknown): ParsedTier | undefined {
  if (!requireRecord(issues, field, value)) return undefined;
  const from = readDecimal(issues, `${field}.from`, value.from, { nonNegative: true });
  const to =
    value.to === null || value.to === undefined ? null : readDecimal(issues, `${field}.to`, value.to);
  const unitPrice = readDecimal(issues, `${field}.unitPrice`, value.unitPrice, { nonNegative: true });
  if (from === undefined || to === undefined || unitPrice === undefined) return undefined;
  return { from, to, unitPrice };
}

export interface ParsedPriceBook {
  id: string;
  name: string;
  currency: PriceBook['currency'];
  entries: Map<string, { unit: string; pricing: ParsedPricing }>;
  /** Every counter the book names, even one whose entry is invalid (and so not in `entries`). */
  counters: Set<string>;
}

export function parsePriceBook(
  issues: IssueCollector,
  field: string,
  value: unknown,
): ParsedPriceBook | undefined {
  if (!requireRecord(issues, field, value)) return undefined;
  const id = readString(issues, `${field}.id`, value.id);
  const name = readString(issues, `${field}.name`, value.name);
  const currency = readEnum(issues, `${field}.currency`, value.currency, CURRENCIES);
  const entries = new Map<string, { unit: string; pricing: ParsedPricing }>();
  const counters = new Set<string>();
  if (requireArray(issues, `${field}.entries`, value.entries)) {
    value.entries.forEach((raw, index) => {
      const entryField = `${field}.entries[${index}]`;
      if (!requireRecord(issues, entryField, raw)) return;
      const counterName = readString(issues, `${entryField}.counterName`, raw.counterName);
      const unit = readString(issues, `${entryField}.unit`, raw.unit);
      const pricing = parsePricing(issues, `${entryField}.pricing`, raw.pricing);
      if (counterName && counters.has(counterName)) {
        issues.add(`${entryField}.counterName`, 'unique', messages.duplicateId(counterName));
        return;
      }
      if (counterName) counters.add(counterName);
      if (counterName && unit && pricing) entries.set(counterName, { unit, pricing });
    });
  }
  if (!id || !name || !currency) return undefined;
  return { id, name, currency, entries, counters };
}

export interface ParsedContract {
  id: string;
  name: string | null;
  startMonth: string;
  endMonth: string | null;
  priceOverrides: Map<string, ParsedPricing>;
  discountRate: Decimal | null;
  minimumCharge: Decimal | null;
}

export function parseContract(
  issues: IssueCollector,
  field: string,
  value: unknown,
): ParsedContract | undefined {
  if (!requireRecord(issues, field, value)) return undefined;
  const contract = value as Partial<Record<keyof Contract, unknown>>;
  const id = readString(issues, `${field}.id`, contract.id);
  const name = typeof contract.name === 'string' ? contract.name : null;
  const startMonth = readMonth(issues, `${field}.startMonth`, contract.startMonth);
  const endMonth =
    contract.endMonth == null ? null : readMonth(issues, `${field}.endMonth`, contract.endMonth);
  if (startMonth && endMonth && endMonth < startMonth) {
    issues.add(`${field}.endMonth`, 'month-range', messages.monthRange(startMonth, endMonth));
  }
  const priceOverrides = new Map<string, ParsedPricing>();
  if (
    contract.priceOverrides != null &&
    requireArray(issues, `${field}.priceOverrides`, contract.priceOverrides)
  ) {
    contract.priceOverrides.forEach((raw, index) => {
      const overrideField = `${field}.priceOverrides[${index}]`;
      if (!requireRecord(issues, overrideField, raw)) return;
      const counterName = readString(issues, `${overrideField}.counterName`, raw.counterName);
      const pricing = parsePricing(issues, `${overrideField}.pricing`, raw.pricing);
      if (counterName && priceOverrides.has(counterName)) {
        issues.add(`${overrideField}.counterName`, 'unique', messages.duplicateId(counterName));
      } else if (counterName && pricing) {
        priceOverrides.set(counterName, pricing);
      }
    });
  }
  const discountRate =
    contract.discountRate == null
      ? null
      : (readDecimal(issues, `${field}.discountRate`, contract.discountRate, {
          nonNegative: true,
          max100: true,
        }) ?? null);
  const minimumCharge =
    contract.minimumCharge == null
      ? null
      : (readDecimal(issues, `${field}.minimumCharge`, contract.minimumCharge, { nonNegative: true }) ??
        null);
  if (!id || !startMonth || endMonth === undefined) return undefined;
  return { id, name, startMonth, endMonth, priceOverrides, discountRate, minimumCharge };
}
