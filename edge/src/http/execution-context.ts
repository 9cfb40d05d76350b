import type { Context } from 'hono';
import type { AppEnv } from '../app-env';

/** Workers' execution context, or undefined on a host without one (Hono throws when it is absent). */
export function executionContextOf(c: Context<AppEnv>): unknown {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
