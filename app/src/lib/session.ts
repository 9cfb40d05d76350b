import 'server-only';
import { cookies } from 'next/headers';
import { openSession } from './open-session';
import { SESSION_COOKIE, sessionSealSettings } from './session-cookie';
import { sealSession } from './session-seal';
import { markSignedOut } from './signed-out-sessions';

export async function readApiKey(): Promise<string | undefined> {
  return (await openSession(await cookies()))?.apiKey;
}

/** Seals the key into the session cookie: httpOnly, same-site, expiring with the seal. */
export async function startSession(apiKey: string, { secure }: { secure: boolean }): Promise<void> {
  const settings = sessionSealSettings();
  const seal = await sealSession(apiKey, settings);
  (await cookies()).set(SESSION_COOKIE, seal, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: settings.maxAgeSeconds,
  });
}

/** Ends the session: this browser forgets the cookie, and a copy of it kept elsewhere is refused. */
export async function endSession(): Promise<void> {
  const store = await cookies();
  const session = await openSession(store);
  if (session) markSignedOut(session.id, session.expiresAt);
  store.delete(SESSION_COOKIE);
}
