export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** The cookie remembering the chosen language. */
export const LOCALE_COOKIE = 'billing_lang';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function numberLocale(locale: Locale): string {
  return locale === 'ko' ? 'ko-KR' : 'en-US';
}

/** Dates in UTC, so the server's render and the browser's agree. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(numberLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/**
 * A test clock's time (DOMAIN §8a): as `formatDate`, and saying UTC, since the clock's forms take
 * UTC and a simulated time is easily mistaken for the reader's own.
 */
export function formatClockTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} UTC`;
}
