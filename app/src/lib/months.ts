import { type Locale, numberLocale } from '@/i18n/locales';

/** The current month in UTC (YYYY-MM): billing months are UTC months. */
export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** "December 2026", "2026년 12월": a billing month (UTC) as a reader names it. */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(numberLocale(locale), {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** "December 21, 2026", "2026년 12월 21일": the UTC calendar day of an instant. */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(numberLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** The first and last day of a billing month (DOMAIN §2: the calendar month in UTC). */
export function periodDays(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0));
  return { first: `${month}-01T00:00:00Z`, last: last.toISOString() };
}
