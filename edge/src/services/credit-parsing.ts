import {
  type Currency,
  Decimal,
  IssueCollector,
  isWholeMinorUnits,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  messages,
  minorUnit,
  type ParsedCreditGrant,
  parseCreditGrant,
  toMinorUnits,
  ValidationError,
  type ValidationIssue,
} from '@billing/engine';

/**
 * The ledger stores amounts in integer minor units, and the edge reads them back as JS numbers:
 * a grant must fit in one exactly (9 007 199 254 740 991 won or cents).
 */
const MAX_MINOR_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

export interface GrantRequest {
  type: string;
  amount: string;
  priority?: number | null | undefined;
  expiresAt?: string | null | undefined;
  campaignId?: string | null | undefined;
  name?: string | null | undefined;
}

/**
 * Validates a new grant with the engine's own rules (parseCreditGrant names each field and rule; a
 * new grant's amount is above 0), plus what a stored grant needs beyond a statement input: an amount
 * that fits the ledger's minor units, and an expiry after the grant time. Fields are named as the request spells them.
 */
export function parseGrantRequest(
  body: GrantRequest,
  id: string,
  grantedAt: string,
  currency: Currency,
): ParsedCreditGrant {
  const collector = new IssueCollector();
  const candidate = { ...body, id, grantedAt, balance: body.amount };
  const parsed = parseCreditGrant(collector, 'grant', candidate, currency, { newGrant: true });
  // The balance is the amount here, so its issues repeat the amount's.
  const issues: ValidationIssue[] = collector.issues
    .filter((issue) => !issue.field.startsWith('grant.balance'))
    .map((issue) => ({ ...issue, field: issue.field.replace(/^grant\./, '') }));
  if (parsed && toMinorUnits(parsed.amount, currency, 'HALF_UP') > MAX_MINOR_UNITS) {
    issues.push(maxAmountIssue('amount', body.amount, currency));
  }
  if (parsed && parsed.expiresAt !== null && parsed.expiresAt <= parsed.grantedAt) {
    issues.push({
      field: 'expiresAt',
      rule: 'after-granted',
      message: `must be after grantedAt (${parsed.grantedAtText}), got ${parsed.expiresAtText}`,
    });
  }
  if (issues.length > 0 || !parsed) throw new ValidationError(issues);
  return parsed;
}

/** A decimal within the engine's range (18 digits before the point, 12 after): a quantity, say. */
export function parseDecimalInRange(field: string, value: string): Decimal {
  const [integer = '', fraction = ''] = value.replace(/^-/, '').split('.');
  if (integer.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS || fraction.length > MAX_FRACTION_DIGITS) {
    throw new ValidationError([{ field, rule: 'decimal-range', message: messages.decimalRange(value) }]);
  }
  return new Decimal(value);
}

/**
 * A charge in the group's currency (the preview's amount), with the engine's rules and messages for
 * money inputs: decimal range, at least 0, no digits below the minor unit. `positive`: an amount
 * that must be above 0 (a credit note, a budget), refused as `positive` for 0 and below alike, so
 * the sentence states the rule that 0 breaks too.
 */
export function parseChargeAmount(
  field: string,
  value: string,
  currency: Currency,
  { positive = false }: { positive?: boolean } = {},
): Decimal {
  const issues: ValidationIssue[] = [];
  const amount = parseDecimalInRange(field, value);
  if (positive && !amount.greaterThan(0)) {
    issues.push({ field, rule: 'positive', message: messages.positive(value) });
  } else if (amount.isNegative() && !amount.isZero()) {
    issues.push({ field, rule: 'non-negative', message: messages.nonNegative(value) });
  }
  if (!isWholeMinorUnits(amount, currency)) {
    issues.push({
      field,
      rule: 'minor-unit',
      message: messages.minorUnit(value, currency, minorUnit(currency)),
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return amount.isZero() ? new Decimal(0) : amount;
}

function maxAmountIssue(field: string, value: string, currency: Currency): ValidationIssue {
  return {
    field,
    rule: 'max-amount',
    message: `must be at most ${Number.MAX_SAFE_INTEGER} ${currency} minor units, got ${value}`,
  };
}
