import { computeStatement, MINOR_UNITS } from '@billing/engine';
import { arbStatementInput } from '@billing/fixtures';
import { expect, test } from '../../support/api-test';
import { amountsOf, d, minorUnitOf, roundByDefinition, sumOf } from './statement-amounts';

test.describe('properties: a statement adds up (DOMAIN §1, §4)', () => {
  test("property: a statement's parts sum to its total exactly", async ({ checkProperty }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const signedAdjustments = [...result.projectAdjustments, ...result.billingGroupAdjustments].map(
        (adjustment) => (adjustment.type === 'DISCOUNT' ? `-${adjustment.amount}` : adjustment.amount),
      );
      expect(result.subtotal).toEqualMoney(sumOf(result.lines.map((line) => line.amount)).toFixed());
      expect(result.contractTotal).toEqualMoney(
        sumOf(result.contractLines.map((line) => line.amount)).toFixed(),
      );
      expect(result.adjustmentTotal).toEqualMoney(sumOf(signedAdjustments).toFixed());
      const beforeClamp = sumOf([result.subtotal, result.contractTotal, result.adjustmentTotal]);
      expect(result.chargeBeforeCredits).toEqualMoney(beforeClamp.isNegative() ? '0' : beforeClamp.toFixed());
      expect(result.creditTotal).toEqualMoney(
        sumOf(result.credits.map((credit) => credit.amountApplied)).toFixed(),
      );
      expect(result.charge).toEqualMoney(d(result.chargeBeforeCredits).minus(result.creditTotal).toFixed());
      expect(result.total).toEqualMoney(
        sumOf([result.charge, result.vat, result.unpaid, result.lateFee]).toFixed(),
      );
    });
  });

  test('property: totals are never negative', async ({ checkProperty }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const negative = amountsOf(computeStatement(input)).filter(
        (amount) => !amount.signed && d(amount.value).isNegative(),
      );
      expect(negative).toEqual([]);
    });
  });

  test("property: every amount has no digits below the currency's minor unit", async ({ checkProperty }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const digits = MINOR_UNITS[result.currency];
      const subMinor = amountsOf(result).filter((amount) => d(amount.value).decimalPlaces() > digits);
      expect(subMinor).toEqual([]);
    });
  });

  test("property: VAT is the charge times the rate, rounded with the group's rounding mode", async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const exact = d(result.charge).times(result.vatRate).dividedBy(100);
      expect(result.vat).toEqualMoney(
        roundByDefinition(exact, result.roundingMode, MINOR_UNITS[result.currency]).toFixed(),
      );
      expect(d(result.vat).minus(exact).abs().lessThan(minorUnitOf(result.currency))).toBe(true);
    });
  });

  test('property: a late fee is charged only on an unpaid balance past its due date', async ({
    checkProperty,
  }) => {
    await checkProperty(arbStatementInput(), (input) => {
      const result = computeStatement(input);
      const previous = input.previousStatement;
      const overdue =
        previous != null &&
        d(previous.outstanding).greaterThan(0) &&
        Date.parse(input.asOf) > Date.parse(previous.dueAt);
      expect(result.isOverdue).toBe(overdue);
      const exact = overdue ? d(result.unpaid).times(result.lateFeeRate).dividedBy(100) : d(0);
      expect(result.lateFee).toEqualMoney(
        roundByDefinition(exact, result.roundingMode, MINOR_UNITS[result.currency]).toFixed(),
      );
    });
  });
});
