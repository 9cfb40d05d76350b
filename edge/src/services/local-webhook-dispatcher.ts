import type { DeliveryContext } from './webhook-delivery';
import { deliverDueWebhooks } from './webhook-delivery';

/** The longest a dispatcher sleeps with deliveries pending, so a clock jump never strands one. */
const MAX_SLEEP_MS = 60_000;

/**
 * The webhook dispatcher of a single process (the Node host, the in-process test lane, the mock):
 * woken when events are written, it sends what is due for every tenant, then sleeps until the next
 * retry is due. At start it sends whatever an earlier process left pending, once its leases run
 * out. One run at a time; a wake during a run makes it run again.
 */
export class LocalWebhookDispatcher {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(private readonly context: DeliveryContext) {}

  /** Starts the dispatcher: a first run now, for deliveries an earlier process left. */
  start(): this {
    this.wake();
    return this;
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  /** Stops waking; a run in progress finishes (awaited). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  /** Resolves once no run is in progress (tests wait on it before closing a database). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #schedule(delayMs: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), Math.max(0, Math.min(delayMs, MAX_SLEEP_MS)));
    // A dispatcher waiting for a retry never keeps the process alive on its own.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #run(): void {
    this.#timer = null;
    this.#running = (async () => {
      let nextDueAt: string | null = null;
      do {
        this.#again = false;
        try {
          ({ nextDueAt } = await deliverDueWebhooks(this.context, null));
        } catch (error) {
          console.error(
            JSON.stringify({ level: 'error', message: 'webhook dispatch failed', error: String(error) }),
          );
          nextDueAt = new Date(Date.now() + 5_000).toISOString();
        }
      } while (this.#again && !this.#stopped);
      this.#running = null;
      if (nextDueAt !== null && !this.#stopped) {
        this.#schedule(Date.parse(nextDueAt) - this.context.deps.clock().getTime());
      }
    })();
  }
}
