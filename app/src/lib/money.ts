import { type Locale, numberLocale } from '@/i18n/locales';

interface MoneyFormatOptions {
  /** `code` writes "KRW 1,000" instead of "₩1,000" (the PDF's standard fonts have no ₩). */
  display?: 'symbol' | 'code';
}

/**
 * The one place money becomes text. Amounts arrive as exact decimal strings and are formatted as
 * strings (Intl formats a numeric string exactly), so no amount ever passes through a float.
 */
export function formatMoney(
  amount: string,
  currency: string,
  locale: Locale,
  { display = 'symbol' }: MoneyFormatOptions = {},
): string {
  const format = new Intl.NumberFormat(numberLocale(locale), {
    style: 'currency',
    currency,
    currencyDisplay: display,
    maximumFractionDigits: 20,
  });
  return format.format(amount as Intl.StringNumericLiteral);
}

/** A quantity or rate as entered, grouped by the locale ("1,234.5"). */
export function formatNumber(value: string, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 20 }).format(
    value as Intl.StringNumericLiteral,
  );
}
