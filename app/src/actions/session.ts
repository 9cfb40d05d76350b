'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { edgeClientFor } from '@/api/client';
import { isLocale, LOCALE_COOKIE } from '@/i18n/locales';
import { endSession, startSession } from '@/lib/session';

export interface SignInState {
  error: 'missing' | 'rejected' | 'throttled' | 'unavailable' | null;
}

const YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

async function isHttps(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}

/** Keeps the key only after the edge accepted it, sealed in a cookie page scripts cannot read. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const apiKey = String(form.get('apiKey') ?? '').trim();
  if (!apiKey) return { error: 'missing' };
  let status: number;
  try {
    status = (await edgeClientFor(apiKey).GET('/v1/tenant')).response.status;
  } catch {
    return { error: 'unavailable' };
  }
  if (status === 401 || status === 403) return { error: 'rejected' };
  if (status === 429) return { error: 'throttled' };
  if (status !== 200) return { error: 'unavailable' };
  await startSession(apiKey, { secure: await isHttps() });
  redirect('/');
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect('/sign-in');
}

export async function setLanguage(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
    maxAge: YEAR_IN_SECONDS,
  });
}
