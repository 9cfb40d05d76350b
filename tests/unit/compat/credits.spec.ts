import { type CompatStatement, compatCalculate } from '@billing/engine';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'credits' };

function statementOf(body: unknown): CompatStatement {
  const result = compatCalculate(body, deps);
  if (result.status !== 200) throw new Error(`expected 200, got: ${result.body.header.resultMessage}`);
  return result.body.data;
}

/** 1000 won of usage at the default price. */
const usage = [{ counterName: 'other', counterVolume: 10, counterUnit: 'EA' }];

test.describe('compat credits: burn order', () => {
  test('credits pay in request order, each min(amount, what is left), whatever their type', () => {
    const statement = statementOf({
      usage,
      credits: [
        { amount: 300, type: 'PAID', creditCode: 'paid' },
        { amount: 500, type: 'PROMOTIONAL', creditCode: 'promo' },
        { amount: 400, type: 'FREE', creditCode: 'free' },
      ],
    });
    expect(statement.appliedCredits.map((credit) => [credit.creditId, credit.amountApplied])).toEqual([
      ['paid', 300],
      ['promo', 500],
      ['free', 200],
    ]);
    expect(statement.charge).toBe(0);
  });

  test('credits the charge never reaches are not listed', () => {
    const statement = statementOf({
      usage,
      credits: [
        { amount: 1000, type: 'FREE', creditCode: 'first' },
        { amount: 50, type: 'FREE', creditCode: 'never-reached' },
      ],
    });
    expect(statement.appliedCredits.map((credit) => credit.creditId)).toEqual(['first']);
  });

  test('no credit is listed when the charge before credits is already 0', () => {
    const statement = statementOf({
      usage,
      adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: 100 }],
      credits: [{ amount: 100, type: 'FREE' }],
    });
    expect(statement.appliedCredits).toEqual([]);
    expect(statement.creditApplied).toBe(0);
  });

  test('a credit of 0 reached while a charge is left is listed with nothing applied', () => {
    const statement = statementOf({ usage, credits: [{ amount: 0, type: 'FREE' }] });
    expect(statement.appliedCredits).toEqual([
      { creditId: 'credit-0', type: 'FREE', amountApplied: 0, remainingBalance: 0 },
    ]);
    expect(statement.charge).toBe(1000);
  });
});

test.describe('compat credits: amounts', () => {
  test('creditApplied is what the credits paid and charge is what is left', () => {
    const statement = statementOf({ usage, credits: [{ amount: 250, type: 'FREE' }] });
    expect(statement.creditApplied).toBe(250);
    expect(statement.charge).toBe(750);
    expect(statement.appliedCredits[0]?.remainingBalance).toBe(0);
  });

  test('a credit larger than the charge keeps the rest as its remaining balance', () => {
    const statement = statementOf({ usage, credits: [{ amount: 5000, type: 'PAID' }] });
    expect(statement.appliedCredits[0]).toMatchObject({ amountApplied: 1000, remainingBalance: 4000 });
  });

  test('credits pay the charge after adjustments, and VAT is taken on what the credits left', () => {
    const statement = statementOf({
      usage,
      adjustments: [{ type: 'SURCHARGE', method: 'FIXED', value: 500 }],
      credits: [{ amount: 700, type: 'FREE' }],
    });
    expect(statement.creditApplied).toBe(700);
    expect(statement.charge).toBe(800);
    expect(statement.vat).toBe(80);
    expect(statement.totalAmount).toBe(880);
  });

  test('credits never pay the unpaid balance or the late fee', () => {
    const statement = statementOf({
      usage,
      unpaidAmount: 2000,
      isOverdue: true,
      credits: [{ amount: 10_000, type: 'PAID' }],
    });
    expect(statement.creditApplied).toBe(1000);
    expect(statement.totalAmount).toBe(2000 + 100);
  });
});

test.describe('compat credits: what each applied credit shows', () => {
  test('creditId is the creditCode, else the uuid, else credit-<i> by request position', () => {
    const statement = statementOf({
      usage,
      credits: [
        { amount: 1, type: 'FREE', creditCode: 'CODE-1', uuid: 'uuid-1' },
        { amount: 1, type: 'FREE', uuid: 'uuid-2' },
        { amount: 1, type: 'FREE' },
      ],
    });
    expect(statement.appliedCredits.map((credit) => credit.creditId)).toEqual([
      'CODE-1',
      'uuid-2',
      'credit-2',
    ]);
  });

  test('an empty creditCode or uuid counts as absent in the creditId chain', () => {
    const statement = statementOf({
      usage,
      credits: [
        { amount: 1, type: 'FREE', creditCode: '', uuid: 'uuid-0' },
        { amount: 1, type: 'FREE', creditCode: '', uuid: '' },
      ],
    });
    expect(statement.appliedCredits.map((credit) => credit.creditId)).toEqual(['uuid-0', 'credit-1']);
  });

  test('type and campaignId are echoed and the credit name becomes campaignName', ({ faker }) => {
    const campaignId = faker.string.alphanumeric(10);
    const name = faker.commerce.productName();
    const statement = statementOf({
      usage,
      credits: [{ amount: 100, type: 'PROMOTIONAL', campaignId, name }],
    });
    expect(statement.appliedCredits[0]).toEqual({
      creditId: 'credit-0',
      type: 'PROMOTIONAL',
      amountApplied: 100,
      remainingBalance: 0,
      campaignId,
      campaignName: name,
    });
  });
});
