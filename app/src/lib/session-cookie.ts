import type { SealSettings } from './session-seal';

/** The httpOnly cookie holding the sealed session: page scripts never read it, nobody can open it. */
export const SESSION_COOKIE = 'billing_session';

/** Seals made with this secret open anywhere; it exists so development and tests need no setup. */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-never-use-in-production';
const MIN_SECRET_LENGTH = 32;
const DEFAULT_MAX_AGE_SECONDS = 8 * 60 * 60;

export const MISSING_SESSION_SECRET = `SESSION_SECRET is not set: the web app seals its session cookies with it and will not run in production without one. Set SESSION_SECRET to a random string of at least ${MIN_SECRET_LENGTH} characters (for example \`openssl rand -base64 48\`).`;
export const SHORT_SESSION_SECRET = `SESSION_SECRET is too short: it must be at least ${MIN_SECRET_LENGTH} characters.`;

/**
 * The secret that seals session cookies: SESSION_SECRET, or, outside production only, a fixed and
 * clearly named development secret. Read when used, so `next build` needs no secret.
 */
export function sessionSecret(): string {
  const configured = process.env.SESSION_SECRET;
  if (configured === undefined || configured === '') {
    if (process.env.NODE_ENV === 'production') throw new Error(MISSING_SESSION_SECRET);
    return DEVELOPMENT_SESSION_SECRET;
  }
  if (configured.length < MIN_SECRET_LENGTH) throw new Error(SHORT_SESSION_SECRET);
  return configured;
}

/** How long a sign-in lasts (`SESSION_MAX_AGE_SECONDS`, default 8 hours). */
export function sessionMaxAgeSeconds(): number {
  const configured = Number(process.env.SESSION_MAX_AGE_SECONDS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_AGE_SECONDS;
}

export function sessionSealSettings(): SealSettings {
  return { secret: sessionSecret(), maxAgeSeconds: sessionMaxAgeSeconds() };
}
