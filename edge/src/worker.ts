import { createApp } from './app';
import { readConfig } from './deps';
import { showsRequestLines, writeRequestLines } from './middleware/request-log';
import { isTracing, traceWorker, type WorkerTracingEnv } from './observability/workers';
import { runSchedule } from './services/scheduled-work';
import { workersContext, workersDeps } from './workers/host';
import { startMonthCloseRunner, startTestClockRunner } from './workers/month-close-runner';
import { wakeWebhookDispatcher } from './workers/webhook-dispatcher';
import type { WorkerEnv } from './workers/worker-env';

export { MonthCloseRunner } from './workers/month-close-runner';
export { RateLimitCounter } from './workers/rate-limit-counter';
export { WebhookDispatcher } from './workers/webhook-dispatcher';

/** The Workers entry: the Hono app for requests, the scheduled run for the crons of wrangler.jsonc. */
const app = createApp(workersDeps, {
  // Workers Logs keeps what a Worker writes to the console (wrangler.jsonc: observability).
  requestObservers: [writeRequestLines(console.log)],
  // Unless EDGE_LOG_LEVEL hides them, as on the Node host: `wrangler dev` below its `log` level
  // would drop each line after the Worker wrote it and wrangler received it, at half the CPU of a
  // small request (edge/OBSERVABILITY.md).
  isObserving: (env) => showsRequestLines((env as WorkerEnv).EDGE_LOG_LEVEL),
  isTracing: (env) => isTracing(env as WorkerTracingEnv),
});

export default traceWorker<WorkerEnv>({
  fetch: (request, env, executionContext) => app.fetch(request, env, executionContext),
  async scheduled(controller, env) {
    const started = Date.now();
    const context = {
      ...workersContext(env),
      staleAfterMs: readConfig(env).jobLeaseMs,
      startRunner: (job: Parameters<typeof startMonthCloseRunner>[1]) => startMonthCloseRunner(env, job),
      startTestClockRunner: (clock: Parameters<typeof startTestClockRunner>[1]) =>
        startTestClockRunner(env, clock),
      wakeWebhooks: (tenantId: string) => wakeWebhookDispatcher(env, tenantId),
    };
    const reports = await runSchedule(context, controller.cron);
    console.log(
      JSON.stringify({
        level: 'info',
        message: 'scheduled run',
        cron: controller.cron,
        durationMs: Date.now() - started,
        reports,
      }),
    );
  },
});
