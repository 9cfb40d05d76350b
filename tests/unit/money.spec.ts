import { Decimal, formatMoney, fromMinorUnits, toMinorUnits } from '@billing/engine';
import {
  allocate,
  roundCeil,
  roundFloor,
  roundHalfEven,
  roundHalfUp,
  roundMoney,
} from '@billing/engine/internal';
import fc from 'fast-check';
import { expect, test } from '../support/api-test';

const d = (value: string) => new Decimal(value);

test.describe('money: rounding modes', () => {
  const cases: [string, string, string, string, string][] = [
    // value, HALF_UP, HALF_EVEN, FLOOR, CEIL (to 0 digits)
    ['0.5', '1', '0', '0', '1'],
    ['1.5', '2', '2', '1', '2'],
    ['2.5', '3', '2', '2', '3'],
    ['2.4999', '2', '2', '2', '3'],
    ['7', '7', '7', '7', '7'],
  ];
  for (const [value, halfUp, halfEven, floor, ceil] of cases) {
    test(`${value} rounds HALF_UP ${halfUp}, HALF_EVEN ${halfEven}, FLOOR ${floor}, CEIL ${ceil}`, () => {
      expect(roundHalfUp(d(value), 0).toFixed()).toBe(halfUp);
      expect(roundHalfEven(d(value), 0).toFixed()).toBe(halfEven);
      expect(roundFloor(d(value), 0).toFixed()).toBe(floor);
      expect(roundCeil(d(value), 0).toFixed()).toBe(ceil);
    });
  }

  test('KRW rounds to whole won, USD to cents', () => {
    expect(formatMoney(roundMoney(d('166.675'), 'KRW', 'HALF_UP'), 'KRW')).toBe('167');
    expect(formatMoney(roundMoney(d('166.675'), 'USD', 'HALF_UP'), 'USD')).toBe('166.68');
    expect(formatMoney(roundMoney(d('166.675'), 'USD', 'HALF_EVEN'), 'USD')).toBe('166.68');
    expect(formatMoney(roundMoney(d('166.665'), 'USD', 'HALF_EVEN'), 'USD')).toBe('166.66');
    expect(formatMoney(roundMoney(d('0.001'), 'EUR', 'CEIL'), 'EUR')).toBe('0.01');
    expect(formatMoney(roundMoney(d('999.9'), 'JPY', 'FLOOR'), 'JPY')).toBe('999');
  });
});

test.describe('money: minor units and allocation', () => {
  test('converts to and from minor units with an explicit rounding mode', () => {
    expect(toMinorUnits(d('12.345'), 'USD', 'HALF_UP')).toBe(1235n);
    expect(toMinorUnits(d('12.345'), 'USD', 'FLOOR')).toBe(1234n);
    expect(toMinorUnits(d('39700'), 'KRW', 'HALF_UP')).toBe(39700n);
    expect(fromMinorUnits(1235n, 'USD').toFixed()).toBe('12.35');
  });

  test('splits 100 won in three parts that add up to 100', () => {
    const parts = allocate(d('100'), [d('1'), d('1'), d('1')], 'KRW');
    expect(parts.map((part) => part.toFixed())).toEqual(['34', '33', '33']);
  });

  test('property: allocated parts always sum to the whole', async ({ checkProperty }) => {
    await checkProperty(
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom('KRW' as const, 'USD' as const),
      (minor, weights, currency) => {
        const amount = fromMinorUnits(minor, currency);
        const parts = allocate(
          amount,
          weights.map((weight) => new Decimal(weight)),
          currency,
        );
        const total = parts.reduce((acc, part) => acc.plus(part), new Decimal(0));
        expect(total.equals(amount)).toBe(true);
        expect(parts.every((part) => part.greaterThanOrEqualTo(0))).toBe(true);
      },
    );
  });
});
