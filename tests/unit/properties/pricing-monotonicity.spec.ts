import {
  type Contract,
  computeStatement,
  MINOR_UNITS,
  type Pricing,
  type StatementInput,
} from '@billing/engine';
import { arbDecimalString, arbStatementInput } from '@billing/fixtures';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { d, roundByDefinition } from './statement-amounts';

/**
 * VOLUME pricing prices every unit at the tier the total reaches, so a falling tier price makes
 * 100 units cheaper than 99 by design (see the example below); monotonicity holds for the other
 * models, so the property reprices VOLUME tiers as GRADUATED ones.
 */
function withoutVolumePricing(input: StatementInput): StatementInput {
  const graduated = (pricing: Pricing): Pricing =>
    pricing.model === 'VOLUME' ? { model: 'GRADUATED', tiers: pricing.tiers } : pricing;
  return {
    ...input,
    priceBook: {
      ...input.priceBook,
      entries: input.priceBook.entries.map((entry) => ({ ...entry, pricing: graduated(entry.pricing) })),
    },
    contract: input.contract && {
      ...input.contract,
      priceOverrides: input.contract.priceOverrides?.map((override) => ({
        ...override,
        pricing: graduated(override.pricing),
      })),
    },
  };
}

test.describe('properties: pricing and the contract (DOMAIN §3, §4 step 2)', () => {
  test('property: monotonicity: increasing a usage quantity never lowers the subtotal', async ({
    checkProperty,
  }) => {
    const arbGrowth = arbStatementInput()
      .filter((input) => input.usage.length > 0)
      .map(withoutVolumePricing)
      .chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.nat({ max: input.usage.length - 1 }),
          arbDecimalString({ max: 2000, scale: 6 }),
        ),
      );
    await checkProperty(arbGrowth, ([input, index, increase]) => {
      const grown = {
        ...input,
        usage: input.usage.map((usage, at) =>
          at === index ? { ...usage, quantity: d(usage.quantity).plus(increase).toFixed() } : usage,
        ),
      };
      const before = computeStatement(input);
      const after = computeStatement(grown);
      expect(d(after.subtotal).greaterThanOrEqualTo(before.subtotal)).toBe(true);
    });
  });

  test('VOLUME pricing may lower a line when the quantity reaches a cheaper tier (why the property excludes it)', () => {
    const input = (quantity: string): StatementInput => ({
      billingGroup: { id: 'bg-volume', currency: 'KRW' },
      month: '2026-03',
      priceBook: {
        id: 'book-volume',
        name: 'Volume book',
        currency: 'KRW',
        entries: [
          {
            counterName: 'network.egress',
            unit: 'GB',
            pricing: {
              model: 'VOLUME',
              tiers: [
                { from: '0', to: '100', unitPrice: '1000' },
                { from: '100', to: null, unitPrice: '800' },
              ],
            },
          },
        ],
      },
      usage: [
        {
          projectId: 'proj-a',
          counterName: 'network.egress',
          counterType: 'DELTA',
          unit: 'GB',
          resourceId: null,
          quantity,
        },
      ],
      adjustments: [],
      credits: [],
      asOf: '2026-04-01T00:00:00Z',
    });
    expect(computeStatement(input('99')).subtotal).toBe('99000');
    expect(computeStatement(input('100')).subtotal).toBe('80000');
  });

  test('property: the contract minimum: subtotal + contract lines ≥ the minimum charge (rounded)', async ({
    checkProperty,
  }) => {
    const arbWithMinimum = fc
      .tuple(arbStatementInput({ contract: 'applies' }), arbDecimalString({ max: 2_000_000, scale: 4 }))
      .map(([input, minimumCharge]) => ({
        ...input,
        contract: { ...(input.contract as Contract), minimumCharge },
      }));
    await checkProperty(arbWithMinimum, (input) => {
      const result = computeStatement(input);
      const minimum = roundByDefinition(
        d(input.contract?.minimumCharge as string),
        result.roundingMode,
        MINOR_UNITS[result.currency],
      );
      const discounted = d(result.subtotal).plus(
        result.contractLines.find((line) => line.kind === 'CONTRACT_DISCOUNT')?.amount ?? '0',
      );
      const withContract = d(result.subtotal).plus(result.contractTotal);
      expect(withContract.greaterThanOrEqualTo(minimum)).toBe(true);
      // Exactly the larger of the two: the true-up makes up the shortfall and nothing more.
      expect(withContract.toFixed()).toEqualMoney(
        (discounted.greaterThan(minimum) ? discounted : minimum).toFixed(),
      );
    });
  });
});
