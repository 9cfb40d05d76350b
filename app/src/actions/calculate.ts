'use server';

import { call, type EdgeResult, edge } from '@/api/client';
import type { CalculatorRequest, StatementCalculation } from '@/api/types';

/** Prices the calculator's inputs on the edge; nothing is stored. */
export async function calculateStatement(
  request: CalculatorRequest,
): Promise<EdgeResult<StatementCalculation>> {
  const client = await edge();
  return call(() => client.POST('/v1/calculate', { body: request }));
}
