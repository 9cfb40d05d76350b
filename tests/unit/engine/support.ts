import {
  type Adjustment,
  ConflictError,
  type Contract,
  type CreditGrant,
  type Currency,
  DEFAULT_PRICE_BOOK,
  type PriceBook,
  type Pricing,
  type StatementInput,
  type UsageAggregate,
  ValidationError,
  type ValidationIssue,
} from '@billing/engine';

/**
 * Small builders for the engine's worked examples: each returns a minimal valid input for March
 * 2026 and takes an `overrides` object, so a test spells out only what its rule is about.
 */

/** A billing group with every setting at its default, billed for March 2026 from the default book. */
export function statementInput(overrides: Partial<StatementInput> = {}): StatementInput {
  return {
    billingGroup: { id: 'bg-1' },
    month: '2026-03',
    priceBook: DEFAULT_PRICE_BOOK,
    contract: null,
    usage: [],
    adjustments: [],
    credits: [],
    previousStatement: null,
    asOf: '2026-04-01T00:00:00Z',
    ...overrides,
  };
}

/** 100 hours of `compute.c2.c8m8` (397 won an hour) for project `proj-a`. */
export function usage(overrides: Partial<UsageAggregate> = {}): UsageAggregate {
  return {
    projectId: 'proj-a',
    counterName: 'compute.c2.c8m8',
    counterType: 'DELTA',
    unit: 'HOURS',
    resourceId: null,
    resourceName: null,
    quantity: '100',
    ...overrides,
  };
}

/** A fixed 1000 discount on the whole billing group. */
export function adjustment(overrides: Partial<Adjustment> = {}): Adjustment {
  return {
    id: 'adj-1',
    type: 'DISCOUNT',
    method: 'FIXED',
    value: '1000',
    level: 'BILLING_GROUP',
    targetProjectId: null,
    description: null,
    ...overrides,
  };
}

/** A project-level adjustment on `proj-a`. */
export function projectAdjustment(overrides: Partial<Adjustment> = {}): Adjustment {
  return adjustment({ level: 'PROJECT', targetProjectId: 'proj-a', ...overrides });
}

/** A promotional grant of 10000, untouched, granted at the start of 2026 and never expiring. */
export function credit(overrides: Partial<CreditGrant> = {}): CreditGrant {
  return {
    id: 'credit-1',
    type: 'PROMOTIONAL',
    amount: '10000',
    balance: '10000',
    priority: null,
    expiresAt: null,
    grantedAt: '2026-01-01T00:00:00Z',
    campaignId: null,
    name: null,
    ...overrides,
  };
}

/** A contract that runs from January 2026, open-ended, and changes nothing until overridden. */
export function contract(overrides: Partial<Contract> = {}): Contract {
  return { id: 'contract-1', startMonth: '2026-01', endMonth: null, ...overrides };
}

/** A price book with one counter, `compute.c2.c8m8` in HOURS, priced as given. */
export function singleCounterBook(pricing: Pricing, currency: Currency = 'KRW'): PriceBook {
  return {
    id: `book-${currency.toLowerCase()}`,
    name: `Single-counter book (${currency})`,
    currency,
    entries: [{ counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing }],
  };
}

/** A price book where one HOUR costs exactly one unit of money: a quantity is its own amount. */
export function unitPriceBook(currency: Currency = 'KRW'): PriceBook {
  return singleCounterBook({ model: 'PER_UNIT', unitPrice: '1' }, currency);
}

/** Usage worth exactly `amount` on a `unitPriceBook`. */
export function usageWorth(amount: string, overrides: Partial<UsageAggregate> = {}): UsageAggregate {
  return usage({ quantity: amount, ...overrides });
}

/** The issues a call is refused with; fails the test when it is not refused as invalid input. */
export function validationIssues(run: () => unknown): readonly ValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}

/** The one issue a call is refused with, found by its field. */
export function issueAt(run: () => unknown, field: string): ValidationIssue {
  const issues = validationIssues(run);
  const issue = issues.find((candidate) => candidate.field === field);
  if (!issue) {
    throw new Error(`no issue at ${field}; got ${issues.map((found) => found.field).join(', ')}`);
  }
  return issue;
}

/** The conflict a call is refused with; fails the test when the call is not refused as a conflict. */
export function conflictOf(run: () => unknown): ConflictError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConflictError) return error;
    throw error;
  }
  throw new Error('expected a ConflictError, but the call went through');
}

/** Same as `validationIssues`, for an async call such as closing a statement. */
export async function asyncValidationIssues(
  run: () => Promise<unknown>,
): Promise<readonly ValidationIssue[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}
