import {
  type Contract,
  type CreditGrant,
  DEFAULT_BILLING_GROUP_SETTINGS,
  DEFAULT_PRICE_BOOK,
  type PriceBook,
  type Pricing,
  periodOf,
  previousMonth,
  type StatementInput,
  toInstant,
  ValidationError,
  type ValidationIssue,
} from '@billing/engine';
import type { CalculatorRequestBody } from '../routes/calculate/calculate.routes';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The id of the synthetic statement that carries `unpaid` (see `toStatementInput`). */
export const UNPAID_STATEMENT_ID = 'unpaid-balance';

/**
 * The calculator's request as the engine's StatementInput, with the request's defaults filled in:
 * the built-in price book, the price book's unit, ids, a credit's balance (its amount) and grant time
 * (the month's start), and `unpaid` as a synthetic previous statement of the month before. The
 * engine's late fee depends on `asOf` being after that statement's due date, so `isOverdue` places
 * the due date one day before `asOf`, and otherwise one day after it.
 */
export function toStatementInput(body: CalculatorRequestBody, now: Date): StatementInput {
  const currency =
    body.billingGroup?.currency ?? body.priceBook?.currency ?? DEFAULT_BILLING_GROUP_SETTINGS.currency;
  const priceBook: PriceBook = body.priceBook
    ? {
        id: body.priceBook.id ?? 'calculator',
        name: body.priceBook.name ?? 'Calculator price book',
        currency: body.priceBook.currency ?? currency,
        // The request's pricing is one object for every model; the engine checks the model's fields.
        entries: body.priceBook.entries.map((entry) => ({ ...entry, pricing: entry.pricing as Pricing })),
      }
    : DEFAULT_PRICE_BOOK;
  const unitOf = new Map(priceBook.entries.map((entry) => [entry.counterName, entry.unit]));
  const asOf = body.asOf ?? now.toISOString();
  const asOfMillis = Number.isNaN(Date.parse(asOf)) ? now.getTime() : Date.parse(asOf);
  const monthStart = toInstant(periodOf(body.month).start);

  return {
    billingGroup: { id: 'calculator', ...body.billingGroup, currency },
    month: body.month,
    priceBook,
    contract: body.contract
      ? ({ id: 'calculator', startMonth: body.month, ...body.contract } as Contract)
      : null,
    usage: body.usage.map((usage) => ({
      projectId: usage.projectId,
      counterName: usage.counterName,
      counterType: usage.counterType ?? 'DELTA',
      // An unknown counter has no unit to default to; the engine reports the counter (known-counter).
      unit: usage.unit ?? unitOf.get(usage.counterName) ?? '?',
      resourceId: usage.resourceId ?? null,
      resourceName: usage.resourceName ?? null,
      quantity: usage.quantity,
    })),
    adjustments: (body.adjustments ?? []).map((adjustment, index) => ({
      ...adjustment,
      id: adjustment.id ?? `adjustment-${index + 1}`,
      level: adjustment.level ?? (adjustment.targetProjectId ? 'PROJECT' : 'BILLING_GROUP'),
    })),
    credits: (body.credits ?? []).map(
      (credit, index): CreditGrant => ({
        ...credit,
        id: credit.id ?? `credit-${index + 1}`,
        balance: credit.amount,
        grantedAt: credit.grantedAt ?? monthStart,
      }),
    ),
    previousStatement: body.unpaid
      ? {
          statementId: UNPAID_STATEMENT_ID,
          month: previousMonth(body.month),
          outstanding: body.unpaid.amount,
          dueAt: toInstant(asOfMillis + (body.unpaid.isOverdue ? -DAY_MS : DAY_MS)),
        }
      : null,
    asOf,
  };
}

/**
 * The engine's issues, renamed to the request's fields: the synthetic previous statement is
 * `unpaid`, and a credit's balance (which is its amount) is reported once, on the amount.
 */
export function toRequestIssues(error: ValidationError): ValidationError {
  const issues: ValidationIssue[] = error.issues
    .filter((issue) => !/^credits\[\d+\]\.balance$/.test(issue.field))
    .map((issue) => ({ ...issue, field: requestField(issue.field) }));
  return new ValidationError(issues);
}

function requestField(field: string): string {
  if (field === 'previousStatement.outstanding') return 'unpaid.amount';
  if (field.startsWith('previousStatement')) return 'unpaid';
  if (field === 'input') return 'body';
  return field;
}
