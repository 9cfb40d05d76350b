import { FIRST_BILLING_YEAR, LAST_BILLING_YEAR } from './billing-window';

/** Bounds on accepted decimals: three such factors multiply exactly within the 100-digit precision. */
export const MAX_INTEGER_DIGITS = 18;
export const MAX_FRACTION_DIGITS = 12;

/** Every validation and conflict sentence of the engine, in one place (rule name → text). */

export const messages = {
  required: () => 'is required',
  object: () => 'must be an object',
  array: () => 'must be an array',
  decimal: (value: unknown) => `must be a decimal number written as a string, got ${describe(value)}`,
  decimalRange: (value: string) =>
    `must have at most ${MAX_INTEGER_DIGITS} digits before and ${MAX_FRACTION_DIGITS} after the point, got ${value}`,
  nonNegative: (value: string) => `must be at least 0, got ${value}`,
  positive: (value: string) => `must be greater than 0, got ${value}`,
  max100: (value: string) => `is a percent and must be at most 100, got ${value}`,
  minorUnit: (value: string, currency: string, digits: number) =>
    `has more decimals than ${currency} allows (${digits}), got ${value}`,
  integer: (value: unknown) => `must be an integer, got ${describe(value)}`,
  oneOf: (value: unknown, allowed: readonly string[]) =>
    `must be one of ${allowed.join(', ')}, got ${describe(value)}`,
  nonEmptyString: (value: unknown) => `must be a non-empty string, got ${describe(value)}`,
  maxLength: (length: number, max: number) => `must be at most ${max} characters, got ${length}`,
  unknownField: () => 'is not a field of this request',
  instant: (value: unknown) => `must be an ISO 8601 instant with an offset, got ${describe(value)}`,
  month: (value: unknown) => `must be a month written YYYY-MM, got ${describe(value)}`,
  billingWindow: (value: unknown) =>
    `must fall within the years ${FIRST_BILLING_YEAR}–${LAST_BILLING_YEAR} (UTC), got ${describe(value)}`,
  unitMismatch: (unit: string, expected: string) => `is ${unit} but the price book prices it in ${expected}`,
  unknownCounter: (counter: string, priceBook: string) =>
    `${counter} is not in price book ${priceBook}; every counter needs a price`,
  currencyMismatch: (book: string, group: string) =>
    `is in ${book} but the billing group is billed in ${group}`,
  tiersEmpty: () => 'must have at least one tier',
  tiersStartAtZero: (from: string) => `must start at 0, got ${from}`,
  tiersContiguous: (index: number, expected: string, got: string) =>
    `tier ${index} must start where tier ${index - 1} ends (${expected}), got ${got}`,
  tierOrder: (from: string, to: string) => `must end after it starts (${from} → ${to})`,
  tiersOpenEnded: () => 'the last tier must be open-ended (to: null)',
  tierOpenBeforeLast: (index: number) => `tier ${index} is open-ended but is not the last tier`,
  targetRequired: () => 'is required for a PROJECT-level adjustment',
  targetNotAllowed: () =>
    'must be empty for a BILLING_GROUP-level adjustment, which applies to the whole group',
  monthRange: (start: string, end: string) => `must not be before startMonth (${start} > ${end})`,
  balanceWithinAmount: (balance: string, amount: string) =>
    `must not exceed the granted amount ${amount}, got ${balance}`,
  ledgerSign: (kind: string, adds: boolean) =>
    `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} entry must ${adds ? 'add a positive' : 'take a negative'} amount`,
  duplicateUsage: (projectId: string, counterName: string, resourceId: string | null) =>
    `repeats the usage of ${counterName} for project ${projectId}${resourceId === null ? '' : ` and resource ${resourceId}`}; aggregate it into one entry`,
  earlierMonth: (previous: string, month: string) =>
    `must be a month before ${month}: a balance forward comes from an earlier statement, got ${previous}`,
  duplicateId: (id: string) => `repeats id ${id}; ids must be unique`,
  sameBillingGroup: (expected: string, got: string) =>
    `must be ${expected} like the first event; usage is aggregated one billing group at a time, got ${got}`,
  consistentSeries: (series: string, expected: string, got: string) =>
    `must be ${expected} like the other readings of ${series}, got ${got}`,
  maxBatchSize: (size: number, max: number) => `must hold at most ${max} events, got ${size}`,
} as const;

export const conflicts = {
  timestampInFuture: (now: string) =>
    `must be at most 24 hours after now (${now}); an event is sent once it has happened`,
  periodClosed: (month: string) =>
    `${month} is closed: its statement, or a later month's, is issued, so what it bills can no longer change`,
  eventConflict: (eventId: string) =>
    `event ${eventId} was already ingested with a different payload; an event id cannot be reused`,
  monthOrder: (month: string, blocking: string) =>
    `${month} cannot close while ${blocking}, an earlier month with activity, is still open`,
  statementClosed: (id: string) => `statement ${id} is already closed`,
  statementVoid: (id: string) => `statement ${id} is void`,
  statementDraft: (id: string) => `statement ${id} is a draft; only a closed statement can be voided`,
  invalidTransition: (from: string, to: string) => `a payment cannot go from ${from} to ${to}`,
  paymentExceedsOutstanding: (amount: string, outstanding: string) =>
    `a payment of ${amount} exceeds the outstanding ${outstanding}`,
  carriedForward: (id: string, by: string) =>
    `statement ${id} was carried forward into ${by}; pay ${by} instead`,
  notPayable: (id: string, state: string) => `statement ${id} is ${state} and takes no payment`,
  creditAlreadyConsumed: (grantId: string, statementId: string) =>
    `credit ${grantId} was already consumed by statement ${statementId}`,
  releaseMismatch: (grantId: string, statementId: string, consumed: string) =>
    `a release of credit ${grantId} must give back exactly what statement ${statementId} consumed of it (${consumed})`,
  creditAlreadyReleased: (statementId: string) =>
    `the credits of statement ${statementId} were already released`,
  insufficientCredit: (grantId: string, balance: string, amount: string) =>
    `credit ${grantId} holds ${balance}, less than the ${amount} asked`,
} as const;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}
