import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { isLocale, LOCALE_COOKIE, type Locale } from './locales';
import { type Messages, messages } from './messages';

/** The chosen language: the cookie, else the browser's preference, else English. */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get('accept-language') ?? '';
  return accepted.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * The language and its messages, for server components: any of them may ask, once per request.
 * Client components read the same locale from the `I18nProvider` the root layout puts around them.
 */
export const getI18n = cache(async (): Promise<{ locale: Locale; t: Messages }> => {
  const locale = await currentLocale();
  return { locale, t: messages[locale] };
});
