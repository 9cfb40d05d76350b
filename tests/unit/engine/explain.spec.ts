import { computeStatement, formatTrace, type StatementInput, stepsOfRule } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { adjustment, contract, credit, projectAdjustment, statementInput, usage } from './support';

/** A statement that goes through every step of DOMAIN §4. */
function everyStep(): StatementInput {
  return statementInput({
    contract: contract({ discountRate: '10', minimumCharge: '1000' }),
    usage: [
      usage({ projectId: 'proj-a', quantity: '100' }),
      usage({ projectId: 'proj-b', counterName: 'compute.g2.t4.c8m64', quantity: '1' }),
    ],
    adjustments: [
      projectAdjustment({ id: 'adj-1', value: '500' }),
      adjustment({ id: 'adj-2', method: 'RATE', value: '2.5' }),
    ],
    credits: [
      credit({ id: 'credit-paid', type: 'PAID', amount: '5000', balance: '5000' }),
      credit({ id: 'credit-promo', amount: '1000', balance: '1000' }),
      credit({ id: 'credit-late', grantedAt: '2026-05-01T00:00:00Z' }),
    ],
    previousStatement: {
      statementId: 'stmt-2026-02',
      month: '2026-02',
      outstanding: '20000',
      dueAt: '2026-03-15T00:00:00Z',
    },
  });
}

test.describe('explain: the steps and their order', () => {
  test('the trace follows DOMAIN §4 step by step', () => {
    const { trace } = computeStatement(everyStep());

    expect(trace.map((step) => step.rule)).toEqual([
      'usage-line',
      'usage-line',
      'subtotal',
      'contract',
      'contract-discount',
      'minimum-commitment',
      'project-adjustment',
      'billing-group-adjustment',
      'charge-before-credits',
      'credit-burn',
      'credit-burn',
      'credit-skipped',
      'charge',
      'vat',
      'unpaid',
      'late-fee',
      'total',
    ]);
  });

  test('steps are numbered from 1 in order', () => {
    const { trace } = computeStatement(everyStep());

    expect(trace.map((step) => step.step)).toEqual(trace.map((_, index) => index + 1));
  });

  test('each step ends on the amount the statement shows', () => {
    const result = computeStatement(everyStep());
    const resultOf = (rule: string) => stepsOfRule(result.trace, rule).map((step) => step.result);

    expect(resultOf('usage-line')).toEqual(result.lines.map((line) => line.amount));
    expect(resultOf('subtotal')).toEqual([result.subtotal]);
    expect(resultOf('charge-before-credits')).toEqual([result.chargeBeforeCredits]);
    expect(resultOf('charge')).toEqual([result.charge]);
    expect(resultOf('vat')).toEqual([result.vat]);
    expect(resultOf('unpaid')).toEqual([result.unpaid]);
    expect(resultOf('late-fee')).toEqual([result.lateFee]);
    expect(resultOf('total')).toEqual([result.total]);
  });
});

test.describe('explain: roundings', () => {
  test('every rounding is recorded with the exact value before it', () => {
    const { trace } = computeStatement(everyStep());
    const rounded = trace.filter((step) => step.rounding !== null);

    expect(rounded.map((step) => [step.rule, step.rounding?.before, step.rounding?.after])).toEqual([
      ['usage-line', '39700', '39700'],
      ['usage-line', '166.67', '167'],
      ['contract-discount', '3986.7', '3987'],
      ['minimum-commitment', '0', '0'],
      ['project-adjustment', '500', '500'],
      ['billing-group-adjustment', '884.5', '885'],
      ['vat', '2849.5', '2850'],
      ['late-fee', '1000', '1000'],
    ]);
    for (const step of rounded) {
      expect(step.exact).toBe(step.rounding?.before);
      expect(step.rounding).toMatchObject({ mode: 'HALF_UP', currency: 'KRW', minorUnit: 0 });
    }
  });

  test('the trace of a line names the quantity, unit, model and price source', () => {
    const [line] = computeStatement(everyStep()).trace;

    expect(line).toMatchObject({
      rule: 'usage-line',
      description: 'compute.c2.c8m8 for project proj-a: 100 HOURS priced PER_UNIT from the price book',
      inputs: { lineId: 'line-1', quantity: '100', unit: 'HOURS', pricingModel: 'PER_UNIT' },
    });
  });

  test('no late fee means no late-fee rounding', () => {
    const result = computeStatement(statementInput());

    expect(stepsOfRule(result.trace, 'late-fee')[0]).toMatchObject({
      rounding: null,
      result: '0',
      description: 'no late fee: nothing unpaid is past its due date',
    });
  });
});

test.describe('explain: credits', () => {
  test('each credit burn says why the grant came at its place in the order', () => {
    const result = computeStatement(
      statementInput({
        usage: [usage({ quantity: '100' })],
        credits: [
          credit({ id: 'credit-e', type: 'PAID', amount: '100', balance: '100' }),
          credit({
            id: 'credit-d',
            priority: 5,
            amount: '100',
            balance: '100',
            grantedAt: '2026-02-01T00:00:00Z',
          }),
          credit({
            id: 'credit-c',
            priority: 5,
            amount: '100',
            balance: '100',
            grantedAt: '2026-02-01T00:00:00Z',
          }),
          credit({ id: 'credit-b', priority: 5, amount: '100', balance: '100' }),
          credit({
            id: 'credit-a',
            priority: 5,
            amount: '100',
            balance: '100',
            expiresAt: '2026-12-31T00:00:00Z',
          }),
        ],
      }),
    );

    expect(
      stepsOfRule(result.trace, 'credit-burn').map((step) => [step.inputs.grantId, step.notes[0]]),
    ).toEqual([
      ['credit-a', 'first in burn order: priority 5'],
      ['credit-b', 'same priority as credit-a; expires never, later than 2026-12-31T00:00:00Z'],
      [
        'credit-c',
        'same priority and expiry as credit-b; granted 2026-02-01T00:00:00Z, after 2026-01-01T00:00:00Z',
      ],
      ['credit-d', 'same priority, expiry and grant time as credit-c; ordered by id'],
      ['credit-e', 'priority 40 (the PAID default), after credit-d with priority 5'],
    ]);
  });

  test('a credit burn shows min(balance, remaining charge)', () => {
    const result = computeStatement(everyStep());

    expect(stepsOfRule(result.trace, 'credit-burn')[1]).toMatchObject({
      description: 'credit credit-paid (PAID) pays min(balance 5000, remaining charge 33495)',
      inputs: { balance: '5000', remainingCharge: '33495', priority: 40 },
      result: '5000',
    });
  });

  test('a skipped grant is explained with its reason', () => {
    const result = computeStatement(everyStep());

    expect(stepsOfRule(result.trace, 'credit-skipped')).toEqual([
      expect.objectContaining({
        description: 'credit credit-late not used: granted after the period ends',
        inputs: { grantId: 'credit-late', reason: 'NOT_YET_GRANTED' },
      }),
    ]);
  });
});

test.describe('explain: caps and clamps', () => {
  test('the trace says where a cap bit', () => {
    const result = computeStatement(
      statementInput({
        usage: [usage({ quantity: '10' })],
        adjustments: [projectAdjustment({ value: '5000' })],
      }),
    );

    expect(stepsOfRule(result.trace, 'project-adjustment')[0]?.notes).toEqual([
      'cap bit: 5000 asked, but discounts on project proj-a cannot exceed its base 3970, so 3970 applied',
    ]);
  });

  test('the trace says where the clamp at 0 bit', () => {
    const result = computeStatement(
      statementInput({
        contract: contract({ discountRate: '100' }),
        usage: [usage({ quantity: '10' })],
        adjustments: [projectAdjustment({ value: '100' })],
      }),
    );

    expect(stepsOfRule(result.trace, 'charge-before-credits')[0]?.notes).toEqual([
      'clamp bit: -100 raised to 0',
    ]);
  });

  test('no cap and no clamp, no notes', () => {
    const result = computeStatement(
      statementInput({
        usage: [usage({ quantity: '10' })],
        adjustments: [projectAdjustment({ value: '100' })],
      }),
    );

    expect(stepsOfRule(result.trace, 'project-adjustment')[0]?.notes).toEqual([]);
    expect(stepsOfRule(result.trace, 'charge-before-credits')[0]?.notes).toEqual([]);
  });
});

test.describe('explain: switching it off and reading it', () => {
  test('explain: false gives an empty trace and an otherwise identical statement', () => {
    const explained = computeStatement(everyStep());
    const silent = computeStatement(everyStep(), { explain: false });

    expect(silent.trace).toEqual([]);
    expect({ ...silent, trace: explained.trace }).toEqual(explained);
  });

  test('formatTrace prints one readable line per step', () => {
    const result = computeStatement(
      statementInput({ usage: [usage({ counterName: 'compute.g2.t4.c8m64', quantity: '1' })] }),
    );

    expect(formatTrace(result.trace).split('\n')).toEqual([
      '1. [usage-line] compute.g2.t4.c8m64 for project proj-a: 1 HOURS priced PER_UNIT from the price book: 167 (exact 166.67, HALF_UP)',
      '2. [subtotal] the sum of the usage lines: 167',
      '3. [charge-before-credits] max(0, subtotal + contract lines + adjustments): 167',
      '4. [charge] charge before credits − credits applied: 167',
      '5. [vat] VAT at 10% of the charge 167 (never on unpaid amounts or late fees): 17 (exact 16.7, HALF_UP)',
      '6. [unpaid] no earlier closed statement: 0',
      '7. [late-fee] no late fee: nothing unpaid is past its due date: 0',
      '8. [total] charge + VAT + unpaid + late fee: 184',
    ]);
  });

  test('formatTrace appends notes after a dash', () => {
    const result = computeStatement(
      statementInput({
        usage: [usage({ quantity: '10' })],
        adjustments: [projectAdjustment({ value: '5000' })],
      }),
    );

    expect(formatTrace(stepsOfRule(result.trace, 'project-adjustment'))).toBe(
      '3. [project-adjustment] discount adj-1 on project proj-a: a fixed 5000: -3970 (exact 5000, HALF_UP) — cap bit: 5000 asked, but discounts on project proj-a cannot exceed its base 3970, so 3970 applied',
    );
  });
});
