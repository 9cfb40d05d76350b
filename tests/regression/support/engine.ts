import { computeStatement, formatTrace, type StatementResult } from '@billing/engine';
import type { TestInfo } from '@playwright/test';
import type { BillingMonth } from '../billing-month';
import { engineInput } from './engine-input';

/** The engine's statement of a billing month, or the error it refused the month with. */
export function engineStatement(month: BillingMonth): StatementResult | Error {
  try {
    return computeStatement(engineInput(month));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Attaches a statement and its explain trace, so a red test shows how the engine got there. */
export async function attachStatement(testInfo: TestInfo, what: string, month: BillingMonth) {
  const statement = engineStatement(month);
  await testInfo.attach(`${what}: input`, {
    body: JSON.stringify(month, null, 2),
    contentType: 'application/json',
  });
  if (statement instanceof Error) return;
  await testInfo.attach(`${what}: engine statement`, {
    body: JSON.stringify(statement, null, 2),
    contentType: 'application/json',
  });
  await testInfo.attach(`${what}: explain trace`, {
    body: formatTrace(statement.trace),
    contentType: 'text/plain',
  });
}
