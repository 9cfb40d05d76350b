import { Decimal, MINOR_UNITS, type RoundingMode, type StatementResult } from '@billing/engine';

/** Helpers the statement properties share: reading amounts, and an oracle for rounding. */

export const d = (value: string | number) => new Decimal(value);

export function sumOf(values: readonly string[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

export interface Amount {
  path: string;
  value: string;
  /** Contract lines and adjustment totals carry a sign; every other amount is ≥ 0. */
  signed: boolean;
}

/** Every money amount of a statement, by path. */
export function amountsOf(result: StatementResult): Amount[] {
  const unsigned = (path: string, value: string): Amount => ({ path, value, signed: false });
  const adjustments = (level: string, applied: StatementResult['projectAdjustments']) =>
    applied.flatMap((adjustment, index) => [
      unsigned(`${level}[${index}].base`, adjustment.base),
      unsigned(`${level}[${index}].requested`, adjustment.requested),
      unsigned(`${level}[${index}].amount`, adjustment.amount),
    ]);
  return [
    ...result.lines.map((line, index) => unsigned(`lines[${index}].amount`, line.amount)),
    unsigned('subtotal', result.subtotal),
    ...result.contractLines.map((line, index) => ({
      path: `contractLines[${index}].amount`,
      value: line.amount,
      signed: true,
    })),
    { path: 'contractTotal', value: result.contractTotal, signed: true },
    ...adjustments('projectAdjustments', result.projectAdjustments),
    ...adjustments('billingGroupAdjustments', result.billingGroupAdjustments),
    { path: 'adjustmentTotal', value: result.adjustmentTotal, signed: true },
    unsigned('chargeBeforeCredits', result.chargeBeforeCredits),
    ...result.credits.flatMap((credit, index) => [
      unsigned(`credits[${index}].balanceBefore`, credit.balanceBefore),
      unsigned(`credits[${index}].amountApplied`, credit.amountApplied),
      unsigned(`credits[${index}].balanceAfter`, credit.balanceAfter),
    ]),
    unsigned('creditTotal', result.creditTotal),
    unsigned('charge', result.charge),
    unsigned('vat', result.vat),
    unsigned('unpaid', result.unpaid),
    unsigned('lateFee', result.lateFee),
    unsigned('total', result.total),
  ];
}

/**
 * Rounds to `digits` decimals by the DOMAIN's definition of each mode, written with floor and
 * ceil only, so the engine's rounding is checked against something other than itself.
 */
export function roundByDefinition(value: Decimal, mode: RoundingMode, digits: number): Decimal {
  const unit = new Decimal(10).pow(-digits);
  const units = value.dividedBy(unit);
  const floor = units.floor();
  const fraction = units.minus(floor);
  const half = new Decimal('0.5');
  const rounded = (() => {
    switch (mode) {
      case 'FLOOR':
        return floor;
      case 'CEIL':
        return units.ceil();
      case 'HALF_UP':
        // Half away from zero: a negative half goes down, a positive one up.
        return units.isNegative() ? units.negated().plus(half).floor().negated() : units.plus(half).floor();
      case 'HALF_EVEN':
        if (fraction.lessThan(half)) return floor;
        if (fraction.greaterThan(half)) return floor.plus(1);
        return floor.modulo(2).isZero() ? floor : floor.plus(1);
    }
  })();
  return rounded.times(unit);
}

/** The smallest amount of the currency: 1 won, 1 cent. */
export function minorUnitOf(currency: StatementResult['currency']): Decimal {
  return new Decimal(10).pow(-MINOR_UNITS[currency]);
}
