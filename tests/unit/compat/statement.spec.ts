import { type CompatCalculateOptions, type CompatStatement, compatCalculate } from '@billing/engine';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'fresh-id' };

function statementOf(body: unknown, options: Partial<CompatCalculateOptions> = {}): CompatStatement {
  const result = compatCalculate(body, { ...deps, ...options });
  if (result.status !== 200) throw new Error(`expected 200, got: ${result.body.header.resultMessage}`);
  return result.body.data;
}

test.describe('compat statement: month', () => {
  test('month is the UTC month of targetDate, so 23:30 at -02:00 on 31 March is April', {
    tag: ['@smoke'],
  }, () => {
    expect(statementOf({ targetDate: '2025-03-31T23:30:00-02:00' }).month).toBe('2025-04');
  });

  test('midnight at +09:00 on 1 March is still February in UTC', () => {
    expect(statementOf({ targetDate: '2025-03-01T00:00:00+09:00' }).month).toBe('2025-02');
  });

  test('a date-only or month-only targetDate names its month', () => {
    expect(statementOf({ targetDate: '2024-02-29' }).month).toBe('2024-02');
    expect(statementOf({ targetDate: '2024-11' }).month).toBe('2024-11');
  });

  test('without a targetDate the month is the UTC month of now, as the caller gives it', () => {
    expect(statementOf({}, { now: '2025-12-31T23:59:59-05:00' }).month).toBe('2026-01');
  });

  test('a null or empty targetDate also means now', () => {
    expect(statementOf({ targetDate: null }).month).toBe('2025-03');
    expect(statementOf({ targetDate: '' }).month).toBe('2025-03');
  });
});

test.describe('compat statement: identity', () => {
  test('statementId is stmt- followed by a fresh id from the caller', () => {
    let calls = 0;
    const newId = () => `n${++calls}`;
    expect(statementOf({}, { newId }).statementId).toBe('stmt-n1');
    expect(statementOf({}, { newId }).statementId).toBe('stmt-n2');
  });

  test('the uuid header wins over the uuid in the body', () => {
    expect(statementOf({ uuid: 'from-body' }, { uuidHeader: 'from-header' }).uuid).toBe('from-header');
  });

  test('the body uuid answers when the header is absent, null or empty', () => {
    expect(statementOf({ uuid: 'from-body' }).uuid).toBe('from-body');
    expect(statementOf({ uuid: 'from-body' }, { uuidHeader: null }).uuid).toBe('from-body');
    expect(statementOf({ uuid: 'from-body' }, { uuidHeader: '' }).uuid).toBe('from-body');
  });

  test('uuid and billingGroupId are left out when nobody sent them', () => {
    const statement = statementOf({});
    expect(statement).not.toHaveProperty('uuid');
    expect(statement).not.toHaveProperty('billingGroupId');
  });

  test('billingGroupId is echoed', ({ faker }) => {
    const billingGroupId = `bg-${faker.string.alphanumeric(8)}`;
    expect(statementOf({ billingGroupId }).billingGroupId).toBe(billingGroupId);
  });
});

test.describe('compat statement: defaults and envelope', () => {
  test('an empty request is a zero PENDING statement in KRW with every field present', () => {
    expect(statementOf({})).toEqual({
      statementId: 'stmt-fresh-id',
      month: '2025-03',
      currency: 'KRW',
      subtotal: 0,
      billingGroupDiscount: 0,
      adjustmentTotal: 0,
      creditApplied: 0,
      vat: 0,
      unpaidAmount: 0,
      lateFee: 0,
      charge: 0,
      amount: 0,
      totalAmount: 0,
      status: 'PENDING',
      lineItems: [],
      appliedCredits: [],
      appliedAdjustments: [],
    });
  });

  test('null usage, credits and adjustments count as none', () => {
    expect(
      statementOf({ usage: null, credits: null, adjustments: null, unpaidAmount: null }).totalAmount,
    ).toBe(0);
  });

  test('billingGroupDiscount stays 0 even with billing-group discounts: they are adjustments', () => {
    const statement = statementOf({
      usage: [{ counterName: 'other', counterVolume: 1, counterUnit: 'EA' }],
      adjustments: [{ type: 'DISCOUNT', method: 'FIXED', value: 10, level: 'BILLING_GROUP' }],
    });
    expect(statement.billingGroupDiscount).toBe(0);
    expect(statement.adjustmentTotal).toBe(-10);
  });

  test('a success answers HTTP 200 with the SUCCESS header and the statement under data', () => {
    const result = compatCalculate({}, deps);
    expect(result.status).toBe(200);
    expect(result.body.header).toEqual({ isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' });
    expect(Object.keys(result.body)).toEqual(['header', 'data']);
  });

  test('the statement keys come in the older system order', () => {
    const statement = statementOf({ uuid: 'u', billingGroupId: 'bg' });
    expect(Object.keys(statement)).toEqual([
      'statementId',
      'uuid',
      'billingGroupId',
      'month',
      'currency',
      'subtotal',
      'billingGroupDiscount',
      'adjustmentTotal',
      'creditApplied',
      'vat',
      'unpaidAmount',
      'lateFee',
      'charge',
      'amount',
      'totalAmount',
      'status',
      'lineItems',
      'appliedCredits',
      'appliedAdjustments',
    ]);
  });
});
