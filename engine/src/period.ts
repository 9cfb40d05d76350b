import type { Month } from './types';

/** Billing periods are UTC calendar months: `[YYYY-MM-01T00:00Z, next month start)`. */
export interface Period {
  month: Month;
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive. */
  end: number;
}

export function periodOf(month: Month): Period {
  const [year, monthIndex] = splitMonth(month);
  return { month, start: Date.UTC(year, monthIndex, 1), end: Date.UTC(year, monthIndex + 1, 1) };
}

/** The UTC month an instant (epoch milliseconds) falls in. */
export function monthOfMillis(millis: number): Month {
  const date = new Date(millis);
  return `${date.getUTCFullYear().toString().padStart(4, '0')}-${(date.getUTCMonth() + 1).toString().padStart(2, '0')}`;
}

export function nextMonth(month: Month): Month {
  return monthOfMillis(periodOf(month).end);
}

export function previousMonth(month: Month): Month {
  return monthOfMillis(periodOf(month).start - 1);
}

/** Months compare as text because the format is fixed-width. */
export function compareMonths(a: Month, b: Month): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isMonthInRange(month: Month, startMonth: Month, endMonth: Month | null | undefined): boolean {
  return compareMonths(month, startMonth) >= 0 && (endMonth == null || compareMonths(month, endMonth) <= 0);
}

export function toInstant(millis: number): string {
  return new Date(millis).toISOString();
}

function splitMonth(month: Month): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
}
