import type { CalculatorRequest } from '@/api/types';
import type { AdjustmentInput, CalculatorInput, CreditInput, UsageRowInput } from '@/lib/calculator-input';
import type { NamedGrant } from '@/lib/credit-names';

const filled = (value: string) => value.trim() !== '';

/**
 * The form's rows that the request carries, in the request's order: `usage[i]` of the request is
 * `sentRows(input).usage[i]` of the form, which is how an edge error finds its way back to a field.
 */
export function sentRows(input: CalculatorInput): {
  usage: UsageRowInput[];
  adjustments: AdjustmentInput[];
  credits: CreditInput[];
} {
  return {
    usage: input.usage.filter((row) => filled(row.quantity)),
    adjustments: input.adjustments.filter((adjustment) => filled(adjustment.value)),
    credits: input.credits.filter((credit) => filled(credit.amount)),
  };
}

/**
 * The grants the request sends, by the ids it gives them (`credit-1`, …), named as the form numbers
 * its rows ("Credit grant 2"), so the statement names a credit the way the form does.
 */
export function calculatorGrants(input: CalculatorInput, rowName: (n: number) => string): NamedGrant[] {
  const sent = new Set(sentRows(input).credits);
  let sentCount = 0;
  return input.credits.flatMap((credit, formIndex) => {
    if (!sent.has(credit)) return [];
    sentCount += 1;
    return [{ id: `credit-${sentCount}`, name: rowName(formIndex + 1), type: credit.type }];
  });
}

/**
 * The form as the edge's calculator request. Rows still being filled in (no quantity, value or
 * amount yet) are left out rather than sent half-typed; everything else goes as typed, so the
 * edge's validation names what is wrong.
 */
export function toCalculatorRequest(input: CalculatorInput): CalculatorRequest {
  const { discountRate, minimumCharge } = input.contract;
  const hasContract = filled(discountRate) || filled(minimumCharge);
  const rows = sentRows(input);
  return {
    month: input.month,
    usage: rows.usage.map((row) => ({
      projectId: row.projectId.trim(),
      counterName: row.counterName,
      unit: row.unit,
      quantity: row.quantity.trim(),
    })),
    contract: hasContract
      ? {
          discountRate: filled(discountRate) ? discountRate.trim() : null,
          minimumCharge: filled(minimumCharge) ? minimumCharge.trim() : null,
        }
      : null,
    adjustments: rows.adjustments.map((adjustment) => ({
      type: adjustment.type,
      method: adjustment.method,
      value: adjustment.value.trim(),
      level: adjustment.level,
      targetProjectId: adjustment.level === 'PROJECT' ? adjustment.targetProjectId.trim() : null,
    })),
    // Numbered as the statement shows them: the first grant sent is credit-1.
    credits: rows.credits.map((credit, index) => ({
      id: `credit-${index + 1}`,
      type: credit.type,
      amount: credit.amount.trim(),
      priority: filled(credit.priority) ? Number(credit.priority) : null,
      expiresAt: filled(credit.expiresOn) ? `${credit.expiresOn}T00:00:00Z` : null,
    })),
    ...(filled(input.unpaid.amount)
      ? { unpaid: { amount: input.unpaid.amount.trim(), isOverdue: input.unpaid.isOverdue } }
      : {}),
  };
}

/** True when there is something to price: at least one usage row with a quantity. */
export function isCalculable(input: CalculatorInput): boolean {
  return input.usage.some((row) => filled(row.quantity));
}
