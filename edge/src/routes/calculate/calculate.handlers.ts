import { computeStatement, ValidationError } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { traceEngine } from '../../observability/tracing';
import { toRequestIssues, toStatementInput } from '../../services/calculator-input';
import type { calculateStatement } from './calculate.routes';

export const handleCalculateStatement: RouteHandler<typeof calculateStatement, AppEnv> = async (c) => {
  const input = toStatementInput(c.req.valid('json'), c.get('deps').clock());
  try {
    return c.json(
      traceEngine('computeStatement', () => computeStatement(input)),
      200,
    );
  } catch (error) {
    throw error instanceof ValidationError ? toRequestIssues(error) : error;
  }
};
