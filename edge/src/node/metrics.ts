import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppEnv } from '../app-env';
import { ApiError } from '../http/problem';
import type { RequestObserver } from '../middleware/request-log';
import type { Storage } from '../storage/port';

/** Seconds; from a cached read to a month's close. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** `staleRunningJobs` before this instant: every RUNNING job, whenever it last moved. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

export interface NodeMetrics {
  /** Counts and times every answered request. */
  observe: RequestObserver;
  /** GET /metrics: the Prometheus text, to a scraper that presents the token. */
  serve(c: Context<AppEnv>): Promise<Response>;
}

/**
 * The Node host's Prometheus metrics, in a registry of this server's own: requests by operationId
 * (the route pattern outside the OpenAPI document), method and status, their latency, the process's
 * own (memory, event loop, GC), and the progress of RUNNING month-end jobs, read from storage at
 * each scrape. Labels never carry a tenant, an API key or a path with ids in it.
 */
export function createNodeMetrics(storage: Storage, token: string): NodeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['operation_id', 'method', 'status'] as const;
  const requests = new Counter({
    name: 'billing_edge_requests_total',
    help: 'Requests answered, by operationId, method and status',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'billing_edge_request_duration_seconds',
    help: 'Time from a request to its response, by operationId, method and status',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const jobLabels = ['job_id', 'kind', 'month'] as const;
  const jobGroups = (name: string, help: string) =>
    new Gauge({ name, help, labelNames: jobLabels, registers: [registry] });
  const done = jobGroups('billing_edge_month_close_groups_done', 'Groups a RUNNING month-end job has closed');
  const failed = jobGroups(
    'billing_edge_month_close_groups_failed',
    'Groups a RUNNING month-end job failed to close',
  );
  const total = jobGroups(
    'billing_edge_month_close_groups_total',
    'Groups a RUNNING month-end job is to close',
  );
  const readJobs = async () => {
    const running = await storage.staleRunningJobs(END_OF_TIME);
    for (const gauge of [done, failed, total]) gauge.reset();
    for (const job of running) {
      const labels = { job_id: job.id, kind: job.kind, month: job.month };
      done.set(labels, job.done);
      failed.set(labels, job.failed);
      total.set(labels, job.total);
    }
  };
  const expected = digest(`Bearer ${token}`);
  return {
    observe: (request) => {
      const labels = {
        operation_id: request.operationId ?? request.route ?? 'unmatched',
        method: request.method,
        status: request.status,
      };
      requests.inc(labels);
      latency.observe(labels, request.durationMs / 1000);
    },
    serve: async (c) => {
      if (!timingSafeEqual(digest(c.req.header('Authorization') ?? ''), expected)) {
        throw new ApiError(401, 'unauthorized', 'Unauthorized', 'the metrics token is missing or wrong', {
          headers: { 'WWW-Authenticate': 'Bearer' },
        });
      }
      await readJobs();
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    },
  };
}

/** Same-length digests, so the comparison takes as long whatever the header holds. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
