import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleCreateBudget, handleDeleteBudget, handleListBudgets } from './budgets.handlers';
import { createBudget, deleteBudget, listBudgets } from './budgets.routes';

export function registerBudgetRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createBudget, handleCreateBudget);
  app.openapi(listBudgets, handleListBudgets);
  app.openapi(deleteBudget, handleDeleteBudget);
}
