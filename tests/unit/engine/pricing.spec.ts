import { computeStatement, DEFAULT_PRICE_BOOK, type PriceTier, stepsOfRule } from '@billing/engine';
import { expect, test } from '../../support/api-test';
import { issueAt, singleCounterBook, statementInput, usage } from './support';

/** The tiers of DOMAIN §3: 0–100 @1000, 100–500 @800, 500+ @600. */
const DOMAIN_TIERS: PriceTier[] = [
  { from: '0', to: '100', unitPrice: '1000' },
  { from: '100', to: '500', unitPrice: '800' },
  { from: '500', to: null, unitPrice: '600' },
];

function graduated(quantity: string) {
  return computeStatement(
    statementInput({
      priceBook: singleCounterBook({ model: 'GRADUATED', tiers: DOMAIN_TIERS }),
      usage: [usage({ quantity })],
    }),
  ).lines[0];
}

function volume(quantity: string) {
  return computeStatement(
    statementInput({
      priceBook: singleCounterBook({ model: 'VOLUME', tiers: DOMAIN_TIERS }),
      usage: [usage({ quantity })],
    }),
  ).lines[0];
}

test.describe('pricing: the default price book (KRW)', () => {
  test('the default book is in KRW and prices the four counters of DOMAIN §3', () => {
    expect(DEFAULT_PRICE_BOOK.currency).toBe('KRW');
    expect(DEFAULT_PRICE_BOOK.entries.map((entry) => [entry.counterName, entry.unit, entry.pricing])).toEqual(
      [
        ['compute.c2.c8m8', 'HOURS', { model: 'PER_UNIT', unitPrice: '397' }],
        ['compute.g2.t4.c8m64', 'HOURS', { model: 'PER_UNIT', unitPrice: '166.67' }],
        ['storage.volume.ssd', 'GB', { model: 'PER_UNIT', unitPrice: '100' }],
        ['network.floating_ip', 'HOURS', { model: 'PER_UNIT', unitPrice: '25' }],
      ],
    );
  });

  test('a c2 instance costs 397 won an hour: 100 hours are 39700', () => {
    const line = computeStatement(statementInput({ usage: [usage({ quantity: '100' })] })).lines[0];

    expect(line).toMatchObject({ unitPrice: '397', amount: '39700', priceSource: 'PRICE_BOOK' });
  });

  test('a GPU instance costs 166.67 won an hour: 720 hours are 120002.4, billed 120002', () => {
    const line = computeStatement(
      statementInput({ usage: [usage({ counterName: 'compute.g2.t4.c8m64', quantity: '720' })] }),
    ).lines[0];

    expect(line).toMatchObject({ unitPrice: '166.67', exactAmount: '120002.4', amount: '120002' });
  });

  test('an SSD volume costs 100 won per GB for the month: 50 GB are 5000', () => {
    const line = computeStatement(
      statementInput({ usage: [usage({ counterName: 'storage.volume.ssd', unit: 'GB', quantity: '50' })] }),
    ).lines[0];

    expect(line).toMatchObject({ unitPrice: '100', amount: '5000', unit: 'GB' });
  });

  test('a floating IP costs 25 won an hour: a 744-hour month is 18600', () => {
    const line = computeStatement(
      statementInput({ usage: [usage({ counterName: 'network.floating_ip', quantity: '744' })] }),
    ).lines[0];

    expect(line).toMatchObject({ unitPrice: '25', amount: '18600' });
  });
});

test.describe('pricing: PER_UNIT', () => {
  test('a PER_UNIT line is quantity × unit price, rounded once', () => {
    const line = computeStatement(statementInput({ usage: [usage({ quantity: '1.5' })] })).lines[0];

    expect(line).toMatchObject({ pricingModel: 'PER_UNIT', exactAmount: '595.5', amount: '596' });
  });

  test('no usage, no charge: a zero quantity gives a zero line', () => {
    const line = computeStatement(statementInput({ usage: [usage({ quantity: '0' })] })).lines[0];

    expect(line?.amount).toBe('0');
  });
});

test.describe('pricing: GRADUATED tiers', () => {
  test('750 units on 0–100 @1000, 100–500 @800, 500+ @600 are 100×1000 + 400×800 + 250×600 = 570000', () => {
    const line = graduated('750');

    expect(line).toMatchObject({ pricingModel: 'GRADUATED', exactAmount: '570000', amount: '570000' });
  });

  test('a graduated line quotes the price of its last unit', () => {
    expect(graduated('750')?.unitPrice).toBe('600');
    expect(graduated('99')?.unitPrice).toBe('1000');
  });

  test('units inside the first tier are all priced at the first tier', () => {
    expect(graduated('99')?.amount).toBe('99000');
  });

  test('exactly 100 units fill the first tier and no more: 100000', () => {
    expect(graduated('100')?.amount).toBe('100000');
  });

  test('exactly 500 units fill the first two tiers: 100×1000 + 400×800 = 420000', () => {
    expect(graduated('500')?.amount).toBe('420000');
  });

  test('a fractional unit is split across the tier boundary it crosses', () => {
    expect(graduated('100.5')?.exactAmount).toBe('100400');
  });

  test('the trace shows what each tier priced', () => {
    const result = computeStatement(
      statementInput({
        priceBook: singleCounterBook({ model: 'GRADUATED', tiers: DOMAIN_TIERS }),
        usage: [usage({ quantity: '750' })],
      }),
    );

    expect(stepsOfRule(result.trace, 'usage-line')[0]?.notes).toEqual([
      '100 units in [0, 100) at 1000 = 100000',
      '400 units in [100, 500) at 800 = 320000',
      '250 units in [500, ∞) at 600 = 150000',
    ]);
  });
});

test.describe('pricing: VOLUME tiers', () => {
  test('all 750 units are priced at the tier the total reaches: 750 × 600 = 450000', () => {
    expect(volume('750')).toMatchObject({ pricingModel: 'VOLUME', unitPrice: '600', amount: '450000' });
  });

  test('99 units stay in the first tier: 99 × 1000 = 99000', () => {
    expect(volume('99')?.amount).toBe('99000');
  });

  test('exactly 100 units belong to the tier starting at 100, since tiers are half-open: 80000', () => {
    expect(volume('100')).toMatchObject({ unitPrice: '800', amount: '80000' });
  });

  test('exactly 500 units belong to the open-ended tier: 500 × 600 = 300000', () => {
    expect(volume('500')).toMatchObject({ unitPrice: '600', amount: '300000' });
  });

  test('just below a boundary stays in the lower tier: 499.9 × 800 = 399920', () => {
    expect(volume('499.9')).toMatchObject({ unitPrice: '800', amount: '399920' });
  });
});

test.describe('pricing: lines and the price book', () => {
  test('one line per project, counter and resource, in a fixed order whatever the input order', () => {
    const lines = [
      usage({ projectId: 'proj-b', quantity: '1' }),
      usage({ projectId: 'proj-a', counterName: 'network.floating_ip', quantity: '2' }),
      usage({ projectId: 'proj-a', quantity: '3', resourceId: 'vm-2' }),
      usage({ projectId: 'proj-a', quantity: '4', resourceId: 'vm-1' }),
      usage({ projectId: 'proj-a', quantity: '5' }),
    ];
    const forwards = computeStatement(statementInput({ usage: lines }));
    const backwards = computeStatement(statementInput({ usage: [...lines].reverse() }));

    expect(
      forwards.lines.map((line) => [line.lineId, line.projectId, line.resourceId, line.quantity]),
    ).toEqual([
      ['line-1', 'proj-a', null, '5'],
      ['line-2', 'proj-a', 'vm-1', '4'],
      ['line-3', 'proj-a', 'vm-2', '3'],
      ['line-4', 'proj-a', null, '2'],
      ['line-5', 'proj-b', null, '1'],
    ]);
    expect(backwards).toEqual(forwards);
  });

  test('a counter missing from the price book is a validation error, never a silent default price', () => {
    const issue = issueAt(
      () => computeStatement(statementInput({ usage: [usage({ counterName: 'compute.x9.huge' })] })),
      'usage[0].counterName',
    );

    expect(issue).toEqual({
      field: 'usage[0].counterName',
      rule: 'known-counter',
      message: 'compute.x9.huge is not in price book default-krw; every counter needs a price',
    });
  });

  test('usage in another unit than the price book prices it in is refused', () => {
    const issue = issueAt(
      () => computeStatement(statementInput({ usage: [usage({ unit: 'MINUTES' })] })),
      'usage[0].unit',
    );

    expect(issue).toEqual({
      field: 'usage[0].unit',
      rule: 'unit-match',
      message: 'is MINUTES but the price book prices it in HOURS',
    });
  });

  test('a billing group is billed from a price book in its own currency', () => {
    const usdBook = singleCounterBook({ model: 'PER_UNIT', unitPrice: '0.55' }, 'USD');
    const result = computeStatement(
      statementInput({
        billingGroup: { id: 'bg-1', currency: 'USD' },
        priceBook: usdBook,
        usage: [usage({ quantity: '10' })],
      }),
    );
    expect(result).toMatchObject({ currency: 'USD', subtotal: '5.50' });

    const issue = issueAt(
      () => computeStatement(statementInput({ priceBook: usdBook })),
      'priceBook.currency',
    );
    expect(issue).toEqual({
      field: 'priceBook.currency',
      rule: 'currency-match',
      message: 'is in USD but the billing group is billed in KRW',
    });
  });
});
