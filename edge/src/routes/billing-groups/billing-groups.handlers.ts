import { DEFAULT_BILLING_GROUP_SETTINGS } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { billingGroupToWire, requireBillingGroup } from '../../services/billing-group-lookup';
import { priceBookIdToStore } from '../../services/billing-group-price-book';
import { clockOf } from '../../services/group-clock';
import {
  MAX_GROUPS_PER_TEST_CLOCK,
  requireTestClockField,
  testClockFull,
  unknownTestClock,
} from '../../services/test-clocks';
import type { ProjectRecord } from '../../storage/ports/billing-groups';
import type {
  createBillingGroup,
  createProject,
  getBillingGroup,
  listBillingGroups,
  listProjects,
  updateBillingGroup,
} from './billing-groups.routes';

const projectToWire = (project: ProjectRecord) => ({
  id: project.id,
  billingGroupId: project.billingGroupId,
  name: project.name,
  createdAt: project.createdAt,
});

export const handleCreateBillingGroup: RouteHandler<typeof createBillingGroup, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const currency = body.currency ?? DEFAULT_BILLING_GROUP_SETTINGS.currency;
  const clock = body.testClockId === undefined ? null : await requireTestClockField(c.var, body.testClockId);
  const group = {
    id: c.get('deps').newId('bg'),
    tenantId: c.get('principal').tenantId,
    name: body.name,
    currency,
    vatRate: body.vatRate ?? DEFAULT_BILLING_GROUP_SETTINGS.vatRate,
    roundingMode: body.roundingMode ?? DEFAULT_BILLING_GROUP_SETTINGS.roundingMode,
    paymentTermsDays: body.paymentTermsDays ?? DEFAULT_BILLING_GROUP_SETTINGS.paymentTermsDays,
    lateFeeRate: body.lateFeeRate ?? DEFAULT_BILLING_GROUP_SETTINGS.lateFeeRate,
    priceBookId: (await priceBookIdToStore(c.var, body.priceBookId, currency)) ?? null,
    autoClose: body.autoClose ?? false,
    testClockId: clock?.id ?? null,
    clockTime: clock?.frozenTime ?? null,
    // Created in its clock's time, like everything that happens to it from now on.
    createdAt: clock?.frozenTime ?? c.get('deps').clock().toISOString(),
  };
  try {
    if (!(await c.get('storage').createBillingGroup(group, MAX_GROUPS_PER_TEST_CLOCK))) {
      throw testClockFull(group.testClockId as string);
    }
  } catch (error) {
    // The clock was deleted between the check above and the insert: its foreign key refused the group.
    if (group.testClockId !== null && String(error).includes('FOREIGN KEY')) {
      throw unknownTestClock(group.testClockId);
    }
    throw error;
  }
  return c.json(billingGroupToWire(group), 201);
};

export const handleListBillingGroups: RouteHandler<typeof listBillingGroups, AppEnv> = async (c) => {
  const page = await c
    .get('storage')
    .listBillingGroups(c.get('principal').tenantId, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, billingGroupToWire), 200);
};

export const handleGetBillingGroup: RouteHandler<typeof getBillingGroup, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  return c.json(billingGroupToWire(group), 200);
};

export const handleUpdateBillingGroup: RouteHandler<typeof updateBillingGroup, AppEnv> = async (c) => {
  const { billingGroupId } = c.req.valid('param');
  const group = await requireBillingGroup(c.var, billingGroupId);
  const changes = c.req.valid('json');
  const priceBookId = await priceBookIdToStore(c.var, changes.priceBookId, group.currency);
  const updated = await c.get('storage').updateBillingGroup(c.get('principal').tenantId, billingGroupId, {
    ...changes,
    priceBookId,
  });
  return c.json(billingGroupToWire(updated ?? (await requireBillingGroup(c.var, billingGroupId))), 200);
};

export const handleCreateProject: RouteHandler<typeof createProject, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const project = {
    id: c.get('deps').newId('prj'),
    tenantId: group.tenantId,
    billingGroupId: group.id,
    name: c.req.valid('json').name,
    createdAt: clockOf(c.get('deps'), group).clock().toISOString(),
  };
  await c.get('storage').createProject(project);
  return c.json(projectToWire(project), 201);
};

export const handleListProjects: RouteHandler<typeof listProjects, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const page = await c
    .get('storage')
    .listProjects(group.tenantId, group.id, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, projectToWire), 200);
};
