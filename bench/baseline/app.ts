/**
 * The bench's baseline: a bare Hono app serving the same engine calls as the edge's
 * `POST /v1/calculate` and legacy `POST /api/billing/admin/calculate`, with no middleware at all
 * (no request id, CORS, secure headers, body limit, auth, rate limit, schema validation). The
 * benchmark serves it in the same runtime as the edge (bench/baseline/node-host.ts on Node,
 * bench/baseline/worker.ts on workerd), so "route ÷ baseline" is what the edge's HTTP path costs
 * on top of the engine call itself. It is never deployed.
 */
import { compatCalculate, computeStatement, ValidationError } from '@billing/engine';
import { Hono } from 'hono';
import type { CalculatorRequestBody } from '../../edge/src/routes/calculate/calculate.routes';
import { toStatementInput } from '../../edge/src/services/calculator-input';

/** Where the baseline answers: the edge's own paths, so a load scenario runs unchanged on either. */
export const BASELINE_PATHS = {
  calculate: '/v1/calculate',
  legacyCalculate: '/api/billing/admin/calculate',
  trivial: '/baseline/trivial',
} as const;

export function createBaselineApp(): Hono {
  const app = new Hono();
  app.get(BASELINE_PATHS.trivial, (c) => c.text('ok'));
  app.post(BASELINE_PATHS.calculate, async (c) => {
    const body = (await c.req.json()) as CalculatorRequestBody;
    try {
      return c.json(computeStatement(toStatementInput(body, new Date())), 200);
    } catch (error) {
      if (error instanceof ValidationError) return c.json({ errors: error.issues }, 422);
      throw error;
    }
  });
  app.post(BASELINE_PATHS.legacyCalculate, async (c) => {
    const result = compatCalculate(JSON.parse(await c.req.text()), {
      now: new Date().toISOString(),
      newId: () => `calc_${crypto.randomUUID().replaceAll('-', '')}`,
      uuidHeader: c.req.header('uuid') ?? null,
      vatRate: null,
    });
    return c.json(result.body, result.status);
  });
  return app;
}
