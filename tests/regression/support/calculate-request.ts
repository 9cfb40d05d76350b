import type { BillingMonth } from '../billing-month';

/**
 * The body of `POST /v1/calculate` for a billing month: the same data, with absent parts left out.
 * The calculator's credit has no separate balance (its `amount` is what is left to burn, see
 * edge/openapi.json `CalculatorRequest`), so a grant goes out with its balance as the amount.
 */
export function calculateRequest(month: BillingMonth): Record<string, unknown> {
  return {
    month: month.month,
    billingGroup: month.billingGroup,
    ...(month.priceBook ? { priceBook: month.priceBook } : {}),
    usage: month.usage.map((usage) => ({ ...usage, counterType: 'DELTA' })),
    ...(month.contract ? { contract: month.contract } : {}),
    adjustments: month.adjustments,
    credits: month.credits.map(({ amount: _granted, balance, ...credit }) => ({
      ...credit,
      amount: balance,
    })),
    ...(month.unpaid ? { unpaid: month.unpaid } : {}),
    asOf: month.asOf,
  };
}
