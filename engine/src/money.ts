import { Decimal, toDecimalString } from './decimal';
import type { Currency, RoundingMode, TraceRounding } from './types';

/** Digits after the decimal point of each currency's minor unit. */
export const MINOR_UNITS: Readonly<Record<Currency, number>> = { KRW: 0, JPY: 0, USD: 2, EUR: 2 };

export function minorUnit(currency: Currency): number {
  return MINOR_UNITS[currency];
}

/** Half away from zero: 0.5 → 1, 2.5 → 3. The default. */
export function roundHalfUp(value: Decimal, digits: number): Decimal {
  return value.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

/** Half to even (banker's rounding): 0.5 → 0, 1.5 → 2, 2.5 → 2. */
export function roundHalfEven(value: Decimal, digits: number): Decimal {
  return value.toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
}

/** Towards negative infinity: 2.9 → 2. */
export function roundFloor(value: Decimal, digits: number): Decimal {
  return value.toDecimalPlaces(digits, Decimal.ROUND_FLOOR);
}

/** Towards positive infinity: 2.1 → 3. */
export function roundCeil(value: Decimal, digits: number): Decimal {
  return value.toDecimalPlaces(digits, Decimal.ROUND_CEIL);
}

export const ROUNDING_FUNCTIONS: Readonly<Record<RoundingMode, (value: Decimal, digits: number) => Decimal>> =
  {
    HALF_UP: roundHalfUp,
    HALF_EVEN: roundHalfEven,
    FLOOR: roundFloor,
    CEIL: roundCeil,
  };

/** Rounds an exact value to the currency's minor unit with the given mode. */
export function roundMoney(value: Decimal, currency: Currency, mode: RoundingMode): Decimal {
  return ROUNDING_FUNCTIONS[mode](value, minorUnit(currency));
}

/** Rounds and describes the rounding for the explain trace, with the exact value before it. */
export function roundMoneyTraced(
  value: Decimal,
  currency: Currency,
  mode: RoundingMode,
): { rounded: Decimal; rounding: TraceRounding } {
  const rounded = roundMoney(value, currency, mode);
  return {
    rounded,
    rounding: {
      mode,
      currency,
      minorUnit: minorUnit(currency),
      before: toDecimalString(value),
      after: formatMoney(rounded, currency),
    },
  };
}

/**
 * The one conversion from an amount to integer minor units (won, cents). The rounding mode is
 * explicit because an amount with sub-minor digits has no single right answer.
 */
export function toMinorUnits(amount: Decimal, currency: Currency, mode: RoundingMode): bigint {
  const scaled = ROUNDING_FUNCTIONS[mode](amount.times(new Decimal(10).pow(minorUnit(currency))), 0);
  return BigInt(scaled.toFixed(0));
}

export function fromMinorUnits(minor: bigint, currency: Currency): Decimal {
  return new Decimal(minor.toString()).dividedBy(new Decimal(10).pow(minorUnit(currency)));
}

/** True when the amount has no digits below the currency's minor unit. */
export function isWholeMinorUnits(amount: Decimal, currency: Currency): boolean {
  return amount.decimalPlaces() <= minorUnit(currency);
}

/** An amount on the wire: exactly the currency's minor digits (`"39700"`, `"12.30"`). */
export function formatMoney(amount: Decimal, currency: Currency): string {
  const text = amount.toFixed(minorUnit(currency));
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Splits an amount into parts proportional to the weights so that the parts always add up to the
 * amount exactly: each part is floored to the minor unit, and the minor units left over go one by
 * one to the largest remainders (earliest index first on ties).
 */
export function allocate(amount: Decimal, weights: readonly Decimal[], currency: Currency): Decimal[] {
  if (weights.length === 0) return [];
  const totalWeight = weights.reduce((total, weight) => total.plus(weight), new Decimal(0));
  if (totalWeight.isZero()) {
    return allocate(
      amount,
      weights.map(() => new Decimal(1)),
      currency,
    );
  }
  const unit = new Decimal(10).pow(-minorUnit(currency));
  const exactShares = weights.map((weight) => amount.times(weight).dividedBy(totalWeight));
  const parts = exactShares.map((share) => roundFloor(share, minorUnit(currency)));
  let leftover = amount.minus(parts.reduce((total, part) => total.plus(part), new Decimal(0)));
  const byRemainder = exactShares
    .map((share, index) => ({ index, remainder: share.minus(parts[index] as Decimal) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (let i = 0; leftover.greaterThanOrEqualTo(unit); i = (i + 1) % byRemainder.length) {
    const target = byRemainder[i] as { index: number };
    parts[target.index] = (parts[target.index] as Decimal).plus(unit);
    leftover = leftover.minus(unit);
  }
  return parts;
}
