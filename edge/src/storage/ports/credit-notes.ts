import type { NewCreditGrant } from './credits';
import type { NewEvent } from './events';

/** A credit note as stored and shown (DOMAIN §6): immutable once written. */
export interface CreditNoteRecord {
  id: string;
  tenantId: string;
  billingGroupId: string;
  statementId: string;
  /** `CN-<year>-<NNNNNN>`, gapless per tenant and year like statements'. */
  number: string;
  currency: string;
  net: string;
  vat: string;
  total: string;
  /** The part that lowered the statement's outstanding amount. */
  applied: string;
  /** The part beyond the outstanding amount, granted back as REFUND credit. */
  refunded: string;
  refundGrantId: string | null;
  reason: string;
  /** The usage line it corrects, if it is tied to one. */
  lineId: string | null;
  createdAt: string;
}

/** Everything one credit note writes, in one batch. */
export interface CreditNoteWrite {
  note: Omit<CreditNoteRecord, 'number'>;
  /** The statement's month's year: its number's sequence. */
  year: string;
  /** The group's revision it was computed from: a write to the group since aborts it. */
  fenceRevision: number;
  totalMinor: number;
  appliedMinor: number;
  /** The REFUND grant of `refunded`, when there is one. */
  refundGrant: NewCreditGrant | null;
  /** `credit_note.created`, with the number the batch gives. */
  events: NewEvent[];
}

/** Credit notes (owner: the credit-note routes). */
export interface CreditNoteStore {
  /**
   * Writes the note, its number, its REFUND grant and its events in one batch, and answers the
   * number. The database refuses it (ConflictError) when the statement was voided or carried forward
   * (`not-creditable`), when the notes would exceed its total (`credit-notes-exceed-total`), or when
   * a payment, close or other note of the group committed since `fenceRevision`
   * (`credit-note-inputs-changed`).
   */
  insertCreditNote(write: CreditNoteWrite): Promise<string>;
  /** The statement's credit notes, oldest first. */
  creditNotesOfStatement(tenantId: string, statementId: string): Promise<CreditNoteRecord[]>;
}
