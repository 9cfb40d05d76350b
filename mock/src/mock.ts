import type { HttpHandler } from 'msw';
import { handlersFor } from '../handlers';
import { type MockConfig, type MockOptions, resolveConfig } from './config';
import { HeldAnswers } from './holds';
import type { MockRuntime } from './operation';
import { ScenarioBook, type ScenarioRequest } from './scenarios';
import { World } from './store';

/** Requests without an `X-Mock-Session` header share this world. */
const DEFAULT_SESSION = 'default';

/**
 * One billing mock: its handlers and the state behind them. State lives in worlds, one per
 * `X-Mock-Session` value (requests without the header share one), each like a fresh edge database:
 * tenants are created with the admin key and see only their own data, per API key. Scenarios apply
 * to a session (an `X-Mock-Session` value or an API key) or to every request.
 */
export class BillingMock implements MockRuntime {
  readonly config: MockConfig;
  readonly scenarios = new ScenarioBook();
  readonly held = new HeldAnswers();
  readonly operationIds = new Set<string>();
  readonly handlers: HttpHandler[];
  private readonly worlds = new Map<string, World>();
  private readonly background = new Set<Promise<unknown>>();

  constructor(options: MockOptions = {}) {
    this.config = resolveConfig(options);
    this.handlers = handlersFor(this);
  }

  worldOf(request: Request): World {
    return this.world(request.headers.get('X-Mock-Session') || DEFAULT_SESSION);
  }

  /** The world of a session, created on first use. */
  world(session: string = DEFAULT_SESSION): World {
    let world = this.worlds.get(session);
    if (!world) {
      world = new World();
      this.worlds.set(session, world);
    }
    return world;
  }

  runInBackground(work: Promise<unknown>): void {
    const tracked = work.catch((error) => console.error(`[mock] background work failed: ${String(error)}`));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** Resolves once the background work started so far (month-end jobs) has finished. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  /** Applies a fault scenario to a session (an `X-Mock-Session` value or an API key), or to everyone. */
  useScenario(scenario: ScenarioRequest, options: { session?: string } = {}): void {
    this.scenarios.add(scenario, options.session ?? null);
  }

  /**
   * Lets the answers held by the `hold` scenario go on, and holds no more: a session's (an
   * `X-Mock-Session` value or an API key), or everyone's. Returns how many were waiting.
   */
  release(options: { session?: string } = {}): number {
    this.scenarios.clear(options.session, 'hold');
    return this.held.release(options.session);
  }

  /**
   * Forgets state. No argument: every world and scenario. A session name: that world and its
   * scenarios. An API key of the default world: that tenant's data (the tenant and its keys stay)
   * and the key's scenarios.
   */
  reset(scope?: { session?: string; apiKey?: string }): void {
    if (scope?.session) {
      this.worlds.delete(scope.session);
      this.scenarios.clear(scope.session);
      this.held.release(scope.session);
      return;
    }
    if (scope?.apiKey) {
      const key = this.world().apiKeys.get(scope.apiKey);
      if (key) this.world().clearTenantData(key.tenantId);
      this.scenarios.clear(scope.apiKey);
      this.held.release(scope.apiKey);
      return;
    }
    this.worlds.clear();
    this.scenarios.clear();
    this.held.release();
  }
}

export function createBillingMock(options: MockOptions = {}): BillingMock {
  return new BillingMock(options);
}
