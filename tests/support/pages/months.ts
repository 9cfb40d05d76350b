/** How the app names a billing month ("March 2026", "2026년 3월"): its formatMonth uses the same Intl format. */
export function formatMonth(month: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
