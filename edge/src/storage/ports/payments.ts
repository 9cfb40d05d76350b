import type { Payment, PaymentState } from '@billing/engine';
import type { NewEvent } from './events';
import type { Page, PageRequest } from './tenants';

/** A payment as stored: the engine's Payment plus what the API and the provider need. */
export interface PaymentRecord {
  id: string;
  tenantId: string;
  billingGroupId: string;
  statementId: string;
  /** A decimal string in the currency's minor digits. */
  amount: string;
  /** The amount in integer minor units: what the database's overpayment trigger compares. */
  amountMinor: number;
  /** The statement's currency. */
  currency: string;
  state: PaymentState;
  /** `CARD` or `TOKEN`. */
  method: string;
  /** The source as kept: a token, or a card number masked to its last four digits. */
  source: string;
  failureReason: string | null;
  /** The provider's charge id; null until the provider has answered. */
  providerReference: string | null;
  idempotencyKey: string;
  createdAt: string;
  updatedAt: string;
}

export type NewPayment = Omit<PaymentRecord, 'currency'>;

export interface PaymentStateChange {
  state: PaymentState;
  failureReason?: string | null;
  providerReference?: string | null;
  updatedAt: string;
  /** The event that reports the change (payment.succeeded, …), written only if the change applies. */
  event?: NewEvent | null;
}

/** Payments (owner: the payment routes). Read by statements to derive their states. */
export interface PaymentStore {
  paymentsForStatement(tenantId: string, statementId: string): Promise<Payment[]>;
  /**
   * Inserts a PENDING (or SUCCEEDED) payment; the database refuses it with a ConflictError
   * `payment-exceeds-outstanding` when pending and succeeded payments would exceed the statement's
   * total, however many requests race.
   */
  insertPayment(payment: NewPayment): Promise<void>;
  getPayment(tenantId: string, paymentId: string): Promise<PaymentRecord | null>;
  /** A statement's payments, oldest first. */
  listPayments(tenantId: string, statementId: string, page: PageRequest): Promise<Page<PaymentRecord>>;
  /**
   * Moves a payment from `from` to a new state, only if it is still in `from` (compare and set):
   * null when it was not, so two concurrent transitions never both apply.
   */
  changePaymentState(
    tenantId: string,
    paymentId: string,
    from: PaymentState,
    change: PaymentStateChange,
  ): Promise<PaymentRecord | null>;
}
