import {
  ConflictError,
  type Currency,
  creditNoteAmounts,
  Decimal,
  formatMoney,
  outstandingAmount,
  settleCreditNote,
  toMinorUnits,
  ValidationError,
} from '@billing/engine';
import { ApiError, notFound } from '../http/problem';
import type { CreditNoteRecord } from '../storage/ports/credit-notes';
import type { StatementRecord } from '../storage/ports/statements';
import { parseChargeAmount } from './credit-parsing';
import { newEvent } from './events';
import { clockOf } from './group-clock';
import type { StatementContext } from './statement-close';
import { standingOf } from './wire-objects';

export interface CreditNoteRequest {
  net: string;
  reason: string;
  lineId?: string | null | undefined;
}

/** How often a credit note is computed again when writes to its group keep landing before its commit. */
const ATTEMPTS = 5;

export const creditNoteToWire = (note: CreditNoteRecord) => ({
  id: note.id,
  number: note.number,
  statementId: note.statementId,
  billingGroupId: note.billingGroupId,
  currency: note.currency as Currency,
  net: note.net,
  vat: note.vat,
  total: note.total,
  applied: note.applied,
  refunded: note.refunded,
  refundGrantId: note.refundGrantId,
  reason: note.reason,
  lineId: note.lineId,
  createdAt: note.createdAt,
});

/**
 * Credits a closed statement (DOMAIN §6): VAT at its rate and rounding point, the part within its
 * outstanding amount lowers it, the rest becomes a REFUND grant of its group; all in one batch with
 * the note's number and `credit_note.created`. Computed from a snapshot of the group (its close
 * fence revision, read first): a payment, close or other note that commits before the batch aborts
 * it, and it is computed again.
 */
export async function createCreditNote(
  context: StatementContext,
  statementId: string,
  tenantId: string,
  request: CreditNoteRequest,
): Promise<CreditNoteRecord> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await creditFromOneSnapshot(context, statementId, tenantId, request);
    } catch (error) {
      const stale = error instanceof ConflictError && error.code === 'credit-note-inputs-changed';
      if (!stale || attempt === ATTEMPTS) throw error;
    }
  }
}

async function creditFromOneSnapshot(
  context: StatementContext,
  statementId: string,
  tenantId: string,
  request: CreditNoteRequest,
): Promise<CreditNoteRecord> {
  const { storage } = context;
  const known = await storage.getStatement(tenantId, statementId);
  if (!known) throw notFound('statement', statementId);
  const fence = await storage.closeFence(tenantId, known.billingGroupId);
  const statement = (await storage.getStatement(tenantId, statementId)) as StatementRecord;
  assertCreditable(statement);
  const currency = statement.currency as Currency;
  const { result } = statement.closed;
  const net = parseChargeAmount('net', request.net, currency, { positive: true });
  const lineId = request.lineId ?? null;
  const issues = [];
  if (lineId !== null && !result.lines.some((line) => line.lineId === lineId)) {
    issues.push({
      field: 'lineId',
      rule: 'unknown-line',
      message: `no usage line ${lineId} on statement ${statement.id}`,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const [payments, notes, group] = await Promise.all([
    storage.paymentsForStatement(tenantId, statement.id),
    storage.creditNotesOfStatement(tenantId, statement.id),
    storage.getBillingGroup(tenantId, statement.billingGroupId),
  ]);
  // A group on a test clock gets its note, and its refund grant, in the clock's time (DOMAIN §8a).
  const deps = group ? clockOf(context.deps, group) : context.deps;
  if (payments.some((payment) => payment.state === 'PENDING')) {
    throw new ApiError(
      409,
      'payment-pending',
      'The statement has a pending payment',
      `statement ${statement.id} has a pending payment; its outstanding amount is known once it settles`,
      { extensions: { statementId: statement.id } },
    );
  }
  const facts = {
    currency,
    vatRate: result.vatRate,
    roundingMode: result.roundingMode,
    total: statement.total,
  };
  const amounts = creditNoteAmounts(net, facts);
  const settlement = settleCreditNote(
    facts,
    notes.map((note) => note.total),
    amounts,
    outstandingAmount(standingOf(statement), payments),
  );
  const now = deps.clock().toISOString();
  const id = deps.newId('cn');
  const refunded = new Decimal(settlement.refunded);
  const refundGrant = refunded.greaterThan(0)
    ? {
        id: deps.newId('cg'),
        tenantId,
        billingGroupId: statement.billingGroupId,
        type: 'REFUND' as const,
        amount: formatMoney(refunded, currency),
        priority: null,
        expiresAt: null,
        grantedAt: now,
        campaignId: null,
        name: `Credit note ${id}`,
        createdAt: now,
        lowBalanceThreshold: null,
      }
    : null;
  const note: Omit<CreditNoteRecord, 'number'> = {
    id,
    tenantId,
    billingGroupId: statement.billingGroupId,
    statementId: statement.id,
    currency,
    ...amounts,
    applied: settlement.applied,
    refunded: settlement.refunded,
    refundGrantId: refundGrant?.id ?? null,
    reason: request.reason,
    lineId,
    createdAt: now,
  };
  const minor = (amount: string) => Number(toMinorUnits(new Decimal(amount), currency, 'HALF_UP'));
  const number = await storage.insertCreditNote({
    note,
    year: statement.month.slice(0, 4),
    fenceRevision: fence.revision,
    totalMinor: minor(amounts.total),
    appliedMinor: minor(settlement.applied),
    refundGrant,
    events: [newEvent(deps, tenantId, 'credit_note.created', creditNoteToWire({ ...note, number: '' }))],
  });
  await context.outbox?.wrote(tenantId);
  return { ...note, number };
}

function assertCreditable(statement: StatementRecord): void {
  if (statement.voidedAt) {
    throw new ConflictError(
      'not-creditable',
      `statement ${statement.id} is void; a void statement takes no credit note`,
      {
        statementId: statement.id,
      },
    );
  }
  if (statement.carriedForwardBy) {
    throw new ConflictError(
      'not-creditable',
      `statement ${statement.id} was carried forward into ${statement.carriedForwardBy}; credit that statement instead`,
      { statementId: statement.id, carriedForwardBy: statement.carriedForwardBy },
    );
  }
}
