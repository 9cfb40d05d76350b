/**
 * One billing group's month as plain data: the shape of a matrix combination, of a named scenario
 * file (`fixtures/scenarios/*.json`) and, nearly field for field, of a `POST /v1/calculate` request.
 * Money, quantities and rates are decimal strings; rates are percents (DOMAIN §1, §4).
 */

export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'FLOOR' | 'CEIL';
export type Currency = 'KRW' | 'JPY' | 'USD' | 'EUR';

export interface Tier {
  from: string;
  /** `null`: the open-ended last tier. */
  to: string | null;
  unitPrice: string;
}

export type Pricing =
  | { model: 'PER_UNIT'; unitPrice: string }
  | { model: 'GRADUATED' | 'VOLUME'; tiers: Tier[] };

export interface PriceBook {
  id: string;
  name: string;
  currency: Currency;
  entries: { counterName: string; unit: string; pricing: Pricing }[];
}

export interface Contract {
  id: string;
  startMonth: string;
  endMonth?: string | null;
  /** Percent of the usage subtotal. */
  discountRate?: string | null;
  minimumCharge?: string | null;
  priceOverrides?: { counterName: string; pricing: Pricing }[];
}

export interface Adjustment {
  id: string;
  type: 'DISCOUNT' | 'SURCHARGE';
  method: 'FIXED' | 'RATE';
  /** An amount for FIXED, a percent for RATE. */
  value: string;
  level: 'PROJECT' | 'BILLING_GROUP';
  targetProjectId?: string | null;
}

export interface CreditGrant {
  id: string;
  type: 'PROMOTIONAL' | 'FREE' | 'PAID' | 'REFUND';
  amount: string;
  balance: string;
  priority?: number | null;
  expiresAt?: string | null;
  grantedAt: string;
}

export interface Usage {
  projectId: string;
  counterName: string;
  unit: string;
  quantity: string;
  resourceId?: string | null;
}

export interface BillingMonth {
  /** `YYYY-MM`. */
  month: string;
  billingGroup: {
    currency: Currency;
    vatRate: string;
    roundingMode: RoundingMode;
    paymentTermsDays: number;
    lateFeeRate: string;
  };
  /** Absent: the default KRW price book of DOMAIN §3. */
  priceBook?: PriceBook | null;
  usage: Usage[];
  contract?: Contract | null;
  adjustments: Adjustment[];
  credits: CreditGrant[];
  /** The latest closed statement's outstanding amount, and whether it is past its due date. */
  unpaid?: { amount: string; isOverdue: boolean } | null;
  /** When the statement is computed. */
  asOf: string;
}
