import { IssueCollector, readInstant, toInstant } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { executionContextOf } from '../../http/execution-context';
import { pageRequest, pageResponse } from '../../http/pagination';
import { ApiError, notFound } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import {
  requireTestClock,
  runTestClockAdvance,
  startTestClockAdvance,
  testClockToWire,
} from '../../services/test-clocks';
import type { TestClockRecord } from '../../storage/ports/test-clocks';
import type {
  advanceTestClock,
  createTestClock,
  deleteTestClock,
  getTestClock,
  listTestClocks,
} from './test-clocks.routes';

export const handleCreateTestClock: RouteHandler<typeof createTestClock, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  // The engine's reading of an instant: a day the calendar has (no 30 February rolled into March).
  const issues = new IssueCollector();
  const frozen = readInstant(issues, 'frozenTime', body.frozenTime) as number;
  issues.throwIfAny();
  const now = c.get('deps').clock().toISOString();
  const frozenTime = toInstant(frozen);
  const clock: TestClockRecord = {
    id: c.get('deps').newId('clock'),
    tenantId: c.get('principal').tenantId,
    name: body.name ?? 'Test clock',
    frozenTime,
    // Nothing runs at the instant a clock starts from: its first advance runs what comes after.
    ranThrough: frozenTime,
    status: 'READY',
    advancingTo: null,
    runsTotal: 0,
    runsDone: 0,
    runFailed: false,
    runErrors: [],
    leaseId: null,
    createdAt: now,
    updatedAt: now,
  };
  await c.get('storage').createTestClock(clock);
  return c.json(testClockToWire(clock), 201);
};

export const handleListTestClocks: RouteHandler<typeof listTestClocks, AppEnv> = async (c) => {
  const page = await c
    .get('storage')
    .listTestClocks(c.get('principal').tenantId, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, testClockToWire), 200);
};

export const handleGetTestClock: RouteHandler<typeof getTestClock, AppEnv> = async (c) => {
  return c.json(testClockToWire(await requireTestClock(c.var, c.req.valid('param').testClockId)), 200);
};

export const handleAdvanceTestClock: RouteHandler<typeof advanceTestClock, AppEnv> = async (c) => {
  const clock = await requireTestClock(c.var, c.req.valid('param').testClockId);
  const context = serviceContext(c.var);
  const started = await startTestClockAdvance(context, clock, c.req.valid('json').to);
  const deps = c.get('deps');
  if (deps.startTestClockRunner) await deps.startTestClockRunner(started, c.env);
  else deps.runInBackground(runTestClockAdvance(context, started), executionContextOf(c));
  return c.json(testClockToWire(started), 202);
};

export const handleDeleteTestClock: RouteHandler<typeof deleteTestClock, AppEnv> = async (c) => {
  const { testClockId } = c.req.valid('param');
  const outcome = await c.get('storage').deleteTestClock(c.get('principal').tenantId, testClockId);
  if (outcome === 'missing') throw notFound('test clock', testClockId);
  if (outcome === 'in-use') {
    throw new ApiError(
      409,
      'test-clock-in-use',
      'The test clock has billing groups',
      `test clock ${testClockId} has billing groups attached; a clock is deleted once none lives in its time`,
      { extensions: { testClockId } },
    );
  }
  return c.body(null, 204);
};
