import { conflicts, parseAdjustment, toDecimalString } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { ApiError, notFound } from '../../http/problem';
import { requireBillingGroup } from '../../services/billing-group-lookup';
import { parseWithEngine } from '../../services/engine-validation';
import { clockOf } from '../../services/group-clock';
import type { AdjustmentRecord } from '../../storage/ports/adjustments';
import type { createAdjustment, deleteAdjustment, listAdjustments } from './adjustments.routes';

const adjustmentToWire = (adjustment: AdjustmentRecord) => ({
  id: adjustment.id,
  billingGroupId: adjustment.billingGroupId,
  month: adjustment.month,
  type: adjustment.type,
  method: adjustment.method,
  value: adjustment.value,
  level: adjustment.level,
  targetProjectId: adjustment.targetProjectId,
  description: adjustment.description,
  createdAt: adjustment.createdAt,
});

/** A closed month's adjustments are frozen with its statement (DOMAIN §6). */
const periodClosed = (month: string) => {
  const message = conflicts.periodClosed(month);
  return new ApiError(409, 'period-closed', 'The period is closed', message, {
    errors: [{ field: 'month', rule: 'period-closed', message }],
    extensions: { month },
  });
};

export const handleCreateAdjustment: RouteHandler<typeof createAdjustment, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const body = c.req.valid('json');
  const id = c.get('deps').newId('adj');
  const parsed = parseWithEngine(parseAdjustment, { ...body, id });
  const adjustment: AdjustmentRecord = {
    id,
    tenantId: group.tenantId,
    billingGroupId: group.id,
    month: body.month,
    type: parsed.type,
    method: parsed.method,
    value: toDecimalString(parsed.value),
    level: parsed.level,
    targetProjectId: parsed.targetProjectId,
    description: parsed.description,
    createdAt: clockOf(c.get('deps'), group).clock().toISOString(),
  };
  if (!(await c.get('storage').createAdjustment(adjustment))) throw periodClosed(adjustment.month);
  return c.json(adjustmentToWire(adjustment), 201);
};

export const handleListAdjustments: RouteHandler<typeof listAdjustments, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const query = c.req.valid('query');
  const page = await c
    .get('storage')
    .listAdjustments(group.tenantId, group.id, query.month ?? null, await pageRequest(c, query));
  return c.json(await pageResponse(c, page, adjustmentToWire), 200);
};

export const handleDeleteAdjustment: RouteHandler<typeof deleteAdjustment, AppEnv> = async (c) => {
  const { billingGroupId, adjustmentId } = c.req.valid('param');
  const group = await requireBillingGroup(c.var, billingGroupId);
  const result = await c.get('storage').deleteAdjustment(group.tenantId, group.id, adjustmentId);
  if (result.outcome === 'not-found') throw notFound('adjustment', adjustmentId);
  if (result.outcome === 'period-closed') throw periodClosed(result.month);
  return c.body(null, 204);
};
