/**
 * The payment-provider port (DOMAIN §6): what the payment routes ask of whoever moves the money.
 * A real provider (a card processor, a bank transfer gateway) and the built-in sandbox implement it;
 * the app takes one through its deps.
 */

export type ChargeOutcome = 'SUCCEEDED' | 'FAILED' | 'PENDING';

export interface ChargeRequest {
  /** A decimal string in the currency's minor digits, e.g. "39700" or "12.30". */
  amount: string;
  currency: string;
  /** The payment source as the client sent it: a token or a card number. */
  source: string;
  /** Unique per payment, so a retried call never charges twice at the provider. */
  idempotencyKey: string;
}

export interface ChargeResult {
  outcome: ChargeOutcome;
  /** The provider's id of the charge, kept for refunds and reconciliation. */
  reference: string;
  /** Why a FAILED charge failed, e.g. `card_declined`. */
  failureReason?: string;
}

export interface RefundRequest {
  /** The reference of the charge being refunded. */
  reference: string;
  amount: string;
  currency: string;
  idempotencyKey: string;
}

export interface RefundResult {
  reference: string;
}

export type SettlementOutcome = 'SUCCEEDED' | 'FAILED';

export interface PaymentProvider {
  /** A short name, e.g. `sandbox`. */
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /**
   * Only a test provider has this: it decides how a PENDING charge ends, as a real provider's
   * webhook would. Absent on real providers, where settling by API is refused.
   */
  settle?(reference: string, outcome: SettlementOutcome): Promise<void>;
}

/** How a source is kept and shown: tokens as they are, card numbers masked to their last four digits. */
export function maskSource(source: string): string {
  const digits = source.replaceAll(/[\s-]/g, '');
  return /^\d{12,19}$/.test(digits) ? `card_${digits.slice(-4)}` : source;
}

/** The kind of payment method a source names: a card number or a provider token. */
export function paymentMethodOf(source: string): 'CARD' | 'TOKEN' {
  return /^\d{12,19}$/.test(source.replaceAll(/[\s-]/g, '')) ? 'CARD' : 'TOKEN';
}
