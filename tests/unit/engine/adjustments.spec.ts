import { type Adjustment, computeStatement, stepsOfRule } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { adjustment, contract, issueAt, projectAdjustment, statementInput, usage } from './support';

/** proj-a runs 100 c2 hours (39700), proj-b keeps 50 GB of SSD (5000): a subtotal of 44700. */
const TWO_PROJECTS = [
  usage({ projectId: 'proj-a', quantity: '100' }),
  usage({ projectId: 'proj-b', counterName: 'storage.volume.ssd', unit: 'GB', quantity: '50' }),
];

function billTwoProjects(adjustments: Adjustment[]) {
  return computeStatement(statementInput({ usage: TWO_PROJECTS, adjustments }));
}

test.describe('adjustments: project level', () => {
  test("a project's fixed discount applies to that project's usage only", () => {
    const result = billTwoProjects([projectAdjustment({ targetProjectId: 'proj-b', value: '1000' })]);

    expect(result.projectAdjustments).toEqual([
      {
        adjustmentId: 'adj-1',
        type: 'DISCOUNT',
        method: 'FIXED',
        level: 'PROJECT',
        targetProjectId: 'proj-b',
        description: null,
        value: '1000',
        base: '5000',
        requested: '1000',
        amount: '1000',
        capped: false,
      },
    ]);
    expect(result.adjustmentTotal).toBe('-1000');
    expect(result.chargeBeforeCredits).toBe('43700');
  });

  test("a project's rate discount is a percent of that project's usage, not of the subtotal", () => {
    const result = billTwoProjects([
      projectAdjustment({ targetProjectId: 'proj-b', method: 'RATE', value: '10' }),
    ]);

    expect(result.projectAdjustments[0]).toMatchObject({ base: '5000', amount: '500' });
    expect(result.chargeBeforeCredits).toBe('44200');
  });

  test("a project's fixed surcharge adds to the charge", () => {
    const result = billTwoProjects([projectAdjustment({ type: 'SURCHARGE', value: '2500' })]);

    expect(result.projectAdjustments[0]).toMatchObject({ type: 'SURCHARGE', base: '39700', amount: '2500' });
    expect(result.adjustmentTotal).toBe('2500');
    expect(result.chargeBeforeCredits).toBe('47200');
  });

  test("a project's rate surcharge is a percent of that project's usage", () => {
    const result = billTwoProjects([projectAdjustment({ type: 'SURCHARGE', method: 'RATE', value: '5' })]);

    expect(result.projectAdjustments[0]?.amount).toBe('1985');
    expect(result.chargeBeforeCredits).toBe('46685');
  });

  test('a fixed adjustment is rounded to the minor unit like any adjustment amount', () => {
    const result = billTwoProjects([projectAdjustment({ value: '999.5' })]);

    expect(result.projectAdjustments[0]).toMatchObject({ requested: '1000', amount: '1000' });
    expect(stepsOfRule(result.trace, 'project-adjustment')[0]?.rounding?.before).toBe('999.5');
  });
});

test.describe('adjustments: billing-group level', () => {
  test('a billing-group rate applies to the base after contract lines and project adjustments', () => {
    const result = computeStatement(
      statementInput({
        contract: contract({ discountRate: '10' }),
        usage: TWO_PROJECTS,
        adjustments: [
          projectAdjustment({ id: 'adj-project', targetProjectId: 'proj-b', value: '700' }),
          adjustment({ id: 'adj-group', method: 'RATE', value: '10' }),
        ],
      }),
    );

    // 44700 − 4470 (contract) − 700 (project) = 39530; 10% of it is 3953.
    expect(result.billingGroupAdjustments[0]).toMatchObject({ base: '39530', amount: '3953' });
    expect(result.adjustmentTotal).toBe('-4653');
    expect(result.chargeBeforeCredits).toBe('35577');
  });

  test('a billing-group surcharge counts project surcharges in its base', () => {
    const result = billTwoProjects([
      projectAdjustment({ id: 'adj-1', type: 'SURCHARGE', value: '5300' }),
      adjustment({ id: 'adj-2', type: 'SURCHARGE', method: 'RATE', value: '10' }),
    ]);

    expect(result.billingGroupAdjustments[0]).toMatchObject({ base: '50000', amount: '5000' });
    expect(result.chargeBeforeCredits).toBe('55000');
  });
});

test.describe('adjustments: rates do not compound', () => {
  test('two 10% discounts at one level each take 10% of the same base', () => {
    const result = billTwoProjects([
      adjustment({ id: 'adj-1', method: 'RATE', value: '10' }),
      adjustment({ id: 'adj-2', method: 'RATE', value: '10' }),
    ]);

    expect(result.billingGroupAdjustments.map((applied) => [applied.base, applied.amount])).toEqual([
      ['44700', '4470'],
      ['44700', '4470'],
    ]);
    expect(result.chargeBeforeCredits).toBe('35760');
  });

  test('the order adjustments are given in never changes the statement', () => {
    const adjustments = [
      adjustment({ id: 'adj-1', method: 'RATE', value: '10' }),
      adjustment({ id: 'adj-2', type: 'SURCHARGE', method: 'RATE', value: '7' }),
      adjustment({ id: 'adj-3', value: '333' }),
      projectAdjustment({ id: 'adj-4', targetProjectId: 'proj-b', method: 'RATE', value: '20' }),
    ];

    expect(billTwoProjects([...adjustments].reverse())).toEqual(billTwoProjects(adjustments));
  });
});

test.describe('adjustments: a discount is capped at its base', () => {
  test("a project discount is capped at the project's usage", () => {
    const result = billTwoProjects([projectAdjustment({ targetProjectId: 'proj-b', value: '50000' })]);

    expect(result.projectAdjustments[0]).toMatchObject({
      base: '5000',
      requested: '50000',
      amount: '5000',
      capped: true,
    });
    expect(result.chargeBeforeCredits).toBe('39700');
    expect(stepsOfRule(result.trace, 'project-adjustment')[0]?.notes).toEqual([
      'cap bit: 50000 asked, but discounts on project proj-b cannot exceed its base 5000, so 5000 applied',
    ]);
  });

  test("a project's discounts share one cap: the later one gets what the cap has left", () => {
    const result = billTwoProjects([
      projectAdjustment({ id: 'adj-1', targetProjectId: 'proj-b', value: '3000' }),
      projectAdjustment({ id: 'adj-2', targetProjectId: 'proj-b', method: 'RATE', value: '60' }),
    ]);

    expect(
      result.projectAdjustments.map((applied) => [applied.requested, applied.amount, applied.capped]),
    ).toEqual([
      ['3000', '3000', false],
      ['3000', '2000', true],
    ]);
  });

  test("one project's discounts never use up another project's cap", () => {
    const result = billTwoProjects([
      projectAdjustment({ id: 'adj-1', targetProjectId: 'proj-b', value: '5000' }),
      projectAdjustment({ id: 'adj-2', targetProjectId: 'proj-a', value: '5000' }),
    ]);

    expect(result.projectAdjustments.map((applied) => applied.capped)).toEqual([false, false]);
    expect(result.adjustmentTotal).toBe('-10000');
  });

  test('a discount on a project without usage has nothing to take', () => {
    const result = billTwoProjects([projectAdjustment({ targetProjectId: 'proj-idle', value: '1000' })]);

    expect(result.projectAdjustments[0]).toMatchObject({ base: '0', amount: '0', capped: true });
    expect(result.chargeBeforeCredits).toBe('44700');
  });

  test('a billing-group discount is capped at the billing-group base', () => {
    const result = billTwoProjects([adjustment({ value: '100000' })]);

    expect(result.billingGroupAdjustments[0]).toMatchObject({ amount: '44700', capped: true });
    expect(result.chargeBeforeCredits).toBe('0');
  });

  test('a 100% discount rate takes the whole base and is not capped', () => {
    const result = billTwoProjects([projectAdjustment({ method: 'RATE', value: '100' })]);

    expect(result.projectAdjustments[0]).toMatchObject({ amount: '39700', capped: false });
  });

  test('a surcharge is never capped', () => {
    const result = billTwoProjects([
      projectAdjustment({ targetProjectId: 'proj-b', type: 'SURCHARGE', value: '20000' }),
    ]);

    expect(result.projectAdjustments[0]).toMatchObject({ base: '5000', amount: '20000', capped: false });
  });
});

test.describe('adjustments: rate limits', () => {
  test('a surcharge rate above 100% is allowed: 150% of 5000 is 7500', () => {
    const result = billTwoProjects([
      projectAdjustment({ targetProjectId: 'proj-b', type: 'SURCHARGE', method: 'RATE', value: '150' }),
    ]);

    expect(result.projectAdjustments[0]?.amount).toBe('7500');
  });

  test('a discount rate above 100% is refused', () => {
    const issue = issueAt(
      () => billTwoProjects([adjustment({ method: 'RATE', value: '100.01' })]),
      'adjustments[0].value',
    );

    expect(issue).toEqual({
      field: 'adjustments[0].value',
      rule: 'max-100',
      message: 'is a percent and must be at most 100, got 100.01',
    });
  });

  test('a fixed discount above 100 is an amount, not a percent, and is allowed', () => {
    const result = billTwoProjects([adjustment({ value: '150' })]);

    expect(result.billingGroupAdjustments[0]?.amount).toBe('150');
  });
});

test.describe('adjustments: the charge before credits', () => {
  test('the charge before credits is clamped at 0 when discounts exceed what is left', () => {
    const result = computeStatement(
      statementInput({
        contract: contract({ discountRate: '100' }),
        usage: [usage({ quantity: '100' })],
        adjustments: [projectAdjustment({ method: 'RATE', value: '50' })],
      }),
    );

    // 39700 − 39700 (contract) − 19850 (project) = −19850, raised to 0.
    expect(result.chargeBeforeCredits).toBe('0');
    expect(result.total).toBe('0');
    expect(stepsOfRule(result.trace, 'charge-before-credits')[0]?.notes).toEqual([
      'clamp bit: -19850 raised to 0',
    ]);
  });
});
