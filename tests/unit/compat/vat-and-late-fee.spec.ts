import { type CompatCalculateOptions, type CompatStatement, compatCalculate } from '@billing/engine';
import { COMPAT_DEFAULT_VAT_RATE, compatVatRate } from '@billing/engine/internal';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'vat' };

function statementOf(body: unknown, options: Partial<CompatCalculateOptions> = {}): CompatStatement {
  const result = compatCalculate(body, { ...deps, ...options });
  if (result.status !== 200) throw new Error(`expected 200, got: ${result.body.header.resultMessage}`);
  return result.body.data;
}

/** 3 GPU hours: floor(500.01) = 500 won. */
const usage = [{ counterName: 'compute.g2.t4.c8m64', counterVolume: 3, counterUnit: 'HOURS' }];
/** 1 GPU hour: 166 won, so 10% VAT is floor(16.6) = 16. */
const oneGpuHour = [{ counterName: 'compute.g2.t4.c8m64', counterVolume: 1, counterUnit: 'HOURS' }];

test.describe('compat VAT', () => {
  test('VAT is 10% of the charge, floored', () => {
    const statement = statementOf({ usage: oneGpuHour });
    expect(statement.vat).toBe(16);
    expect(statement.totalAmount).toBe(182);
  });

  test('a VAT_RATE setting of "0.05" (an environment string) sets VAT to 5%', () => {
    expect(statementOf({ usage }, { vatRate: '0.05' }).vat).toBe(25);
  });

  test('a VAT_RATE setting given as a number is used as well', () => {
    expect(statementOf({ usage }, { vatRate: 0.2 }).vat).toBe(100);
  });

  test('a VAT_RATE setting of "0" charges no VAT', () => {
    expect(statementOf({ usage }, { vatRate: '0' }).vat).toBe(0);
  });

  test('a VAT_RATE setting with blanks around it is read as its number', () => {
    expect(compatVatRate(' 0.2 ')).toBe(0.2);
    expect(compatVatRate('.05')).toBe(0.05);
  });

  const ignored: unknown[] = [
    undefined,
    null,
    '',
    '   ',
    'abc',
    '0.2abc',
    '-0.1',
    'Infinity',
    'NaN',
    '0x10',
    -0.1,
    Number.NaN,
  ];
  for (const setting of ignored) {
    test(`a VAT_RATE setting of ${typeof setting === 'string' ? JSON.stringify(setting) : String(setting)} is ignored and VAT stays 10%`, () => {
      expect(compatVatRate(setting)).toBe(COMPAT_DEFAULT_VAT_RATE);
      expect(statementOf({ usage }, { vatRate: setting }).vat).toBe(50);
    });
  }

  test('VAT is never charged on the unpaid balance or the late fee', () => {
    const statement = statementOf({ unpaidAmount: 10_000, isOverdue: true });
    expect(statement.vat).toBe(0);
    expect(statement.totalAmount).toBe(10_500);
  });
});

test.describe('compat late fee', () => {
  test('an overdue unpaid balance adds a late fee of 5%, floored', () => {
    const statement = statementOf({ usage, unpaidAmount: 12_345, isOverdue: true });
    expect(statement.lateFee).toBe(617);
    expect(statement.unpaidAmount).toBe(12_345);
  });

  test('isOverdue must be the JSON literal true: the string "true" adds no late fee', () => {
    expect(statementOf({ usage, unpaidAmount: 10_000, isOverdue: 'true' }).lateFee).toBe(0);
  });

  test('no late fee when isOverdue is false or absent', () => {
    expect(statementOf({ usage, unpaidAmount: 10_000, isOverdue: false }).lateFee).toBe(0);
    expect(statementOf({ usage, unpaidAmount: 10_000 }).lateFee).toBe(0);
  });

  test('no late fee when nothing is unpaid, even if overdue', () => {
    const statement = statementOf({ usage, isOverdue: true });
    expect(statement.unpaidAmount).toBe(0);
    expect(statement.lateFee).toBe(0);
  });
});

test.describe('compat totals', () => {
  test('totalAmount = amount = charge + VAT + unpaid + late fee', () => {
    const statement = statementOf({ usage, unpaidAmount: 1000, isOverdue: true });
    expect(statement).toMatchObject({ charge: 500, vat: 50, unpaidAmount: 1000, lateFee: 50 });
    expect(statement.totalAmount).toBe(1600);
    expect(statement.amount).toBe(1600);
  });

  test('an unpaid balance that is not overdue is carried into the total without a fee', () => {
    const statement = statementOf({ usage, unpaidAmount: 1000 });
    expect(statement.totalAmount).toBe(1550);
  });
});
