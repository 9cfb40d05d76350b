import {
  type Currency,
  computeStatement,
  Decimal,
  type RoundingMode,
  type StatementResult,
  stepsOfRule,
} from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { adjustment, credit, issueAt, statementInput, unitPriceBook, usage, usageWorth } from './support';

/**
 * Each named rounding point (DOMAIN §1) is checked with three exact values per currency: a tie
 * whose lower neighbour is even, a value above the half and one below it. Together they tell the
 * four rounding modes apart: HALF_UP and CEIL differ on the third, HALF_EVEN and FLOOR on the second.
 */
const EXACT: Record<'KRW' | 'USD', [string, string, string]> = {
  KRW: ['2.5', '2.7', '2.2'],
  USD: ['0.025', '0.027', '0.022'],
};

const ROUNDED: Record<'KRW' | 'USD', Record<RoundingMode, [string, string, string]>> = {
  KRW: {
    HALF_UP: ['3', '3', '2'],
    HALF_EVEN: ['2', '3', '2'],
    FLOOR: ['2', '2', '2'],
    CEIL: ['3', '3', '3'],
  },
  USD: {
    HALF_UP: ['0.03', '0.03', '0.02'],
    HALF_EVEN: ['0.02', '0.03', '0.02'],
    FLOOR: ['0.02', '0.02', '0.02'],
    CEIL: ['0.03', '0.03', '0.03'],
  },
};

/** Amounts that, multiplied by the rate at a rounding point, give the exact values above. */
const SCALED: Record<'KRW' | 'USD', { vatCharges: string[]; unpaid: string[]; rateBase: string }> = {
  // 10% VAT of 25, 27, 22; 5% late fee of 50, 54, 44; 2.5%, 2.7%, 2.2% of 100.
  KRW: { vatCharges: ['25', '27', '22'], unpaid: ['50', '54', '44'], rateBase: '100' },
  USD: { vatCharges: ['0.25', '0.27', '0.22'], unpaid: ['0.50', '0.54', '0.44'], rateBase: '1' },
};

const CURRENCIES = ['KRW', 'USD'] as const;
const MODES: RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'];

function billingGroup(currency: Currency, roundingMode: RoundingMode) {
  return { id: 'bg-1', currency, roundingMode };
}

test.describe('money: each line amount is rounded with the billing group rounding mode', () => {
  for (const currency of CURRENCIES) {
    for (const mode of MODES) {
      test(`${mode} rounds ${currency} line amounts ${EXACT[currency].join(', ')} to ${ROUNDED[currency][mode].join(', ')}`, () => {
        const result = computeStatement(
          statementInput({
            billingGroup: billingGroup(currency, mode),
            priceBook: unitPriceBook(currency),
            usage: EXACT[currency].map((quantity, index) =>
              usage({ quantity, resourceId: `vm-${index + 1}` }),
            ),
          }),
        );

        expect(result.lines.map((line) => line.exactAmount)).toEqual(EXACT[currency]);
        expect(result.lines.map((line) => line.amount)).toEqual(ROUNDED[currency][mode]);
        const roundings = stepsOfRule(result.trace, 'usage-line').map((step) => step.rounding);
        expect(roundings.map((rounding) => rounding?.before)).toEqual(EXACT[currency]);
        expect(roundings.map((rounding) => rounding?.mode)).toEqual([mode, mode, mode]);
      });
    }
  }
});

test.describe('money: each adjustment amount is rounded with the billing group rounding mode', () => {
  for (const currency of CURRENCIES) {
    for (const mode of MODES) {
      test(`${mode} rounds ${currency} adjustment amounts ${EXACT[currency].join(', ')} to ${ROUNDED[currency][mode].join(', ')}`, () => {
        const rates = ['2.5', '2.7', '2.2'];
        const result = computeStatement(
          statementInput({
            billingGroup: billingGroup(currency, mode),
            priceBook: unitPriceBook(currency),
            usage: [usageWorth(SCALED[currency].rateBase)],
            adjustments: rates.map((value, index) =>
              adjustment({ id: `adj-${index + 1}`, type: 'SURCHARGE', method: 'RATE', value }),
            ),
          }),
        );

        expect(result.billingGroupAdjustments.map((applied) => applied.amount)).toEqual(
          ROUNDED[currency][mode],
        );
        const steps = stepsOfRule(result.trace, 'billing-group-adjustment');
        expect(steps.map((step) => step.exact)).toEqual(EXACT[currency]);
        expect(steps.map((step) => step.rounding?.before)).toEqual(EXACT[currency]);
      });
    }
  }
});

test.describe('money: VAT is rounded with the billing group rounding mode', () => {
  for (const currency of CURRENCIES) {
    for (const mode of MODES) {
      test(`${mode} rounds ${currency} VAT ${EXACT[currency].join(', ')} to ${ROUNDED[currency][mode].join(', ')}`, () => {
        const results = SCALED[currency].vatCharges.map((charge) =>
          computeStatement(
            statementInput({
              billingGroup: billingGroup(currency, mode),
              priceBook: unitPriceBook(currency),
              usage: [usageWorth(charge)],
            }),
          ),
        );

        expect(results.map((result) => result.vat)).toEqual(ROUNDED[currency][mode]);
        expect(results.map((result) => stepsOfRule(result.trace, 'vat')[0]?.rounding?.before)).toEqual(
          EXACT[currency],
        );
      });
    }
  }
});

test.describe('money: the late fee is rounded with the billing group rounding mode', () => {
  for (const currency of CURRENCIES) {
    for (const mode of MODES) {
      test(`${mode} rounds ${currency} late fees ${EXACT[currency].join(', ')} to ${ROUNDED[currency][mode].join(', ')}`, () => {
        const results = SCALED[currency].unpaid.map((outstanding) =>
          computeStatement(
            statementInput({
              billingGroup: billingGroup(currency, mode),
              priceBook: unitPriceBook(currency),
              previousStatement: {
                statementId: 'stmt-2026-02',
                month: '2026-02',
                outstanding,
                dueAt: '2026-03-15T00:00:00Z',
              },
            }),
          ),
        );

        expect(results.map((result) => result.lateFee)).toEqual(ROUNDED[currency][mode]);
        expect(results.map((result) => stepsOfRule(result.trace, 'late-fee')[0]?.rounding?.before)).toEqual(
          EXACT[currency],
        );
      });
    }
  }
});

test.describe('money: amounts on the wire', () => {
  test('money and rates leave the engine as decimal strings with the currency minor digits', () => {
    const result = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', currency: 'USD' },
        priceBook: unitPriceBook('USD'),
        usage: [usageWorth('12.3')],
      }),
    );

    expect(result.subtotal).toBe('12.30');
    expect(result.vat).toBe('1.23');
    expect(result.total).toBe('13.53');
    expect(result.vatRate).toBe('10');
    expect(result.creditTotal).toBe('0.00');
    for (const value of [result.subtotal, result.charge, result.vat, result.unpaid, result.lateFee]) {
      expect(typeof value).toBe('string');
    }
  });

  test('the GPU price leaves the engine as the string "166.67", never a float', () => {
    const result = computeStatement(
      statementInput({ usage: [usage({ counterName: 'compute.g2.t4.c8m64', quantity: '3' })] }),
    );

    expect(result.lines[0]?.unitPrice).toBe('166.67');
    expect(result.lines[0]?.exactAmount).toBe('500.01');
    expect(result.lines[0]?.amount).toBe('500');
  });

  test('KRW amounts carry no decimal point', () => {
    const result = computeStatement(statementInput({ usage: [usage({ quantity: '100' })] }));

    expect(result.lines[0]?.amount).toBe('39700');
    expect(result.total).toBe('43670');
  });
});

test.describe('money: a statement adds up to the unit', () => {
  function sumOf(values: readonly string[]): Decimal {
    return values.reduce((total, value) => total.plus(value), new Decimal(0));
  }

  function assertAddsUp(result: StatementResult): void {
    expect(result.subtotal).toEqualMoney(sumOf(result.lines.map((line) => line.amount)).toFixed());
    expect(result.contractTotal).toEqualMoney(
      sumOf(result.contractLines.map((line) => line.amount)).toFixed(),
    );
    const adjustments = [...result.projectAdjustments, ...result.billingGroupAdjustments].map((applied) =>
      applied.type === 'DISCOUNT' ? `-${applied.amount}` : applied.amount,
    );
    expect(result.adjustmentTotal).toEqualMoney(sumOf(adjustments).toFixed());
    expect(result.creditTotal).toEqualMoney(sumOf(result.credits.map((c) => c.amountApplied)).toFixed());
    expect(result.charge).toEqualMoney(
      new Decimal(result.chargeBeforeCredits).minus(result.creditTotal).toFixed(),
    );
    expect(result.total).toEqualMoney(
      sumOf([result.charge, result.vat, result.unpaid, result.lateFee]).toFixed(),
    );
  }

  test('fractional GPU hours, a rate discount, a credit, VAT, unpaid and late fee leave no residue (KRW)', () => {
    const result = computeStatement(
      statementInput({
        usage: [
          usage({ counterName: 'compute.g2.t4.c8m64', quantity: '10.5', resourceId: 'gpu-1' }),
          usage({ counterName: 'compute.g2.t4.c8m64', quantity: '7.25', resourceId: 'gpu-2' }),
          usage({ counterName: 'network.floating_ip', quantity: '0.3' }),
        ],
        adjustments: [adjustment({ method: 'RATE', value: '3.3' })],
        credits: [credit({ amount: '777', balance: '777' })],
        previousStatement: {
          statementId: 'stmt-2026-02',
          month: '2026-02',
          outstanding: '12345',
          dueAt: '2026-03-15T00:00:00Z',
        },
      }),
    );

    expect(result.lines.map((line) => line.amount)).toEqual(['1750', '1208', '8']);
    expect(result.subtotal).toBe('2966');
    assertAddsUp(result);
    expect(result.total).toBe('15262');
  });

  test('the same statement in USD with HALF_EVEN leaves no residue at the cent', () => {
    const result = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', currency: 'USD', roundingMode: 'HALF_EVEN', vatRate: '7.5' },
        priceBook: unitPriceBook('USD'),
        usage: [
          usage({ quantity: '10.005', resourceId: 'vm-1' }),
          usage({ quantity: '3.335', resourceId: 'vm-2' }),
        ],
        adjustments: [adjustment({ method: 'RATE', value: '12.5' })],
        credits: [credit({ amount: '1.11', balance: '1.11' })],
      }),
    );

    // 13.34 − 12.5% (1.6675 → 1.67) − 1.11 credit = 10.56; VAT 7.5% = 0.792 → 0.79.
    expect(result.lines.map((line) => line.amount)).toEqual(['10.00', '3.34']);
    assertAddsUp(result);
    expect(result.total).toBe('11.35');
  });
});

test.describe('money: amounts must fit the currency minor unit', () => {
  test('a KRW credit cannot hold fractions of a won', () => {
    const issue = issueAt(
      () => computeStatement(statementInput({ credits: [credit({ amount: '100.5', balance: '100.5' })] })),
      'credits[0].amount',
    );

    expect(issue).toEqual({
      field: 'credits[0].amount',
      rule: 'minor-unit',
      message: 'has more decimals than KRW allows (0), got 100.5',
    });
  });

  test('a USD credit may hold cents but not fractions of a cent', () => {
    const accepted = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', currency: 'USD' },
        priceBook: unitPriceBook('USD'),
        credits: [credit({ amount: '100.50', balance: '100.50' })],
      }),
    );
    expect(accepted.skippedCredits).toEqual([{ grantId: 'credit-1', reason: 'CHARGE_COVERED' }]);

    const issue = issueAt(
      () =>
        computeStatement(
          statementInput({
            billingGroup: { id: 'bg-1', currency: 'USD' },
            priceBook: unitPriceBook('USD'),
            credits: [credit({ amount: '100.505', balance: '100.505' })],
          }),
        ),
      'credits[0].balance',
    );
    expect(issue.message).toBe('has more decimals than USD allows (2), got 100.505');
  });

  test('an unpaid balance forward must be whole yen for a JPY billing group', () => {
    const issue = issueAt(
      () =>
        computeStatement(
          statementInput({
            billingGroup: { id: 'bg-1', currency: 'JPY' },
            priceBook: unitPriceBook('JPY'),
            previousStatement: {
              statementId: 'stmt-2026-02',
              month: '2026-02',
              outstanding: '10.1',
              dueAt: '2026-03-15T00:00:00Z',
            },
          }),
        ),
      'previousStatement.outstanding',
    );

    expect(issue.rule).toBe('minor-unit');
    expect(issue.message).toBe('has more decimals than JPY allows (0), got 10.1');
  });

  test('money written as a JSON number is refused: it must be a decimal string', () => {
    const issue = issueAt(
      () =>
        computeStatement(
          statementInput({ credits: [credit({ amount: 100 as unknown as string, balance: '100' })] }),
        ),
      'credits[0].amount',
    );

    expect(issue).toEqual({
      field: 'credits[0].amount',
      rule: 'decimal',
      message: 'must be a decimal number written as a string, got 100',
    });
  });
});
