import { parseContract } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { ApiError, notFound, validationFailed } from '../../http/problem';
import { requireBillingGroup } from '../../services/billing-group-lookup';
import { parseWithEngine } from '../../services/engine-validation';
import { clockOf } from '../../services/group-clock';
import type { ContractAssignmentRecord, ContractRecord } from '../../storage/ports/pricing';
import type {
  createContract,
  createContractAssignment,
  getContract,
  listContractAssignments,
  listContracts,
} from './contracts.routes';

/**
 * The engine validates a whole Contract, month range included; a stored contract has no months
 * (its assignments do), so its terms are checked with this stand-in range.
 */
const TERMS_ONLY = { startMonth: '2000-01', endMonth: null };

const contractToWire = (contract: ContractRecord) => ({
  id: contract.id,
  name: contract.name,
  priceOverrides: contract.priceOverrides,
  discountRate: contract.discountRate,
  minimumCharge: contract.minimumCharge,
  createdAt: contract.createdAt,
});

const assignmentToWire = (assignment: ContractAssignmentRecord) => ({
  id: assignment.id,
  billingGroupId: assignment.billingGroupId,
  contractId: assignment.contractId,
  startMonth: assignment.startMonth,
  endMonth: assignment.endMonth,
  createdAt: assignment.createdAt,
});

export const handleCreateContract: RouteHandler<typeof createContract, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const contract: ContractRecord = {
    id: c.get('deps').newId('ctr'),
    tenantId: c.get('principal').tenantId,
    name: body.name,
    priceOverrides: body.priceOverrides ?? [],
    discountRate: body.discountRate ?? null,
    minimumCharge: body.minimumCharge ?? null,
    createdAt: c.get('deps').clock().toISOString(),
  };
  parseWithEngine(parseContract, { ...contract, ...TERMS_ONLY });
  await c.get('storage').createContract(contract);
  return c.json(contractToWire(contract), 201);
};

export const handleListContracts: RouteHandler<typeof listContracts, AppEnv> = async (c) => {
  const page = await c
    .get('storage')
    .listContracts(c.get('principal').tenantId, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, contractToWire), 200);
};

export const handleGetContract: RouteHandler<typeof getContract, AppEnv> = async (c) => {
  const { contractId } = c.req.valid('param');
  const contract = await c.get('storage').getContract(c.get('principal').tenantId, contractId);
  if (!contract) throw notFound('contract', contractId);
  return c.json(contractToWire(contract), 200);
};

export const handleCreateContractAssignment: RouteHandler<typeof createContractAssignment, AppEnv> = async (
  c,
) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const body = c.req.valid('json');
  const contract = await c.get('storage').getContract(group.tenantId, body.contractId);
  if (!contract) {
    throw validationFailed([
      { field: 'contractId', rule: 'exists', message: `contract ${body.contractId} does not exist` },
    ]);
  }
  const assignment: ContractAssignmentRecord = {
    id: c.get('deps').newId('ca'),
    tenantId: group.tenantId,
    billingGroupId: group.id,
    contractId: contract.id,
    startMonth: body.startMonth,
    endMonth: body.endMonth ?? null,
    createdAt: clockOf(c.get('deps'), group).clock().toISOString(),
  };
  // The engine's own range rule: endMonth is inclusive and may not come before startMonth.
  parseWithEngine(parseContract, {
    ...contract,
    startMonth: assignment.startMonth,
    endMonth: assignment.endMonth,
  });
  const outcome = await c.get('storage').assignContract(assignment);
  if ('latestClosedMonth' in outcome) {
    const message = `${assignment.startMonth} is closed (the statement of ${outcome.latestClosedMonth} is issued); a contract applies from an open month on`;
    throw new ApiError(409, 'period-closed', 'The period is closed', message, {
      errors: [{ field: 'startMonth', rule: 'period-closed', message }],
      extensions: { month: assignment.startMonth },
    });
  }
  if (!outcome.stored) {
    const other = outcome.overlapping;
    const months = other.endMonth ? `${other.startMonth} to ${other.endMonth}` : `${other.startMonth} on`;
    throw new ApiError(
      409,
      'contract-overlap',
      'The months overlap another contract assignment',
      `billing group ${group.id} already has contract ${other.contractId} from ${months} (assignment ${other.id}); one contract applies per month`,
      {
        errors: [
          { field: 'startMonth', rule: 'contract-overlap', message: `overlaps assignment ${other.id}` },
        ],
        extensions: { conflictingAssignmentId: other.id },
      },
    );
  }
  return c.json(assignmentToWire(assignment), 201);
};

export const handleListContractAssignments: RouteHandler<typeof listContractAssignments, AppEnv> = async (
  c,
) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const page = await c
    .get('storage')
    .listContractAssignments(group.tenantId, group.id, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, assignmentToWire), 200);
};
