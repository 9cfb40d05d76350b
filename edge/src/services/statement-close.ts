import {
  assertClosable,
  assertMonthCanClose,
  ConflictError,
  closeStatement,
  compareMonths,
  Decimal,
  type Month,
  periodOf,
  planStatementVoid,
} from '@billing/engine';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/problem';
import { traceEngine } from '../observability/tracing';
import type { Storage } from '../storage/port';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';
import type { StatementRecord } from '../storage/ports/statements';
import { reportCreditAlertsAfter } from './credit-alerts';
import { newEvent, type OutboxNotifier } from './events';
import { clockOf } from './group-clock';
import { assembleStatementInput } from './statement-input';
import { standingOf, statementStandingToWire } from './wire-objects';

/**
 * What closing and voiding need: the tenant's storage, the host's clock and ids, and who to tell
 * once their events are written (absent: nobody; the scheduled sweep delivers them).
 */
export interface StatementContext {
  storage: Storage;
  deps: Pick<AppDeps, 'clock' | 'newId'>;
  outbox?: OutboxNotifier;
}

export { standingOf };

/**
 * How often a close reads its inputs again when writes keep landing between its snapshot and its
 * commit. Each retry only happens because another write committed, so a burst of writes delays a
 * close by a few reads; it cannot hold it off for ever unless writes never pause.
 */
const CLOSE_ATTEMPTS = 12;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Closes the group's statement of `month` (DOMAIN §6): months close in order, once; the statement,
 * its credit consumption and the carry-forward of the previous statement are written in one batch,
 * so a concurrent second close fails whole (409 `statement-closed`). The close fence (see
 * edge/STATEMENTS.md) makes it bill exactly the writes that committed before it: when one lands
 * between its snapshot and its batch, the batch aborts and the close starts over.
 */
export async function closeMonthOfGroup(
  context: StatementContext,
  group: BillingGroupRecord,
  month: Month,
  closeJobId: string | null = null,
): Promise<StatementRecord> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await closeFromOneSnapshot(context, group, month, closeJobId);
    } catch (error) {
      const inputsChanged = error instanceof ConflictError && error.code === 'close-inputs-changed';
      if (!inputsChanged || attempt === CLOSE_ATTEMPTS) throw error;
      // Spread the retries out so a steady stream of writes leaves a gap for the close to commit in.
      await pause(Math.min(50, 2 ** attempt) * Math.random());
    }
  }
}

async function closeFromOneSnapshot(
  context: StatementContext,
  knownGroup: BillingGroupRecord,
  month: Month,
  closeJobId: string | null,
): Promise<StatementRecord> {
  const { storage } = context;
  // The fence first, then everything it guards, the group's settings (and its clock) included.
  const fence = await storage.closeFence(knownGroup.tenantId, knownGroup.id);
  const group = (await storage.getBillingGroup(knownGroup.tenantId, knownGroup.id)) ?? knownGroup;
  const deps = clockOf(context.deps, group);
  const closedAt = deps.clock().toISOString();
  assertMonthStarted(month, closedAt);
  const [existing, months] = await Promise.all([
    storage.liveStatementForMonth(group.tenantId, group.id, month),
    storage.monthActivity(group.tenantId, group.id),
  ]);
  if (existing) assertClosable(standingOf(existing));
  assertMonthCanClose(month, months);
  const later = months.find((entry) => entry.closed && compareMonths(entry.month, month) > 0);
  if (later) {
    throw new ConflictError(
      'month-order',
      `${month} cannot close after ${later.month}, a later month, was closed; void ${later.month} first`,
      { laterMonth: later.month },
    );
  }
  const { input, previous, previousPayments } = await assembleStatementInput(storage, group, month, closedAt);
  if (previous && previousPayments.some((payment) => payment.state === 'PENDING')) {
    // Its outstanding amount is not known until the payment settles: carrying it now would bill the
    // pending amount twice if it succeeds, or drop it if it fails.
    throw new ApiError(
      409,
      'payment-pending',
      'The previous statement has a pending payment',
      `statement ${previous.id} (${previous.month}) has a pending payment; ${month} closes once it has settled`,
      { extensions: { previousStatementId: previous.id } },
    );
  }
  const closed = await traceEngine('closeStatement', () =>
    closeStatement(input, { statementId: deps.newId('st'), closedAt }),
  );
  // Only a statement with something left to pay is taken over; a paid one stays PAID.
  const carriesForward = previous && new Decimal(closed.result.unpaid).greaterThan(0) ? previous.id : null;
  const record: StatementRecord = {
    id: closed.statementId,
    // Given by the insert below, in the same batch; its event reads it from there.
    number: '',
    tenantId: group.tenantId,
    billingGroupId: group.id,
    month,
    closedAt,
    dueAt: closed.dueAt,
    voidedAt: null,
    total: closed.result.total,
    credited: '0',
    currency: closed.result.currency,
    carriedForwardBy: null,
    contentHash: closed.contentHash,
    closeJobId,
    closed,
  };
  const statement = statementStandingToWire(record, [], closedAt);
  record.number = await storage.insertClosedStatement({
    tenantId: group.tenantId,
    closed,
    fence,
    closeJobId,
    carriesForward,
    events: [newEvent(deps, group.tenantId, 'statement.closed', statement, `statement.closed:${record.id}`)],
  });
  await context.outbox?.wrote(group.tenantId);
  // The close spent credit: a grant it took below its threshold is reported now.
  if (closed.creditConsumption.length > 0) await reportCreditAlertsAfter(context, group);
  return record;
}

/**
 * Voids a closed statement (DOMAIN §6): its credits are released and the statement it carried
 * forward becomes payable on its own again, in one batch; the month is open again for a reissue.
 * Statements void newest first (a later statement's balance forward counts this one), and a
 * statement with payments is refunded before it is voided, so no payment is left on a dead statement.
 */
export async function voidClosedStatement(
  context: StatementContext,
  statement: StatementRecord,
): Promise<StatementRecord> {
  const { storage, deps } = context;
  const voidedAt = deps.clock().toISOString();
  const standing = standingOf(statement);
  const [latest, payments, ledger] = await Promise.all([
    storage.latestClosedStatement(statement.tenantId, statement.billingGroupId),
    storage.paymentsForStatement(statement.tenantId, statement.id),
    storage.statementLedger(statement.tenantId, statement.id),
  ]);
  const plan = planStatementVoid(standing, ledger, voidedAt);
  if (latest && latest.id !== statement.id && compareMonths(latest.month, statement.month) > 0) {
    throw new ConflictError(
      'month-order',
      `statement ${statement.id} (${statement.month}) is followed by ${latest.id} (${latest.month}); ` +
        `statements are voided newest first, so void ${latest.id} first`,
      { laterStatementId: latest.id, laterMonth: latest.month },
    );
  }
  const paying = payments.filter((payment) => payment.state === 'SUCCEEDED' || payment.state === 'PENDING');
  if (paying.length > 0) {
    throw new ApiError(
      409,
      'statement-has-payments',
      'The statement has payments',
      `statement ${statement.id} has ${paying.length} succeeded or pending payment(s); refund them before voiding it`,
      { extensions: { statementId: statement.id } },
    );
  }
  const voided = { ...statement, voidedAt };
  // Nothing is paid on a statement that voids (the check above), so its standing needs no payments.
  const wire = statementStandingToWire(voided, [], voidedAt);
  await storage.voidStatement({
    tenantId: statement.tenantId,
    statement,
    voidedAt,
    releases: plan.releases,
    events: [
      newEvent(deps, statement.tenantId, 'statement.voided', wire, `statement.voided:${statement.id}`),
    ],
  });
  await context.outbox?.wrote(statement.tenantId);
  return voided;
}

/** A month closes once it has begun; closing a month ahead would let later usage skip its statement. */
export function assertMonthStarted(month: Month, now: string): void {
  if (periodOf(month).start > Date.parse(now)) {
    throw new ApiError(
      409,
      'month-not-started',
      'The month has not begun',
      `${month} has not begun yet; a month closes once it has started`,
      { extensions: { month } },
    );
  }
}
