import { computeStatement, type PreviousStatement } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { adjustment, contract, credit, projectAdjustment, statementInput, usage } from './support';

/** February's statement, closed on March 1 and due on March 15, with 20000 still owed. */
function february(overrides: Partial<PreviousStatement> = {}): PreviousStatement {
  return {
    statementId: 'stmt-2026-02',
    month: '2026-02',
    outstanding: '20000',
    dueAt: '2026-03-15T00:00:00Z',
    ...overrides,
  };
}

const C2_100_HOURS = [usage({ quantity: '100' })];

test.describe('statement: the pipeline end to end', () => {
  test('a month without usage, credits or history is an empty statement of 0', () => {
    const result = computeStatement(statementInput());

    expect(result).toMatchObject({
      billingGroupId: 'bg-1',
      month: '2026-03',
      currency: 'KRW',
      roundingMode: 'HALF_UP',
      lines: [],
      subtotal: '0',
      chargeBeforeCredits: '0',
      charge: '0',
      vat: '0',
      unpaid: '0',
      lateFee: '0',
      total: '0',
      previousStatementId: null,
      isOverdue: false,
    });
  });

  test('every step of DOMAIN §4 in one statement', { tag: ['@smoke'] }, () => {
    const result = computeStatement(
      statementInput({
        contract: contract({ discountRate: '10' }),
        usage: [
          usage({ projectId: 'proj-a', quantity: '100' }),
          usage({ projectId: 'proj-b', counterName: 'storage.volume.ssd', unit: 'GB', quantity: '50' }),
        ],
        adjustments: [
          projectAdjustment({ id: 'adj-1', targetProjectId: 'proj-b', value: '1000' }),
          adjustment({ id: 'adj-2', type: 'SURCHARGE', method: 'RATE', value: '5' }),
        ],
        credits: [credit({ amount: '5000', balance: '5000' })],
        previousStatement: february(),
      }),
    );

    // 39700 + 5000 = 44700; −10% contract = −4470; proj-b −1000; +5% of 39230 = 1961.5 → 1962;
    // 41192 − 5000 credit = 36192; VAT 3619.2 → 3619; + 20000 unpaid + 5% late fee 1000.
    expect(result).toMatchObject({
      subtotal: '44700',
      contractTotal: '-4470',
      adjustmentTotal: '962',
      chargeBeforeCredits: '41192',
      creditTotal: '5000',
      charge: '36192',
      vat: '3619',
      unpaid: '20000',
      lateFee: '1000',
      total: '60811',
    });
  });

  test('the order usage is given in never changes the statement', { tag: ['@smoke'] }, () => {
    const lines = [
      usage({ projectId: 'proj-b', quantity: '3' }),
      usage({ projectId: 'proj-a', counterName: 'compute.g2.t4.c8m64', quantity: '2.5' }),
      usage({ projectId: 'proj-a', counterName: 'network.floating_ip', quantity: '9', resourceId: 'ip-1' }),
    ];

    expect(computeStatement(statementInput({ usage: [...lines].reverse() }))).toEqual(
      computeStatement(statementInput({ usage: lines })),
    );
  });

  test('computing a statement leaves its input untouched', () => {
    const input = statementInput({ usage: C2_100_HOURS, credits: [credit()], adjustments: [adjustment()] });
    const before = structuredClone(input);

    computeStatement(input);

    expect(input).toEqual(before);
  });
});

test.describe('statement: VAT', () => {
  test('VAT defaults to 10% of the charge', () => {
    const result = computeStatement(statementInput({ usage: C2_100_HOURS }));

    expect(result).toMatchObject({ vatRate: '10', charge: '39700', vat: '3970', total: '43670' });
  });

  test('a billing group may set its own VAT rate: 7.5% of 39700 is 2977.5, billed 2978', () => {
    const result = computeStatement(
      statementInput({ billingGroup: { id: 'bg-1', vatRate: '7.5' }, usage: C2_100_HOURS }),
    );

    expect(result).toMatchObject({ vatRate: '7.5', vat: '2978', total: '42678' });
  });

  test('a VAT rate of 0% charges no VAT', () => {
    const result = computeStatement(
      statementInput({ billingGroup: { id: 'bg-1', vatRate: '0' }, usage: C2_100_HOURS }),
    );

    expect(result).toMatchObject({ vatRate: '0', vat: '0', total: '39700' });
  });

  test('VAT is never charged on the unpaid balance or the late fee', () => {
    const result = computeStatement(statementInput({ previousStatement: february() }));

    expect(result).toMatchObject({ charge: '0', vat: '0', unpaid: '20000', lateFee: '1000', total: '21000' });
  });
});

test.describe('statement: balance forward and late fee', () => {
  test("the previous statement's outstanding amount is carried forward as unpaid", () => {
    const result = computeStatement(
      statementInput({
        usage: C2_100_HOURS,
        previousStatement: february(),
        asOf: '2026-03-10T00:00:00Z',
      }),
    );

    expect(result).toMatchObject({
      previousStatementId: 'stmt-2026-02',
      unpaid: '20000',
      isOverdue: false,
      lateFee: '0',
      total: '63670',
    });
  });

  test('a late fee of 5% is charged once the previous statement is past its due date', () => {
    const result = computeStatement(
      statementInput({ previousStatement: february(), asOf: '2026-03-15T00:00:01Z' }),
    );

    expect(result).toMatchObject({ isOverdue: true, lateFeeRate: '5', lateFee: '1000' });
  });

  test('no late fee on the due date itself', () => {
    const result = computeStatement(
      statementInput({ previousStatement: february(), asOf: '2026-03-15T00:00:00Z' }),
    );

    expect(result).toMatchObject({ isOverdue: false, lateFee: '0', total: '20000' });
  });

  test('no late fee when nothing is owed, however late', () => {
    const result = computeStatement(statementInput({ previousStatement: february({ outstanding: '0' }) }));

    expect(result).toMatchObject({ unpaid: '0', isOverdue: false, lateFee: '0' });
  });

  test('a billing group may set its own late-fee rate', () => {
    const result = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', lateFeeRate: '2.5' },
        previousStatement: february({ outstanding: '12345' }),
      }),
    );

    // 2.5% of 12345 = 308.625, billed 309.
    expect(result).toMatchObject({ lateFeeRate: '2.5', lateFee: '309', total: '12654' });
  });

  test('the late fee depends on asOf only: the engine never reads a clock', () => {
    const input = statementInput({ previousStatement: february() });

    expect(computeStatement({ ...input, asOf: '2026-03-14T00:00:00Z' }).lateFee).toBe('0');
    expect(computeStatement({ ...input, asOf: '2026-03-16T00:00:00Z' }).lateFee).toBe('1000');
  });

  test('total = charge + VAT + unpaid + late fee', () => {
    const result = computeStatement(
      statementInput({ usage: C2_100_HOURS, credits: [credit()], previousStatement: february() }),
    );

    expect(result).toMatchObject({ charge: '29700', vat: '2970', unpaid: '20000', lateFee: '1000' });
    expect(result.total).toEqualMoney('53670');
  });
});
