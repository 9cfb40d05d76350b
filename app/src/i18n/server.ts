import 'server-only';
import { cookies, headers } from 'next/headers';
import { isLocale, LOCALE_COOKIE, type Locale } from './locales';
import { type Messages, messages } from './messages';

/** The chosen language: the cookie, else the browser's preference, else English. */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get('accept-language') ?? '';
  return accepted.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export async function getI18n(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await currentLocale();
  return { locale, t: messages[locale] };
}
