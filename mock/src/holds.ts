/**
 * Answers held by the `hold` scenario until their session releases them: a loading state stays on
 * screen exactly as long as a test needs, however busy the machine, instead of racing a fixed delay.
 */
interface Held {
  scopes: readonly string[];
  release: () => void;
}

export class HeldAnswers {
  private readonly held = new Set<Held>();

  /** Resolves when a session of `scopes` is released, or after `maxMs` so nothing hangs forever. */
  wait(scopes: readonly string[], maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const entry: Held = {
        scopes,
        release: () => {
          clearTimeout(timer);
          this.held.delete(entry);
          resolve();
        },
      };
      const timer = setTimeout(entry.release, maxMs);
      this.held.add(entry);
    });
  }

  /** Lets the held answers of one session (or all) go on; how many there were. */
  release(scope?: string): number {
    const released = [...this.held].filter((entry) => scope === undefined || entry.scopes.includes(scope));
    for (const entry of released) entry.release();
    return released.length;
  }
}
