import { conflicts, isPeriodClosed, parseAdjustment, toDecimalString } from '@billing/engine';
import { pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import { ApiError, notFound } from '../../edge/src/lib/problem';
import {
  createAdjustment,
  deleteAdjustment,
  listAdjustments,
} from '../../edge/src/routes/adjustments/adjustments.routes';
import { parseWithEngine } from '../../edge/src/routes/price-books/engine-validation';
import { requireBillingGroup } from '../src/billing/lookup';
import { type AdjustmentRecord, pageById } from '../src/store';
import type { Kit } from './kit';

const adjustmentToWire = (adjustment: AdjustmentRecord) => ({ ...adjustment });

/** A closed month's adjustments are frozen with its statement (DOMAIN §6). */
const periodClosed = (month: string) => {
  const message = conflicts.periodClosed(month);
  return new ApiError(409, 'period-closed', 'The period is closed', message, {
    errors: [{ field: 'month', rule: 'period-closed', message }],
    extensions: { month },
  });
};

export function adjustmentHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/billing-groups/{billingGroupId}/adjustments',
      operation('createAdjustment', createAdjustment, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const body = call.input.body;
        const id = call.newId('adj');
        const parsed = parseWithEngine(parseAdjustment, { ...body, id });
        const adjustment: AdjustmentRecord = {
          id,
          billingGroupId: group.id,
          month: body.month,
          type: parsed.type,
          method: parsed.method,
          value: toDecimalString(parsed.value),
          level: parsed.level,
          targetProjectId: parsed.targetProjectId,
          description: parsed.description,
          createdAt: call.now(),
        };
        if (isPeriodClosed(adjustment.month, call.data.latestClosedMonth(group.id)))
          throw periodClosed(adjustment.month);
        call.data.adjustments.set(id, adjustment);
        return response(201).json(adjustmentToWire(adjustment));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/adjustments',
      operation('listAdjustments', listAdjustments, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const { month } = call.input.query;
        const adjustments = [...call.data.adjustments.values()].filter(
          (adjustment) =>
            adjustment.billingGroupId === group.id && (month === undefined || adjustment.month === month),
        );
        return response(200).json(
          pageResponse(pageById(adjustments, pageRequest(call.input.query)), adjustmentToWire),
        );
      }),
    ),
    http.delete(
      '/v1/billing-groups/{billingGroupId}/adjustments/{adjustmentId}',
      operation('deleteAdjustment', deleteAdjustment, (call, { response }) => {
        const { billingGroupId, adjustmentId } = call.input.params;
        const group = requireBillingGroup(call, billingGroupId);
        const adjustment = call.data.adjustments.get(adjustmentId);
        if (!adjustment || adjustment.billingGroupId !== group.id) throw notFound('adjustment', adjustmentId);
        if (isPeriodClosed(adjustment.month, call.data.latestClosedMonth(group.id)))
          throw periodClosed(adjustment.month);
        call.data.adjustments.delete(adjustmentId);
        return response(204).empty();
      }),
    ),
  ];
}
