import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCreateBillingGroup,
  handleCreateProject,
  handleGetBillingGroup,
  handleListBillingGroups,
  handleListProjects,
  handleUpdateBillingGroup,
} from './billing-groups.handlers';
import {
  createBillingGroup,
  createProject,
  getBillingGroup,
  listBillingGroups,
  listProjects,
  updateBillingGroup,
} from './billing-groups.routes';

export function registerBillingGroupRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createBillingGroup, handleCreateBillingGroup);
  app.openapi(listBillingGroups, handleListBillingGroups);
  app.openapi(getBillingGroup, handleGetBillingGroup);
  app.openapi(updateBillingGroup, handleUpdateBillingGroup);
  app.openapi(createProject, handleCreateProject);
  app.openapi(listProjects, handleListProjects);
}
