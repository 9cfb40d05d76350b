import { compatCreatePayment, compatPaymentStatements } from '@billing/engine';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00+09:00', newId: () => '20250315-0001' };

test.describe('compat payments: the statements stub', () => {
  test('answers one empty PENDING statement for the first 8 characters of the uuid header', () => {
    const result = compatPaymentStatements('2025-03', 'abcdef123456-7890');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
      data: {
        paymentGroupId: 'PG-abcdef12',
        paymentStatus: 'PENDING',
        statements: [
          {
            statementId: 'stmt-2025-03',
            uuid: 'abcdef123456-7890',
            billingGroupId: 'BG-abcdef12',
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
          },
        ],
      },
    });
  });

  test('without a uuid header, or with an empty one, the stub is for "default"', () => {
    for (const header of [undefined, null, '']) {
      const { data } = compatPaymentStatements('2025-04', header).body;
      expect(data.paymentGroupId).toBe('PG-default');
      expect(data.statements[0]).toMatchObject({ uuid: 'default', billingGroupId: 'BG-default' });
    }
  });

  test('a uuid header shorter than 8 characters is used whole', () => {
    expect(compatPaymentStatements('2025-03', 'u1').body.data.paymentGroupId).toBe('PG-u1');
  });
});

test.describe('compat payments: the mock payment', () => {
  test('always succeeds, echoing the payment group and amount, with a PAY- id and the caller clock', () => {
    const result = compatCreatePayment({ paymentGroupId: 'PG-abcdef12', amount: 43_670 }, deps);
    expect(result).toEqual({
      status: 200,
      body: {
        header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
        data: {
          paymentId: 'PAY-20250315-0001',
          paymentGroupId: 'PG-abcdef12',
          amount: 43_670,
          status: 'SUCCESS',
          method: 'MOCK',
          transactionDate: '2025-03-15T00:00:00.000Z',
        },
      },
    });
  });

  test('an empty body pays 0 for PG-default', () => {
    const result = compatCreatePayment({}, deps);
    expect(result.status).toBe(200);
    if (result.status === 200)
      expect(result.body.data).toMatchObject({ paymentGroupId: 'PG-default', amount: 0 });
  });

  test('an empty paymentGroupId also means PG-default', () => {
    const result = compatCreatePayment({ paymentGroupId: '', amount: 10 }, deps);
    if (result.status !== 200) throw new Error(result.body.header.resultMessage);
    expect(result.body.data.paymentGroupId).toBe('PG-default');
  });

  test('a body that is not an object or an amount that is not a number is refused with 400', () => {
    expect(compatCreatePayment([], deps).body.header.resultMessage).toBe(
      'Invalid request body: an array. Must be a JSON object.',
    );
    const result = compatCreatePayment({ amount: '100' }, deps);
    expect(result.status).toBe(400);
    expect(result.body.header.resultMessage).toBe(
      'Invalid amount: "100". Must be a finite number (not NaN or Infinity).',
    );
  });

  test('a clock that is not an instant is a programming error and throws', () => {
    expect(() => compatCreatePayment({}, { ...deps, now: 'yesterday' })).toThrow(RangeError);
  });
});
