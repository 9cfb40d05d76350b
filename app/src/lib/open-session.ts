import { SESSION_COOKIE, sessionSealSettings } from './session-cookie';
import { type Session, unsealSession } from './session-seal';
import { isSignedOut } from './signed-out-sessions';

interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/**
 * The session the request's cookie holds, or null: no cookie, a tampered or expired seal, or a
 * session that was signed out. Every null means "signed out", never an error page.
 */
export async function openSession(cookies: CookieReader): Promise<Session | null> {
  const seal = cookies.get(SESSION_COOKIE)?.value;
  if (!seal) return null;
  const session = await unsealSession(seal, sessionSealSettings());
  // The seal's own expiry allows a minute of clock skew; the session's end is exact.
  if (!session || session.expiresAt <= Date.now()) return null;
  return isSignedOut(session.id) ? null : session;
}
