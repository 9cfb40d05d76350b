/**
 * Sessions signed out before their seal expired. A sealed cookie stays valid until it expires
 * wherever it was copied to, so signing out records its id here and openSession refuses it.
 *
 * Held in this process's memory, on globalThis so the proxy's bundle and the pages' bundle share one
 * list: it holds for one app process (the Dockerfile runs one), and is lost when the process restarts.
 * Several replicas behind one address would need this list in a store they share.
 */
const SIGNED_OUT = Symbol.for('billing.app.signedOutSessions');

type SignedOut = Map<string, number>;

function signedOut(): SignedOut {
  const holder = globalThis as typeof globalThis & { [SIGNED_OUT]?: SignedOut };
  holder[SIGNED_OUT] ??= new Map();
  return holder[SIGNED_OUT];
}

/** Refuses the session `id` from now until `expiresAt` (epoch ms), after which its seal refuses itself. */
export function markSignedOut(id: string, expiresAt: number, now: number = Date.now()): void {
  const sessions = signedOut();
  for (const [known, until] of sessions) if (until <= now) sessions.delete(known);
  sessions.set(id, expiresAt);
}

export function isSignedOut(id: string): boolean {
  return signedOut().has(id);
}
