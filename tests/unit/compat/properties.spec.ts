import { type CompatStatement, compatCalculate } from '@billing/engine';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'property' };

function statementOf(body: unknown): CompatStatement {
  const result = compatCalculate(body, deps);
  if (result.status !== 200) throw new Error(`expected 200, got: ${result.body.header.resultMessage}`);
  return result.body.data;
}

const usageItem = fc.record({
  counterName: fc.constantFrom(
    'compute.c2.c8m8',
    'compute.g2.t4.c8m64',
    'storage.volume.ssd',
    'network.floating_ip',
    'some.other.counter',
  ),
  // Negative volumes too: the older system bills them as negative lines (DOMAIN §9).
  counterVolume: fc.double({ min: -100_000, max: 100_000, noNaN: true }),
  counterUnit: fc.constant('HOURS'),
});

const rateAdjustment = fc.record({
  type: fc.constantFrom('DISCOUNT', 'SURCHARGE'),
  method: fc.constant('RATE'),
  value: fc.double({ min: 0, max: 200, noNaN: true }),
});

const wholeFixedAdjustment = fc.record({
  type: fc.constantFrom('DISCOUNT', 'SURCHARGE'),
  method: fc.constant('FIXED'),
  value: fc.integer({ min: 0, max: 1_000_000 }),
});

const anyFixedAdjustment = fc.record({
  type: fc.constantFrom('DISCOUNT', 'SURCHARGE'),
  method: fc.constant('FIXED'),
  value: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
});

const wholeCredit = fc.record({
  amount: fc.integer({ min: 0, max: 2_000_000 }),
  type: fc.constantFrom('PROMOTIONAL', 'FREE', 'PAID'),
});

const overdue = fc.constantFrom<unknown>(true, false, 'true', undefined);

const request = (adjustment: fc.Arbitrary<Record<string, unknown>>, unpaid: fc.Arbitrary<number>) =>
  fc.record({
    usage: fc.array(usageItem, { maxLength: 6 }),
    adjustments: fc.array(adjustment, { maxLength: 4 }),
    credits: fc.array(wholeCredit, { maxLength: 4 }),
    unpaidAmount: unpaid,
    isOverdue: overdue,
  });

test.describe('compat properties', () => {
  test('amounts are whole won unless a FIXED adjustment carries a fraction', async ({ checkProperty }) => {
    await checkProperty(
      request(fc.oneof(rateAdjustment, wholeFixedAdjustment), fc.integer({ min: 0, max: 10_000_000 })),
      (body) => {
        const statement = statementOf(body);
        for (const amount of [
          statement.subtotal,
          statement.adjustmentTotal,
          statement.creditApplied,
          statement.charge,
          statement.vat,
          statement.lateFee,
          statement.totalAmount,
          ...statement.lineItems.map((line) => line.amount),
        ]) {
          expect(Number.isInteger(amount), `${amount} should be whole won`).toBe(true);
        }
      },
    );
  });

  test('totalAmount = amount = charge + VAT + unpaid + late fee, with fractional FIXED values too', async ({
    checkProperty,
  }) => {
    await checkProperty(
      request(
        fc.oneof(rateAdjustment, anyFixedAdjustment),
        fc.double({ min: 0, max: 10_000_000, noNaN: true }),
      ),
      (body) => {
        const statement = statementOf(body);
        expect(statement.totalAmount).toBe(
          statement.charge + statement.vat + statement.unpaidAmount + statement.lateFee,
        );
        expect(statement.amount).toBe(statement.totalAmount);
      },
    );
  });

  test('credits never pay more than the charge before credits, and the charge never goes below 0', async ({
    checkProperty,
  }) => {
    await checkProperty(request(fc.oneof(rateAdjustment, anyFixedAdjustment), fc.constant(0)), (body) => {
      const statement = statementOf(body);
      const chargeBeforeCredits = Math.max(0, statement.subtotal + statement.adjustmentTotal);
      const paidByCredits = statement.appliedCredits.reduce((sum, credit) => sum + credit.amountApplied, 0);
      expect(statement.charge).toBeGreaterThanOrEqual(0);
      expect(statement.creditApplied).toBeLessThanOrEqual(chargeBeforeCredits);
      expect(paidByCredits).toBeLessThanOrEqual(chargeBeforeCredits);
      for (const credit of statement.appliedCredits) {
        expect(credit.amountApplied).toBeGreaterThanOrEqual(0);
        expect(credit.remainingBalance).toBeGreaterThanOrEqual(0);
      }
    });
  });

  test('the late fee is charged only on an overdue (true) unpaid balance', async ({ checkProperty }) => {
    await checkProperty(request(rateAdjustment, fc.integer({ min: 0, max: 10_000_000 })), (body) => {
      const statement = statementOf(body);
      const owesLateFee = body.isOverdue === true && body.unpaidAmount > 0;
      expect(statement.lateFee).toBe(owesLateFee ? Math.floor(body.unpaidAmount * 0.05) : 0);
    });
  });

  test('the subtotal is the sum of the line amounts, in request order', async ({ checkProperty }) => {
    await checkProperty(fc.array(usageItem, { maxLength: 8 }), (usage) => {
      const statement = statementOf({ usage });
      expect(statement.subtotal).toBe(statement.lineItems.reduce((sum, line) => sum + line.amount, 0));
      expect(statement.lineItems.map((line) => line.id)).toEqual(usage.map((_, index) => `line-${index}`));
    });
  });
});
