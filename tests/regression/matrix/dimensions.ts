import type { Adjustment, BillingMonth, Contract, CreditGrant, RoundingMode } from '../billing-month';

/** One value of a matrix dimension, with the words a failure report uses for it. */
export interface Choice<T> {
  label: string;
  value: T;
}

/**
 * The usage every combination bills, chosen so that rounding matters: 12.5 h × 397 = 4962.5 and
 * 10.1 h × 25 = 252.5 sit exactly on a half (HALF_UP and HALF_EVEN part ways), 33.333 h of GPU at
 * 166.67 = 5555.61111 and 250.75 GB priced by tiers leave fractions for FLOOR and CEIL.
 */
export const MATRIX_USAGE: BillingMonth['usage'] = [
  { projectId: 'proj-a', counterName: 'compute.c2.c8m8', unit: 'HOURS', quantity: '12.5' },
  { projectId: 'proj-a', counterName: 'compute.g2.t4.c8m64', unit: 'HOURS', quantity: '33.333' },
  { projectId: 'proj-b', counterName: 'storage.volume.ssd', unit: 'GB', quantity: '250.75' },
  {
    projectId: 'proj-b',
    counterName: 'network.floating_ip',
    unit: 'HOURS',
    quantity: '10.1',
    resourceId: 'fip-1',
  },
];

/** 12370 × 5% = 618.5: the late fee itself lands on a half. */
export const UNPAID: Choice<BillingMonth['unpaid']>[] = [
  { label: 'nothing unpaid', value: null },
  { label: 'unpaid 12370 not yet due', value: { amount: '12370', isOverdue: false } },
  { label: 'unpaid 12370 overdue (late fee)', value: { amount: '12370', isOverdue: true } },
];

function project(id: string, fields: Omit<Adjustment, 'id' | 'level'>): Adjustment[] {
  return [{ id, level: 'PROJECT', ...fields }];
}

function group(id: string, fields: Omit<Adjustment, 'id' | 'level'>): Adjustment[] {
  return [{ id, level: 'BILLING_GROUP', ...fields }];
}

/**
 * proj-a's usage comes to 10517–10519 depending on the rounding mode (10436–10438 under the tiered
 * contract), so a fixed 10518.5 off it is capped in some cells, exactly used up in others.
 */
export const PROJECT_ADJUSTMENTS: Choice<Adjustment[]>[] = [
  { label: 'no project adjustment', value: [] },
  {
    label: 'project fixed discount 10518.5 on proj-a',
    value: project('pa-fixed-discount', {
      type: 'DISCOUNT',
      method: 'FIXED',
      value: '10518.5',
      targetProjectId: 'proj-a',
    }),
  },
  {
    label: 'project rate discount 7.5% on proj-b',
    value: project('pa-rate-discount', {
      type: 'DISCOUNT',
      method: 'RATE',
      value: '7.5',
      targetProjectId: 'proj-b',
    }),
  },
  {
    label: 'project fixed surcharge 1234.5 on proj-a',
    value: project('pa-fixed-surcharge', {
      type: 'SURCHARGE',
      method: 'FIXED',
      value: '1234.5',
      targetProjectId: 'proj-a',
    }),
  },
  {
    label: 'project rate surcharge 12.5% on proj-b',
    value: project('pa-rate-surcharge', {
      type: 'SURCHARGE',
      method: 'RATE',
      value: '12.5',
      targetProjectId: 'proj-b',
    }),
  },
];

export const GROUP_ADJUSTMENTS: Choice<Adjustment[]>[] = [
  { label: 'no billing-group adjustment', value: [] },
  {
    label: 'billing-group fixed discount 3000.5',
    value: group('ga-fixed-discount', { type: 'DISCOUNT', method: 'FIXED', value: '3000.5' }),
  },
  {
    label: 'billing-group rate discount 15%',
    value: group('ga-rate-discount', { type: 'DISCOUNT', method: 'RATE', value: '15' }),
  },
  {
    label: 'billing-group fixed surcharge 999.5',
    value: group('ga-fixed-surcharge', { type: 'SURCHARGE', method: 'FIXED', value: '999.5' }),
  },
  {
    label: 'billing-group rate surcharge 8.25%',
    value: group('ga-rate-surcharge', { type: 'SURCHARGE', method: 'RATE', value: '8.25' }),
  },
];

const GRANTED = '2026-01-15T00:00:00Z';

/**
 * The charge before credits is 17719–52141 across the matrix. A set either is used up (alone), or
 * stops part-way through a grant, where the burn order shows; only the last set always covers it.
 */
export const CREDIT_SETS: Choice<CreditGrant[]>[] = [
  { label: 'no credits', value: [] },
  {
    label: 'a PROMOTIONAL credit of 5000',
    value: [{ id: 'cr-promo', type: 'PROMOTIONAL', amount: '5000', balance: '5000', grantedAt: GRANTED }],
  },
  {
    label: 'a FREE credit with 7500 of 10000 left',
    value: [{ id: 'cr-free', type: 'FREE', amount: '10000', balance: '7500', grantedAt: GRANTED }],
  },
  {
    label: 'a PAID credit of 20000 expiring at year end',
    value: [
      {
        id: 'cr-paid',
        type: 'PAID',
        amount: '20000',
        balance: '20000',
        expiresAt: '2026-12-31T00:00:00Z',
        grantedAt: GRANTED,
      },
    ],
  },
  {
    label: 'a REFUND credit of 3333',
    value: [{ id: 'cr-refund', type: 'REFUND', amount: '3333', balance: '3333', grantedAt: GRANTED }],
  },
  {
    // Explicit priorities reorder the types: PAID 5 first, then PROMOTIONAL 10, REFUND 30, FREE 35.
    label: 'mixed priorities (PAID at 5, FREE at 35, one granted after March)',
    value: [
      { id: 'mx-free-35', type: 'FREE', amount: '2000', balance: '2000', priority: 35, grantedAt: GRANTED },
      { id: 'mx-refund', type: 'REFUND', amount: '20000', balance: '20000', grantedAt: GRANTED },
      { id: 'mx-promo', type: 'PROMOTIONAL', amount: '6000', balance: '6000', grantedAt: GRANTED },
      { id: 'mx-paid-5', type: 'PAID', amount: '4000', balance: '4000', priority: 5, grantedAt: GRANTED },
      {
        id: 'mx-april',
        type: 'PROMOTIONAL',
        amount: '90000',
        balance: '90000',
        grantedAt: '2026-04-01T00:00:00Z',
      },
    ],
  },
  {
    // Same priority throughout, so expiry decides: March's first, June's next, the undated one last
    // even though it is the oldest; the two already expired (one exactly at March 1) pay nothing.
    label: 'expiring PROMOTIONAL credits (one expired in February, one at March 1)',
    value: [
      {
        id: 'ex-never',
        type: 'PROMOTIONAL',
        amount: '14000',
        balance: '14000',
        grantedAt: '2025-11-01T00:00:00Z',
      },
      {
        id: 'ex-june',
        type: 'PROMOTIONAL',
        amount: '12000',
        balance: '12000',
        expiresAt: '2026-06-30T00:00:00Z',
        grantedAt: '2026-01-10T00:00:00Z',
      },
      {
        id: 'ex-march',
        type: 'PROMOTIONAL',
        amount: '12000',
        balance: '12000',
        expiresAt: '2026-03-31T12:00:00Z',
        grantedAt: '2026-02-10T00:00:00Z',
      },
      {
        id: 'ex-february',
        type: 'PROMOTIONAL',
        amount: '50000',
        balance: '50000',
        expiresAt: '2026-02-20T00:00:00Z',
        grantedAt: '2026-01-05T00:00:00Z',
      },
      {
        id: 'ex-at-start',
        type: 'PROMOTIONAL',
        amount: '50000',
        balance: '50000',
        expiresAt: '2026-03-01T00:00:00Z',
        grantedAt: '2026-01-05T00:00:00Z',
      },
    ],
  },
  {
    label: 'credits exceeding the charge (40000 + 30000, one used up)',
    value: [
      { id: 'ov-paid', type: 'PAID', amount: '30000', balance: '30000', grantedAt: GRANTED },
      { id: 'ov-promo', type: 'PROMOTIONAL', amount: '40000', balance: '40000', grantedAt: GRANTED },
      { id: 'ov-free-empty', type: 'FREE', amount: '5000', balance: '0', grantedAt: GRANTED },
    ],
  },
];

/** The floating IP is not overridden, so every tiered cell prices from the contract and the book. */
export const CONTRACTS: Choice<Contract | null>[] = [
  { label: 'no contract', value: null },
  {
    label: 'contract: 12.5% off usage',
    value: { id: 'ct-discount', startMonth: '2026-01', discountRate: '12.5' },
  },
  {
    label: 'contract: tiered prices (GRADUATED storage, VOLUME c2 hours)',
    value: {
      id: 'ct-tiers',
      startMonth: '2025-07',
      endMonth: '2026-06',
      priceOverrides: [
        {
          counterName: 'storage.volume.ssd',
          pricing: {
            model: 'GRADUATED',
            tiers: [
              { from: '0', to: '100', unitPrice: '120' },
              { from: '100', to: '200', unitPrice: '95.5' },
              { from: '200', to: null, unitPrice: '80.25' },
            ],
          },
        },
        {
          counterName: 'compute.c2.c8m8',
          pricing: {
            model: 'VOLUME',
            tiers: [
              { from: '0', to: '10', unitPrice: '400' },
              { from: '10', to: '100', unitPrice: '390.5' },
              { from: '100', to: null, unitPrice: '380' },
            ],
          },
        },
      ],
    },
  },
  {
    label: 'contract: minimum commitment 45000.5 after 3% off',
    value: { id: 'ct-minimum', startMonth: '2026-03', discountRate: '3', minimumCharge: '45000.5' },
  },
];

export const ROUNDING_MODES: Choice<RoundingMode>[] = (
  ['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'] as const
).map((mode) => ({ label: `rounded ${mode}`, value: mode }));
