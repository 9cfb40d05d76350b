'use client';

import { useTransition } from 'react';
import { setLanguage } from '@/actions/session';
import { LOCALES } from '@/i18n/locales';
import { useI18n } from '@/i18n/provider';

const LANGUAGE_NAMES = { en: 'English', ko: '한국어' } as const;

/** The server action sets the cookie; Next then re-renders the page in the chosen language. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const [pending, startTransition] = useTransition();
  return (
    <fieldset className="flex items-center gap-1" aria-busy={pending}>
      <legend className="sr-only">{t.nav.language}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          disabled={pending}
          onClick={() => startTransition(() => setLanguage(option))}
          className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
