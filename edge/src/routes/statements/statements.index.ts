import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCloseStatementOfMonth,
  handleExplainStatementOfMonth,
  handleGetStatement,
  handleGetStatementOfMonth,
  handleListStatements,
  handleReplayStatement,
  handleVoidStatement,
} from './statements.handlers';
import {
  closeStatementOfMonth,
  explainStatementOfMonth,
  getStatement,
  getStatementOfMonth,
  listStatements,
  replayStatement,
  voidStatement,
} from './statements.routes';

export function registerStatementRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listStatements, handleListStatements);
  app.openapi(getStatementOfMonth, handleGetStatementOfMonth);
  app.openapi(explainStatementOfMonth, handleExplainStatementOfMonth);
  app.openapi(closeStatementOfMonth, handleCloseStatementOfMonth);
  app.openapi(getStatement, handleGetStatement);
  app.openapi(voidStatement, handleVoidStatement);
  app.openapi(replayStatement, handleReplayStatement);
}
