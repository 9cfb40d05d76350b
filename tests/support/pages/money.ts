/** How the app writes an amount in English (its one formatMoney uses the same Intl format). */
export function formatMoney(amount: string, currency = 'KRW', locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 20 }).format(
    amount as Intl.StringNumericLiteral,
  );
}
