import { closeStatement, computeStatement, replayStatement, type StatementResult } from '@billing/engine';
import { arbStatementInput } from '@billing/fixtures';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { d } from './statement-amounts';

/** Top-level amounts of a result a tampering may change. */
const TAMPERABLE = [
  'subtotal',
  'contractTotal',
  'adjustmentTotal',
  'chargeBeforeCredits',
  'creditTotal',
  'charge',
  'vat',
  'unpaid',
  'lateFee',
  'total',
] as const satisfies readonly (keyof StatementResult)[];

const closeOptions = (asOf: string) => ({ statementId: 'stmt-under-test', closedAt: asOf });

test.describe('properties: close, replay and preview (DOMAIN §5, §6)', () => {
  test('property: closing then replaying gives the identical result and the same hash', async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), async (input) => {
      const closed = await closeStatement(input, closeOptions(input.asOf));
      const report = await replayStatement(closed);
      expect(report).toEqual({
        identical: true,
        expectedHash: closed.contentHash,
        actualHash: closed.contentHash,
        differences: [],
      });
      expect(closed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  test('property: a tampered frozen result is reported field by field', async ({ checkProperty }) => {
    const arbTampered = fc.tuple(
      arbStatementInput(),
      fc.uniqueArray(fc.constantFrom(...TAMPERABLE), { minLength: 1, maxLength: 3 }),
    );
    await checkProperty(arbTampered, async ([input, fields]) => {
      const closed = await closeStatement(input, closeOptions(input.asOf));
      const tampered = { ...closed.result };
      for (const field of fields) tampered[field] = d(closed.result[field]).plus(1).toFixed();
      const report = await replayStatement({ ...closed, result: tampered });
      expect(report.identical).toBe(false);
      expect(report.differences).toEqual(
        [...fields].sort().map((field) => ({
          path: `result.${field}`,
          expected: tampered[field],
          actual: closed.result[field],
        })),
      );
    });
  });

  test('property: previewing is pure (same input twice, same output; the input is not mutated)', async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const before = structuredClone(input);
      const first = computeStatement(input);
      const second = computeStatement(input);
      expect(second).toStrictEqual(first);
      expect(input).toStrictEqual(before);
    });
  });
});
