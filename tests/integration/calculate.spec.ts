import { Decimal } from '@billing/engine';
import { expect, test } from '../support/api-test';

interface Calculation {
  lines: { lineId: string; counterName: string; unit: string; quantity: string; amount: string }[];
  subtotal: string;
  contractLines: { kind: string; amount: string }[];
  contractTotal: string;
  projectAdjustments: { adjustmentId: string; amount: string; capped: boolean }[];
  billingGroupAdjustments: { adjustmentId: string; amount: string }[];
  adjustmentTotal: string;
  chargeBeforeCredits: string;
  credits: { grantId: string; amountApplied: string; order: number }[];
  skippedCredits: { grantId: string; reason: string }[];
  creditTotal: string;
  charge: string;
  vat: string;
  unpaid: string;
  isOverdue: boolean;
  lateFee: string;
  total: string;
  currency: string;
  trace: { rule: string; description: string; result: string; notes: string[] }[];
}

const c2Hours = (quantity: string, projectId = 'p1') => ({
  projectId,
  counterName: 'compute.c2.c8m8',
  quantity,
});

const sum = (values: readonly string[]) =>
  values.reduce((total, value) => total.plus(new Decimal(value)), new Decimal(0));

test.describe('the stateless calculator (POST /v1/calculate)', () => {
  test('defaults: the built-in price book, KRW, VAT 10%: 10 hours of c2 cost 3970 + 397 VAT', async ({
    api,
  }) => {
    const statement = await api.create<Calculation>(
      '/v1/calculate',
      { month: '2026-03', usage: [c2Hours('10')] },
      200,
    );

    expect(statement).toMatchObject({
      currency: 'KRW',
      subtotal: '3970',
      chargeBeforeCredits: '3970',
      charge: '3970',
      vat: '397',
      unpaid: '0',
      lateFee: '0',
      total: '4367',
    });
    expect(statement.lines[0]).toMatchObject({ unit: 'HOURS', amount: '3970' });
  });

  test('a statement adds up to the unit and explains every step', { tag: ['@smoke'] }, async ({ api }) => {
    const statement = await api.create<Calculation>(
      '/v1/calculate',
      {
        month: '2026-03',
        usage: [
          c2Hours('12.5', 'p1'),
          { projectId: 'p2', counterName: 'compute.g2.t4.c8m64', quantity: '7' },
          { projectId: 'p2', counterName: 'storage.volume.ssd', counterType: 'GAUGE', quantity: '33.3' },
        ],
        adjustments: [
          { type: 'DISCOUNT', method: 'RATE', value: '15', targetProjectId: 'p1' },
          { type: 'SURCHARGE', method: 'FIXED', value: '1234.5' },
        ],
        credits: [{ type: 'FREE', amount: '2000' }],
        unpaid: { amount: '5000', isOverdue: true },
      },
      200,
    );

    expect(sum(statement.lines.map((line) => line.amount)).toFixed()).toBe(statement.subtotal);
    expect(
      new Decimal(statement.subtotal).plus(statement.contractTotal).plus(statement.adjustmentTotal).toFixed(),
    ).toBe(statement.chargeBeforeCredits);
    expect(new Decimal(statement.chargeBeforeCredits).minus(statement.creditTotal).toFixed()).toBe(
      statement.charge,
    );
    expect(sum([statement.charge, statement.vat, statement.unpaid, statement.lateFee]).toFixed()).toBe(
      statement.total,
    );
    const rules = statement.trace.map((step) => step.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'usage-line',
        'subtotal',
        'credit-burn',
        'charge',
        'vat',
        'unpaid',
        'late-fee',
        'total',
      ]),
    );
    expect(statement.trace.at(-1)).toMatchObject({ rule: 'total', result: statement.total });
  });

  test('rounding is the group’s: 1 hour of gpu (166.67) is 167 HALF_UP and 166 FLOOR', async ({ api }) => {
    const gpuHour = [{ projectId: 'p1', counterName: 'compute.g2.t4.c8m64', quantity: '1' }];

    const halfUp = await api.create<Calculation>('/v1/calculate', { month: '2026-03', usage: gpuHour }, 200);
    const floor = await api.create<Calculation>(
      '/v1/calculate',
      { month: '2026-03', usage: gpuHour, billingGroup: { roundingMode: 'FLOOR', vatRate: '0' } },
      200,
    );

    expect(halfUp.lines[0]?.amount).toBe('167');
    expect(floor).toMatchObject({ subtotal: '166', vat: '0', total: '166' });
    expect(floor.trace[0]?.description).toContain('compute.g2.t4.c8m64');
  });

  test('a price book of the request prices GRADUATED tiers: 750 units = 570000 (DOMAIN §3)', async ({
    api,
  }) => {
    const statement = await api.create<Calculation>(
      '/v1/calculate',
      {
        month: '2026-03',
        billingGroup: { vatRate: '0' },
        priceBook: {
          entries: [
            {
              counterName: 'storage.archive',
              unit: 'GB',
              pricing: {
                model: 'GRADUATED',
                tiers: [
                  { from: '0', to: '100', unitPrice: '1000' },
                  { from: '100', to: '500', unitPrice: '800' },
                  { from: '500', to: null, unitPrice: '600' },
                ],
              },
            },
          ],
        },
        usage: [{ projectId: 'p1', counterName: 'storage.archive', quantity: '750' }],
      },
      200,
    );

    expect(statement).toMatchObject({ subtotal: '570000', total: '570000' });
    expect(statement.trace[0]?.notes).toHaveLength(3);
  });

  test('a contract discounts the subtotal and tops it up to its minimum', async ({ api }) => {
    const statement = await api.create<Calculation>(
      '/v1/calculate',
      {
        month: '2026-03',
        usage: [c2Hours('10')],
        contract: { discountRate: '10', minimumCharge: '5000' },
      },
      200,
    );

    expect(statement.contractLines.map((line) => [line.kind, line.amount])).toEqual([
      ['CONTRACT_DISCOUNT', '-397'],
      ['MINIMUM_COMMITMENT', '1427'],
    ]);
    expect(statement.chargeBeforeCredits).toBe('5000');
  });

  test('adjustments: a target project makes it PROJECT level, and a discount is capped at its base', async ({
    api,
  }) => {
    const statement = await api.create<Calculation>(
      '/v1/calculate',
      {
        month: '2026-03',
        usage: [c2Hours('10', 'p1'), c2Hours('10', 'p2')],
        adjustments: [
          { id: 'big', type: 'DISCOUNT', method: 'FIXED', value: '9999', targetProjectId: 'p1' },
          { type: 'DISCOUNT', method: 'RATE', value: '10' },
        ],
      },
      200,
    );

    expect(statement.projectAdjustments).toEqual([
      expect.objectContaining({ adjustmentId: 'big', amount: '3970', capped: true }),
    ]);
    expect(statement.billingGroupAdjustments).toEqual([
      expect.objectContaining({ adjustmentId: 'adjustment-2', amount: '397' }),
    ]);
    expect(statement.chargeBeforeCredits).toBe('3573');
  });

  test('credits burn in burn order, each with its amount as balance', async ({ api }) => {
    const statement = await api.create<Calculation>(
      '/v1/calculate',
      {
        month: '2026-03',
        usage: [c2Hours('10')],
        credits: [
          { type: 'PAID', amount: '3000' },
          { id: 'promo', type: 'PROMOTIONAL', amount: '1000' },
          { type: 'FREE', amount: '500', grantedAt: '2026-04-01T00:00:00Z' },
        ],
      },
      200,
    );

    expect(statement.credits.map((credit) => [credit.grantId, credit.amountApplied])).toEqual([
      ['promo', '1000'],
      ['credit-1', '2970'],
    ]);
    expect(statement.skippedCredits).toEqual([{ grantId: 'credit-3', reason: 'NOT_YET_GRANTED' }]);
    expect(statement).toMatchObject({ creditTotal: '3970', charge: '0', vat: '0', total: '0' });
  });

  test('unpaid and overdue: a 5% late fee, never taxed; not overdue: no fee', async ({ api }) => {
    const request = { month: '2026-03', usage: [c2Hours('10')] };

    const overdue = await api.create<Calculation>(
      '/v1/calculate',
      { ...request, unpaid: { amount: '20000', isOverdue: true } },
      200,
    );
    const onTime = await api.create<Calculation>(
      '/v1/calculate',
      { ...request, unpaid: { amount: '20000', isOverdue: false } },
      200,
    );

    expect(overdue).toMatchObject({
      unpaid: '20000',
      isOverdue: true,
      lateFee: '1000',
      vat: '397',
      total: '25367',
    });
    expect(onTime).toMatchObject({ unpaid: '20000', isOverdue: false, lateFee: '0', total: '24367' });
    expect(onTime.trace.find((step) => step.rule === 'late-fee')?.description).toContain('no late fee');
  });

  test('a counter the price book does not know is a 422, never a silent price', async ({ api }) => {
    const response = await api.post('/v1/calculate', {
      month: '2026-03',
      usage: [{ projectId: 'p1', counterName: 'compute.unknown', quantity: '1' }],
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'usage[0].counterName', rule: 'known-counter' }),
    ]);
  });

  test('invalid input is a 422 naming each field as the request spells it', async ({ api }) => {
    const response = await api.post('/v1/calculate', {
      month: '2026-03',
      billingGroup: { vatRate: '150' },
      usage: [{ projectId: 'p1', counterName: 'compute.c2.c8m8', unit: 'MINUTES', quantity: '-1' }],
      adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: '101' }],
      credits: [{ type: 'FREE', amount: '0.5' }],
      unpaid: { amount: '1.5', isOverdue: true },
    });

    expect(response.status()).toBe(422);
    const errors: { field: string; rule: string }[] = (await response.json()).errors;
    expect(errors.map((error) => [error.field, error.rule])).toEqual(
      expect.arrayContaining([
        ['billingGroup.vatRate', 'max-100'],
        ['usage[0].unit', 'unit-match'],
        ['usage[0].quantity', 'non-negative'],
        ['adjustments[0].value', 'max-100'],
        ['credits[0].amount', 'minor-unit'],
        ['unpaid.amount', 'minor-unit'],
      ]),
    );
    expect(errors.some((error) => error.field.startsWith('previousStatement'))).toBe(false);
    expect(errors.some((error) => error.field.endsWith('.balance'))).toBe(false);
  });

  test('a billing group in USD needs a price book in USD', async ({ api }) => {
    const refused = await api.post('/v1/calculate', {
      month: '2026-03',
      billingGroup: { currency: 'USD' },
      usage: [c2Hours('1')],
    });
    const priced = await api.create<Calculation>(
      '/v1/calculate',
      {
        month: '2026-03',
        priceBook: {
          currency: 'USD',
          entries: [
            {
              counterName: 'compute.small',
              unit: 'HOURS',
              pricing: { model: 'PER_UNIT', unitPrice: '0.015' },
            },
          ],
        },
        usage: [{ projectId: 'p1', counterName: 'compute.small', quantity: '333' }],
      },
      200,
    );

    expect(refused.status()).toBe(422);
    expect((await refused.json()).errors).toEqual([
      expect.objectContaining({ field: 'priceBook.currency', rule: 'currency-match' }),
    ]);
    expect(priced).toMatchObject({ currency: 'USD', subtotal: '5.00', vat: '0.50', total: '5.50' });
  });

  test('the calculator stores nothing: the same request gives the same statement', async ({ api }) => {
    const request = {
      month: '2026-03',
      usage: [c2Hours('3')],
      credits: [{ type: 'FREE', amount: '100' }],
      asOf: '2026-04-01T00:00:00Z',
    };

    const first = await api.create<Calculation>('/v1/calculate', request, 200);
    const second = await api.create<Calculation>('/v1/calculate', request, 200);

    expect(second).toEqual(first);
    expect(first.creditTotal).toBe('100');
  });

  test('the calculator takes an API key', async ({ anonymousApi }) => {
    const response = await anonymousApi.post('/v1/calculate', { month: '2026-03', usage: [] });

    expect(response.status()).toBe(401);
  });
});

test.describe('calculator: unknown fields', () => {
  test('a credit with a field the calculator does not know is refused, not silently dropped', async ({
    api,
  }) => {
    const response = await api.post('/v1/calculate', {
      month: '2026-03',
      usage: [{ projectId: 'p1', counterName: 'compute.c2.c8m8', quantity: '10' }],
      credits: [{ type: 'PAID', amount: '5000', balance: '1000' }],
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'credits[0].balance', rule: 'unknown-field' }),
    ]);
  });
});
