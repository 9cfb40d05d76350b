import { sessionSecret } from '@/lib/session-cookie';

/**
 * A production server without a usable SESSION_SECRET exits as it starts, with the reason, instead
 * of serving pages that fail on the first sign-in. (Next only logs an error thrown from
 * `register`, and keeps up a server that cannot serve.) `next build` needs no secret.
 */
export function refuseToStartWithoutSessionSecret(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    sessionSecret();
  } catch (error) {
    console.error(`[app] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
