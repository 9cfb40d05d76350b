import { type ConflictCode, ConflictError, type Currency } from '@billing/engine';
import type { CreditNoteRecord, CreditNoteStore } from '../ports/credit-notes';
import { creditGrantWrites } from './credits';
import { eventInsert } from './events';

interface CreditNoteRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  statement_id: string;
  number: string;
  currency: string;
  net: string;
  vat: string;
  total: string;
  applied: string;
  refunded: string;
  refund_grant_id: string | null;
  reason: string;
  line_id: string | null;
  created_at: string;
}

const toCreditNote = (row: CreditNoteRow): CreditNoteRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  statementId: row.statement_id,
  number: row.number,
  currency: row.currency,
  net: row.net,
  vat: row.vat,
  total: row.total,
  applied: row.applied,
  refunded: row.refunded,
  refundGrantId: row.refund_grant_id,
  reason: row.reason,
  lineId: row.line_id,
  createdAt: row.created_at,
});

/** The refusals the schema's triggers raise (0014_credit_notes.sql), as the API's conflicts. */
const CONFLICTS: Partial<Record<ConflictCode, string>> = {
  'not-creditable':
    'the statement was voided or carried forward meanwhile; credit the statement that carries it',
  'credit-notes-exceed-total':
    'another credit note of the statement committed meanwhile and left less to credit',
  'credit-note-inputs-changed':
    'a payment, close or credit note of the billing group committed meanwhile; try again',
};

export function d1CreditNoteStore(db: D1Database): CreditNoteStore {
  return {
    async insertCreditNote({ note, year, fenceRevision, totalMinor, appliedMinor, refundGrant, events }) {
      const writes = [
        db
          .prepare(
            `INSERT INTO document_sequences (tenant_id, kind, year, last) VALUES (?, 'CN', ?, 1)
             ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last = last + 1`,
          )
          .bind(note.tenantId, year),
        db
          .prepare(
            `INSERT INTO credit_notes (id, tenant_id, billing_group_id, statement_id, number, net, vat, total, total_minor,
               applied, applied_minor, refunded, refund_grant_id, reason, line_id, created_at, fence_revision)
             VALUES (?, ?, ?, ?,
               (SELECT 'CN-' || year || '-' || printf('%06d', last) FROM document_sequences
                WHERE tenant_id = ? AND kind = 'CN' AND year = ?),
               ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             RETURNING number`,
          )
          .bind(
            note.id,
            note.tenantId,
            note.billingGroupId,
            note.statementId,
            note.tenantId,
            year,
            note.net,
            note.vat,
            note.total,
            totalMinor,
            note.applied,
            appliedMinor,
            note.refunded,
            note.refundGrantId,
            note.reason,
            note.lineId,
            note.createdAt,
            fenceRevision,
          ),
        // After the note: a grant moves the group's revision, which the note's fence compares.
        ...(refundGrant ? creditGrantWrites(db, refundGrant, note.currency as Currency) : []),
        ...events.map((event) =>
          eventInsert(db, event, { numberOf: { table: 'credit_notes', id: note.id } }),
        ),
      ];
      try {
        const results = await db.batch(writes);
        const number = (results[1]?.results[0] as { number?: string } | undefined)?.number;
        if (!number) throw new Error(`credit note ${note.id} was stored without a number`);
        return number;
      } catch (error) {
        const message = String((error as Error)?.message ?? error);
        const code = (Object.keys(CONFLICTS) as ConflictCode[]).find((candidate) =>
          message.includes(candidate),
        );
        if (!code) throw error;
        throw new ConflictError(code, CONFLICTS[code] as string, { statementId: note.statementId });
      }
    },
    // In the order they were issued: by the rowid within a millisecond, as payments (./payments.ts).
    async creditNotesOfStatement(tenantId, statementId) {
      const { results } = await db
        .prepare(
          `SELECT n.id, n.tenant_id, n.billing_group_id, n.statement_id, n.number, s.currency, n.net, n.vat, n.total,
             n.applied, n.refunded, n.refund_grant_id, n.reason, n.line_id, n.created_at
           FROM credit_notes n JOIN statements s ON s.id = n.statement_id
           WHERE n.tenant_id = ? AND n.statement_id = ? ORDER BY n.created_at, n.rowid`,
        )
        .bind(tenantId, statementId)
        .all<CreditNoteRow>();
      return results.map(toCreditNote);
    },
  };
}
