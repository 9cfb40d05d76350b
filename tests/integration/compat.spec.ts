import type { BillingApi } from '../support/api/billing-api';
import { type APIResponse, expect, test } from '../support/api-test';

/**
 * The legacy calculator API of DOMAIN §9, against results computed by hand from its rules: prices in
 * hundredths of a won, floor everywhere, credits in request order, numbers on the wire.
 */

const CALCULATE_PATHS = ['/api/billing/admin/calculate', '/billing/admin/calculate'];
const CALCULATE = '/api/billing/admin/calculate';

interface LegacyEnvelope<T = Record<string, unknown>> {
  header: { isSuccessful: boolean; resultCode: number; resultMessage: string };
  data: T;
}

interface LegacyStatement {
  statementId: string;
  uuid?: string;
  month: string;
  subtotal: number;
  adjustmentTotal: number;
  creditApplied: number;
  vat: number;
  unpaidAmount: number;
  lateFee: number;
  charge: number;
  amount: number;
  totalAmount: number;
  lineItems: {
    id: string;
    counterName: string;
    counterType: string;
    quantity: number;
    unitPrice: number;
    amount: number;
  }[];
  appliedCredits: { creditId: string; amountApplied: number; remainingBalance: number }[];
  appliedAdjustments: {
    adjustmentId: string;
    type: string;
    description: string;
    amount: number;
    level: string;
  }[];
  [field: string]: unknown;
}

/** Calls the legacy calculator and returns its statement, failing unless it answered 200 SUCCESS. */
async function calculate(api: BillingApi, body: unknown, headers: Record<string, string> = {}) {
  const response = await api.post(CALCULATE, body, { headers });
  const envelope = (await response.json()) as LegacyEnvelope<LegacyStatement>;
  expect(response.status(), JSON.stringify(envelope)).toBe(200);
  expect(envelope.header).toEqual({ isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' });
  return envelope.data;
}

/** The 400 message the legacy API answers, failing unless it is the legacy error envelope. */
async function refusal(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as { header: LegacyEnvelope['header'] };
  expect(Object.keys(body)).toEqual(['header']);
  expect(body.header).toMatchObject({ isSuccessful: false, resultCode: -1 });
  return body.header.resultMessage;
}

/** What the JavaScript JSON parser says about a text, which the legacy API quotes. */
function parserMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is valid JSON`);
}

const usage = (counterName: string, counterVolume: number, extra: Record<string, unknown> = {}) => ({
  counterName,
  counterVolume,
  counterUnit: 'HOURS',
  ...extra,
});

test.describe('legacy calculator arithmetic (DOMAIN §9)', () => {
  test('c2 is 39700 hundredths an hour: 10 hours are 3970, VAT floor 397, total 4367', {
    tag: ['@smoke'],
  }, async ({ anonymousApi }) => {
    const statement = await calculate(anonymousApi, { usage: [usage('compute.c2.c8m8', 10)] });

    expect(statement.lineItems).toEqual([
      {
        id: 'line-0',
        counterName: 'compute.c2.c8m8',
        counterType: 'DELTA',
        unit: 'HOURS',
        quantity: 10,
        unitPrice: 397,
        amount: 3970,
      },
    ]);
    expect(statement).toMatchObject({
      currency: 'KRW',
      subtotal: 3970,
      billingGroupDiscount: 0,
      adjustmentTotal: 0,
      creditApplied: 0,
      vat: 397,
      unpaidAmount: 0,
      lateFee: 0,
      charge: 3970,
      amount: 4367,
      totalAmount: 4367,
      status: 'PENDING',
    });
  });

  test('gpu is 16667 hundredths: 3 hours are floor(500.01) = 500 at unit price 166.67', async ({
    anonymousApi,
  }) => {
    const statement = await calculate(anonymousApi, { usage: [usage('compute.g2.t4.c8m64', 3)] });

    expect(statement.lineItems[0]).toMatchObject({ unitPrice: 166.67, amount: 500 });
    expect(statement).toMatchObject({ subtotal: 500, vat: 50, totalAmount: 550 });
  });

  test('ssd 10000, floating ip 2500, any other counter 10000 hundredths; floors in double arithmetic', async ({
    anonymousApi,
  }) => {
    const statement = await calculate(anonymousApi, {
      usage: [
        usage('storage.volume.ssd', 0.57, { counterUnit: 'GB' }),
        usage('network.floating_ip', 7),
        usage('anything.else', 2.5, { counterType: 'GAUGE' }),
      ],
    });

    // 0.57 × 10000 / 100 = 56.99999999999999 in doubles: the older system billed 56, and so do we.
    expect(
      statement.lineItems.map((line) => [line.id, line.unitPrice, line.amount, line.counterType]),
    ).toEqual([
      ['line-0', 100, 56, 'DELTA'],
      ['line-1', 25, 175, 'DELTA'],
      ['line-2', 100, 250, 'GAUGE'],
    ]);
    expect(statement.subtotal).toBe(481);
  });

  test('every RATE adjustment is floored on the original subtotal: two 10% discounts of 3970 are 397 each', async ({
    anonymousApi,
  }) => {
    const statement = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', 10)],
      adjustments: [
        { type: 'DISCOUNT', method: 'RATE', value: 10 },
        { type: 'DISCOUNT', method: 'RATE', value: 10, level: 'PROJECT', targetProjectId: 'p1' },
        { type: 'SURCHARGE', method: 'RATE', value: 3.3, description: 'support' },
      ],
    });

    // floor(3970 × 3.3 / 100) = floor(131.01) = 131
    expect(
      statement.appliedAdjustments.map((adjustment) => [
        adjustment.adjustmentId,
        adjustment.type,
        adjustment.amount,
        adjustment.level,
        adjustment.description,
      ]),
    ).toEqual([
      ['adj-0', 'DISCOUNT', 397, 'BILLING_GROUP', 'Discount Applied'],
      ['adj-1', 'DISCOUNT', 397, 'PROJECT', 'Discount Applied'],
      ['adj-2', 'SURCHARGE', 131, 'BILLING_GROUP', 'support'],
    ]);
    expect(statement.appliedAdjustments[1]).toMatchObject({ targetId: 'p1' });
    expect(statement).toMatchObject({ adjustmentTotal: -663, charge: 3307, vat: 330, totalAmount: 3637 });
  });

  test('a FIXED adjustment keeps its fraction: surcharges of 0.1 and 0.2 total 0.30000000000000004', async ({
    anonymousApi,
  }) => {
    const statement = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', 1)],
      adjustments: [
        { type: 'SURCHARGE', method: 'FIXED', value: 0.1 },
        { adjustmentType: 'SURCHARGE', method: 'FIXED', adjustmentValue: 0.2 },
      ],
    });

    expect(statement.adjustmentTotal).toBe(0.30000000000000004);
    expect(statement.charge).toBe(397.3);
    // floor(397.3 × 0.1) = floor(39.730000000000004) = 39
    expect(statement).toMatchObject({ vat: 39, totalAmount: 436.3 });
  });

  test('discounts larger than the subtotal clamp the charge at 0', async ({ anonymousApi }) => {
    const statement = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', 1)],
      adjustments: [{ type: 'DISCOUNT', method: 'FIXED', value: 1000 }],
      credits: [{ amount: 50 }],
    });

    expect(statement).toMatchObject({ adjustmentTotal: -1000, charge: 0, creditApplied: 0, totalAmount: 0 });
    expect(statement.appliedCredits).toEqual([]);
  });

  test('a negative counterVolume is billed as a negative, floored line; a negative subtotal charges 0', async ({
    anonymousApi,
  }) => {
    const lowered = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', 10), usage('compute.c2.c8m8', -2), usage('other', -0.015)],
    });
    expect(lowered.lineItems.map((line) => [line.quantity, line.amount])).toEqual([
      [10, 3970],
      [-2, -794],
      // floor(-0.015 × 10000 / 100) = floor(-1.5) = -2
      [-0.015, -2],
    ]);
    expect(lowered).toMatchObject({ subtotal: 3174, charge: 3174, vat: 317, totalAmount: 3491 });

    const negative = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', -1)],
      adjustments: [{ type: 'SURCHARGE', method: 'FIXED', value: 100 }],
      credits: [{ amount: 50 }],
      unpaidAmount: 1000,
    });
    expect(negative).toMatchObject({
      subtotal: -397,
      adjustmentTotal: 100,
      charge: 0,
      creditApplied: 0,
      vat: 0,
      totalAmount: 1000,
    });
    expect(negative.appliedCredits).toEqual([]);
  });

  test('credits burn in request order, each min(amount, remaining); the ones never reached are not listed', async ({
    anonymousApi,
  }) => {
    const statement = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', 10)],
      credits: [
        { amount: 1000, type: 'PAID', creditCode: 'CODE-1', campaignId: 'c1', name: 'Spring' },
        { amount: 2500, uuid: 'credit-uuid' },
        { amount: 9999 },
        { amount: 77, creditCode: 'NEVER' },
      ],
    });

    expect(statement.appliedCredits).toEqual([
      {
        creditId: 'CODE-1',
        type: 'PAID',
        amountApplied: 1000,
        remainingBalance: 0,
        campaignId: 'c1',
        campaignName: 'Spring',
      },
      { creditId: 'credit-uuid', amountApplied: 2500, remainingBalance: 0 },
      { creditId: 'credit-2', amountApplied: 470, remainingBalance: 9529 },
    ]);
    expect(statement).toMatchObject({ creditApplied: 3970, charge: 0, vat: 0, totalAmount: 0 });
  });

  test('VAT is floored: a charge of 1999 carries floor(199.9) = 199', async ({ anonymousApi }) => {
    const statement = await calculate(anonymousApi, {
      usage: [usage('compute.c2.c8m8', 10)],
      adjustments: [{ type: 'DISCOUNT', method: 'FIXED', value: 1971 }],
    });

    expect(statement).toMatchObject({ subtotal: 3970, charge: 1999, vat: 199, totalAmount: 2198 });
  });

  test('a late fee of floor(5%) only when isOverdue is the literal true and something is unpaid', async ({
    anonymousApi,
  }) => {
    const base = { usage: [usage('compute.c2.c8m8', 10)], unpaidAmount: 1999 };

    const overdue = await calculate(anonymousApi, { ...base, isOverdue: true });
    const notOverdue = await calculate(anonymousApi, { ...base, isOverdue: false });
    const overdueAsText = await calculate(anonymousApi, { ...base, isOverdue: 'true' });
    const nothingUnpaid = await calculate(anonymousApi, { ...base, unpaidAmount: 0, isOverdue: true });

    // floor(1999 × 0.05) = floor(99.95) = 99; unpaid and late fee carry no VAT.
    expect(overdue).toMatchObject({
      unpaidAmount: 1999,
      lateFee: 99,
      vat: 397,
      totalAmount: 3970 + 397 + 1999 + 99,
    });
    expect(notOverdue).toMatchObject({ lateFee: 0, totalAmount: 3970 + 397 + 1999 });
    expect(overdueAsText.lateFee).toBe(0);
    expect(nothingUnpaid).toMatchObject({ unpaidAmount: 0, lateFee: 0, totalAmount: 4367 });
  });

  test('the month is the UTC month of targetDate, and of now without one', async ({ anonymousApi }) => {
    const march = await calculate(anonymousApi, { targetDate: '2025-03-31T23:30:00-01:00' });
    const rolledOver = await calculate(anonymousApi, { targetDate: '2025-02-30' });
    const now = await calculate(anonymousApi, {});

    expect(march.month).toBe('2025-04');
    expect(rolledOver.month).toBe('2025-03');
    expect(now.month).toBe(new Date().toISOString().slice(0, 7));
  });

  test('the uuid header wins over the body’s uuid; an empty header falls back; none leaves it out', async ({
    anonymousApi,
  }) => {
    const fromHeader = await calculate(anonymousApi, { uuid: 'from-body' }, { uuid: 'from-header' });
    const emptyHeader = await calculate(anonymousApi, { uuid: 'from-body' }, { uuid: '' });
    const none = await calculate(anonymousApi, { billingGroupId: 'bg-1' });

    expect(fromHeader.uuid).toBe('from-header');
    expect(emptyHeader.uuid).toBe('from-body');
    expect('uuid' in none).toBe(false);
    expect(none.billingGroupId).toBe('bg-1');
  });

  test('every answer has its own stmt- id and nothing is stored', async ({ anonymousApi }) => {
    const body = { usage: [usage('compute.c2.c8m8', 1)] };

    const first = await calculate(anonymousApi, body);
    const second = await calculate(anonymousApi, body);

    expect(first.statementId).toMatch(/^stmt-./);
    expect(second.statementId).not.toBe(first.statementId);
    expect({ ...second, statementId: null }).toEqual({ ...first, statementId: null });
  });

  test('the alias without /api answers exactly what the /api route answers', async ({ anonymousApi }) => {
    const body = {
      targetDate: '2025-03-15',
      usage: [usage('compute.c2.c8m8', 10)],
      adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: 5 }],
      credits: [{ amount: 100 }],
    };

    const [withApi, alias] = await Promise.all(
      CALCULATE_PATHS.map(async (path) => (await anonymousApi.post(path, body)).json()),
    );

    expect({ ...alias.data, statementId: null }).toEqual({ ...withApi.data, statementId: null });
  });

  test('a body sent as text/plain is still read as JSON, as the older system did', async ({
    anonymousApi,
  }) => {
    const response = await anonymousApi.post(CALCULATE, undefined, {
      rawBody: JSON.stringify({ usage: [usage('compute.c2.c8m8', 2)] }),
      headers: { 'Content-Type': 'text/plain' },
    });

    expect(response.status()).toBe(200);
    expect((await response.json()).data.subtotal).toBe(794);
  });
});

for (const { shape, typeKey, valueKey } of [
  { shape: 'current', typeKey: 'type', valueKey: 'value' },
  { shape: 'older', typeKey: 'adjustmentType', valueKey: 'adjustmentValue' },
] as const) {
  test.describe(`legacy validation messages, ${shape} adjustment shape`, () => {
    const adjustment = (overrides: Record<string, unknown>) => ({
      [typeKey]: 'DISCOUNT',
      method: 'FIXED',
      [valueKey]: 10,
      ...overrides,
    });
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'an unknown type',
        { [typeKey]: 'X' },
        `Invalid ${typeKey}: "X". Must be one of: DISCOUNT, SURCHARGE.`,
      ],
      ['an unknown method', { method: 'X' }, 'Invalid method: "X". Must be one of: FIXED, RATE.'],
      [
        'a negative value',
        { [valueKey]: -1 },
        `Invalid ${valueKey}: -1. Must be a non-negative number (>= 0).`,
      ],
      ['a missing value', { [valueKey]: undefined }, `Missing required field: ${valueKey} must be provided.`],
      [
        'a value written as a string',
        { [valueKey]: '5' },
        `Invalid ${valueKey}: "5". Must be a finite number (not NaN or Infinity).`,
      ],
    ];

    test(`each broken rule answers its exact message (${typeKey}, method, ${valueKey})`, async ({
      anonymousApi,
    }) => {
      for (const [what, overrides, message] of cases) {
        await test.step(what, async () => {
          const response = await anonymousApi.post(CALCULATE, { adjustments: [adjustment(overrides)] });
          expect(await refusal(response)).toBe(message);
        });
      }
    });
  });
}

test.describe('legacy validation of the rest of the request', () => {
  test('a targetDate that does not parse is refused with its text', async ({ anonymousApi }) => {
    const response = await anonymousApi.post(CALCULATE, { targetDate: 'someday' });

    expect(await refusal(response)).toBe('Invalid date format: "someday"');
  });

  test('inputs the older system crashed on are 400s naming the full path', async ({ anonymousApi }) => {
    const cases: [unknown, string][] = [
      [[], 'Invalid request body: an array. Must be a JSON object.'],
      [{ usage: [{ counterVolume: 1 }] }, 'Missing required field: usage[0].counterName must be provided.'],
      [
        { usage: [{ counterName: 'compute.c2.c8m8', counterVolume: 'lots' }] },
        'Invalid usage[0].counterVolume: "lots". Must be a finite number (not NaN or Infinity).',
      ],
      [
        { credits: [{ amount: 'lots' }] },
        'Invalid credits[0].amount: "lots". Must be a finite number (not NaN or Infinity).',
      ],
      [{ unpaidAmount: -5 }, 'Invalid unpaidAmount: -5. Must be a non-negative number (>= 0).'],
    ];
    for (const [body, message] of cases) {
      expect(await refusal(await anonymousApi.post(CALCULATE, body))).toBe(message);
    }
  });
});

test.describe('legacy payment routes', () => {
  test('the statements stub: PG- and BG- with the first 8 characters of the uuid header, every amount 0', async ({
    anonymousApi,
  }) => {
    for (const path of ['/api/billing/payments/2025-03/statements', '/billing/payments/2025-03/statements']) {
      const response = await anonymousApi.get(path, { headers: { uuid: 'abcdefghijkl' } });
      const body = (await response.json()) as LegacyEnvelope<{
        paymentGroupId: string;
        paymentStatus: string;
        statements: LegacyStatement[];
      }>;

      expect(response.status()).toBe(200);
      expect(body.data).toMatchObject({ paymentGroupId: 'PG-abcdefgh', paymentStatus: 'PENDING' });
      expect(body.data.statements).toEqual([
        expect.objectContaining({
          statementId: 'stmt-2025-03',
          uuid: 'abcdefghijkl',
          billingGroupId: 'BG-abcdefgh',
          month: '2025-03',
          totalAmount: 0,
          charge: 0,
          lineItems: [],
        }),
      ]);
    }
  });

  test('without a uuid header the stub is for "default"', async ({ anonymousApi }) => {
    const body = await (await anonymousApi.get('/billing/payments/2025-04/statements')).json();

    expect(body.data.paymentGroupId).toBe('PG-default');
    expect(body.data.statements[0]).toMatchObject({
      uuid: 'default',
      billingGroupId: 'BG-default',
      month: '2025-04',
    });
  });

  test('the mock payment always succeeds with the body’s group and amount, or the defaults', async ({
    anonymousApi,
  }) => {
    const given = await anonymousApi.post('/api/billing/payments/2025-03', {
      paymentGroupId: 'PG-1',
      amount: 4367,
    });
    const defaults = await anonymousApi.post('/billing/payments/2025-03', {});

    expect((await given.json()).data).toMatchObject({
      paymentId: expect.stringMatching(/^PAY-./),
      paymentGroupId: 'PG-1',
      amount: 4367,
      status: 'SUCCESS',
      method: 'MOCK',
    });
    const defaulted = (await defaults.json()).data;
    expect(defaulted).toMatchObject({ paymentGroupId: 'PG-default', amount: 0 });
    expect(new Date(defaulted.transactionDate).toISOString()).toBe(defaulted.transactionDate);
  });

  test('a mock payment needs a JSON object with a non-negative amount', async ({ anonymousApi }) => {
    expect(await refusal(await anonymousApi.post('/api/billing/payments/2025-03', [1]))).toBe(
      'Invalid request body: an array. Must be a JSON object.',
    );
    expect(await refusal(await anonymousApi.post('/billing/payments/2025-03', { amount: -1 }))).toBe(
      'Invalid amount: -1. Must be a non-negative number (>= 0).',
    );
  });
});

test.describe('legacy routes and malformed JSON', () => {
  const routes: [string, string][] = [
    ['POST', '/api/billing/admin/calculate'],
    ['POST', '/billing/admin/calculate'],
    ['GET', '/api/billing/payments/2025-03/statements'],
    ['GET', '/billing/payments/2025-03/statements'],
    ['POST', '/api/billing/payments/2025-03'],
    ['POST', '/billing/payments/2025-03'],
  ];

  for (const [method, path] of routes) {
    test(`${method} ${path} answers 400 "Invalid JSON request body: <parser message>", never 500`, async ({
      anonymousApi,
    }) => {
      for (const text of ['{"usage": [', "{'single': 1}", 'not json']) {
        const options = { rawBody: text, headers: { 'Content-Type': 'application/json' } };
        const response =
          method === 'GET'
            ? await anonymousApi.get(path, options)
            : await anonymousApi.post(path, undefined, options);
        expect(await refusal(response)).toBe(`Invalid JSON request body: ${parserMessage(text)}`);
      }
    });
  }

  test('a POST with no body at all is malformed JSON too', async ({ anonymousApi }) => {
    const response = await anonymousApi.post(CALCULATE);

    expect(await refusal(response)).toBe(`Invalid JSON request body: ${parserMessage('')}`);
  });

  test('the legacy routes take no API key, and a bad one changes nothing', async ({ anonymousApi }) => {
    const response = await anonymousApi.post(
      CALCULATE,
      { usage: [usage('compute.c2.c8m8', 1)] },
      { headers: { Authorization: 'Bearer not-a-key' } },
    );

    expect(response.status()).toBe(200);
    expect(response.headers().ratelimit).toBeUndefined();
  });

  test('a body over the 1 MiB limit is refused with 413 before it is read', async ({ anonymousApi }) => {
    const response = await anonymousApi.post(CALCULATE, { billingGroupId: 'x'.repeat(1024 * 1024 + 1) });

    expect(response.status()).toBe(413);
  });
});
