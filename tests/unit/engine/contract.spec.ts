import { computeStatement, stepsOfRule } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { contract, statementInput, usage } from './support';

/** 100 c2 hours (39700) and one floating IP hour (25): a subtotal of 39725. */
const USAGE_39725 = [
  usage({ quantity: '100' }),
  usage({ counterName: 'network.floating_ip', quantity: '1' }),
];

test.describe('contract: price overrides', () => {
  test('a contract price overrides the price book for its counter only', () => {
    const result = computeStatement(
      statementInput({
        contract: contract({
          priceOverrides: [
            { counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '300' } },
          ],
        }),
        usage: USAGE_39725,
      }),
    );

    expect(
      result.lines.map((line) => [line.counterName, line.unitPrice, line.priceSource, line.amount]),
    ).toEqual([
      ['compute.c2.c8m8', '300', 'CONTRACT', '30000'],
      ['network.floating_ip', '25', 'PRICE_BOOK', '25'],
    ]);
    expect(result.subtotal).toBe('30025');
  });

  test('a contract may price a counter with tiers where the book has a flat price', () => {
    const line = computeStatement(
      statementInput({
        contract: contract({
          priceOverrides: [
            {
              counterName: 'compute.c2.c8m8',
              pricing: {
                model: 'GRADUATED',
                tiers: [
                  { from: '0', to: '50', unitPrice: '397' },
                  { from: '50', to: null, unitPrice: '350' },
                ],
              },
            },
          ],
        }),
        usage: [usage({ quantity: '100' })],
      }),
    ).lines[0];

    expect(line).toMatchObject({ pricingModel: 'GRADUATED', priceSource: 'CONTRACT', amount: '37350' });
  });
});

test.describe('contract: discount', () => {
  test('the contract discount is its own rounded line on the whole subtotal: 15% of 39725 is 5958.75, billed 5959', () => {
    const result = computeStatement(
      statementInput({ contract: contract({ discountRate: '15' }), usage: USAGE_39725 }),
    );

    expect(result.contractLines).toEqual([
      { kind: 'CONTRACT_DISCOUNT', contractId: 'contract-1', amount: '-5959', exactAmount: '-5958.75' },
    ]);
    expect(result.lines.map((line) => line.amount)).toEqual(['39700', '25']);
    expect(result.contractTotal).toBe('-5959');
    expect(result.chargeBeforeCredits).toBe('33766');
  });

  test('the contract discount is rounded with the billing group mode: FLOOR takes 5958', () => {
    const result = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', roundingMode: 'FLOOR' },
        contract: contract({ discountRate: '15' }),
        usage: USAGE_39725,
      }),
    );

    expect(result.contractLines[0]?.amount).toBe('-5958');
    expect(stepsOfRule(result.trace, 'contract-discount')[0]?.rounding).toMatchObject({
      mode: 'FLOOR',
      before: '5958.75',
      after: '5958',
    });
  });

  test('a contract discount of 0% adds no line', () => {
    const result = computeStatement(
      statementInput({ contract: contract({ discountRate: '0' }), usage: USAGE_39725 }),
    );

    expect(result.contractLines).toEqual([]);
    expect(result.contractTotal).toBe('0');
  });
});

test.describe('contract: minimum commitment', () => {
  test('discounted usage below the minimum gets a MINIMUM_COMMITMENT true-up for the difference', () => {
    const result = computeStatement(
      statementInput({
        contract: contract({ discountRate: '10', minimumCharge: '50000' }),
        usage: [usage({ quantity: '100' })],
      }),
    );

    expect(result.contractLines).toEqual([
      { kind: 'CONTRACT_DISCOUNT', contractId: 'contract-1', amount: '-3970', exactAmount: '-3970' },
      { kind: 'MINIMUM_COMMITMENT', contractId: 'contract-1', amount: '14270', exactAmount: '14270' },
    ]);
    expect(result.chargeBeforeCredits).toBe('50000');
  });

  test('discounted usage above the minimum needs no true-up', () => {
    const result = computeStatement(
      statementInput({
        contract: contract({ discountRate: '10', minimumCharge: '30000' }),
        usage: [usage({ quantity: '100' })],
      }),
    );

    expect(result.contractLines.map((line) => line.kind)).toEqual(['CONTRACT_DISCOUNT']);
    expect(stepsOfRule(result.trace, 'minimum-commitment')[0]?.notes).toEqual(['commitment met: no true-up']);
  });

  test('discounted usage exactly at the minimum needs no true-up', () => {
    const result = computeStatement(
      statementInput({ contract: contract({ minimumCharge: '39700' }), usage: [usage({ quantity: '100' })] }),
    );

    expect(result.contractLines).toEqual([]);
    expect(result.chargeBeforeCredits).toBe('39700');
  });

  test('a month without usage is still billed the minimum', () => {
    const result = computeStatement(statementInput({ contract: contract({ minimumCharge: '10000' }) }));

    expect(result.contractLines).toEqual([
      { kind: 'MINIMUM_COMMITMENT', contractId: 'contract-1', amount: '10000', exactAmount: '10000' },
    ]);
    expect(result.total).toBe('11000');
  });
});

test.describe('contract: the months it applies to', () => {
  const discounted = contract({ discountRate: '50' });

  test('a contract that starts after the month is ignored, and the trace says so', () => {
    const result = computeStatement(
      statementInput({
        contract: { ...discounted, startMonth: '2026-04' },
        usage: [usage({ quantity: '100' })],
      }),
    );

    expect(result.contractLines).toEqual([]);
    expect(result.lines[0]?.priceSource).toBe('PRICE_BOOK');
    expect(stepsOfRule(result.trace, 'contract')[0]).toMatchObject({
      result: 'ignored',
      description: 'contract contract-1 does not apply to 2026-03 (it runs 2026-04 to open-ended)',
    });
  });

  test('a contract that ended before the month is ignored, price overrides included', () => {
    const result = computeStatement(
      statementInput({
        contract: {
          ...discounted,
          endMonth: '2026-02',
          priceOverrides: [
            { counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '1' } },
          ],
        },
        usage: [usage({ quantity: '100' })],
      }),
    );

    expect(result.lines[0]).toMatchObject({ priceSource: 'PRICE_BOOK', amount: '39700' });
    expect(result.contractLines).toEqual([]);
    expect(stepsOfRule(result.trace, 'contract')[0]?.description).toBe(
      'contract contract-1 does not apply to 2026-03 (it runs 2026-01 to 2026-02)',
    );
  });

  test('the end month is inclusive: a contract ending in March applies to March', () => {
    const result = computeStatement(
      statementInput({
        contract: { ...discounted, endMonth: '2026-03' },
        usage: [usage({ quantity: '100' })],
      }),
    );

    expect(result.contractLines[0]?.amount).toBe('-19850');
    expect(stepsOfRule(result.trace, 'contract')[0]?.result).toBe('applies');
  });

  test('the start month is inclusive: a contract starting in March applies to March', () => {
    const result = computeStatement(
      statementInput({
        contract: { ...discounted, startMonth: '2026-03' },
        usage: [usage({ quantity: '100' })],
      }),
    );

    expect(result.contractLines[0]?.amount).toBe('-19850');
  });
});
