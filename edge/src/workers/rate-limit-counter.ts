import { DurableObject } from 'cloudflare:workers';
import type { ClientRateLimitInfo, HonoConfigType, Store } from 'hono-rate-limiter';
import type { AppEnv } from '../app-env';

/**
 * One rate-limit key's fixed window, shared by every isolate of the Worker: requests for the key,
 * wherever they land, reach this one object, which handles them one at a time. The count lives in
 * memory: an evicted object starts a new window, a small leniency, never a refusal too many.
 * (`@hono-rate-limiter/cloudflare` ships the same idea, but its peer range excludes workers-types 5.)
 */
export class RateLimitCounter extends DurableObject {
  private totalHits = 0;
  private resetTime = 0;

  /** Adds `hits` (negative: takes back) to the current window, starting a new one when it ended. */
  hit(windowMs: number, hits: number): ClientRateLimitInfo {
    const now = Date.now();
    if (now >= this.resetTime) {
      this.totalHits = 0;
      this.resetTime = now + windowMs;
    }
    this.totalHits = Math.max(0, this.totalHits + hits);
    return { totalHits: this.totalHits, resetTime: new Date(this.resetTime) };
  }

  read(): ClientRateLimitInfo | undefined {
    if (Date.now() >= this.resetTime) return undefined;
    return { totalHits: this.totalHits, resetTime: new Date(this.resetTime) };
  }

  reset(): void {
    this.totalHits = 0;
    this.resetTime = 0;
  }
}

/** hono-rate-limiter's store on `RateLimitCounter` objects, one per key (and limiter, by prefix). */
export class RateLimitCounterStore implements Store<AppEnv> {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(
    private readonly namespace: DurableObjectNamespace<RateLimitCounter>,
    readonly prefix: string,
  ) {}

  init(options: HonoConfigType<AppEnv>): void {
    this.windowMs = options.windowMs;
  }

  private counter(key: string) {
    return this.namespace.get(this.namespace.idFromName(`${this.prefix}:${key}`));
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.counter(key).read();
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    return this.counter(key).hit(this.windowMs, 1);
  }

  async decrement(key: string): Promise<void> {
    await this.counter(key).hit(this.windowMs, -1);
  }

  async resetKey(key: string): Promise<void> {
    await this.counter(key).reset();
  }
}
