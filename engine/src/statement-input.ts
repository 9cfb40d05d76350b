import type { ParsedAdjustment } from './adjust';
import { parseAdjustment } from './adjust';
import type { ParsedCreditGrant } from './credits';
import { parseCreditGrant } from './credits';
import type { Decimal } from './decimal';
import { IssueCollector, ValidationError } from './errors';
import { messages } from './messages';
import { type ParsedContract, type ParsedPriceBook, parseContract, parsePriceBook } from './price';
import type { CounterType, Currency, RoundingMode } from './types';
import { COUNTER_TYPES, CURRENCIES, ROUNDING_MODES } from './types';
import {
  isRecord,
  readDecimal,
  readEnum,
  readInstant,
  readInteger,
  readMonth,
  readOptionalString,
  readString,
  requireArray,
  requireRecord,
} from './validate';

/** Settings a billing group gets when it says nothing (DOMAIN §1, §4). */
export const DEFAULT_BILLING_GROUP_SETTINGS = {
  currency: 'KRW',
  vatRate: '10',
  roundingMode: 'HALF_UP',
  paymentTermsDays: 14,
  lateFeeRate: '5',
} as const satisfies Record<string, string | number>;

export interface ParsedBillingGroup {
  id: string;
  currency: Currency;
  vatRate: Decimal;
  roundingMode: RoundingMode;
  paymentTermsDays: number;
  lateFeeRate: Decimal;
}

export interface ParsedUsage {
  projectId: string;
  counterName: string;
  counterType: CounterType;
  unit: string;
  resourceId: string | null;
  resourceName: string | null;
  quantity: Decimal;
}

export interface ParsedPrevious {
  statementId: string;
  month: string;
  outstanding: Decimal;
  dueAt: number;
  dueAtText: string;
}

export interface ParsedStatementInput {
  billingGroup: ParsedBillingGroup;
  month: string;
  priceBook: ParsedPriceBook;
  contract: ParsedContract | null;
  usage: ParsedUsage[];
  adjustments: ParsedAdjustment[];
  credits: ParsedCreditGrant[];
  previous: ParsedPrevious | null;
  asOf: number;
}

/**
 * Checks a whole statement input and lists every issue at once, each naming its field and rule;
 * nothing is priced from an input that is wrong anywhere.
 */
export function parseStatementInput(input: unknown): ParsedStatementInput {
  const issues = new IssueCollector();
  if (!requireRecord(issues, 'input', input)) throw new ValidationError(issues.issues);
  const billingGroup = parseBillingGroup(issues, input.billingGroup);
  const month = readMonth(issues, 'month', input.month);
  const priceBook = parsePriceBook(issues, 'priceBook', input.priceBook);
  if (priceBook && billingGroup && priceBook.currency !== billingGroup.currency) {
    issues.add(
      'priceBook.currency',
      'currency-match',
      messages.currencyMismatch(priceBook.currency, billingGroup.currency),
    );
  }
  const contract =
    input.contract == null ? null : (parseContract(issues, 'contract', input.contract) ?? null);
  const usage = parseUsage(issues, input.usage, priceBook);
  const currency = billingGroup?.currency ?? DEFAULT_BILLING_GROUP_SETTINGS.currency;
  const adjustments = parseList(issues, 'adjustments', input.adjustments, (field, raw) =>
    parseAdjustment(issues, field, raw),
  );
  const credits = parseList(issues, 'credits', input.credits, (field, raw) =>
    parseCreditGrant(issues, field, raw, currency),
  );
  const previous =
    input.previousStatement == null
      ? null
      : (parsePrevious(issues, input.previousStatement, currency) ?? null);
  if (previous && month && previous.month >= month) {
    issues.add('previousStatement.month', 'earlier-month', messages.earlierMonth(previous.month, month));
  }
  const asOf = readInstant(issues, 'asOf', input.asOf);
  issues.throwIfAny();
  return {
    billingGroup: billingGroup as ParsedBillingGroup,
    month: month as string,
    priceBook: priceBook as ParsedPriceBook,
    contract,
    usage,
    adjustments,
    credits,
    previous,
    asOf: asOf as number,
  };
}

function parseBillingGroup(issues: IssueCollector, value: unknown): ParsedBillingGroup | undefined {
  if (!requireRecord(issues, 'billingGroup', value)) return undefined;
  const settings: Record<string, unknown> = { ...DEFAULT_BILLING_GROUP_SETTINGS, ...withoutNulls(value) };
  const id = readString(issues, 'billingGroup.id', settings.id);
  const currency = readEnum(issues, 'billingGroup.currency', settings.currency, CURRENCIES);
  const vatRate = readDecimal(issues, 'billingGroup.vatRate', settings.vatRate, {
    nonNegative: true,
    max100: true,
  });
  const roundingMode = readEnum(issues, 'billingGroup.roundingMode', settings.roundingMode, ROUNDING_MODES);
  const paymentTermsDays = readInteger(issues, 'billingGroup.paymentTermsDays', settings.paymentTermsDays);
  if (paymentTermsDays !== undefined && paymentTermsDays < 0) {
    issues.add(
      'billingGroup.paymentTermsDays',
      'non-negative',
      messages.nonNegative(String(paymentTermsDays)),
    );
  }
  const lateFeeRate = readDecimal(issues, 'billingGroup.lateFeeRate', settings.lateFeeRate, {
    nonNegative: true,
    max100: true,
  });
  if (!id || !currency || !vatRate || !roundingMode || paymentTermsDays === undefined || !lateFeeRate)
    return undefined;
  return { id, currency, vatRate, roundingMode, paymentTermsDays, lateFeeRate };
}

function parseUsage(
  issues: IssueCollector,
  value: unknown,
  priceBook: ParsedPriceBook | undefined,
): ParsedUsage[] {
  const seen = new Set<string>();
  return parseList(issues, 'usage', value, (field, raw) => {
    if (!requireRecord(issues, field, raw)) return undefined;
    const projectId = readString(issues, `${field}.projectId`, raw.projectId);
    const counterName = readString(issues, `${field}.counterName`, raw.counterName);
    const counterType = readEnum(issues, `${field}.counterType`, raw.counterType, COUNTER_TYPES);
    const unit = readString(issues, `${field}.unit`, raw.unit);
    const resourceId = readOptionalString(issues, `${field}.resourceId`, raw.resourceId);
    const resourceName = readOptionalString(issues, `${field}.resourceName`, raw.resourceName);
    const quantity = readDecimal(issues, `${field}.quantity`, raw.quantity, { nonNegative: true });
    if (priceBook && counterName) {
      const entry = priceBook.entries.get(counterName);
      // A counter whose book entry is itself invalid is known: that entry's issues already say why.
      if (!priceBook.counters.has(counterName)) {
        issues.add(
          `${field}.counterName`,
          'known-counter',
          messages.unknownCounter(counterName, priceBook.id),
        );
      } else if (entry && unit && unit !== entry.unit) {
        issues.add(`${field}.unit`, 'unit-match', messages.unitMismatch(unit, entry.unit));
      }
    }
    const key = JSON.stringify([projectId, counterName, resourceId]);
    if (seen.has(key))
      issues.add(field, 'unique', messages.duplicateUsage(projectId ?? '', counterName ?? '', resourceId));
    seen.add(key);
    if (!projectId || !counterName || !counterType || !unit || !quantity) return undefined;
    return { projectId, counterName, counterType, unit, resourceId, resourceName, quantity };
  });
}

function parsePrevious(
  issues: IssueCollector,
  value: unknown,
  currency: Currency,
): ParsedPrevious | undefined {
  if (!requireRecord(issues, 'previousStatement', value)) return undefined;
  const statementId = readString(issues, 'previousStatement.statementId', value.statementId);
  const month = readMonth(issues, 'previousStatement.month', value.month);
  const outstanding = readDecimal(issues, 'previousStatement.outstanding', value.outstanding, {
    nonNegative: true,
    currency,
  });
  const dueAt = readInstant(issues, 'previousStatement.dueAt', value.dueAt);
  if (!statementId || !month || !outstanding || dueAt === undefined) return undefined;
  return { statementId, month, outstanding, dueAt, dueAtText: String(value.dueAt) };
}

/** Parses an optional list (absent = empty), flagging repeated ids. */
function parseList<T>(
  issues: IssueCollector,
  field: string,
  value: unknown,
  parseItem: (field: string, raw: unknown) => T | undefined,
): T[] {
  if (value == null) return [];
  if (!requireArray(issues, field, value)) return [];
  const ids = new Set<string>();
  const parsed: T[] = [];
  value.forEach((raw, index) => {
    const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : null;
    if (id !== null && ids.has(id)) issues.add(`${field}[${index}].id`, 'unique', messages.duplicateId(id));
    if (id !== null) ids.add(id);
    const item = parseItem(`${field}[${index}]`, raw);
    if (item !== undefined) parsed.push(item);
  });
  return parsed;
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined),
  );
}
