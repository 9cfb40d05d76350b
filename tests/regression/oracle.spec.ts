import { expect, test } from '../support/api-test';
import type { RoundingMode } from './billing-month';
import { divide, exact, formatMinor, toMinor } from './oracle/exact';
import { price } from './oracle/pricing';

/** The second opinion checks itself against docs/domain.md's own numbers before it judges anyone. */
test.describe('the oracle: its arithmetic by docs/domain.md', () => {
  test('the four rounding modes on halves, near-halves and negatives', { tag: ['@regression'] }, () => {
    const cases: [numerator: bigint, denominator: bigint, expected: Record<RoundingMode, bigint>][] = [
      [5n, 2n, { HALF_UP: 3n, HALF_EVEN: 2n, FLOOR: 2n, CEIL: 3n }],
      [7n, 2n, { HALF_UP: 4n, HALF_EVEN: 4n, FLOOR: 3n, CEIL: 4n }],
      [-5n, 2n, { HALF_UP: -3n, HALF_EVEN: -2n, FLOOR: -3n, CEIL: -2n }],
      [2501n, 1000n, { HALF_UP: 3n, HALF_EVEN: 3n, FLOOR: 2n, CEIL: 3n }],
      [2499n, 1000n, { HALF_UP: 2n, HALF_EVEN: 2n, FLOOR: 2n, CEIL: 3n }],
      [6n, 3n, { HALF_UP: 2n, HALF_EVEN: 2n, FLOOR: 2n, CEIL: 2n }],
    ];
    for (const [numerator, denominator, expected] of cases) {
      for (const mode of Object.keys(expected) as RoundingMode[]) {
        expect(divide(numerator, denominator, mode), `${numerator}/${denominator} ${mode}`).toBe(
          expected[mode],
        );
      }
    }
  });

  test('money rounds to the minor unit of its currency and prints with exactly its digits', {
    tag: ['@regression'],
  }, () => {
    expect(toMinor(exact('5555.61111'), 'KRW', 'HALF_UP')).toBe(5556n);
    expect(toMinor(exact('1.225'), 'USD', 'HALF_EVEN')).toBe(122n);
    expect(toMinor(exact('1.225'), 'USD', 'HALF_UP')).toBe(123n);
    expect(formatMinor(1230n, 'USD')).toBe('12.30');
    expect(formatMinor(5n, 'EUR')).toBe('0.05');
    expect(formatMinor(-57000n, 'KRW')).toBe('-57000');
  });

  test('DOMAIN §3: GRADUATED 750 units come to 570000; VOLUME prices all units at the tier reached', {
    tag: ['@regression'],
  }, () => {
    const tiers = [
      { from: '0', to: '100', unitPrice: '1000' },
      { from: '100', to: '500', unitPrice: '800' },
      { from: '500', to: null, unitPrice: '600' },
    ];
    expect(toMinor(price('750', { model: 'GRADUATED', tiers }), 'KRW', 'HALF_UP')).toBe(570_000n);
    expect(toMinor(price('750', { model: 'VOLUME', tiers }), 'KRW', 'HALF_UP')).toBe(450_000n);
    expect(toMinor(price('100', { model: 'VOLUME', tiers }), 'KRW', 'HALF_UP')).toBe(80_000n);
    expect(toMinor(price('33.333', { model: 'PER_UNIT', unitPrice: '166.67' }), 'KRW', 'FLOOR')).toBe(5555n);
  });
});
