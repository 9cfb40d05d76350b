'use client';

import { createContext, type ReactNode, use } from 'react';
import type { Locale } from './locales';
import { type Messages, messages } from './messages';

const LocaleContext = createContext<Locale>('en');

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useI18n(): { locale: Locale; t: Messages } {
  const locale = use(LocaleContext);
  return { locale, t: messages[locale] };
}
