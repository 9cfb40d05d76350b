import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCreateContract,
  handleCreateContractAssignment,
  handleGetContract,
  handleListContractAssignments,
  handleListContracts,
} from './contracts.handlers';
import {
  createContract,
  createContractAssignment,
  getContract,
  listContractAssignments,
  listContracts,
} from './contracts.routes';

export function registerContractRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createContract, handleCreateContract);
  app.openapi(listContracts, handleListContracts);
  app.openapi(getContract, handleGetContract);
  app.openapi(createContractAssignment, handleCreateContractAssignment);
  app.openapi(listContractAssignments, handleListContractAssignments);
}
