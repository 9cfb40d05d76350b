import fc from 'fast-check';
import type { Adjustment, CreditGrant } from '../regression/billing-month';
import { oracleCreditNote, oracleLargestNet } from '../regression/oracle/credit-notes';
import { type APIResponse, expect } from '../support/api-test';
import {
  type BillingModel,
  CONTRACTS,
  COUNTERS,
  type ContractKey,
  closeRefusal,
  creditNotesTotal,
  differencesFromOracle,
  expectedState,
  expectedStatement,
  freshId,
  hasActivity,
  isClosed,
  isCreditable,
  latestLiveStatement,
  liveStatementOf,
  liveStatements,
  MONTHS,
  type ModelGroup,
  type ModelMonth,
  type ModelStatement,
  minorOfWire,
  monthIndex,
  monthOf,
  NUMBER_YEAR,
  outstanding,
  PROJECTS,
  recordClose,
  recordVoid,
  type WireEvent,
  wireOfMinor,
} from './billing-model';
import type { BillingSystem, CreditNoteBody, ModelStatementBody, Verdict } from './billing-system';

type ModelCommand = fc.AsyncCommand<BillingModel, BillingSystem, false>;

/** Volumes chosen so that lines land on halves and long fractions (12.5 × 397 = 4962.5). */
export const VOLUMES = ['0.5', '1', '2.25', '10.1', '12.5', '33.333', '100'] as const;

/** The answer's JSON, after asserting its status (and problem type, for a refusal). */
export async function expectAnswer<T = Record<string, unknown>>(
  response: APIResponse,
  status: number,
  what: string,
  problem?: string,
): Promise<T> {
  const body = await response.json().catch(() => null);
  expect(response.status(), `${what}: ${JSON.stringify(body)}`).toBe(status);
  if (problem) expect(body?.type, `${what}: ${JSON.stringify(body)}`).toBe(`/problems/${problem}`);
  return body as T;
}

/** A statement the edge answered must bill exactly what the oracle bills from the model's inputs. */
function expectOracleFigures(body: ModelStatementBody, statement: ModelStatement, what: string) {
  const differences = differencesFromOracle(body.result, statement.expected, statement.quantities);
  expect(differences, `${what} (${body.statementId}) disagrees with the oracle`).toEqual([]);
}

const groupOf = (model: BillingModel, index: number) =>
  model.groups[index % model.groups.length] as ModelGroup;

// ---------------------------------------------------------------------------------------------
// Usage

export type EventSpec =
  | {
      kind: 'fresh';
      month: ModelMonth;
      day: number;
      projectId: string;
      counter: number;
      volume: string;
      resourceId: string | null;
    }
  | { kind: 'duplicate' | 'changed'; pick: number; volume: string }
  /** A new event of a stored event's series in another counter type or unit: never billed. */
  | { kind: 'mismatched'; pick: number; volume: string; change: 'unit' | 'counterType' };

function freshEvent(model: BillingModel, spec: Extract<EventSpec, { kind: 'fresh' }>): WireEvent {
  const counter = COUNTERS[spec.counter % COUNTERS.length] as (typeof COUNTERS)[number];
  return {
    eventId: freshId(model, 'ev'),
    projectId: spec.projectId,
    counterName: counter.counterName,
    counterType: 'DELTA',
    unit: counter.unit,
    volume: spec.volume,
    timestamp: `${spec.month}-${String(spec.day).padStart(2, '0')}T${String(spec.day % 24).padStart(2, '0')}:00:00Z`,
    resourceId: spec.resourceId,
  };
}

/** What the edge must answer for each event of a batch sent on its own, from the model alone. */
function plannedBatch(model: BillingModel, group: ModelGroup, specs: readonly EventSpec[]) {
  const stored = [...group.events.values()];
  const used = new Set<string>();
  return specs.map((spec) => {
    const original = spec.kind === 'fresh' ? undefined : stored[spec.pick % Math.max(1, stored.length)];
    if (spec.kind === 'fresh' || !original || used.has(original.eventId)) {
      const fresh = spec.kind === 'fresh' ? spec : { ...FALLBACK_FRESH, volume: spec.volume };
      const event = freshEvent(model, fresh);
      const closed = isClosed(group, monthOf(event.timestamp));
      return { event, expected: closed ? 'period-closed' : 'accepted' } as const;
    }
    if (spec.kind === 'mismatched') {
      const event =
        spec.change === 'unit'
          ? {
              ...original,
              eventId: freshId(model, 'ev'),
              unit: `${original.unit}-OTHER`,
              volume: spec.volume,
            }
          : {
              ...original,
              eventId: freshId(model, 'ev'),
              counterType: 'GAUGE' as const,
              volume: spec.volume,
            };
      const closed = isClosed(group, monthOf(event.timestamp));
      return { event, expected: closed ? 'period-closed' : 'inconsistent-series' } as const;
    }
    used.add(original.eventId);
    if (spec.kind === 'duplicate') return { event: { ...original }, expected: 'duplicate' } as const;
    const volume = spec.volume === original.volume ? `${original.volume}1` : spec.volume;
    return { event: { ...original, volume }, expected: 'conflict' } as const;
  });
}

const FALLBACK_FRESH = {
  kind: 'fresh',
  month: '2026-11',
  day: 3,
  projectId: 'p-a',
  counter: 0,
  resourceId: null,
} as const;

const verdictMatches = (verdict: Verdict | undefined, expected: string) =>
  expected === 'accepted' || expected === 'duplicate'
    ? verdict?.verdict === expected
    : verdict?.verdict === 'rejected' && verdict.reason === expected;

class IngestCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly specs: readonly EventSpec[],
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const planned = plannedBatch(model, group, this.specs);
    const body = await expectAnswer<{ verdicts: Verdict[] }>(
      await system.ingest(
        group.id,
        planned.map((entry) => entry.event),
      ),
      200,
      'ingest a batch',
    );
    planned.forEach((entry, index) => {
      const verdict = body.verdicts[index];
      expect(
        verdictMatches(verdict, entry.expected),
        `event ${entry.event.eventId} (${entry.event.timestamp}, ${entry.event.volume}) should be ${entry.expected}, was ${JSON.stringify(verdict)}`,
      ).toBe(true);
      if (entry.expected === 'accepted') group.events.set(entry.event.eventId, entry.event);
    });
  }
  toString() {
    return `ingest into group ${this.groupIndex}: ${this.specs.map(describeSpec).join(' + ')}`;
  }
}

const describeSpec = (spec: EventSpec) =>
  spec.kind === 'fresh'
    ? `${spec.volume} ${COUNTERS[spec.counter % COUNTERS.length]?.counterName} of ${spec.projectId} on ${spec.month}-${spec.day}`
    : spec.kind === 'mismatched'
      ? `another ${spec.change} for the series of #${spec.pick}`
      : `${spec.kind} #${spec.pick}${spec.kind === 'changed' ? ` (volume ${spec.volume})` : ''}`;

// ---------------------------------------------------------------------------------------------
// Adjustments, credits, contracts

export type AdjustmentSpec = Omit<Adjustment, 'id'> & { month: ModelMonth };

class AdjustCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly spec: AdjustmentSpec,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const response = await system.adjust(group.id, this.spec);
    if (isClosed(group, this.spec.month)) {
      await expectAnswer(response, 409, `adjust closed ${this.spec.month}`, 'period-closed');
      return;
    }
    const created = await expectAnswer<{ id: string }>(response, 201, `adjust ${this.spec.month}`);
    const { month, ...adjustment } = this.spec;
    group.adjustments.set(created.id, { month, adjustment: { ...adjustment, id: created.id } });
  }
  toString() {
    const { month, type, method, value, level, targetProjectId } = this.spec;
    return `adjust group ${this.groupIndex} ${month}: ${type} ${method} ${value} on ${level === 'PROJECT' ? targetProjectId : 'the group'}`;
  }
}

class DeleteAdjustmentCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly pick: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const ids = [...group.adjustments.keys()];
    const id = ids[this.pick % Math.max(1, ids.length)];
    if (id === undefined) return;
    const entry = group.adjustments.get(id);
    const response = await system.deleteAdjustment(group.id, id);
    if (entry && isClosed(group, entry.month)) {
      await expectAnswer(response, 409, `delete an adjustment of closed ${entry.month}`, 'period-closed');
      return;
    }
    expect(response.status(), `delete adjustment ${id}`).toBe(204);
    group.adjustments.delete(id);
  }
  toString() {
    return `delete adjustment #${this.pick} of group ${this.groupIndex}`;
  }
}

export type GrantSpec = Omit<CreditGrant, 'id' | 'balance'>;

class GrantCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly spec: GrantSpec,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const granted = await expectAnswer<{ id: string; balance: string }>(
      await system.grant(group.id, this.spec),
      201,
      'grant credit',
    );
    expect(minorOfWire(granted.balance), 'a new grant holds its whole amount').toBe(
      minorOfWire(this.spec.amount),
    );
    group.grants.push({
      ...this.spec,
      id: granted.id,
      balance: this.spec.amount,
      balanceMinor: minorOfWire(this.spec.amount),
      voided: false,
    });
  }
  toString() {
    const { type, amount, priority, grantedAt, expiresAt } = this.spec;
    return `grant group ${this.groupIndex} ${amount} ${type} (priority ${priority ?? 'default'}; granted ${grantedAt}; expires ${expiresAt ?? 'never'})`;
  }
}

class VoidGrantCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly pick: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const grant = group.grants[this.pick % Math.max(1, group.grants.length)];
    if (!grant) return;
    const response = await system.voidGrant(group.id, grant.id);
    if (grant.voided) {
      await expectAnswer(response, 409, `void voided grant ${grant.id}`, 'credit-grant-voided');
      return;
    }
    const voided = await expectAnswer<{ balance: string }>(response, 200, `void grant ${grant.id}`);
    expect(minorOfWire(voided.balance), 'a voided grant keeps nothing').toBe(0n);
    grant.voided = true;
    grant.balanceMinor = 0n;
  }
  toString() {
    return `void credit grant #${this.pick} of group ${this.groupIndex}`;
  }
}

const overlaps = (
  a: { startMonth: string; endMonth: string | null },
  b: { startMonth: string; endMonth: string | null },
) =>
  monthIndex(a.startMonth) <= (b.endMonth === null ? 99 : monthIndex(b.endMonth)) &&
  monthIndex(b.startMonth) <= (a.endMonth === null ? 99 : monthIndex(a.endMonth));

class AssignContractCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly contract: ContractKey,
    readonly startMonth: ModelMonth,
    readonly endMonth: ModelMonth | null,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const range = { startMonth: this.startMonth, endMonth: this.endMonth };
    const response = await system.assignContract(group.id, {
      contractId: model.contractIds[this.contract],
      ...range,
    });
    if (isClosed(group, this.startMonth)) {
      await expectAnswer(response, 409, `assign a contract from closed ${this.startMonth}`, 'period-closed');
    } else if (group.assignments.some((assignment) => overlaps(assignment, range))) {
      await expectAnswer(response, 409, 'assign an overlapping contract', 'contract-overlap');
    } else {
      await expectAnswer(response, 201, 'assign a contract');
      group.assignments.push({ contract: this.contract, ...range });
    }
  }
  toString() {
    return `assign contract ${this.contract} to group ${this.groupIndex} from ${this.startMonth} to ${this.endMonth ?? 'open end'}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Closing

/** Closes the month, or checks the refusal the model predicts. */
async function closeAndCheck(
  model: BillingModel,
  system: BillingSystem,
  group: ModelGroup,
  month: ModelMonth,
) {
  const refusal = closeRefusal(group, month);
  const response = await system.close(group.id, month);
  if (refusal) {
    await expectAnswer(response, 409, `close ${month} of group ${group.index}`, refusal);
    return;
  }
  const body = await expectAnswer<ModelStatementBody>(
    response,
    201,
    `close ${month} of group ${group.index}`,
  );
  expectOracleFigures(body, recordClose(model, group, month, body), `closed ${month}`);
}

class CloseCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly month: ModelMonth,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    await closeAndCheck(model, system, groupOf(model, this.groupIndex), this.month);
  }
  toString() {
    return `close ${this.month} of group ${this.groupIndex}`;
  }
}

class CloseMonthJobCommand implements ModelCommand {
  constructor(readonly month: ModelMonth) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const candidates = model.groups.filter((group) => hasActivity(group, this.month));
    const alreadyClosed = candidates.filter((group) => liveStatementOf(group, this.month));
    const toClose = candidates.filter((group) => !liveStatementOf(group, this.month));
    const closing = toClose.filter((group) => closeRefusal(group, this.month) === null);
    const started = await system.startCloseMonthJob(this.month);
    expect([200, 202], `start the close-month job of ${this.month}`).toContain(started.status());
    const { id } = (await started.json()) as { id: string };
    await expect
      .poll(async () => (await system.job(id)).status, { timeout: 20_000, intervals: [50, 100, 250] })
      .not.toBe('RUNNING');
    const job = await system.job(id);
    const failed = toClose.length - closing.length;
    expect(job, `the close-month job of ${this.month}`).toMatchObject({
      status: failed > 0 ? 'FAILED' : 'SUCCEEDED',
      total: candidates.length,
      done: alreadyClosed.length + closing.length,
      failed,
    });
    for (const group of closing) {
      const body = await system.statementOfMonth(group.id, this.month);
      expect(body.closedAt, `the job closed ${this.month} of group ${group.index}`).not.toBeNull();
      const statement = recordClose(model, group, this.month, body);
      expectOracleFigures(body, statement, `${this.month} closed by the job`);
    }
  }
  toString() {
    return `run the close-month job for ${this.month}`;
  }
}

export type BurstEvent = Extract<EventSpec, { kind: 'fresh' }>;

/** Concurrent ingest streams around a burst's close. */
const STREAMS = 4;

/**
 * A close racing ingest batches (and an adjustment): the model cannot know which writes land before
 * the close's snapshot, so it learns from the answers. Whatever was answered accepted (201) must be
 * in the statement; whatever was refused must be refused for the closed period and nowhere billed.
 */
class BurstCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly month: ModelMonth,
    readonly batches: readonly (readonly BurstEvent[])[],
    readonly adjustment: AdjustmentSpec | null,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const refusal = closeRefusal(group, this.month);
    const closedBefore = new Map(MONTHS.map((month) => [month, isClosed(group, month)]));
    // Only this month and later ones: an event of an earlier month could block the close itself.
    const batches = this.batches.map((batch) =>
      batch.map((spec) => freshEvent(model, { ...spec, month: laterOrSame(spec.month, this.month) })),
    );
    const adjustment = this.adjustment && { ...this.adjustment, month: this.month };
    // STREAMS streams of batches, each batch sent as soon as the one before it is answered, so that
    // writes keep arriving through the whole close: before its snapshot, inside it, after its commit.
    const stream = async (lane: number) => {
      const answers: [number, APIResponse][] = [];
      for (const [index, batch] of batches.entries()) {
        if (index % STREAMS === lane) answers.push([index, await system.ingest(group.id, batch)]);
      }
      return answers;
    };
    const [closeAnswer, adjustAnswer, ...lanes] = await Promise.all([
      system.close(group.id, this.month),
      adjustment ? system.adjust(group.id, adjustment) : Promise.resolve(undefined),
      ...Array.from({ length: STREAMS }, (_, lane) => stream(lane)),
    ]);
    const ingestAnswers = new Map(lanes.flat() as [number, APIResponse][]);

    const closed = refusal === null;
    if (closed) await expectAnswer(closeAnswer, 201, `close ${this.month} in a burst`);
    else await expectAnswer(closeAnswer, 409, `close ${this.month} in a burst`, refusal);
    const mayBeRefused = (month: string) =>
      closedBefore.get(month as ModelMonth) === true ||
      (closed && monthIndex(month) <= monthIndex(this.month));

    for (const [index, batch] of batches.entries()) {
      const answer = ingestAnswers.get(index) as APIResponse;
      const body = await expectAnswer<{ verdicts: Verdict[] }>(answer, 200, 'ingest racing a close');
      batch.forEach((event, position) => {
        const verdict = body.verdicts[position];
        const month = monthOf(event.timestamp);
        if (closedBefore.get(month as ModelMonth)) {
          expect(verdictMatches(verdict, 'period-closed'), `${event.eventId} of closed ${month}`).toBe(true);
          return;
        }
        const acceptable = mayBeRefused(month)
          ? verdictMatches(verdict, 'accepted') || verdictMatches(verdict, 'period-closed')
          : verdictMatches(verdict, 'accepted');
        expect(acceptable, `${event.eventId} (${month}) answered ${JSON.stringify(verdict)}`).toBe(true);
        if (verdict?.verdict === 'accepted') group.events.set(event.eventId, event);
      });
    }
    if (adjustment && adjustAnswer) {
      if (adjustAnswer.status() === 201 || !mayBeRefused(this.month)) {
        const created = await expectAnswer<{ id: string }>(adjustAnswer, 201, 'adjust racing a close');
        const { month, ...rest } = adjustment;
        group.adjustments.set(created.id, { month, adjustment: { ...rest, id: created.id } });
      } else {
        await expectAnswer(adjustAnswer, 409, 'adjust racing a close', 'period-closed');
      }
    }
    if (closed) {
      const body = (await closeAnswer.json()) as ModelStatementBody;
      const statement = recordClose(model, group, this.month, body);
      expectOracleFigures(body, statement, `${this.month} closed in a burst (accepted means billed)`);
    }
  }
  toString() {
    const sizes = this.batches.map((batch) => batch.length).join('+');
    return `burst on group ${this.groupIndex}: close ${this.month} racing ${sizes} events${this.adjustment ? ' and an adjustment' : ''}`;
  }
}

const laterOrSame = (month: ModelMonth, floor: ModelMonth) =>
  monthIndex(month) < monthIndex(floor) ? floor : month;

// ---------------------------------------------------------------------------------------------
// Void and reissue, payments, reads

async function refundAll(
  model: BillingModel,
  system: BillingSystem,
  group: ModelGroup,
  statement: ModelStatement,
) {
  for (const payment of group.payments) {
    if (payment.statementId !== statement.id || payment.state !== 'SUCCEEDED') continue;
    const refunded = await expectAnswer<{ state: string }>(
      await system.refund(payment.id, freshId(model, `refund-${crypto.randomUUID()}`)),
      200,
      `refund ${payment.id}`,
    );
    expect(refunded.state).toBe('REFUNDED');
    payment.state = 'REFUNDED';
    statement.paid -= payment.amount;
  }
}

class VoidReissueCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly reissue: boolean,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const latest = latestLiveStatement(group);
    if (!latest) return;
    const older = liveStatements(group).find((statement) => statement !== latest);
    if (older) {
      await expectAnswer(
        await system.voidStatement(older.id),
        409,
        `void ${older.month} before ${latest.month}`,
        'month-order',
      );
    }
    if (latest.paid > 0n) {
      await expectAnswer(
        await system.voidStatement(latest.id),
        409,
        `void ${latest.month} with payments`,
        'statement-has-payments',
      );
      await refundAll(model, system, group, latest);
    }
    const voided = await expectAnswer<{ state: string }>(
      await system.voidStatement(latest.id),
      200,
      `void ${latest.month}`,
    );
    expect(voided.state).toBe('VOID');
    recordVoid(group, latest);
    if (this.reissue) await closeAndCheck(model, system, group, latest.month);
  }
  toString() {
    return `void the newest statement of group ${this.groupIndex}${this.reissue ? ' and reissue it' : ''}`;
  }
}

class PayCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly mode: 'racing-keys' | 'partial',
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const latest = latestLiveStatement(group);
    const superseded = liveStatements(group).find((statement) => statement !== latest);
    if (superseded) {
      const refused = await system.pay(superseded.id, '1', freshId(model, `pay-${crypto.randomUUID()}`));
      expect(refused.status(), `pay superseded ${superseded.month}`).toBe(409);
    }
    if (!latest || outstanding(latest) <= 0n) return;
    const owed = outstanding(latest);
    if (this.mode === 'partial') {
      const amount = wireOfMinor(owed / 2n > 0n ? owed / 2n : owed);
      const key = freshId(model, `pay-${crypto.randomUUID()}`);
      const paid = await expectAnswer<{ id: string; state: string; amount: string }>(
        await system.pay(latest.id, amount, key),
        201,
        `pay ${amount} of ${latest.month}`,
      );
      expect(paid.state).toBe('SUCCEEDED');
      const again = await expectAnswer<{ id: string }>(
        await system.pay(latest.id, amount, key),
        201,
        'pay again',
      );
      expect(again.id, 'the same key and body answer the same payment').toBe(paid.id);
      await expectAnswer(await system.pay(latest.id, '1', key), 409, 'reuse a key', 'idempotency-key-reuse');
      this.record(group, latest, paid.id, minorOfWire(amount));
      return;
    }
    const [keyA, keyB] = [
      freshId(model, `pay-${crypto.randomUUID()}`),
      freshId(model, `pay-${crypto.randomUUID()}`),
    ];
    const whole = wireOfMinor(owed);
    const answers = await Promise.all([
      system.pay(latest.id, whole, keyA),
      system.pay(latest.id, whole, keyB),
      system.pay(latest.id, whole, keyA),
    ]);
    const bodies = await Promise.all(
      answers.map((answer) => answer.json() as Promise<{ id?: string; state?: string }>),
    );
    const statuses = answers.map((answer) => answer.status());
    const winners = new Set(bodies.filter((_, index) => statuses[index] === 201).map((body) => body.id));
    expect(
      statuses.every((status) => status === 201 || status === 409),
      `racing payments: ${statuses}`,
    ).toBe(true);
    expect(winners.size, `racing payments of the whole ${whole}: ${JSON.stringify(bodies)}`).toBe(1);
    const [winner] = [...winners];
    this.record(group, latest, winner ?? '', owed);
  }
  private record(group: ModelGroup, statement: ModelStatement, id: string, amount: bigint) {
    group.payments.push({ id, statementId: statement.id, amount, state: 'SUCCEEDED' });
    statement.paid += amount;
  }
  toString() {
    return `pay the newest statement of group ${this.groupIndex} (${this.mode})`;
  }
}

class RefundCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly pick: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const latest = latestLiveStatement(group);
    const refundable = group.payments.filter(
      (payment) => payment.state === 'SUCCEEDED' && payment.statementId === latest?.id,
    );
    const payment = refundable[this.pick % Math.max(1, refundable.length)];
    if (!payment || !latest) return;
    const refunded = await expectAnswer<{ state: string }>(
      await system.refund(payment.id, freshId(model, `refund-${crypto.randomUUID()}`)),
      200,
      `refund ${payment.id}`,
    );
    expect(refunded.state).toBe('REFUNDED');
    payment.state = 'REFUNDED';
    latest.paid -= payment.amount;
  }
  toString() {
    return `refund payment #${this.pick} of group ${this.groupIndex}`;
  }
}

/** Reads a month: a closed one is what its close answered, an open one is the oracle's draft now. */
class ReadCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly month: ModelMonth,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const body = await system.statementOfMonth(group.id, this.month);
    const live = liveStatementOf(group, this.month);
    if (live) {
      expect(body.statementId).toBe(live.id);
      expectOracleFigures(body, live, `closed ${this.month}`);
      expectStandingOf(body, live, `${this.month} of group ${group.index}`);
      return;
    }
    if (isClosed(group, this.month)) return;
    expect(body.state, `${this.month} is open`).toBe('DRAFT');
    const draft = expectedStatement(model, group, this.month);
    const differences = differencesFromOracle(body.result, draft.expected, draft.quantities);
    expect(differences, `the draft of ${this.month} disagrees with the oracle`).toEqual([]);
  }
  toString() {
    return `read ${this.month} of group ${this.groupIndex}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Credit notes

/** The facts the oracle computes a credit note of the statement with: every group is KRW at 10%. */
const creditable = (group: ModelGroup, statement: ModelStatement) => ({
  currency: 'KRW' as const,
  vatRate: '10',
  roundingMode: group.roundingMode,
  total: statement.expected.total,
});

/** What is left of the statement's total for credit notes. */
const leftToCredit = (statement: ModelStatement) => statement.expected.total - creditNotesTotal(statement);

/** The oracle's verdict on a new note of `net` on the statement, as the model knows it now. */
const oracleVerdict = (group: ModelGroup, statement: ModelStatement, net: string) =>
  oracleCreditNote(net, creditable(group, statement), creditNotesTotal(statement), outstanding(statement));

/** A net whose total with VAT is the largest that fits in `share`% of `room` (at least 1 won). */
function netFor(group: ModelGroup, statement: ModelStatement, room: bigint, share: number): string {
  const net = oracleLargestNet((room * BigInt(share)) / 100n, creditable(group, statement));
  return wireOfMinor(net > 0n ? net : 1n);
}

const smaller = (a: bigint, b: bigint) => (a < b ? a : b);

/** The standing a statement's answer must show: credited, paid, outstanding and state, by the model. */
export function expectStandingOf(
  body: Pick<ModelStatementBody, 'credited' | 'paid' | 'outstanding' | 'state' | 'statementId'>,
  statement: ModelStatement,
  what: string,
) {
  const standing = {
    credited: minorOfWire(body.credited),
    paid: minorOfWire(body.paid),
    ...(statement.live ? { outstanding: minorOfWire(body.outstanding) } : {}),
    state: body.state,
  };
  expect(standing, `the standing of ${what} (${body.statementId})`).toEqual({
    credited: statement.credited,
    paid: statement.paid,
    ...(statement.live ? { outstanding: outstanding(statement) } : {}),
    state: expectedState(statement),
  });
}

function recordPayment(group: ModelGroup, statement: ModelStatement, id: string, amount: bigint) {
  group.payments.push({ id, statementId: statement.id, amount, state: 'SUCCEEDED' });
  statement.paid += amount;
}

/**
 * A credit note the edge accepted: its figures must be the oracle's for the statement as the model
 * knows it (VAT at 10% in the group's rounding mode; applied up to the outstanding amount, the excess
 * refunded), and a refund must be a REFUND grant of exactly the excess. Then the model takes it.
 */
async function recordCreditNote(
  system: BillingSystem,
  group: ModelGroup,
  statement: ModelStatement,
  note: CreditNoteBody,
  what: string,
) {
  const verdict = oracleVerdict(group, statement, note.net);
  expect(
    verdict.accepted,
    `${what}: the edge accepted net ${note.net} (total ${note.total}) with ${leftToCredit(statement)} of ${statement.expected.total} left to credit`,
  ).toBe(true);
  if (!verdict.accepted) return;
  const figures = (entry: { vat: bigint; total: bigint; applied: bigint; refunded: bigint }) => entry;
  expect(
    figures({
      vat: minorOfWire(note.vat),
      total: minorOfWire(note.total),
      applied: minorOfWire(note.applied),
      refunded: minorOfWire(note.refunded),
    }),
    `${what}: credit note ${note.number} of net ${note.net} against the oracle (outstanding was ${outstanding(statement)})`,
  ).toEqual(
    figures({
      vat: verdict.amounts.vat,
      total: verdict.amounts.total,
      applied: verdict.applied,
      refunded: verdict.refunded,
    }),
  );
  expect(note.number, `${what}: the note's number`).toMatch(new RegExp(`^CN-${NUMBER_YEAR}-\\d{6}$`));
  if (verdict.refunded > 0n) {
    const grant = await system.grantOf(group.id, note.refundGrantId ?? '');
    expect(
      grant,
      `${what}: the REFUND grant is exactly the excess over the outstanding amount`,
    ).toMatchObject({
      type: 'REFUND',
      amount: wireOfMinor(verdict.refunded),
    });
    group.grants.push({
      id: grant.id,
      type: 'REFUND',
      amount: wireOfMinor(verdict.refunded),
      balance: wireOfMinor(verdict.refunded),
      priority: null,
      expiresAt: null,
      // Granted now, after every model month ended: no statement of theirs can use it.
      grantedAt: note.createdAt,
      balanceMinor: verdict.refunded,
      voided: false,
    });
  } else {
    expect(note.refundGrantId, `${what}: nothing refunded, so no grant`).toBeNull();
  }
  statement.creditNotes.push({
    id: note.id,
    number: note.number,
    total: verdict.amounts.total,
    applied: verdict.applied,
    refunded: verdict.refunded,
    refundGrantId: note.refundGrantId,
  });
  statement.credited += verdict.applied;
}

/**
 * A credit note on a statement: the newest live one, or any (a void or carried-forward one is
 * refused 409 `not-creditable`). `within` credits `share`% of what is left of the total; `over`
 * asks one won more than fits, plus `share`% of it, and must be refused 422 on `net`.
 */
class CreditNoteCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly pick: number | null,
    readonly kind: 'within' | 'over',
    readonly share: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const statement =
      this.pick === null
        ? latestLiveStatement(group)
        : group.statements[this.pick % Math.max(1, group.statements.length)];
    if (!statement) return;
    const room = leftToCredit(statement);
    const net =
      this.kind === 'within'
        ? netFor(group, statement, room, this.share)
        : wireOfMinor(
            oracleLargestNet(room, creditable(group, statement)) + 1n + (room * BigInt(this.share)) / 100n,
          );
    const what = `credit net ${net} on ${statement.month} of group ${group.index} (${room} left to credit)`;
    const response = await system.creditNote(statement.id, net, `model: ${this.kind} ${this.share}%`);
    if (!isCreditable(statement)) {
      await expectAnswer(response, 409, what, 'not-creditable');
      return;
    }
    const verdict = oracleVerdict(group, statement, net);
    if (verdict.accepted) {
      await recordCreditNote(system, group, statement, await expectAnswer(response, 201, what), what);
    } else {
      const body = await expectAnswer<{ errors?: unknown[] }>(response, 422, what);
      expect(body.errors, `${what}: refused on its net`).toEqual([
        expect.objectContaining({ field: 'net', rule: 'exceeds-total' }),
      ]);
    }
    expectStandingOf(await system.statement(statement.id), statement, what);
  }
  toString() {
    const target = this.pick === null ? 'the newest statement' : `statement #${this.pick}`;
    return `credit ${target} of group ${this.groupIndex}: ${this.kind === 'within' ? `${this.share}% of what is left` : `over what is left by ${this.share}%`}`;
  }
}

/**
 * A credit note of `share`% of the newest statement's outstanding amount, then a payment of exactly
 * the rest (one won more is refused): the statement is PAID, and takes no further payment. Then a
 * note of `share`% of what is left to credit: all of it a REFUND grant.
 */
class PayAfterCreditNoteCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly share: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const statement = latestLiveStatement(group);
    if (!statement || outstanding(statement) <= 0n) return;
    const net = netFor(
      group,
      statement,
      smaller(outstanding(statement), leftToCredit(statement)),
      this.share,
    );
    // A payment refunded after the statement was credited to the brim leaves nothing to credit.
    if (!oracleVerdict(group, statement, net).accepted) return;
    const what = `credit net ${net} on ${statement.month} of group ${group.index}, then pay the rest`;
    const note = await expectAnswer<CreditNoteBody>(
      await system.creditNote(statement.id, net, 'model: before paying'),
      201,
      what,
    );
    await recordCreditNote(system, group, statement, note, what);
    const rest = outstanding(statement);
    if (rest > 0n) {
      const key = () => freshId(model, `pay-${crypto.randomUUID()}`);
      await expectAnswer(
        await system.pay(statement.id, wireOfMinor(rest + 1n), key()),
        409,
        `${what}: pay one won more than the ${rest} left`,
        'payment-exceeds-outstanding',
      );
      const paid = await expectAnswer<{ id: string; state: string }>(
        await system.pay(statement.id, wireOfMinor(rest), key()),
        201,
        `${what}: pay the ${rest} left`,
      );
      expect(paid.state).toBe('SUCCEEDED');
      recordPayment(group, statement, paid.id, rest);
    }
    const after = await system.statement(statement.id);
    expectStandingOf(after, statement, what);
    expect(after.state, `${what}: nothing is outstanding`).toBe('PAID');
    const more = await system.pay(statement.id, '1', freshId(model, `pay-${crypto.randomUUID()}`));
    expect(more.status(), `${what}: a paid statement takes no payment`).toBe(409);
    // Paid: a further note lowers nothing and is all REFUND credit, if anything is left to credit.
    const refundNet = netFor(group, statement, leftToCredit(statement), this.share);
    if (!oracleVerdict(group, statement, refundNet).accepted) return;
    const refundWhat = `${what}: credit net ${refundNet} once paid`;
    const refund = await expectAnswer<CreditNoteBody>(
      await system.creditNote(statement.id, refundNet, 'model: after paying'),
      201,
      refundWhat,
    );
    await recordCreditNote(system, group, statement, refund, refundWhat);
    expectStandingOf(await system.statement(statement.id), statement, refundWhat);
  }
  toString() {
    return `credit ${this.share}% of what the newest statement of group ${this.groupIndex} owes and then pay the rest and credit it again`;
  }
}

/**
 * A partly paid statement credited as far as it goes: `share`% of the newest statement's outstanding
 * amount is paid (never all of it), then a note of all that is left to credit. What the note takes
 * off the outstanding amount ends it (PAID); the rest of it is a REFUND grant of exactly the excess.
 */
class CreditPartlyPaidCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly share: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const statement = latestLiveStatement(group);
    const owed = statement ? outstanding(statement) : 0n;
    if (!statement || owed < 2n) return;
    const part = smaller((owed * BigInt(this.share)) / 100n || 1n, owed - 1n);
    const what = `pay ${part} of the ${owed} owed on ${statement.month} of group ${group.index}, then credit all that is left`;
    const paid = await expectAnswer<{ id: string; state: string }>(
      await system.pay(statement.id, wireOfMinor(part), freshId(model, `pay-${crypto.randomUUID()}`)),
      201,
      what,
    );
    expect(paid.state).toBe('SUCCEEDED');
    recordPayment(group, statement, paid.id, part);
    const net = netFor(group, statement, leftToCredit(statement), 100);
    if (!oracleVerdict(group, statement, net).accepted) return;
    const note = await expectAnswer<CreditNoteBody>(
      await system.creditNote(statement.id, net, 'model: partly paid'),
      201,
      what,
    );
    await recordCreditNote(system, group, statement, note, what);
    expectStandingOf(await system.statement(statement.id), statement, what);
  }
  toString() {
    return `pay ${this.share}% of what the newest statement of group ${this.groupIndex} owes and credit all that is left`;
  }
}

/**
 * Two credit notes of the newest statement at once, each of more than half of what is left: both
 * cannot fit. The model learns the commit order from their numbers and checks each against the
 * oracle in that order; a loser is refused 422 on `net` (computed again after the winner) or 409.
 */
class RacingCreditNotesCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly shares: readonly [number, number],
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const statement = latestLiveStatement(group);
    if (!statement) return;
    const room = leftToCredit(statement);
    // Below 100 won the two shares may round to notes that both fit.
    if (room < 100n) return;
    const nets = this.shares.map((share) => netFor(group, statement, room, share));
    const what = `racing credit notes of net ${nets.join(' and ')} on ${statement.month} of group ${group.index} (${room} left)`;
    const answers = await Promise.all(
      nets.map((net) => system.creditNote(statement.id, net, 'model: racing')),
    );
    const bodies = await Promise.all(answers.map((answer) => answer.json().catch(() => null)));
    const accepted = answers
      .flatMap((answer, index) => (answer.status() === 201 ? [bodies[index] as CreditNoteBody] : []))
      .sort((a, b) => (a.number < b.number ? -1 : 1));
    expect(accepted.length, `${what}: one of them commits: ${JSON.stringify(bodies)}`).toBeGreaterThanOrEqual(
      1,
    );
    for (const note of accepted) await recordCreditNote(system, group, statement, note, what);
    answers.forEach((answer, index) => {
      if (answer.status() === 201) return;
      const body = bodies[index] as { type?: string; errors?: unknown[] } | null;
      if (answer.status() === 422) {
        expect(body?.errors, `${what}: refused on its net`).toEqual([
          expect.objectContaining({ field: 'net', rule: 'exceeds-total' }),
        ]);
        expect(
          oracleVerdict(group, statement, nets[index] ?? '').accepted,
          `${what}: the oracle refuses it too`,
        ).toBe(false);
      } else {
        expect(answer.status(), `${what}: ${JSON.stringify(body)}`).toBe(409);
        expect(['/problems/credit-notes-exceed-total', '/problems/credit-note-inputs-changed']).toContain(
          body?.type,
        );
      }
    });
    expectStandingOf(await system.statement(statement.id), statement, what);
  }
  toString() {
    return `race two credit notes (${this.shares.join('% and ')}% of what is left) on the newest statement of group ${this.groupIndex}`;
  }
}

/**
 * A credit note racing a payment of the whole outstanding amount. Whichever commits first decides:
 * both succeed only when the payment came first (the note is then all refund); a note first leaves
 * less to pay, so the payment is refused 409; a note that saw the payment in flight is refused 409.
 */
class CreditNoteRacingPaymentCommand implements ModelCommand {
  constructor(
    readonly groupIndex: number,
    readonly share: number,
  ) {}
  check = () => true;
  async run(model: BillingModel, system: BillingSystem) {
    const group = groupOf(model, this.groupIndex);
    const statement = latestLiveStatement(group);
    if (!statement || outstanding(statement) <= 0n) return;
    const owed = outstanding(statement);
    const net = netFor(group, statement, smaller(owed, leftToCredit(statement)), this.share);
    if (!oracleVerdict(group, statement, net).accepted) return;
    const what = `credit net ${net} on ${statement.month} of group ${group.index} racing a payment of ${owed}`;
    const [noteAnswer, payAnswer] = await Promise.all([
      system.creditNote(statement.id, net, 'model: racing a payment'),
      system.pay(statement.id, wireOfMinor(owed), freshId(model, `pay-${crypto.randomUUID()}`)),
    ]);
    const noted = noteAnswer.status() === 201;
    const paid = payAnswer.status() === 201;
    expect(noted || paid, `${what}: one of them commits`).toBe(true);
    if (paid) {
      const payment = await expectAnswer<{ id: string; state: string }>(payAnswer, 201, what);
      expect(payment.state).toBe('SUCCEEDED');
      recordPayment(group, statement, payment.id, owed);
    } else {
      await expectAnswer(payAnswer, 409, `${what}: the payment`, 'payment-exceeds-outstanding');
    }
    if (noted) {
      await recordCreditNote(system, group, statement, await expectAnswer(noteAnswer, 201, what), what);
    } else {
      const body = await expectAnswer<{ type?: string }>(noteAnswer, 409, `${what}: the credit note`);
      expect(['/problems/payment-pending', '/problems/credit-note-inputs-changed']).toContain(body.type);
    }
    expectStandingOf(await system.statement(statement.id), statement, what);
  }
  toString() {
    return `credit ${this.share}% of what the newest statement of group ${this.groupIndex} owes while a payment of all of it races it`;
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const month = fc.constantFrom(...MONTHS);
const groupIndex = fc.integer({ min: 0, max: 1 });
const volume = fc.constantFrom(...VOLUMES);
/** A percentage of what is left to credit or to pay: small ones, halves, all of it. */
const share = fc.constantFrom(1, 10, 37, 50, 99, 100);

const freshSpec: fc.Arbitrary<BurstEvent> = fc.record({
  kind: fc.constant('fresh' as const),
  month,
  day: fc.integer({ min: 1, max: 28 }),
  projectId: fc.constantFrom(...PROJECTS),
  counter: fc.nat({ max: COUNTERS.length - 1 }),
  volume,
  resourceId: fc.constantFrom(null, 'vm-1', 'vm-2'),
});

const eventSpec: fc.Arbitrary<EventSpec> = fc.oneof(
  { weight: 4, arbitrary: freshSpec },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('duplicate' as const, 'changed' as const),
      pick: fc.nat(),
      volume,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('mismatched' as const),
      pick: fc.nat(),
      volume,
      change: fc.constantFrom('unit' as const, 'counterType' as const),
    }),
  },
);

const adjustmentSpec: fc.Arbitrary<AdjustmentSpec> = fc
  .record({
    month,
    type: fc.constantFrom('DISCOUNT' as const, 'SURCHARGE' as const),
    fixed: fc.boolean(),
    project: fc.option(fc.constantFrom(...PROJECTS), { nil: null }),
    amount: fc.constantFrom('1500', '2500.5', '40000'),
    rate: fc.constantFrom('7.5', '12.5', '100'),
  })
  .map(({ month, type, fixed, project, amount, rate }) => ({
    month,
    type,
    method: fixed ? ('FIXED' as const) : ('RATE' as const),
    value: fixed ? amount : rate,
    level: project ? ('PROJECT' as const) : ('BILLING_GROUP' as const),
    targetProjectId: project,
  }));

const grantSpec: fc.Arbitrary<GrantSpec> = fc.record({
  type: fc.constantFrom('PROMOTIONAL' as const, 'FREE' as const, 'PAID' as const, 'REFUND' as const),
  amount: fc.constantFrom('500', '3000', '10000', '50000'),
  priority: fc.constantFrom(null, 5, 50),
  // Granted in October: not usable for September, which ended before.
  grantedAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-10-15T00:00:00Z'),
  // Expiry in the future only: the edge may expire a lapsed grant at any time, the model could not follow.
  expiresAt: fc.constantFrom(null, '2027-01-31T00:00:00Z', '2027-06-30T00:00:00Z'),
});

const burst = fc
  .record({
    group: groupIndex,
    month,
    batches: fc.array(fc.array(freshSpec, { minLength: 2, maxLength: 6 }), { minLength: 3, maxLength: 8 }),
    adjustment: fc.option(adjustmentSpec, { nil: null }),
  })
  .map(({ group, month, batches, adjustment }) => new BurstCommand(group, month, batches, adjustment));

/** The commands of one sequence, weighted towards the writes and closes that interact. */
export function billingCommands(maxCommands: number) {
  return fc.commands<BillingModel, BillingSystem, false>(
    [
      fc
        .record({ group: groupIndex, specs: fc.array(eventSpec, { minLength: 2, maxLength: 5 }) })
        .map(({ group, specs }) => new IngestCommand(group, specs)),
      fc
        .record({ group: groupIndex, specs: fc.array(eventSpec, { minLength: 2, maxLength: 5 }) })
        .map(({ group, specs }) => new IngestCommand(group, specs)),
      burst,
      burst,
      fc.tuple(groupIndex, adjustmentSpec).map(([group, spec]) => new AdjustCommand(group, spec)),
      fc.tuple(groupIndex, fc.nat()).map(([group, pick]) => new DeleteAdjustmentCommand(group, pick)),
      fc.tuple(groupIndex, grantSpec).map(([group, spec]) => new GrantCommand(group, spec)),
      fc.tuple(groupIndex, fc.nat()).map(([group, pick]) => new VoidGrantCommand(group, pick)),
      fc
        .tuple(
          groupIndex,
          fc.constantFrom(...(Object.keys(CONTRACTS) as ContractKey[])),
          month,
          fc.option(month, { nil: null }),
        )
        .map(
          ([group, contract, start, end]) =>
            new AssignContractCommand(
              group,
              contract,
              start,
              end && monthIndex(end) < monthIndex(start) ? start : end,
            ),
        ),
      fc.tuple(groupIndex, month).map(([group, month]) => new CloseCommand(group, month)),
      fc.tuple(groupIndex, month).map(([group, month]) => new CloseCommand(group, month)),
      month.map((month) => new CloseMonthJobCommand(month)),
      fc.tuple(groupIndex, fc.boolean()).map(([group, reissue]) => new VoidReissueCommand(group, reissue)),
      fc
        .tuple(groupIndex, fc.constantFrom('racing-keys' as const, 'partial' as const))
        .map(([group, mode]) => new PayCommand(group, mode)),
      fc.tuple(groupIndex, fc.nat()).map(([group, pick]) => new RefundCommand(group, pick)),
      fc.tuple(groupIndex, month).map(([group, month]) => new ReadCommand(group, month)),
      fc
        .tuple(groupIndex, share)
        .map(([group, share]) => new CreditNoteCommand(group, null, 'within', share)),
      fc
        .tuple(groupIndex, fc.nat(), fc.constantFrom('within' as const, 'over' as const), share)
        .map(([group, pick, kind, share]) => new CreditNoteCommand(group, pick, kind, share)),
      fc.tuple(groupIndex, share).map(([group, share]) => new CreditNoteCommand(group, null, 'over', share)),
      fc.tuple(groupIndex, share).map(([group, share]) => new PayAfterCreditNoteCommand(group, share)),
      fc.tuple(groupIndex, share).map(([group, share]) => new CreditPartlyPaidCommand(group, share)),
      fc
        .tuple(groupIndex, fc.integer({ min: 55, max: 95 }), fc.integer({ min: 55, max: 95 }))
        .map(([group, a, b]) => new RacingCreditNotesCommand(group, [a, b])),
      fc.tuple(groupIndex, share).map(([group, share]) => new CreditNoteRacingPaymentCommand(group, share)),
    ],
    { maxCommands, size: 'max' },
  );
}
