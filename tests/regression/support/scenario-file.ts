import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BillingMonth } from '../billing-month';
import { differences, type Figures } from './figures';

/**
 * A named scenario (`fixtures/scenarios/*.json`): a billing month, the arithmetic a person did by
 * hand from docs/domain.md, and the statement figures that arithmetic gives. Totals are required; a
 * group of figures (`lines`, `contractLines`, `adjustments`, `adjustmentsRequested`, `credits`) is
 * optional, and when given it must list every figure of its group (a credit the file leaves out
 * must not be applied).
 */
export interface Scenario extends BillingMonth {
  title: string;
  handCheck: string[];
  expected: ExpectedStatement;
}

const REQUIRED_TOTALS = [
  'subtotal',
  'chargeBeforeCredits',
  'charge',
  'vat',
  'unpaid',
  'lateFee',
  'total',
] as const;
const OPTIONAL_TOTALS = ['contractTotal', 'adjustmentTotal', 'creditTotal'] as const;
const GROUPS = ['lines', 'contractLines', 'adjustments', 'adjustmentsRequested', 'credits'] as const;

export type ExpectedStatement = Record<(typeof REQUIRED_TOTALS)[number], string> &
  Partial<Record<(typeof OPTIONAL_TOTALS)[number], string>> &
  Partial<Record<(typeof GROUPS)[number], Record<string, string>>>;

/** A scenario file's problem, naming the file and the field: `usd.json: usage[0].quantity …`. */
export class ScenarioShapeError extends Error {
  override readonly name = 'ScenarioShapeError';
}

type Check = (value: unknown, field: string) => void;

class FieldProblem extends Error {
  constructor(
    readonly field: string,
    rule: string,
    value: unknown,
  ) {
    super(`${field} ${rule} (found ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
  }
}

const pattern =
  (regex: RegExp, rule: string): Check =>
  (value, field) => {
    if (typeof value !== 'string' || !regex.test(value)) throw new FieldProblem(field, rule, value);
  };

const decimal = pattern(/^\d+(\.\d+)?$/, 'must be a decimal string ≥ 0 like "12.5"');
const signedMoney = pattern(
  /^-?\d+(\.\d+)?$/,
  'must be an amount as a decimal string like "-57000" or "12.30"',
);
const text = pattern(/\S/, 'must be a non-empty string');
const month = pattern(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month "YYYY-MM"');
const instant: Check = (value, field) => {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value !== 'string' || !iso.test(value) || Number.isNaN(Date.parse(value))) {
    throw new FieldProblem(
      field,
      'must be an ISO 8601 instant with an offset like "2026-04-01T00:00:00Z"',
      value,
    );
  }
};
const oneOf =
  (...allowed: readonly unknown[]): Check =>
  (value, field) => {
    if (!allowed.includes(value))
      throw new FieldProblem(field, `must be one of ${allowed.join(', ')}`, value);
  };
const integer: Check = (value, field) => {
  if (!Number.isInteger(value)) throw new FieldProblem(field, 'must be an integer', value);
};
const boolean: Check = (value, field) => {
  if (typeof value !== 'boolean') throw new FieldProblem(field, 'must be true or false', value);
};
const optional =
  (check: Check): Check =>
  (value, field) => {
    if (value !== undefined && value !== null) check(value, field);
  };
const list =
  (item: Check): Check =>
  (value, field) => {
    if (!Array.isArray(value)) throw new FieldProblem(field, 'must be a list', value);
    value.forEach((entry, index) => {
      item(entry, `${field}[${index}]`);
    });
  };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly these fields: an unknown one is refused, so a typo never goes unread. */
const record =
  (fields: Record<string, Check>): Check =>
  (value, field) => {
    const at = (key: string) => (field ? `${field}.${key}` : key);
    if (!isPlainObject(value)) throw new FieldProblem(field || 'the file', 'must be an object', value);
    for (const key of Object.keys(value)) {
      if (!(key in fields)) {
        throw new FieldProblem(
          at(key),
          `is not a field here (expected one of ${Object.keys(fields).join(', ')})`,
          value[key],
        );
      }
    }
    for (const [key, check] of Object.entries(fields)) check(value[key], at(key));
  };

const amounts: Check = (value, field) => {
  if (!isPlainObject(value))
    throw new FieldProblem(field, 'must be an object of figure name → amount', value);
  for (const [key, amount] of Object.entries(value)) signedMoney(amount, `${field}.${key}`);
};

const tierTo = pattern(
  /^\d+(\.\d+)?$/,
  'must be a decimal string like "100", or null for the open-ended last tier',
);
const tierEnd: Check = (value, field) => {
  if (value !== null) tierTo(value, field);
};
const tiers = list(record({ from: decimal, to: tierEnd, unitPrice: decimal }));
const pricing: Check = (value, field) => {
  const model = isPlainObject(value) ? value.model : undefined;
  oneOf('PER_UNIT', 'GRADUATED', 'VOLUME')(model, `${field}.model`);
  if (model === 'PER_UNIT') record({ model: text, unitPrice: decimal })(value, field);
  else record({ model: text, tiers })(value, field);
};

const SCENARIO = record({
  title: text,
  handCheck: list(text),
  month,
  billingGroup: record({
    currency: oneOf('KRW', 'JPY', 'USD', 'EUR'),
    vatRate: decimal,
    roundingMode: oneOf('HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'),
    paymentTermsDays: integer,
    lateFeeRate: decimal,
  }),
  priceBook: optional(
    record({
      id: text,
      name: text,
      currency: oneOf('KRW', 'JPY', 'USD', 'EUR'),
      entries: list(record({ counterName: text, unit: text, pricing })),
    }),
  ),
  usage: list(
    record({ projectId: text, counterName: text, unit: text, quantity: decimal, resourceId: optional(text) }),
  ),
  contract: optional(
    record({
      id: text,
      startMonth: month,
      endMonth: optional(month),
      discountRate: optional(decimal),
      minimumCharge: optional(decimal),
      priceOverrides: optional(list(record({ counterName: text, pricing }))),
    }),
  ),
  adjustments: list(
    record({
      id: text,
      type: oneOf('DISCOUNT', 'SURCHARGE'),
      method: oneOf('FIXED', 'RATE'),
      value: decimal,
      level: oneOf('PROJECT', 'BILLING_GROUP'),
      targetProjectId: optional(text),
    }),
  ),
  credits: list(
    record({
      id: text,
      type: oneOf('PROMOTIONAL', 'FREE', 'PAID', 'REFUND'),
      amount: decimal,
      balance: decimal,
      priority: optional(integer),
      expiresAt: optional(instant),
      grantedAt: instant,
    }),
  ),
  unpaid: optional(record({ amount: decimal, isOverdue: boolean })),
  asOf: instant,
  expected: record({
    ...Object.fromEntries(REQUIRED_TOTALS.map((name) => [name, signedMoney])),
    ...Object.fromEntries(OPTIONAL_TOTALS.map((name) => [name, optional(signedMoney)])),
    ...Object.fromEntries(GROUPS.map((name) => [name, optional(amounts)])),
  }),
});

/** Reads and checks one scenario file; any problem names the file and the field. */
export function readScenario(path: string): Scenario {
  const file = basename(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ScenarioShapeError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  try {
    SCENARIO(parsed, '');
  } catch (error) {
    if (error instanceof FieldProblem) throw new ScenarioShapeError(`${file}: ${error.message}`);
    throw error;
  }
  return parsed as Scenario;
}

/** The billing month of a scenario, without its title, hand check and expectations. */
export function billingMonthOf({
  title: _title,
  handCheck: _handCheck,
  expected: _expected,
  ...month
}: Scenario): BillingMonth {
  return month;
}

/**
 * How `actual` differs from the scenario's expected figures: every total it states, and every
 * figure of each group it states, including figures `actual` has that the group does not list.
 */
export function differencesFromExpected(
  expected: ExpectedStatement,
  actual: Figures,
  side: string,
): string[] {
  const wanted: Figures = {};
  const names: string[] = [];
  for (const name of [...REQUIRED_TOTALS, ...OPTIONAL_TOTALS]) {
    const amount = expected[name];
    if (amount === undefined) continue;
    wanted[name] = amount;
    names.push(name);
  }
  for (const group of GROUPS) {
    const figures = expected[group];
    if (!figures) continue;
    for (const [key, amount] of Object.entries(figures)) wanted[`${group}.${key}`] = amount;
    names.push(...Object.keys(wanted).filter((name) => name.startsWith(`${group}.`)));
    names.push(...Object.keys(actual).filter((name) => name.startsWith(`${group}.`)));
  }
  return differences(wanted, actual, { expected: 'expected', actual: side }, [...new Set(names)]);
}
