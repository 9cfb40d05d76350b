import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { executionContextOf } from '../../http/execution-context';
import { pageRequest, pageResponse } from '../../http/pagination';
import { notFound } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import { startJobRunner } from '../../services/job-runner';
import { startMonthCloseJob } from '../../services/month-close';
import { jobToWire } from '../../services/wire-objects';
import type { getJob, listJobs, startCloseMonthJob } from './jobs.routes';

export const handleStartCloseMonthJob: RouteHandler<typeof startCloseMonthJob, AppEnv> = async (c) => {
  const { month } = c.req.valid('json');
  const context = serviceContext(c.var);
  const { job, created, run } = await startMonthCloseJob(
    context,
    c.get('principal').tenantId,
    month,
    c.get('config').jobLeaseMs,
  );
  if (run) await startJobRunner(context, job, c.env, executionContextOf(c));
  return created ? c.json(jobToWire(job), 202) : c.json(jobToWire(job), 200);
};

export const handleGetJob: RouteHandler<typeof getJob, AppEnv> = async (c) => {
  const { jobId } = c.req.valid('param');
  const job = await c.get('storage').getJob(c.get('principal').tenantId, jobId);
  if (!job) throw notFound('job', jobId);
  return c.json(jobToWire(job), 200);
};

export const handleListJobs: RouteHandler<typeof listJobs, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const page = await c
    .get('storage')
    .listJobs(
      c.get('principal').tenantId,
      { kind: query.kind ?? null, month: query.month ?? null },
      await pageRequest(c, query),
    );
  return c.json(await pageResponse(c, page, jobToWire), 200);
};
