import DecimalJs from 'decimal.js';

/**
 * The engine's one decimal type. Precision 100 keeps every intermediate product of money, quantity
 * and percent exact for any input the validators accept; rounding to money happens only in
 * `money.ts`, never implicitly here.
 */
export const Decimal = DecimalJs.clone({
  precision: 100,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** Plain positional notation, no exponent, no trailing zeros: `"166.67"`, `"0"`. */
export function toDecimalString(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

/** `value × percent / 100`, exactly. */
export function percentOf(value: Decimal, percent: Decimal): Decimal {
  return value.times(percent).dividedBy(HUNDRED);
}
