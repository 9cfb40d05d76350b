import { type CompatCalculateOptions, type CompatStatement, compatCalculate } from '@billing/engine';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'pricing' };

function statementOf(body: unknown, options: Partial<CompatCalculateOptions> = {}): CompatStatement {
  const result = compatCalculate(body, { ...deps, ...options });
  if (result.status !== 200) throw new Error(`expected 200, got: ${result.body.header.resultMessage}`);
  return result.body.data;
}

const usage = (counterName: string, counterVolume: number) => ({
  counterName,
  counterVolume,
  counterUnit: 'HOURS',
});

test.describe('compat pricing: each counter has its legacy price in hundredths of a won', () => {
  const prices: [counter: string, hundredths: number, unitPrice: number][] = [
    ['compute.c2.c8m8', 39700, 397],
    ['compute.g2.t4.c8m64', 16667, 166.67],
    ['storage.volume.ssd', 10000, 100],
    ['network.floating_ip', 2500, 25],
  ];
  for (const [counter, hundredths, unitPrice] of prices) {
    test(`${counter} is priced ${hundredths} hundredths, shown as a unit price of ${unitPrice} won`, () => {
      const [line] = statementOf({ usage: [usage(counter, 100)] }).lineItems;
      expect(line?.unitPrice).toBe(unitPrice);
      expect(line?.amount).toBe(hundredths);
    });
  }

  test('a counter the legacy price list does not know costs 100 won per unit instead of being refused', () => {
    const statement = statementOf({ usage: [usage('compute.m2.c16m32', 3)] });
    expect(statement.lineItems[0]?.unitPrice).toBe(100);
    expect(statement.subtotal).toBe(300);
  });

  test('a counter named like an object property (constructor) still gets the default price', () => {
    const statement = statementOf({ usage: [usage('constructor', 2), usage('toString', 1)] });
    expect(statement.lineItems.map((line) => line.amount)).toEqual([200, 100]);
  });
});

test.describe('compat pricing: a line is floor(volume × hundredths / 100) in doubles', () => {
  test('one GPU hour at 166.67 won bills 166 won', () => {
    expect(statementOf({ usage: [usage('compute.g2.t4.c8m64', 1)] }).subtotal).toBe(166);
  });

  test('three GPU hours bill floor(500.01) = 500 won', () => {
    expect(statementOf({ usage: [usage('compute.g2.t4.c8m64', 3)] }).subtotal).toBe(500);
  });

  test('0.57 GB of SSD bills 56 won, not 57, because 0.57 × 10000 / 100 is 56.99999999999999 in doubles', () => {
    expect(statementOf({ usage: [usage('storage.volume.ssd', 0.57)] }).subtotal).toBe(56);
  });

  test('a usage worth less than one won bills 0', () => {
    expect(statementOf({ usage: [usage('network.floating_ip', 0.03)] }).subtotal).toBe(0);
  });

  test('the subtotal is the sum of the floored lines, not the floor of the summed usage', () => {
    const statement = statementOf({
      usage: [usage('compute.g2.t4.c8m64', 1), usage('compute.g2.t4.c8m64', 1)],
    });
    expect(statement.lineItems.map((line) => line.amount)).toEqual([166, 166]);
    expect(statement.subtotal).toBe(332);
  });
});

test.describe('compat pricing: a negative counterVolume is billed as a negative line (DOMAIN §9)', () => {
  test('-2 hours of c2 is a line of -794 won that lowers the subtotal', () => {
    const statement = statementOf({ usage: [usage('compute.c2.c8m8', 10), usage('compute.c2.c8m8', -2)] });
    expect(statement.lineItems.map((line) => [line.quantity, line.amount])).toEqual([
      [10, 3970],
      [-2, -794],
    ]);
    expect(statement.subtotal).toBe(3176);
    expect(statement.charge).toBe(3176);
  });

  test('the line is floored, toward minus infinity: -1.5 won is -2, -0.03 won is -1', () => {
    const statement = statementOf({
      usage: [usage('other', -0.015), usage('network.floating_ip', -0.0012)],
    });
    expect(statement.lineItems.map((line) => line.amount)).toEqual([-2, -1]);
    expect(statement.subtotal).toBe(-3);
  });

  test('a negative subtotal charges 0: no VAT, no credit burnt, and the total is the unpaid amount', () => {
    const statement = statementOf({
      usage: [usage('compute.c2.c8m8', -1)],
      adjustments: [{ type: 'SURCHARGE', method: 'FIXED', value: 100 }],
      credits: [{ amount: 500, type: 'FREE', creditCode: 'C-1' }],
      unpaidAmount: 1000,
    });
    expect(statement).toMatchObject({
      subtotal: -397,
      adjustmentTotal: 100,
      charge: 0,
      creditApplied: 0,
      vat: 0,
      unpaidAmount: 1000,
      totalAmount: 1000,
      amount: 1000,
      appliedCredits: [],
    });
  });
});

test.describe('compat pricing: line items', () => {
  test('line ids are line-0, line-1, … in request order', () => {
    const statement = statementOf({ usage: [usage('a', 1), usage('b', 1), usage('c', 1)] });
    expect(statement.lineItems.map((line) => [line.id, line.counterName])).toEqual([
      ['line-0', 'a'],
      ['line-1', 'b'],
      ['line-2', 'c'],
    ]);
  });

  test('counterType defaults to DELTA when absent or empty and is echoed otherwise', () => {
    const statement = statementOf({
      usage: [
        usage('a', 1),
        { ...usage('b', 1), counterType: '' },
        { ...usage('c', 1), counterType: 'GAUGE' },
      ],
    });
    expect(statement.lineItems.map((line) => line.counterType)).toEqual(['DELTA', 'DELTA', 'GAUGE']);
  });

  test('unit echoes counterUnit and quantity echoes counterVolume unrounded', () => {
    const [line] = statementOf({
      usage: [{ counterName: 'storage.volume.ssd', counterVolume: 12.345, counterUnit: 'GB' }],
    }).lineItems;
    expect(line).toMatchObject({ unit: 'GB', quantity: 12.345, amount: 1234 });
  });

  test('resource, project and app ids are echoed on their line when sent and left out when not', ({
    faker,
  }) => {
    const ids = {
      resourceId: faker.string.uuid(),
      resourceName: faker.word.noun(),
      projectId: faker.string.alphanumeric(12),
      appKey: faker.string.alphanumeric(16),
    };
    const statement = statementOf({ usage: [{ ...usage('compute.c2.c8m8', 1), ...ids }, usage('x', 1)] });
    expect(statement.lineItems[0]).toEqual({
      id: 'line-0',
      counterName: 'compute.c2.c8m8',
      counterType: 'DELTA',
      unit: 'HOURS',
      quantity: 1,
      unitPrice: 397,
      amount: 397,
      ...ids,
    });
    expect(Object.keys(statement.lineItems[1] ?? {})).toEqual([
      'id',
      'counterName',
      'counterType',
      'unit',
      'quantity',
      'unitPrice',
      'amount',
    ]);
  });
});
