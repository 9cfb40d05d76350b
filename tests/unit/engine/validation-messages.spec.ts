import {
  appendToLedger,
  assertClosable,
  assertMonthCanClose,
  assertPaymentAcceptable,
  type ConflictCode,
  computeStatement,
  conflicts,
  Decimal,
  IssueCollector,
  messages,
  type PriceTier,
  parseCreditGrant,
  planStatementVoid,
  type StatementInput,
  type StatementStanding,
  transitionPayment,
  type ValidationIssue,
} from '@billing/engine';
import {
  assertPeriodOpen,
  grantEntry,
  ledgerBalances,
  planRelease,
  validateLedgerEntry,
} from '@billing/engine/internal';
import { expect, test } from '../../support/api-test';
import {
  adjustment,
  conflictOf,
  contract,
  credit,
  projectAdjustment,
  singleCounterBook,
  statementInput,
  usage,
  validationIssues,
} from './support';

/** Messages about usage events, worked through in tests/unit/metering with the ingestion rules. */
const USAGE_EVENT_MESSAGES = [
  'sameBillingGroup',
  'consistentSeries',
  'maxBatchSize',
  'billingWindow',
  'maxLength',
  'unknownField',
];
/** Conflicts of ingestion, worked through in tests/unit/metering. */
const CONFLICTS_ELSEWHERE = ['eventConflict', 'timestampInFuture'];

interface MessageCase {
  /** What the worked example shows, read as a billing rule. */
  rule: string;
  message: keyof typeof messages;
  run: () => unknown;
  issues: ValidationIssue[];
}

/** Computes a statement from the minimal valid input with some fields replaced, possibly by junk. */
function compute(overrides: Record<string, unknown>): () => unknown {
  return () => computeStatement({ ...statementInput(), ...overrides } as StatementInput);
}

function tiered(tiers: PriceTier[]): () => unknown {
  return compute({ priceBook: singleCounterBook({ model: 'GRADUATED', tiers }), usage: [usage()] });
}

const TIERS = 'priceBook.entries[0].pricing.tiers';

const MESSAGE_CASES: MessageCase[] = [
  {
    rule: 'a contract that is not an object is refused',
    message: 'object',
    run: compute({ contract: 'gold' as never }),
    issues: [{ field: 'contract', rule: 'object', message: 'must be an object' }],
  },
  {
    rule: 'credits that are not a list are refused',
    message: 'array',
    run: compute({ credits: { id: 'credit-1' } as never }),
    issues: [{ field: 'credits', rule: 'array', message: 'must be an array' }],
  },
  {
    rule: 'an adjustment without an id is refused: the id is required',
    message: 'required',
    run: compute({ adjustments: [{ ...adjustment(), id: undefined }] }),
    issues: [{ field: 'adjustments[0].id', rule: 'required', message: 'is required' }],
  },
  {
    rule: 'a VAT rate written as a JSON number is refused: decimals travel as strings',
    message: 'decimal',
    run: compute({ billingGroup: { id: 'bg-1', vatRate: 10 } }),
    issues: [
      {
        field: 'billingGroup.vatRate',
        rule: 'decimal',
        message: 'must be a decimal number written as a string, got 10',
      },
    ],
  },
  {
    rule: 'a quantity in exponent notation is not a decimal string',
    message: 'decimal',
    run: compute({ usage: [usage({ quantity: '1e3' })] }),
    issues: [
      {
        field: 'usage[0].quantity',
        rule: 'decimal',
        message: 'must be a decimal number written as a string, got "1e3"',
      },
    ],
  },
  {
    rule: 'a quantity of more than 18 integer digits is out of range',
    message: 'decimalRange',
    run: compute({ usage: [usage({ quantity: '1234567890123456789' })] }),
    issues: [
      {
        field: 'usage[0].quantity',
        rule: 'decimal-range',
        message: 'must have at most 18 digits before and 12 after the point, got 1234567890123456789',
      },
    ],
  },
  {
    rule: 'an adjustment value of more than 12 fraction digits is out of range',
    message: 'decimalRange',
    run: compute({ adjustments: [adjustment({ value: '0.1234567890123' })] }),
    issues: [
      {
        field: 'adjustments[0].value',
        rule: 'decimal-range',
        message: 'must have at most 18 digits before and 12 after the point, got 0.1234567890123',
      },
    ],
  },
  {
    rule: 'a negative quantity is refused',
    message: 'nonNegative',
    run: compute({ usage: [usage({ quantity: '-1' })] }),
    issues: [{ field: 'usage[0].quantity', rule: 'non-negative', message: 'must be at least 0, got -1' }],
  },
  {
    rule: 'negative payment terms are refused',
    message: 'nonNegative',
    run: compute({ billingGroup: { id: 'bg-1', paymentTermsDays: -1 } }),
    issues: [
      { field: 'billingGroup.paymentTermsDays', rule: 'non-negative', message: 'must be at least 0, got -1' },
    ],
  },
  {
    rule: 'a negative fixed adjustment is refused: the type says discount or surcharge',
    message: 'nonNegative',
    run: compute({ adjustments: [adjustment({ value: '-500' })] }),
    issues: [
      { field: 'adjustments[0].value', rule: 'non-negative', message: 'must be at least 0, got -500' },
    ],
  },
  {
    rule: 'a credit grant being made refuses 0 and less as one rule, stated as it is (not "at least 0")',
    message: 'positive',
    run: () => {
      const issues = new IssueCollector();
      for (const [index, amount] of ['0', '-100'].entries()) {
        const grant = {
          id: `grant-${index}`,
          type: 'FREE',
          amount,
          balance: '0',
          grantedAt: '2026-03-01T00:00:00Z',
        };
        parseCreditGrant(issues, `grants[${index}]`, grant, 'KRW', { newGrant: true });
      }
      issues.throwIfAny();
    },
    issues: [
      { field: 'grants[0].amount', rule: 'positive', message: 'must be greater than 0, got 0' },
      { field: 'grants[1].amount', rule: 'positive', message: 'must be greater than 0, got -100' },
    ],
  },
  {
    rule: 'a VAT rate above 100% is refused',
    message: 'max100',
    run: compute({ billingGroup: { id: 'bg-1', vatRate: '101' } }),
    issues: [
      {
        field: 'billingGroup.vatRate',
        rule: 'max-100',
        message: 'is a percent and must be at most 100, got 101',
      },
    ],
  },
  {
    rule: 'a late-fee rate above 100% is refused',
    message: 'max100',
    run: compute({ billingGroup: { id: 'bg-1', lateFeeRate: '100.5' } }),
    issues: [
      {
        field: 'billingGroup.lateFeeRate',
        rule: 'max-100',
        message: 'is a percent and must be at most 100, got 100.5',
      },
    ],
  },
  {
    rule: 'a contract discount rate above 100% is refused',
    message: 'max100',
    run: compute({ contract: contract({ discountRate: '120' }) }),
    issues: [
      {
        field: 'contract.discountRate',
        rule: 'max-100',
        message: 'is a percent and must be at most 100, got 120',
      },
    ],
  },
  {
    rule: 'a discount rate above 100% is refused',
    message: 'max100',
    run: compute({ adjustments: [projectAdjustment({ method: 'RATE', value: '200' })] }),
    issues: [
      {
        field: 'adjustments[0].value',
        rule: 'max-100',
        message: 'is a percent and must be at most 100, got 200',
      },
    ],
  },
  {
    rule: 'a KRW credit balance with fractions of a won is refused',
    message: 'minorUnit',
    run: compute({ credits: [credit({ amount: '1000', balance: '999.9' })] }),
    issues: [
      {
        field: 'credits[0].balance',
        rule: 'minor-unit',
        message: 'has more decimals than KRW allows (0), got 999.9',
      },
    ],
  },
  {
    rule: 'a KRW balance forward with fractions of a won is refused',
    message: 'minorUnit',
    run: compute({
      previousStatement: {
        statementId: 'stmt-2026-02',
        month: '2026-02',
        outstanding: '0.5',
        dueAt: '2026-03-15T00:00:00Z',
      },
    }),
    issues: [
      {
        field: 'previousStatement.outstanding',
        rule: 'minor-unit',
        message: 'has more decimals than KRW allows (0), got 0.5',
      },
    ],
  },
  {
    rule: 'payment terms are a whole number of days',
    message: 'integer',
    run: compute({ billingGroup: { id: 'bg-1', paymentTermsDays: 14.5 } }),
    issues: [
      { field: 'billingGroup.paymentTermsDays', rule: 'integer', message: 'must be an integer, got 14.5' },
    ],
  },
  {
    rule: 'a credit priority is an integer, not a string',
    message: 'integer',
    run: compute({ credits: [credit({ priority: '10' as unknown as number })] }),
    issues: [{ field: 'credits[0].priority', rule: 'integer', message: 'must be an integer, got "10"' }],
  },
  {
    rule: 'an unknown rounding mode is refused',
    message: 'oneOf',
    run: compute({ billingGroup: { id: 'bg-1', roundingMode: 'BANKERS' } }),
    issues: [
      {
        field: 'billingGroup.roundingMode',
        rule: 'one-of',
        message: 'must be one of HALF_UP, HALF_EVEN, FLOOR, CEIL, got "BANKERS"',
      },
    ],
  },
  {
    rule: 'an unsupported currency is refused',
    message: 'oneOf',
    run: compute({ billingGroup: { id: 'bg-1', currency: 'GBP' } }),
    issues: [
      {
        field: 'billingGroup.currency',
        rule: 'one-of',
        message: 'must be one of KRW, JPY, USD, EUR, got "GBP"',
      },
    ],
  },
  {
    rule: 'an adjustment is a DISCOUNT or a SURCHARGE',
    message: 'oneOf',
    run: compute({ adjustments: [adjustment({ type: 'REBATE' as 'DISCOUNT' })] }),
    issues: [
      {
        field: 'adjustments[0].type',
        rule: 'one-of',
        message: 'must be one of DISCOUNT, SURCHARGE, got "REBATE"',
      },
    ],
  },
  {
    rule: 'a credit type is one of the four grant types',
    message: 'oneOf',
    run: compute({ credits: [credit({ type: 'GIFT' as 'FREE' })] }),
    issues: [
      {
        field: 'credits[0].type',
        rule: 'one-of',
        message: 'must be one of PROMOTIONAL, FREE, PAID, REFUND, got "GIFT"',
      },
    ],
  },
  {
    rule: 'a usage counter type is DELTA, GAUGE or CUMULATIVE',
    message: 'oneOf',
    run: compute({ usage: [usage({ counterType: 'RATE' as 'DELTA' })] }),
    issues: [
      {
        field: 'usage[0].counterType',
        rule: 'one-of',
        message: 'must be one of DELTA, GAUGE, CUMULATIVE, got "RATE"',
      },
    ],
  },
  {
    rule: 'a pricing model is PER_UNIT, GRADUATED or VOLUME',
    message: 'oneOf',
    run: compute({
      priceBook: singleCounterBook({ model: 'FLAT', unitPrice: '1' } as unknown as {
        model: 'PER_UNIT';
        unitPrice: string;
      }),
    }),
    issues: [
      {
        field: 'priceBook.entries[0].pricing.model',
        rule: 'one-of',
        message: 'must be one of PER_UNIT, GRADUATED, VOLUME, got "FLAT"',
      },
    ],
  },
  {
    rule: 'a billing group id cannot be empty',
    message: 'nonEmptyString',
    run: compute({ billingGroup: { id: '' } }),
    issues: [
      { field: 'billingGroup.id', rule: 'non-empty-string', message: 'must be a non-empty string, got ""' },
    ],
  },
  {
    rule: 'a project id must be a string',
    message: 'nonEmptyString',
    run: compute({ usage: [usage({ projectId: 7 as unknown as string })] }),
    issues: [
      { field: 'usage[0].projectId', rule: 'non-empty-string', message: 'must be a non-empty string, got 7' },
    ],
  },
  {
    rule: 'asOf must be an instant, not a date',
    message: 'instant',
    run: compute({ asOf: '2026-04-01' }),
    issues: [
      {
        field: 'asOf',
        rule: 'instant',
        message: 'must be an ISO 8601 instant with an offset, got "2026-04-01"',
      },
    ],
  },
  {
    rule: 'an instant without an offset is ambiguous and refused',
    message: 'instant',
    run: compute({ credits: [credit({ grantedAt: '2026-01-01T00:00:00' })] }),
    issues: [
      {
        field: 'credits[0].grantedAt',
        rule: 'instant',
        message: 'must be an ISO 8601 instant with an offset, got "2026-01-01T00:00:00"',
      },
    ],
  },
  {
    rule: 'an instant on a day the calendar does not have is refused, not rolled over',
    message: 'instant',
    run: compute({ credits: [credit({ expiresAt: '2026-02-30T00:00:00Z' })] }),
    issues: [
      {
        field: 'credits[0].expiresAt',
        rule: 'instant',
        message: 'must be an ISO 8601 instant with an offset, got "2026-02-30T00:00:00Z"',
      },
    ],
  },
  {
    rule: 'the billing month is written YYYY-MM',
    message: 'month',
    run: compute({ month: '2026-3' }),
    issues: [{ field: 'month', rule: 'month', message: 'must be a month written YYYY-MM, got "2026-3"' }],
  },
  {
    rule: 'there is no thirteenth month',
    message: 'month',
    run: compute({ contract: contract({ startMonth: '2026-13' }) }),
    issues: [
      {
        field: 'contract.startMonth',
        rule: 'month',
        message: 'must be a month written YYYY-MM, got "2026-13"',
      },
    ],
  },
  {
    rule: 'usage must be in the unit the price book prices it in',
    message: 'unitMismatch',
    run: compute({ usage: [usage({ counterName: 'storage.volume.ssd', unit: 'TB' })] }),
    issues: [
      { field: 'usage[0].unit', rule: 'unit-match', message: 'is TB but the price book prices it in GB' },
    ],
  },
  {
    rule: 'a counter that is not in the price book is a validation error (the 422 of DOMAIN §3)',
    message: 'unknownCounter',
    run: compute({ usage: [usage({ counterName: 'database.mysql' })] }),
    issues: [
      {
        field: 'usage[0].counterName',
        rule: 'known-counter',
        message: 'database.mysql is not in price book default-krw; every counter needs a price',
      },
    ],
  },
  {
    rule: 'a billing group is billed from a price book in its own currency',
    message: 'currencyMismatch',
    run: compute({ billingGroup: { id: 'bg-1', currency: 'EUR' } }),
    issues: [
      {
        field: 'priceBook.currency',
        rule: 'currency-match',
        message: 'is in KRW but the billing group is billed in EUR',
      },
    ],
  },
  {
    rule: 'a tiered price needs at least one tier',
    message: 'tiersEmpty',
    run: tiered([]),
    issues: [{ field: TIERS, rule: 'tiers-non-empty', message: 'must have at least one tier' }],
  },
  {
    rule: 'tiers start at 0',
    message: 'tiersStartAtZero',
    run: tiered([
      { from: '10', to: '100', unitPrice: '5' },
      { from: '100', to: null, unitPrice: '4' },
    ]),
    issues: [{ field: `${TIERS}[0].from`, rule: 'tiers-start-at-zero', message: 'must start at 0, got 10' }],
  },
  {
    rule: 'each tier starts where the one before ends',
    message: 'tiersContiguous',
    run: tiered([
      { from: '0', to: '100', unitPrice: '5' },
      { from: '150', to: null, unitPrice: '4' },
    ]),
    issues: [
      {
        field: `${TIERS}[1].from`,
        rule: 'tiers-contiguous',
        message: 'tier 1 must start where tier 0 ends (100), got 150',
      },
    ],
  },
  {
    rule: 'a tier ends after it starts',
    message: 'tierOrder',
    run: tiered([
      { from: '0', to: '0', unitPrice: '5' },
      { from: '0', to: null, unitPrice: '4' },
    ]),
    issues: [{ field: `${TIERS}[0].to`, rule: 'tier-order', message: 'must end after it starts (0 → 0)' }],
  },
  {
    rule: 'the last tier is open-ended',
    message: 'tiersOpenEnded',
    run: tiered([
      { from: '0', to: '100', unitPrice: '5' },
      { from: '100', to: '500', unitPrice: '4' },
    ]),
    issues: [
      {
        field: `${TIERS}[1].to`,
        rule: 'tiers-open-ended',
        message: 'the last tier must be open-ended (to: null)',
      },
    ],
  },
  {
    rule: 'only the last tier may be open-ended',
    message: 'tierOpenBeforeLast',
    run: tiered([
      { from: '0', to: null, unitPrice: '5' },
      { from: '100', to: null, unitPrice: '4' },
    ]),
    issues: [
      {
        field: `${TIERS}[0].to`,
        rule: 'tier-open-before-last',
        message: 'tier 0 is open-ended but is not the last tier',
      },
    ],
  },
  {
    rule: 'a project-level adjustment names its project',
    message: 'targetRequired',
    run: compute({ adjustments: [adjustment({ level: 'PROJECT', targetProjectId: null })] }),
    issues: [
      {
        field: 'adjustments[0].targetProjectId',
        rule: 'required',
        message: 'is required for a PROJECT-level adjustment',
      },
    ],
  },
  {
    rule: 'a billing-group adjustment names no project',
    message: 'targetNotAllowed',
    run: compute({ adjustments: [adjustment({ targetProjectId: 'proj-a' })] }),
    issues: [
      {
        field: 'adjustments[0].targetProjectId',
        rule: 'not-allowed',
        message: 'must be empty for a BILLING_GROUP-level adjustment, which applies to the whole group',
      },
    ],
  },
  {
    rule: 'a contract cannot end before it starts',
    message: 'monthRange',
    run: compute({ contract: contract({ startMonth: '2026-03', endMonth: '2026-01' }) }),
    issues: [
      {
        field: 'contract.endMonth',
        rule: 'month-range',
        message: 'must not be before startMonth (2026-03 > 2026-01)',
      },
    ],
  },
  {
    rule: 'a credit balance cannot exceed what was granted',
    message: 'balanceWithinAmount',
    run: compute({ credits: [credit({ amount: '10000', balance: '10001' })] }),
    issues: [
      {
        field: 'credits[0].balance',
        rule: 'balance-within-amount',
        message: 'must not exceed the granted amount 10000, got 10001',
      },
    ],
  },
  {
    rule: 'an EXPIRE ledger entry takes from a balance',
    message: 'ledgerSign',
    run: () =>
      validateLedgerEntry({ grantId: 'credit-1', kind: 'EXPIRE', amount: '100', at: '2026-04-01T00:00:00Z' }),
    issues: [
      { field: 'entry.amount', rule: 'ledger-sign', message: 'an EXPIRE entry must take a negative amount' },
    ],
  },
  {
    rule: 'a RELEASE ledger entry adds to a balance',
    message: 'ledgerSign',
    run: () =>
      validateLedgerEntry({
        grantId: 'credit-1',
        kind: 'RELEASE',
        amount: '-100',
        at: '2026-04-01T00:00:00Z',
        statementId: 'stmt-2026-03',
      }),
    issues: [
      { field: 'entry.amount', rule: 'ledger-sign', message: 'a RELEASE entry must add a positive amount' },
    ],
  },
  {
    rule: 'usage comes aggregated: one entry per project and counter',
    message: 'duplicateUsage',
    run: compute({ usage: [usage(), usage({ quantity: '5' })] }),
    issues: [
      {
        field: 'usage[1]',
        rule: 'unique',
        message: 'repeats the usage of compute.c2.c8m8 for project proj-a; aggregate it into one entry',
      },
    ],
  },
  {
    rule: 'usage comes aggregated: one entry per project, counter and resource',
    message: 'duplicateUsage',
    run: compute({
      usage: [usage({ resourceId: 'vm-1' }), usage({ resourceId: 'vm-2' }), usage({ resourceId: 'vm-1' })],
    }),
    issues: [
      {
        field: 'usage[2]',
        rule: 'unique',
        message:
          'repeats the usage of compute.c2.c8m8 for project proj-a and resource vm-1; aggregate it into one entry',
      },
    ],
  },
  {
    rule: 'a balance forward comes from an earlier month, not the same one',
    message: 'earlierMonth',
    run: compute({
      previousStatement: {
        statementId: 'stmt-2026-03',
        month: '2026-03',
        outstanding: '100',
        dueAt: '2026-03-15T00:00:00Z',
      },
    }),
    issues: [
      {
        field: 'previousStatement.month',
        rule: 'earlier-month',
        message:
          'must be a month before 2026-03: a balance forward comes from an earlier statement, got 2026-03',
      },
    ],
  },
  {
    rule: 'a balance forward never comes from a later month',
    message: 'earlierMonth',
    run: compute({
      previousStatement: {
        statementId: 'stmt-2026-05',
        month: '2026-05',
        outstanding: '100',
        dueAt: '2026-06-15T00:00:00Z',
      },
    }),
    issues: [
      {
        field: 'previousStatement.month',
        rule: 'earlier-month',
        message:
          'must be a month before 2026-03: a balance forward comes from an earlier statement, got 2026-05',
      },
    ],
  },
  {
    rule: 'adjustment ids are unique',
    message: 'duplicateId',
    run: compute({ adjustments: [adjustment(), adjustment({ value: '5' })] }),
    issues: [{ field: 'adjustments[1].id', rule: 'unique', message: 'repeats id adj-1; ids must be unique' }],
  },
  {
    rule: 'credit grant ids are unique',
    message: 'duplicateId',
    run: compute({ credits: [credit(), credit({ type: 'PAID' })] }),
    issues: [{ field: 'credits[1].id', rule: 'unique', message: 'repeats id credit-1; ids must be unique' }],
  },
  {
    rule: 'a price book prices each counter once',
    message: 'duplicateId',
    run: compute({
      priceBook: {
        id: 'book-dup',
        name: 'Duplicated counter',
        currency: 'KRW',
        entries: [
          { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '397' } },
          { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '1' } },
        ],
      },
    }),
    issues: [
      {
        field: 'priceBook.entries[1].counterName',
        rule: 'unique',
        message: 'repeats id compute.c2.c8m8; ids must be unique',
      },
    ],
  },
  {
    rule: 'a contract overrides each counter once',
    message: 'duplicateId',
    run: compute({
      contract: contract({
        priceOverrides: [
          { counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '300' } },
          { counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '200' } },
        ],
      }),
    }),
    issues: [
      {
        field: 'contract.priceOverrides[1].counterName',
        rule: 'unique',
        message: 'repeats id compute.c2.c8m8; ids must be unique',
      },
    ],
  },
];

test.describe('validation: every message names its field and rule', () => {
  for (const example of MESSAGE_CASES) {
    test(`${example.rule} (${example.message})`, () => {
      expect(validationIssues(example.run)).toEqual(example.issues);
    });
  }

  test('every validation message of the engine has a worked example here or with metering', () => {
    const covered = new Set<string>([
      ...MESSAGE_CASES.map((example) => example.message),
      ...USAGE_EVENT_MESSAGES,
    ]);

    expect(Object.keys(messages).filter((name) => !covered.has(name))).toEqual([]);
  });
});

test.describe('validation: shapes and the whole input', () => {
  test('one input with several problems lists them all at once', () => {
    const issues = validationIssues(
      compute({
        billingGroup: { id: 'bg-1', vatRate: 10, roundingMode: 'BANKERS' },
        month: '2026-3',
        usage: [usage({ counterName: 'database.mysql' }), usage({ quantity: '-2', unit: 'MINUTES' })],
        adjustments: [projectAdjustment({ targetProjectId: null, method: 'RATE', value: '101' })],
        credits: [credit({ balance: '20000' })],
        asOf: 'now',
      }),
    );

    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['billingGroup.vatRate', 'decimal'],
      ['billingGroup.roundingMode', 'one-of'],
      ['month', 'month'],
      ['usage[0].counterName', 'known-counter'],
      ['usage[1].quantity', 'non-negative'],
      ['usage[1].unit', 'unit-match'],
      ['adjustments[0].value', 'max-100'],
      ['adjustments[0].targetProjectId', 'required'],
      ['credits[0].balance', 'balance-within-amount'],
      ['asOf', 'instant'],
    ]);
  });

  test('the thrown error reads as one sentence per problem, field first', () => {
    const run = compute({ month: '2026-3', asOf: 'now' });

    expect(run).toThrow(
      'month: must be a month written YYYY-MM, got "2026-3"; asOf: must be an ISO 8601 instant with an offset, got "now"',
    );
  });

  test('a statement input that is not an object is refused as a whole', () => {
    expect(validationIssues(() => computeStatement(null as unknown as StatementInput))).toEqual([
      { field: 'input', rule: 'object', message: 'must be an object' },
    ]);
  });

  test('a missing billing group and a usage list that is not a list are each named', () => {
    expect(validationIssues(compute({ billingGroup: undefined, usage: 'none' }))).toEqual([
      { field: 'billingGroup', rule: 'object', message: 'is required' },
      { field: 'usage', rule: 'array', message: 'must be an array' },
    ]);
  });

  test('a counter whose price-book entry is invalid is reported at the entry only, not as unknown', () => {
    const issues = validationIssues(
      compute({
        priceBook: singleCounterBook({ model: 'PER_UNIT', unitPrice: '-397' }),
        usage: [usage()],
      }),
    );

    expect(issues).toEqual([
      {
        field: 'priceBook.entries[0].pricing.unitPrice',
        rule: 'non-negative',
        message: 'must be at least 0, got -397',
      },
    ]);
  });

  test('a counter priced twice is a duplicate even when its first entry is invalid', () => {
    const issues = validationIssues(
      compute({
        priceBook: {
          id: 'book-dup',
          name: 'Duplicated counter',
          currency: 'KRW',
          entries: [
            {
              counterName: 'compute.c2.c8m8',
              unit: 'HOURS',
              pricing: { model: 'PER_UNIT', unitPrice: 'free' },
            },
            { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '1' } },
          ],
        },
      }),
    );

    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['priceBook.entries[0].pricing.unitPrice', 'decimal'],
      ['priceBook.entries[1].counterName', 'unique'],
    ]);
  });

  test('absent adjustments and credits mean none', () => {
    const result = computeStatement({
      ...statementInput(),
      adjustments: undefined,
      credits: undefined,
    } as unknown as StatementInput);

    expect(result.total).toBe('0');
  });

  test('leading zeros do not count towards the 18 integer digits', () => {
    const result = computeStatement(statementInput({ usage: [usage({ quantity: `${'0'.repeat(20)}1` })] }));

    expect(result.lines[0]?.quantity).toBe('1');
  });

  test('a discount rate of exactly 100 and a VAT rate of exactly 100 are within bounds', () => {
    const result = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', vatRate: '100' },
        usage: [usage()],
        adjustments: [adjustment({ method: 'RATE', value: '100' })],
      }),
    );

    expect(result.total).toBe('0');
  });

  test('a leap day is a real day in a leap year only', () => {
    expect(computeStatement(statementInput({ month: '2028-03', asOf: '2028-02-29T00:00:00Z' })).total).toBe(
      '0',
    );
    expect(validationIssues(compute({ asOf: '2026-02-29T00:00:00Z' })).map((issue) => issue.rule)).toEqual([
      'instant',
    ]);
  });
});

interface ConflictCase {
  rule: string;
  conflict: keyof typeof conflicts;
  run: () => unknown;
  code: ConflictCode;
  message: string;
}

const MARCH: StatementStanding = {
  statementId: 'stmt-2026-03',
  total: '43670',
  closedAt: '2026-04-01T00:00:00Z',
  dueAt: '2026-04-15T00:00:00Z',
};
const CONSUMED = [
  grantEntry('credit-1', '10000', '2026-01-01T00:00:00Z'),
  {
    grantId: 'credit-1',
    kind: 'CONSUME' as const,
    amount: '-4000',
    at: '2026-04-01T00:00:00Z',
    statementId: 'stmt-2026-03',
  },
];
const RELEASED = [...CONSUMED, ...planRelease(CONSUMED, 'stmt-2026-03', '2026-04-02T00:00:00Z')];

const CONFLICT_CASES: ConflictCase[] = [
  {
    rule: 'a release must give back what its statement consumed, no more',
    conflict: 'releaseMismatch',
    run: () =>
      appendToLedger(CONSUMED, [
        {
          grantId: 'credit-1',
          kind: 'RELEASE',
          amount: '5000',
          at: '2026-04-02T00:00:00Z',
          statementId: 'stmt-2026-03',
        },
      ]),
    code: 'release-mismatch',
    message:
      'a release of credit credit-1 must give back exactly what statement stmt-2026-03 consumed of it (4000)',
  },
  {
    rule: 'a release for a statement that consumed nothing is refused',
    conflict: 'releaseMismatch',
    run: () =>
      appendToLedger(CONSUMED, [
        {
          grantId: 'credit-1',
          kind: 'RELEASE',
          amount: '100',
          at: '2026-04-02T00:00:00Z',
          statementId: 'stmt-2026-02',
        },
      ]),
    code: 'release-mismatch',
    message:
      'a release of credit credit-1 must give back exactly what statement stmt-2026-02 consumed of it (0)',
  },
  {
    rule: 'a closed statement cannot close again',
    conflict: 'statementClosed',
    run: () => assertClosable(MARCH),
    code: 'statement-closed',
    message: 'statement stmt-2026-03 is already closed',
  },
  {
    rule: 'a void statement cannot be voided again',
    conflict: 'statementVoid',
    run: () =>
      planStatementVoid({ ...MARCH, voidedAt: '2026-04-02T00:00:00Z' }, CONSUMED, '2026-04-03T00:00:00Z'),
    code: 'statement-void',
    message: 'statement stmt-2026-03 is void',
  },
  {
    rule: 'a draft cannot be voided, only a closed statement',
    conflict: 'statementDraft',
    run: () => planStatementVoid({ ...MARCH, closedAt: null, dueAt: null }, [], '2026-04-03T00:00:00Z'),
    code: 'statement-draft',
    message: 'statement stmt-2026-03 is a draft; only a closed statement can be voided',
  },
  {
    rule: 'usage for a closed month is refused',
    conflict: 'periodClosed',
    run: () => assertPeriodOpen('2026-03', '2026-03'),
    code: 'period-closed',
    message:
      "2026-03 is closed: its statement, or a later month's, is issued, so what it bills can no longer change",
  },
  {
    rule: 'a month cannot close before an earlier month with activity',
    conflict: 'monthOrder',
    run: () => assertMonthCanClose('2026-03', [{ month: '2026-02', closed: false, hasActivity: true }]),
    code: 'month-order',
    message: '2026-03 cannot close while 2026-02, an earlier month with activity, is still open',
  },
  {
    rule: 'a failed payment cannot succeed later',
    conflict: 'invalidTransition',
    run: () =>
      transitionPayment(
        { paymentId: 'pay-1', statementId: 'stmt-2026-03', amount: '1', state: 'FAILED' },
        'SUCCEEDED',
      ),
    code: 'invalid-transition',
    message: 'a payment cannot go from FAILED to SUCCEEDED',
  },
  {
    rule: 'a payment cannot exceed what is outstanding',
    conflict: 'paymentExceedsOutstanding',
    run: () => assertPaymentAcceptable(MARCH, [], new Decimal('50000'), '2026-04-02T00:00:00Z'),
    code: 'payment-exceeds-outstanding',
    message: 'a payment of 50000 exceeds the outstanding 43670',
  },
  {
    rule: 'a carried-forward statement is paid through the statement that carries it',
    conflict: 'carriedForward',
    run: () =>
      assertPaymentAcceptable(
        { ...MARCH, carriedForwardBy: 'stmt-2026-04' },
        [],
        new Decimal('1'),
        '2026-05-02T00:00:00Z',
      ),
    code: 'carried-forward',
    message: 'statement stmt-2026-03 was carried forward into stmt-2026-04; pay stmt-2026-04 instead',
  },
  {
    rule: 'a void statement takes no payment',
    conflict: 'notPayable',
    run: () =>
      assertPaymentAcceptable(
        { ...MARCH, voidedAt: '2026-04-03T00:00:00Z' },
        [],
        new Decimal('1'),
        '2026-04-04T00:00:00Z',
      ),
    code: 'not-payable',
    message: 'statement stmt-2026-03 is VOID and takes no payment',
  },
  {
    rule: 'a statement consumes a credit once',
    conflict: 'creditAlreadyConsumed',
    run: () => appendToLedger(CONSUMED, [CONSUMED[1] as (typeof CONSUMED)[1]]),
    code: 'credit-already-consumed',
    message: 'credit credit-1 was already consumed by statement stmt-2026-03',
  },
  {
    rule: "a voided statement's credits are released once",
    conflict: 'creditAlreadyReleased',
    run: () => planRelease(RELEASED, 'stmt-2026-03', '2026-04-03T00:00:00Z'),
    code: 'credit-already-released',
    message: 'the credits of statement stmt-2026-03 were already released',
  },
  {
    rule: 'a credit balance never goes below 0',
    conflict: 'insufficientCredit',
    run: () =>
      ledgerBalances([
        ...CONSUMED,
        { grantId: 'credit-1', kind: 'VOID', amount: '-6001', at: '2026-04-05T00:00:00Z', statementId: null },
      ]),
    code: 'insufficient-credit',
    message: 'credit credit-1 holds 6000, less than the 6001 asked',
  },
];

test.describe('conflicts: every refusal names its code', () => {
  for (const example of CONFLICT_CASES) {
    test(`${example.rule} (${example.code})`, () => {
      const conflict = conflictOf(example.run);

      expect(conflict.name).toBe('ConflictError');
      expect(conflict.code).toBe(example.code);
      expect(conflict.message).toBe(example.message);
    });
  }

  test('every conflict message of the engine has a worked example here or with metering', () => {
    const covered = new Set<string>([
      ...CONFLICT_CASES.map((example) => example.conflict),
      ...CONFLICTS_ELSEWHERE,
    ]);

    expect(Object.keys(conflicts).filter((name) => !covered.has(name))).toEqual([]);
  });
});
