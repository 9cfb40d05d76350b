import { type CompatStatement, compatCalculate } from '@billing/engine';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'adjustments' };

function statementOf(body: unknown): CompatStatement {
  const result = compatCalculate(body, deps);
  if (result.status !== 200) throw new Error(`expected 200, got: ${result.body.header.resultMessage}`);
  return result.body.data;
}

/** 10 c2 hours: a subtotal of 3970 won. */
const usage = [{ counterName: 'compute.c2.c8m8', counterVolume: 10, counterUnit: 'HOURS' }];
/** 1000 won of unknown-counter usage, a round subtotal. */
const thousandWon = [{ counterName: 'other', counterVolume: 10, counterUnit: 'EA' }];

test.describe('compat adjustments: RATE', () => {
  test('a 15% discount on 3970 won is floor(595.5) = 595 won', () => {
    const statement = statementOf({ usage, adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: 15 }] });
    expect(statement.appliedAdjustments[0]?.amount).toBe(595);
    expect(statement.adjustmentTotal).toBe(-595);
    expect(statement.charge).toBe(3375);
  });

  test('every rate is taken on the original subtotal, so two 10% discounts are 100 + 100, not 100 + 90', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [
        { type: 'DISCOUNT', method: 'RATE', value: 10 },
        { type: 'DISCOUNT', method: 'RATE', value: 10 },
      ],
    });
    expect(statement.appliedAdjustments.map((adjustment) => adjustment.amount)).toEqual([100, 100]);
    expect(statement.charge).toBe(800);
  });

  test('a PROJECT rate applies to the whole subtotal, whatever project it targets', () => {
    const statement = statementOf({
      usage: [{ ...usage[0], projectId: 'p-billed' }],
      adjustments: [
        { type: 'SURCHARGE', method: 'RATE', value: 10, level: 'PROJECT', targetProjectId: 'p-other' },
      ],
    });
    expect(statement.appliedAdjustments[0]).toMatchObject({
      amount: 397,
      level: 'PROJECT',
      targetId: 'p-other',
    });
    expect(statement.charge).toBe(4367);
  });

  test('a discount rate above 100% is accepted and the charge is clamped at 0', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: 150 }],
    });
    expect(statement.adjustmentTotal).toBe(-1500);
    expect(statement.charge).toBe(0);
  });
});

test.describe('compat adjustments: FIXED', () => {
  test('a FIXED amount is taken unrounded: surcharges of 0.1 and 0.2 add up to 0.30000000000000004', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [
        { type: 'SURCHARGE', method: 'FIXED', value: 0.1 },
        { type: 'SURCHARGE', method: 'FIXED', value: 0.2 },
      ],
    });
    expect(statement.appliedAdjustments.map((adjustment) => adjustment.amount)).toEqual([0.1, 0.2]);
    expect(statement.adjustmentTotal).toBe(0.30000000000000004);
    expect(statement.charge).toBe(1000.3);
  });

  test('a fractional FIXED discount leaves a fractional charge, and VAT is still floored', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [{ type: 'DISCOUNT', method: 'FIXED', value: 0.5 }],
    });
    expect(statement.charge).toBe(999.5);
    expect(statement.vat).toBe(99);
    expect(statement.totalAmount).toBe(1098.5);
  });
});

test.describe('compat adjustments: totals', () => {
  test('adjustmentTotal is Σ surcharges − Σ discounts', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [
        { type: 'SURCHARGE', method: 'FIXED', value: 300 },
        { type: 'DISCOUNT', method: 'RATE', value: 20 },
        { type: 'SURCHARGE', method: 'RATE', value: 5 },
        { type: 'DISCOUNT', method: 'FIXED', value: 70 },
      ],
    });
    expect(statement.adjustmentTotal).toBe(300 + 50 - (200 + 70));
    expect(statement.charge).toBe(1080);
  });

  test('discounts beyond the subtotal clamp the charge at 0 while adjustmentTotal keeps the full discount', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [{ type: 'DISCOUNT', method: 'FIXED', value: 2500 }],
    });
    expect(statement.adjustmentTotal).toBe(-2500);
    expect(statement.charge).toBe(0);
    expect(statement.vat).toBe(0);
    expect(statement.totalAmount).toBe(0);
  });

  test('a surcharge on an empty statement is charged on its own', () => {
    const statement = statementOf({ adjustments: [{ type: 'SURCHARGE', method: 'FIXED', value: 1000 }] });
    expect(statement.subtotal).toBe(0);
    expect(statement.charge).toBe(1000);
    expect(statement.totalAmount).toBe(1100);
  });
});

test.describe('compat adjustments: the applied list', () => {
  test('each adjustment is listed as adj-<i> in request order with its own positive amount', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [
        { type: 'DISCOUNT', method: 'FIXED', value: 10, description: 'loyalty' },
        { type: 'SURCHARGE', method: 'RATE', value: 3, description: 'support plan' },
      ],
    });
    expect(statement.appliedAdjustments).toEqual([
      { adjustmentId: 'adj-0', type: 'DISCOUNT', description: 'loyalty', amount: 10, level: 'BILLING_GROUP' },
      {
        adjustmentId: 'adj-1',
        type: 'SURCHARGE',
        description: 'support plan',
        amount: 30,
        level: 'BILLING_GROUP',
      },
    ]);
  });

  test('a missing or empty description reads "Discount Applied" or "Surcharge Applied"', () => {
    const statement = statementOf({
      adjustments: [
        { type: 'DISCOUNT', method: 'FIXED', value: 1 },
        { type: 'DISCOUNT', method: 'FIXED', value: 1, description: '' },
        { type: 'SURCHARGE', method: 'FIXED', value: 1 },
        { type: 'SURCHARGE', method: 'FIXED', value: 1, description: null },
      ],
    });
    expect(statement.appliedAdjustments.map((adjustment) => adjustment.description)).toEqual([
      'Discount Applied',
      'Discount Applied',
      'Surcharge Applied',
      'Surcharge Applied',
    ]);
  });

  test('level is BILLING_GROUP when absent or unknown, and PROJECT is kept', () => {
    const levels = [undefined, 'BILLING_GROUP', 'PROJECT', 'project', 'ORGANIZATION', 7];
    const statement = statementOf({
      adjustments: levels.map((level) => ({ type: 'SURCHARGE', method: 'FIXED', value: 1, level })),
    });
    expect(statement.appliedAdjustments.map((adjustment) => adjustment.level)).toEqual([
      'BILLING_GROUP',
      'BILLING_GROUP',
      'PROJECT',
      'BILLING_GROUP',
      'BILLING_GROUP',
      'BILLING_GROUP',
    ]);
  });

  test('targetId echoes targetProjectId and is left out when none was sent', () => {
    const statement = statementOf({
      adjustments: [
        { type: 'SURCHARGE', method: 'FIXED', value: 1, level: 'PROJECT', targetProjectId: 'proj-7' },
        { type: 'SURCHARGE', method: 'FIXED', value: 1 },
      ],
    });
    expect(statement.appliedAdjustments[0]?.targetId).toBe('proj-7');
    expect(statement.appliedAdjustments[1]).not.toHaveProperty('targetId');
  });
});

test.describe('compat adjustments: the older shape', () => {
  test('{adjustmentType, method, adjustmentValue} bills exactly like {type, method, value}', () => {
    const current = statementOf({
      usage,
      adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: 15, description: 'd', level: 'PROJECT' }],
    });
    const older = statementOf({
      usage,
      adjustments: [
        {
          adjustmentType: 'DISCOUNT',
          method: 'RATE',
          adjustmentValue: 15,
          description: 'd',
          level: 'PROJECT',
        },
      ],
    });
    expect(older).toEqual(current);
  });

  test('an adjustment with an adjustmentType key is read in the older shape even when it also has type and value', () => {
    const statement = statementOf({
      usage: thousandWon,
      adjustments: [
        { adjustmentType: 'SURCHARGE', adjustmentValue: 5, type: 'DISCOUNT', value: 50, method: 'FIXED' },
      ],
    });
    expect(statement.appliedAdjustments[0]).toMatchObject({ type: 'SURCHARGE', amount: 5 });
  });
});
