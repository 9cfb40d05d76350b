import {
  compatCalculate,
  computeStatement,
  DEFAULT_PRICE_BOOK,
  LEDGER_ENTRY_KINDS,
  PRICING_MODELS,
  periodOf,
  transitionPayment,
} from '@billing/engine';
import { isMonthInRange, validateLedgerEntry } from '@billing/engine/internal';
import {
  arbContract,
  arbLedgerEntry,
  arbStatementInput,
  arbUsageEvent,
  buildAdjustment,
  buildBillingGroupSettings,
  buildContract,
  buildCreditGrant,
  buildLedgerEntry,
  buildPayment,
  buildPreviousStatement,
  buildPriceBook,
  buildPricing,
  buildStatementInput,
  buildUsageAggregate,
  buildUsageEvent,
  createFaker,
  DEFAULT_MONTH,
  standardCompatRequest,
  standardStatementInput,
} from '@billing/fixtures';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';
import { d } from './statement-amounts';

test.describe('fixtures: builders build valid inputs, and overrides win', () => {
  test('a default-built statement input is accepted, with usage only of its price book', ({ faker }) => {
    for (let build = 0; build < 25; build += 1) {
      const input = buildStatementInput(faker);
      const counters = input.priceBook.entries.map((entry) => entry.counterName);
      expect(input.usage.every((usage) => counters.includes(usage.counterName))).toBe(true);
      expect(() => computeStatement(input)).not.toThrow();
    }
  });

  test('the same seed builds the same statement input', () => {
    expect(buildStatementInput(createFaker(42))).toEqual(buildStatementInput(createFaker(42)));
  });

  test('overriding the month and a USD price book keeps the rest coherent', ({ faker }) => {
    const priceBook = buildPriceBook(faker, { currency: 'USD' });
    const input = buildStatementInput(faker, { month: '2025-12', priceBook });
    expect(input.billingGroup.currency).toBe('USD');
    expect(input.priceBook).toBe(priceBook);
    expect(input.asOf.startsWith('2026-01')).toBe(true);
    const result = computeStatement(input);
    expect(result).toMatchObject({ month: '2025-12', currency: 'USD' });
  });

  test('a usage aggregate is priced by the default book, and its overrides apply', ({ faker }) => {
    const usage = buildUsageAggregate(faker, { projectId: 'proj-override', quantity: '12.5' });
    expect(usage).toMatchObject({ projectId: 'proj-override', quantity: '12.5' });
    const input = buildStatementInput(faker, {
      priceBook: DEFAULT_PRICE_BOOK,
      usage: [usage],
      contract: null,
    });
    expect(computeStatement(input).lines).toMatchObject([{ projectId: 'proj-override', quantity: '12.5' }]);
  });

  test('a pricing of each model is accepted, tiers contiguous from 0 and open-ended', ({ faker }) => {
    const pricings = PRICING_MODELS.map((model) => buildPricing(faker, { model }));
    expect(pricings.map((pricing) => pricing.model)).toEqual([...PRICING_MODELS]);
    for (const pricing of pricings) {
      if (pricing.model === 'PER_UNIT') continue;
      expect(pricing.tiers[0]?.from).toBe('0');
      expect(pricing.tiers.at(-1)?.to).toBeNull();
      expect(pricing.tiers.slice(1).map((tier) => tier.from)).toEqual(
        pricing.tiers.slice(0, -1).map((tier) => tier.to),
      );
    }
    const entries = pricings.map((pricing, index) => ({
      counterName: `counter.${index}`,
      unit: 'HOURS',
      pricing,
    }));
    const usage = entries.map((entry) =>
      buildUsageAggregate(faker, { ...entry, projectId: 'proj-a', resourceId: null }),
    );
    // No contract: a random one may price one of the counters by another model.
    const input = buildStatementInput(faker, {
      priceBook: buildPriceBook(faker, { entries }),
      usage,
      contract: null,
    });
    expect(
      computeStatement(input)
        .lines.map((line) => line.pricingModel)
        .sort(),
    ).toEqual([...PRICING_MODELS].sort());
  });

  test('a contract is in force in the default month and its override prices the usage', ({ faker }) => {
    const contract = buildContract(faker, { discountRate: '5' });
    const usage = [
      buildUsageAggregate(faker, { counterName: 'compute.c2.c8m8', unit: 'HOURS', quantity: '10' }),
    ];
    const result = computeStatement(
      buildStatementInput(faker, { priceBook: DEFAULT_PRICE_BOOK, contract, usage }),
    );
    expect(result.lines[0]?.priceSource).toBe('CONTRACT');
    expect(result.contractLines.map((line) => line.kind)).toContain('CONTRACT_DISCOUNT');
  });

  test('an adjustment targets a project only at PROJECT level, and overrides apply', ({ faker }) => {
    expect(buildAdjustment(faker, { level: 'PROJECT' }).targetProjectId).toEqual(expect.any(String));
    expect(buildAdjustment(faker, { level: 'BILLING_GROUP' }).targetProjectId).toBeNull();
    const rate = buildAdjustment(faker, { type: 'DISCOUNT', method: 'RATE' });
    expect(d(rate.value).lessThanOrEqualTo(100)).toBe(true);
    expect(buildAdjustment(faker, { value: '7', description: 'Override' })).toMatchObject({
      value: '7',
      description: 'Override',
    });
  });

  test('a credit grant keeps its balance within its amount, and overrides apply', ({ faker }) => {
    const grant = buildCreditGrant(faker);
    expect(d(grant.balance).lessThanOrEqualTo(grant.amount)).toBe(true);
    expect(buildCreditGrant(faker, { amount: '5000' })).toMatchObject({ amount: '5000', balance: '5000' });
    expect(buildCreditGrant(faker, { balance: '300' })).toMatchObject({ amount: '300', balance: '300' });
    expect(Date.parse(grant.grantedAt)).toBeLessThan(periodOf(DEFAULT_MONTH).start);
  });

  test('a ledger entry of every kind has the sign and statement id the engine requires', ({ faker }) => {
    for (const kind of LEDGER_ENTRY_KINDS) {
      const entry = buildLedgerEntry(faker, { kind, grantId: 'credit-1' });
      expect(validateLedgerEntry(entry)).toEqual(entry);
    }
  });

  test('settings and an overdue previous statement bring a late fee', ({ faker }) => {
    const billingGroup = buildBillingGroupSettings(faker, { roundingMode: 'FLOOR' });
    const previousStatement = buildPreviousStatement(faker, { outstanding: '10000' });
    const result = computeStatement(
      buildStatementInput(faker, { billingGroup, previousStatement, asOf: '2026-04-02T00:00:00Z' }),
    );
    expect(result).toMatchObject({ roundingMode: 'FLOOR', unpaid: '10000', isOverdue: true, lateFee: '500' });
  });

  test('a payment starts PENDING and may succeed; a usage event falls in the default month', ({ faker }) => {
    const payment = buildPayment(faker, { amount: '1000' });
    expect(transitionPayment(payment, 'SUCCEEDED')).toMatchObject({ amount: '1000', state: 'SUCCEEDED' });
    const event = buildUsageEvent(faker, { projectId: 'proj-event' });
    const { start, end } = periodOf(DEFAULT_MONTH);
    expect(event.projectId).toBe('proj-event');
    expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(start);
    expect(Date.parse(event.timestamp)).toBeLessThan(end);
  });

  test('the standard statement: 20 lines over 3 projects, 2 + 2 adjustments, 4 grants, graduated contract', () => {
    const input = standardStatementInput();
    expect(standardStatementInput()).not.toBe(input);
    expect(input.usage).toHaveLength(20);
    expect(new Set(input.usage.map((usage) => usage.projectId)).size).toBe(3);
    expect(input.adjustments.map((adjustment) => adjustment.level).sort()).toEqual([
      'BILLING_GROUP',
      'BILLING_GROUP',
      'PROJECT',
      'PROJECT',
    ]);
    expect(input.credits).toHaveLength(4);
    expect(input.contract?.priceOverrides?.[0]?.pricing.model).toBe('GRADUATED');
    const result = computeStatement(input);
    expect(result.lines).toHaveLength(20);
    expect(result.lines.filter((line) => line.priceSource === 'CONTRACT')).toHaveLength(6);
    expect(result.credits).toHaveLength(4);
  });

  test('the standard statement as a legacy request: the same lines, accepted by the calculator', () => {
    const request = standardCompatRequest();
    expect(request.usage).toHaveLength(20);
    expect(request.credits).toHaveLength(4);
    expect(request.adjustments).toHaveLength(4);
    const answer = compatCalculate(request, { now: '2026-03-31T00:00:00Z', newId: () => 'standard' });
    expect(answer.status).toBe(200);
  });
});

test.describe('fixtures: arbitraries generate what the engine accepts', () => {
  test('property: every generated statement input is accepted', async ({ checkProperty }) => {
    await checkProperty(arbStatementInput(), (input) => {
      expect(() => computeStatement(input, { explain: false })).not.toThrow();
    });
  });

  test('property: generated ledger entries and usage events are valid', async ({ checkProperty }) => {
    await checkProperty(arbLedgerEntry(), arbUsageEvent({ month: DEFAULT_MONTH }), (entry, event) => {
      expect(validateLedgerEntry(entry)).toEqual(entry);
      const { start, end } = periodOf(DEFAULT_MONTH);
      expect(Date.parse(event.timestamp) >= start && Date.parse(event.timestamp) < end).toBe(true);
      expect(DEFAULT_PRICE_BOOK.entries).toContainEqual(
        expect.objectContaining({ counterName: event.counterName, unit: event.unit }),
      );
    });
  });

  test('property: a contract drawn to apply is in force in the month, one drawn not to is not', async ({
    checkProperty,
  }) => {
    const arbDrawn = fc
      .boolean()
      .chain((applies) => fc.tuple(fc.constant(applies), arbContract({ month: DEFAULT_MONTH, applies })));
    await checkProperty(arbDrawn, ([applies, contract]) => {
      expect(isMonthInRange(DEFAULT_MONTH, contract.startMonth, contract.endMonth)).toBe(applies);
    });
  });
});
