import type { Currency, RoundingMode } from '../billing-month';

/**
 * Exact arithmetic on bigints: a value is the fraction `n / d` (d > 0). Decimal strings parse
 * exactly, products and percents stay exact, and the only way back to money is `toMinor`, which
 * rounds once with an explicit mode (DOMAIN §1).
 */
export interface Exact {
  n: bigint;
  d: bigint;
}

const DECIMAL = /^\d+(\.\d+)?$/;

export function exact(text: string): Exact {
  if (!DECIMAL.test(text)) throw new Error(`oracle: "${text}" is not a non-negative decimal string`);
  const [whole = '', fraction = ''] = text.split('.');
  return { n: BigInt(whole + fraction), d: 10n ** BigInt(fraction.length) };
}

export function times(a: Exact, b: Exact): Exact {
  return { n: a.n * b.n, d: a.d * b.d };
}

export function minus(a: Exact, b: Exact): Exact {
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

export function plus(a: Exact, b: Exact): Exact {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function compare(a: Exact, b: Exact): number {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** `percent`% of `value`: rates are percents (VAT 10, late fee 5, discount 12.5). */
export function percentOf(value: Exact, percent: Exact): Exact {
  return { n: value.n * percent.n, d: value.d * percent.d * 100n };
}

export const MINOR_DIGITS: Readonly<Record<Currency, number>> = { KRW: 0, JPY: 0, USD: 2, EUR: 2 };

function minorScale(currency: Currency): bigint {
  return 10n ** BigInt(MINOR_DIGITS[currency]);
}

/** An amount already in minor units (won, cents) as an exact value in major units. */
export function fromMinor(minor: bigint, currency: Currency): Exact {
  return { n: minor, d: minorScale(currency) };
}

/** Rounds to the currency's minor unit: the named rounding points of DOMAIN §1. */
export function toMinor(value: Exact, currency: Currency, mode: RoundingMode): bigint {
  return divide(value.n * minorScale(currency), value.d, mode);
}

/** A money input that must already be whole minor units (credit balances, unpaid amounts). */
export function minorOf(text: string, currency: Currency): bigint {
  const value = exact(text);
  const scaled = value.n * minorScale(currency);
  if (scaled % value.d !== 0n) throw new Error(`oracle: ${text} has digits below the ${currency} minor unit`);
  return scaled / value.d;
}

/** `n / d` rounded to an integer; `d` > 0. */
export function divide(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const remainderTowardZero = n % d;
  const floor = n / d - (remainderTowardZero < 0n ? 1n : 0n);
  const remainder = n - floor * d; // 0 ≤ remainder < d
  if (remainder === 0n) return floor;
  const half = 2n * remainder - d; // < 0 below the half, 0 on it, > 0 above it
  switch (mode) {
    case 'FLOOR':
      return floor;
    case 'CEIL':
      return floor + 1n;
    case 'HALF_UP': // half away from zero
      return half > 0n || (half === 0n && n > 0n) ? floor + 1n : floor;
    case 'HALF_EVEN':
      return half > 0n || (half === 0n && floor % 2n !== 0n) ? floor + 1n : floor;
  }
}

/** Minor units as the wire writes money: exactly the currency's minor digits (`"39700"`, `"12.30"`). */
export function formatMinor(minor: bigint, currency: Currency): string {
  const digits = MINOR_DIGITS[currency];
  const sign = minor < 0n ? '-' : '';
  const text = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
