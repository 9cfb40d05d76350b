import {
  BILLING_WINDOW_RULE,
  FIRST_BILLING_YEAR,
  isInstantInBillingWindow,
  isMonthInBillingWindow,
  LAST_BILLING_YEAR,
  messages,
} from '@billing/engine';
import { z } from '@hono/zod-openapi';

/** Money and quantities travel as decimal strings (DOMAIN §1). */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as a string, e.g. "166.67"')
  .openapi({ example: '39700' });

/**
 * A percent (a VAT, late-fee or discount rate) as a decimal string: `10` is 10%. Its own example, so
 * the document never shows a rate of 39700 (DecimalString's, an amount of money).
 */
export const PercentString = DecimalString.openapi({ example: '10' });

/**
 * The engine's billing window (DOMAIN §2) as a check on a well-formed value: the same rule name and
 * sentence as the engine's, on the field as the client spelled it.
 */
const inBillingWindow = {
  error: (issue: { input: unknown }) => messages.billingWindow(issue.input),
  params: { rule: BILLING_WINDOW_RULE },
};
const BILLING_YEARS = `${FIRST_BILLING_YEAR}–${LAST_BILLING_YEAR}`;

export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM', abort: true })
  .refine(isMonthInBillingWindow, inBillingWindow)
  .openapi({ example: '2026-03', description: `A month YYYY-MM of the years ${BILLING_YEARS}` });

export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 instant with an offset',
    abort: true,
  })
  // A well-formed text Date.parse cannot read (month 13) is the engine's to refuse, as `instant`.
  .refine(
    (text) => Number.isNaN(Date.parse(text)) || isInstantInBillingWindow(Date.parse(text)),
    inBillingWindow,
  )
  .openapi({
    example: '2026-03-31T23:59:59Z',
    description: `An ISO 8601 instant with an offset, in the years ${BILLING_YEARS} (UTC)`,
  });

export const Currency = z.enum(['KRW', 'JPY', 'USD', 'EUR']);
export const RoundingMode = z.enum(['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL']);

export const ProblemIssue = z.object({
  field: z.string().openapi({ example: 'events[3].volume' }),
  rule: z.string().openapi({ example: 'non-negative' }),
  message: z.string(),
});

export const Problem = z
  .object({
    type: z.string().openapi({ example: '/problems/validation-error' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(ProblemIssue).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: Problem } };

const PROBLEM_DESCRIPTIONS = {
  400: 'Malformed request: the body is not JSON, or the cursor is not one this list issued',
  401: 'Missing, malformed, unknown or revoked API key',
  404: 'Not found in the caller’s tenant',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Request body is not application/json, or is declared in a charset other than UTF-8',
  422: 'Validation failed: each error names the field and the rule',
  429: 'Over the API key’s rate limit; see Retry-After',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

/** The problem responses an operation documents, by status. */
export function problems(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEM_DESCRIPTIONS[status], content: problemContent },
    ]),
  ) as Record<ProblemStatus, { description: string; content: typeof problemContent }>;
}

/** Problems every authenticated operation can answer. */
export const AUTHENTICATED_PROBLEMS: ProblemStatus[] = [401, 429];
/** Problems every authenticated operation with a JSON body can answer. */
export const BODY_PROBLEMS: ProblemStatus[] = [400, 401, 413, 415, 422, 429];

const PAGE_SIZE = 'must be a whole number from 1 to 100';
const WHOLE_NUMBER = /^-?[0-9]+$/;

export const PaginationQuery = z.object({
  // One issue per bad limit: the integer check stops there (`abort`), so a limit past 2^53, which
  // fails both it and the maximum, is not told twice; every check says the whole rule.
  // Digits only, with an optional sign: `Number()` would also read `0x10`, `1e1` and ` 5` as whole
  // numbers, which a page size is not written as; such a limit fails as a number would.
  limit: z
    .preprocess(
      (value) => (typeof value === 'string' && !WHOLE_NUMBER.test(value) ? Number.NaN : value),
      z.coerce
        .number({ error: PAGE_SIZE })
        .int({ error: PAGE_SIZE, abort: true })
        .min(1, { error: PAGE_SIZE })
        .max(100, { error: PAGE_SIZE }),
    )
    .default(50)
    .openapi({ example: 50 }),
  cursor: z.string().min(1).max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
});

/** A page of a list: items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export function json<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodTypeAny>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const security = [{ bearerAuth: [] }];
