import { z } from 'zod';

/**
 * Named fault scenarios: what the real edge cannot be asked to do on demand (mock/README.md lists
 * what each does). Each applies to one operation or to all, for one session or for everyone, as
 * often as `times` says (forever when absent).
 */
export const SCENARIO_NAMES = [
  'latency',
  'server-error',
  'unavailable',
  'rate-limited',
  'timeout',
  'malformed-body',
  'empty-list',
  'hold',
  'storage-drift',
] as const;

/** How long a held answer waits for its release unless `delayMs` says otherwise. */
export const DEFAULT_HOLD_MS = 30_000;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const ScenarioRequest = z.strictObject({
  name: z.enum(SCENARIO_NAMES),
  operationId: z.string().min(1).max(100).optional(),
  times: z.number().int().min(1).max(1_000_000).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
});

export type ScenarioRequest = z.infer<typeof ScenarioRequest>;

interface ActiveScenario extends ScenarioRequest {
  /** The session it applies to (an `X-Mock-Session` value or an API key); null: every request. */
  scope: string | null;
  remaining: number;
}

export class ScenarioBook {
  private active: ActiveScenario[] = [];

  /** No scenario is active: every request goes straight to the edge. */
  get empty(): boolean {
    return this.active.length === 0;
  }

  add(scenario: ScenarioRequest, scope: string | null = null): void {
    this.active.push({ ...scenario, scope, remaining: scenario.times ?? Number.POSITIVE_INFINITY });
  }

  /** Takes the newest scenario that applies to the operation for a request of these scopes. */
  take(operationId: string, scopes: readonly string[]): ScenarioRequest | null {
    for (let index = this.active.length - 1; index >= 0; index -= 1) {
      const scenario = this.active[index] as ActiveScenario;
      const forOperation = scenario.operationId === undefined || scenario.operationId === operationId;
      const forScope = scenario.scope === null || scopes.includes(scenario.scope);
      if (!forOperation || !forScope) continue;
      scenario.remaining -= 1;
      if (scenario.remaining <= 0) this.active.splice(index, 1);
      const { scope: _scope, remaining: _remaining, ...request } = scenario;
      return request;
    }
    return null;
  }

  /** Drops the scenarios of one scope, or all of them; only those named `name` when it is given. */
  clear(scope?: string, name?: ScenarioName): void {
    this.active = this.active.filter(
      (scenario) =>
        !(
          (scope === undefined || scenario.scope === scope) &&
          (name === undefined || scenario.name === name)
        ),
    );
  }

  list(): readonly (ScenarioRequest & { scope: string | null })[] {
    return this.active.map(({ remaining: _remaining, ...scenario }) => scenario);
  }
}
