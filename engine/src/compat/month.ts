import { compatMessages } from './messages';
import { accept, type Checked, isAbsent, reject } from './read';

/**
 * `targetDate` is read the way the older system read it: with the JavaScript `Date` parser, so
 * `2025-03-15`, `2025-03` and `March 15, 2025` all name March 2025, and an overflowing day such as
 * `2025-02-30` rolls over into March. Absent, `null` and `""` mean "now" (the older code tested the
 * value for truthiness); a value of any other type is an invalid date rather than an epoch number.
 */
export function readTargetDate(value: unknown): Checked<Date | undefined> {
  if (isAbsent(value) || value === '') return accept(undefined);
  if (typeof value !== 'string') return reject(compatMessages.invalidDate(value));
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? reject(compatMessages.invalidDate(value)) : accept(date);
}

/** The UTC calendar month, written as the older system wrote it (the year is not zero-padded). */
export function utcMonth(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
