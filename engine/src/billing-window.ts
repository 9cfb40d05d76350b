import { periodOf } from './period';
import type { Month } from './types';

/**
 * The years the platform bills in (DOMAIN §2). Every timestamp, month and `asOf` a client sends
 * falls within them, so every billing period is a `YYYY-MM` month that sorts as text. It is a
 * rule on input only: data stored before the rule existed is read as it is, and a month of such
 * data outside the window never blocks a close (see `assertMonthCanClose`).
 */
export const FIRST_BILLING_YEAR = 2000;
export const LAST_BILLING_YEAR = 2099;
export const FIRST_BILLING_MONTH: Month = `${FIRST_BILLING_YEAR}-01`;
export const LAST_BILLING_MONTH: Month = `${LAST_BILLING_YEAR}-12`;

/** The rule a refusal names (`errors[].rule`), in the engine and in the edge's request schemas. */
export const BILLING_WINDOW_RULE = 'billing-window';

const MONTH_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;
const WINDOW_START = periodOf(FIRST_BILLING_MONTH).start;
const WINDOW_END = periodOf(LAST_BILLING_MONTH).end;

/** Whether a `YYYY-MM` month lies within the billing years; anything else is not. */
export function isMonthInBillingWindow(month: string): boolean {
  return MONTH_TEXT.test(month) && month >= FIRST_BILLING_MONTH && month <= LAST_BILLING_MONTH;
}

/**
 * Whether an instant (epoch milliseconds) lies within the billing years in UTC, the time periods
 * are cut in: `2000-01-01T05:00+09:00` is 1999 in UTC, and would bill a month before the window.
 */
export function isInstantInBillingWindow(millis: number): boolean {
  return millis >= WINDOW_START && millis < WINDOW_END;
}
