import { ConflictError, type PaymentState } from '@billing/engine';
import type { NewPayment, PaymentRecord, PaymentStore } from '../ports/payments';
import { eventInsertIfChanged } from './events';
import { pageOf } from './paging';

interface PaymentRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  statement_id: string;
  amount: string;
  amount_minor: number;
  currency: string;
  state: string;
  method: string;
  source: string;
  failure_reason: string | null;
  provider_reference: string | null;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

/** Payment columns with the statement's currency; every query joins `statements s` for it. */
const PAYMENT_COLUMNS = `p.id, p.tenant_id, p.billing_group_id, p.statement_id, p.amount, p.amount_minor,
  s.currency, p.state, p.method, p.source, p.failure_reason, p.provider_reference, p.idempotency_key,
  p.created_at, p.updated_at`;
const FROM_PAYMENTS = 'FROM payments p JOIN statements s ON s.id = p.statement_id';

const toPayment = (row: PaymentRow): PaymentRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  statementId: row.statement_id,
  amount: row.amount,
  amountMinor: row.amount_minor,
  currency: row.currency,
  state: row.state as PaymentState,
  method: row.method,
  source: row.source,
  failureReason: row.failure_reason,
  providerReference: row.provider_reference,
  idempotencyKey: row.idempotency_key,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The trigger `payments_never_exceed_total` (0001_initial.sql) raises this message. */
const OVERPAYMENT = 'payment-exceeds-outstanding';

export function d1PaymentStore(db: D1Database): PaymentStore {
  const selectPayment = (tenantId: string, paymentId: string) =>
    db
      .prepare(`SELECT ${PAYMENT_COLUMNS} ${FROM_PAYMENTS} WHERE p.tenant_id = ? AND p.id = ?`)
      .bind(tenantId, paymentId)
      .first<PaymentRow>();

  return {
    async paymentsForStatement(tenantId, statementId) {
      const { results } = await db
        .prepare(
          `SELECT id, statement_id, amount, state FROM payments
           WHERE tenant_id = ? AND statement_id = ? ORDER BY created_at, rowid`,
        )
        .bind(tenantId, statementId)
        .all<{ id: string; statement_id: string; amount: string; state: string }>();
      return results.map((row) => ({
        paymentId: row.id,
        statementId: row.statement_id,
        amount: row.amount,
        state: row.state as PaymentState,
      }));
    },
    async insertPayment(payment: NewPayment) {
      try {
        await db
          .prepare(
            `INSERT INTO payments (id, tenant_id, billing_group_id, statement_id, amount, amount_minor, state,
               method, source, failure_reason, provider_reference, idempotency_key, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(
            payment.id,
            payment.tenantId,
            payment.billingGroupId,
            payment.statementId,
            payment.amount,
            payment.amountMinor,
            payment.state,
            payment.method,
            payment.source,
            payment.failureReason,
            payment.providerReference,
            payment.idempotencyKey,
            payment.createdAt,
            payment.updatedAt,
          )
          .run();
      } catch (error) {
        const message = String((error as Error)?.message ?? error);
        if (message.includes(OVERPAYMENT)) {
          throw new ConflictError(
            OVERPAYMENT,
            `a payment of ${payment.amount} would take the payments of statement ${payment.statementId} past its total`,
            { statementId: payment.statementId },
          );
        }
        if (message.includes('not-payable')) {
          throw new ConflictError(
            'not-payable',
            `statement ${payment.statementId} was voided or carried forward by a later statement meanwhile; pay the latest statement`,
            { statementId: payment.statementId },
          );
        }
        throw error;
      }
    },
    async getPayment(tenantId, paymentId) {
      const row = await selectPayment(tenantId, paymentId);
      return row && toPayment(row);
    },
    async listPayments(tenantId, statementId, page) {
      // Oldest first: keyset on (created_at, rowid), continuing after the cursor's payment. The rowid
      // is the order of the inserts, so payments made in one millisecond keep the order they were
      // made in (their ids are random); the index on created_at holds it as its last key.
      const where = 'WHERE p.tenant_id = ? AND p.statement_id = ?';
      const statement =
        page.after === null
          ? db
              .prepare(
                `SELECT ${PAYMENT_COLUMNS} ${FROM_PAYMENTS} ${where} ORDER BY p.created_at, p.rowid LIMIT ?`,
              )
              .bind(tenantId, statementId, page.limit + 1)
          : db
              .prepare(
                `SELECT ${PAYMENT_COLUMNS} ${FROM_PAYMENTS} ${where}
                   AND (p.created_at, p.rowid) > (SELECT created_at, rowid FROM payments WHERE tenant_id = ? AND id = ?)
                 ORDER BY p.created_at, p.rowid LIMIT ?`,
              )
              .bind(tenantId, statementId, tenantId, page.after, page.limit + 1);
      const { results } = await statement.all<PaymentRow>();
      return pageOf(results.map(toPayment), page);
    },
    async changePaymentState(tenantId, paymentId, from, change) {
      const update = db
        .prepare(
          `UPDATE payments SET state = ?, failure_reason = COALESCE(?, failure_reason),
             provider_reference = COALESCE(?, provider_reference), updated_at = ?
           WHERE tenant_id = ? AND id = ? AND state = ?
           RETURNING id`,
        )
        .bind(
          change.state,
          change.failureReason ?? null,
          change.providerReference ?? null,
          change.updatedAt,
          tenantId,
          paymentId,
          from,
        );
      // The event rides in the same batch, written only when the compare-and-set applied.
      const writes = change.event ? [update, eventInsertIfChanged(db, change.event)] : [update];
      // RETURNING, not meta.changes: D1 counts the rows the close fence's triggers touch too.
      const updated = await db
        .batch<{ id: string }>(writes)
        .then(([result]) => result?.results[0] ?? null)
        .catch((error: unknown) => {
          if (!String((error as Error)?.message ?? error).includes('carried-forward')) throw error;
          throw new ConflictError(
            'carried-forward',
            `payment ${paymentId}'s statement was carried forward by a later statement meanwhile; ` +
              'void the statement that carries it before refunding',
            { paymentId },
          );
        });
      if (!updated) return null;
      const row = await selectPayment(tenantId, paymentId);
      return row && toPayment(row);
    },
  };
}
