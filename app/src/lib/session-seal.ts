import { sealData, unsealData } from 'iron-session';

/** What the sealed session cookie carries. Only the server that holds the secret can read it. */
export interface Session {
  /** Names this sign-in, so signing out can refuse its cookie if it is ever sent again. */
  id: string;
  apiKey: string;
  /** When the seal stops being accepted (epoch ms). */
  expiresAt: number;
}

export interface SealSettings {
  /** The password the seal is encrypted and signed with (at least 32 characters). */
  secret: string;
  /** How long the seal is accepted after it was made. */
  maxAgeSeconds: number;
}

/**
 * Seals an API key into a session: encrypted and signed (iron), with its expiry inside the seal, so
 * the cookie's value reveals nothing and a changed or outdated one is refused.
 */
export async function sealSession(apiKey: string, { secret, maxAgeSeconds }: SealSettings): Promise<string> {
  const session: Session = { id: crypto.randomUUID(), apiKey, expiresAt: Date.now() + maxAgeSeconds * 1000 };
  return sealData(session, { password: secret, ttl: maxAgeSeconds });
}

/** The session in a seal, or null when the seal was tampered with, has expired or is no seal at all. */
export async function unsealSession(
  seal: string,
  { secret, maxAgeSeconds }: SealSettings,
): Promise<Session | null> {
  const data = await unsealData<Partial<Session>>(seal, { password: secret, ttl: maxAgeSeconds });
  const { id, apiKey, expiresAt } = data;
  if (typeof id !== 'string' || typeof apiKey !== 'string' || typeof expiresAt !== 'number') return null;
  return { id, apiKey, expiresAt };
}
