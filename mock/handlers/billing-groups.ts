import { DEFAULT_BILLING_GROUP_SETTINGS } from '@billing/engine';
import { pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import {
  createBillingGroup,
  createProject,
  getBillingGroup,
  listBillingGroups,
  listProjects,
  updateBillingGroup,
} from '../../edge/src/routes/billing-groups/billing-groups.routes';
import { billingGroupToWire, requireBillingGroup } from '../src/billing/lookup';
import { priceBookIdToStore } from '../src/billing/pricing';
import { type BillingGroupRecord, type ProjectRecord, pageById } from '../src/store';
import type { Kit } from './kit';

const projectToWire = (project: ProjectRecord) => ({ ...project });

const CHANGEABLE = ['name', 'vatRate', 'roundingMode', 'paymentTermsDays', 'lateFeeRate'] as const;

export function billingGroupHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/billing-groups',
      operation('createBillingGroup', createBillingGroup, (call, { response }) => {
        const body = call.input.body;
        const currency = body.currency ?? DEFAULT_BILLING_GROUP_SETTINGS.currency;
        const group: BillingGroupRecord = {
          id: call.newId('bg'),
          name: body.name,
          currency,
          vatRate: body.vatRate ?? DEFAULT_BILLING_GROUP_SETTINGS.vatRate,
          roundingMode: body.roundingMode ?? DEFAULT_BILLING_GROUP_SETTINGS.roundingMode,
          paymentTermsDays: body.paymentTermsDays ?? DEFAULT_BILLING_GROUP_SETTINGS.paymentTermsDays,
          lateFeeRate: body.lateFeeRate ?? DEFAULT_BILLING_GROUP_SETTINGS.lateFeeRate,
          priceBookId: priceBookIdToStore(call.data, body.priceBookId, currency) ?? null,
          createdAt: call.now(),
        };
        call.data.billingGroups.set(group.id, group);
        return response(201).json(billingGroupToWire(group));
      }),
    ),
    http.get(
      '/v1/billing-groups',
      operation('listBillingGroups', listBillingGroups, (call, { response }) =>
        response(200).json(
          pageResponse(
            pageById(call.data.billingGroups.values(), pageRequest(call.input.query)),
            billingGroupToWire,
          ),
        ),
      ),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}',
      operation('getBillingGroup', getBillingGroup, (call, { response }) =>
        response(200).json(billingGroupToWire(requireBillingGroup(call, call.input.params.billingGroupId))),
      ),
    ),
    http.patch(
      '/v1/billing-groups/{billingGroupId}',
      operation('updateBillingGroup', updateBillingGroup, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const changes = call.input.body;
        const priceBookId = priceBookIdToStore(call.data, changes.priceBookId, group.currency);
        const updated: BillingGroupRecord = { ...group };
        for (const field of CHANGEABLE) {
          if (changes[field] !== undefined) Object.assign(updated, { [field]: changes[field] });
        }
        if (priceBookId !== undefined) updated.priceBookId = priceBookId;
        call.data.billingGroups.set(group.id, updated);
        return response(200).json(billingGroupToWire(updated));
      }),
    ),
    http.post(
      '/v1/billing-groups/{billingGroupId}/projects',
      operation('createProject', createProject, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const project: ProjectRecord = {
          id: call.newId('prj'),
          billingGroupId: group.id,
          name: call.input.body.name,
          createdAt: call.now(),
        };
        call.data.projects.set(project.id, project);
        return response(201).json(projectToWire(project));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/projects',
      operation('listProjects', listProjects, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const projects = [...call.data.projects.values()].filter(
          (project) => project.billingGroupId === group.id,
        );
        return response(200).json(
          pageResponse(pageById(projects, pageRequest(call.input.query)), projectToWire),
        );
      }),
    ),
  ];
}
