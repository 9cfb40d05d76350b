import { BILLING_WINDOW_RULE, isInstantInBillingWindow } from './billing-window';
import { Decimal } from './decimal';
import type { IssueCollector } from './errors';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, messages } from './messages';
import { isWholeMinorUnits, minorUnit } from './money';
import type { Currency } from './types';

/**
 * Readers for untrusted input: each returns the parsed value, or records an issue naming the field
 * and the rule and returns `undefined`, so a caller checks a whole object before giving up.
 */

const DECIMAL_PATTERN = /^-?(\d+)(?:\.(\d+))?$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface DecimalRules {
  nonNegative?: boolean;
  /** More than 0: 0 is refused too, so the rule (and its sentence) is `positive`, not `non-negative`. */
  positive?: boolean;
  /** A percent: at most 100. */
  max100?: boolean;
  /** Money: no digits below this currency's minor unit. */
  currency?: Currency;
}

export function readDecimal(
  issues: IssueCollector,
  field: string,
  value: unknown,
  rules: DecimalRules = {},
): Decimal | undefined {
  if (value === undefined || value === null) {
    issues.add(field, 'required', messages.required());
    return undefined;
  }
  const match = typeof value === 'string' ? DECIMAL_PATTERN.exec(value) : null;
  if (typeof value !== 'string' || !match) {
    issues.add(field, 'decimal', messages.decimal(value));
    return undefined;
  }
  const integerDigits = (match[1] ?? '').replace(/^0+(?=\d)/, '').length;
  if (integerDigits > MAX_INTEGER_DIGITS || (match[2] ?? '').length > MAX_FRACTION_DIGITS) {
    issues.add(field, 'decimal-range', messages.decimalRange(value));
    return undefined;
  }
  const parsed = new Decimal(value);
  const before = issues.issues.length;
  if (rules.positive && !parsed.greaterThan(0)) {
    issues.add(field, 'positive', messages.positive(value));
  } else if (rules.nonNegative && parsed.isNegative() && !parsed.isZero()) {
    issues.add(field, 'non-negative', messages.nonNegative(value));
  }
  if (rules.max100 && parsed.greaterThan(100)) issues.add(field, 'max-100', messages.max100(value));
  if (rules.currency && !isWholeMinorUnits(parsed, rules.currency)) {
    issues.add(field, 'minor-unit', messages.minorUnit(value, rules.currency, minorUnit(rules.currency)));
  }
  if (issues.issues.length > before) return undefined;
  // -0 is zero: normalise it so it never prints as "-0".
  return parsed.isZero() ? new Decimal(0) : parsed;
}

export function readString(issues: IssueCollector, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) {
    issues.add(field, 'required', messages.required());
    return undefined;
  }
  if (typeof value !== 'string' || value.length === 0) {
    issues.add(field, 'non-empty-string', messages.nonEmptyString(value));
    return undefined;
  }
  return value;
}

export function readOptionalString(issues: IssueCollector, field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return readString(issues, field, value) ?? null;
}

export function readEnum<T extends string>(
  issues: IssueCollector,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === null) {
    issues.add(field, 'required', messages.required());
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    issues.add(field, 'one-of', messages.oneOf(value, allowed));
    return undefined;
  }
  return value as T;
}

export function readInteger(issues: IssueCollector, field: string, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    issues.add(field, 'integer', messages.integer(value));
    return undefined;
  }
  return value;
}

/** Parses an ISO 8601 instant with an offset to epoch milliseconds. */
export function readInstant(issues: IssueCollector, field: string, value: unknown): number | undefined {
  if (value === undefined || value === null) {
    issues.add(field, 'required', messages.required());
    return undefined;
  }
  const millis =
    typeof value === 'string' && INSTANT_PATTERN.test(value) && isCalendarDate(value)
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(millis)) {
    issues.add(field, 'instant', messages.instant(value));
    return undefined;
  }
  return millis;
}

/** `Date.parse` rolls a day past the month's end over (`2026-02-30` → March 2); a calendar has no such day. */
function isCalendarDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= daysInMonth;
}

/**
 * Parses an instant a client sends (DOMAIN §2): an ISO 8601 instant with an offset (`instant`)
 * within the billing years (`billing-window`).
 */
export function readBillingInstant(
  issues: IssueCollector,
  field: string,
  value: unknown,
): number | undefined {
  const millis = readInstant(issues, field, value);
  if (millis === undefined || isInstantInBillingWindow(millis)) return millis;
  issues.add(field, BILLING_WINDOW_RULE, messages.billingWindow(value));
  return undefined;
}

export function readOptionalInstant(issues: IssueCollector, field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  return readInstant(issues, field, value) ?? null;
}

export function readMonth(issues: IssueCollector, field: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !MONTH_PATTERN.test(value)) {
    issues.add(field, 'month', messages.month(value));
    return undefined;
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Records `required` for a missing object or array and returns whether the value is usable. */
export function requireRecord(
  issues: IssueCollector,
  field: string,
  value: unknown,
): value is Record<string, unknown> {
  if (isRecord(value)) return true;
  issues.add(field, 'object', value === undefined ? messages.required() : messages.object());
  return false;
}

export function requireArray(issues: IssueCollector, field: string, value: unknown): value is unknown[] {
  if (Array.isArray(value)) return true;
  issues.add(field, 'array', value === undefined ? messages.required() : messages.array());
  return false;
}
