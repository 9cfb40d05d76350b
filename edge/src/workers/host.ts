import type { AppDeps } from '../deps';
import { randomId, readConfig } from '../deps';
import { createSandboxPaymentProvider } from '../payment-provider/sandbox';
import type { StatementContext } from '../services/statement-close';
import { createD1Storage } from '../storage/d1';
import { coalescingD1 } from '../storage/d1/coalescing';
import { startMonthCloseRunner, startTestClockRunner } from './month-close-runner';
import { RateLimitCounterStore } from './rate-limit-counter';
import { wakeWebhookDispatcher } from './webhook-dispatcher';
import type { WorkerEnv } from './worker-env';

/** What the app needs from the Workers runtime: D1, its clock, waitUntil, Durable Objects. */
export const workersDeps: AppDeps = {
  // Each request's reads of one moment go to D1 as one batch. The batching stays within a request:
  // workerd refuses a request's I/O settled from another's.
  storage: (bindings) => createD1Storage(coalescingD1((bindings as WorkerEnv).DB)),
  config: (bindings) => readConfig(bindings as WorkerEnv),
  clock: () => new Date(),
  newId: randomId,
  // Cloudflare sets it on every request, replacing any the client sent.
  clientAddress: (request) => request.headers.get('CF-Connecting-IP'),
  runInBackground: (work, executionContext) => (executionContext as ExecutionContext).waitUntil(work),
  paymentProvider: createSandboxPaymentProvider(),
  startJobRunner: (job, bindings) => startMonthCloseRunner(bindings as WorkerEnv, job),
  startTestClockRunner: (clock, bindings) => startTestClockRunner(bindings as WorkerEnv, clock),
  wakeWebhooks: (tenantId, bindings, executionContext) => {
    const woken = wakeWebhookDispatcher(bindings as WorkerEnv, tenantId);
    if (executionContext) (executionContext as ExecutionContext).waitUntil(woken);
    else return woken;
  },
  rateLimitStore: (limiter, bindings) =>
    new RateLimitCounterStore((bindings as WorkerEnv).RATE_LIMIT_COUNTER, limiter),
};

/** The storage and deps a job step or a scheduled task runs with, outside any request. */
export function workersContext(env: WorkerEnv): StatementContext & { deps: AppDeps } {
  return {
    storage: workersDeps.storage(env),
    deps: workersDeps,
    outbox: { wrote: (tenantId) => wakeWebhookDispatcher(env, tenantId) },
  };
}
