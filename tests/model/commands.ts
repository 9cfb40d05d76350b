import type { APIResponse } from '@playwright/test';
import fc from 'fast-check';
import type { Adjustment, CreditGrant } from '../regression/billing-month';
import { expect } from '../support/api-test';
import {
  type BillingModel,
  CONTRACTS,
  COUNTERS,
  type ContractKey,
  closeRefusal,
  differencesFromOracle,
  expectedStatement,
  freshId,
  hasActivity,
  isClosed,
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
  outstanding,
  PROJECTS,
  recordClose,
  recordVoid,
  type WireEvent,
  wireOfMinor,
} from './billing-model';
import type { BillingSystem, ModelStatementBody, Verdict } from './billing-system';

type ModelCommand = fc.AsyncCommand<BillingModel, BillingSystem, false>;

/** Volumes chosen so that lines land on halves and long fractions (12.5 × 397 = 4962.5). */
const VOLUMES = ['0.5', '1', '2.25', '10.1', '12.5', '33.333', '100'] as const;

/** The answer's JSON, after asserting its status (and problem type, for a refusal). */
async function expectAnswer<T = Record<string, unknown>>(
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
  | { kind: 'duplicate' | 'changed'; pick: number; volume: string };

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
  expectOracleFigures(body, recordClose(model, group, month, body.statementId ?? ''), `closed ${month}`);
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
      const statement = recordClose(model, group, this.month, body.statementId ?? '');
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
      const statement = recordClose(model, group, this.month, body.statementId ?? '');
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
      expect(minorOfWire(body.paid), `paid on ${this.month}`).toBe(live.paid);
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
// Arbitraries

const month = fc.constantFrom(...MONTHS);
const groupIndex = fc.integer({ min: 0, max: 1 });
const volume = fc.constantFrom(...VOLUMES);

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
    ],
    { maxCommands, size: 'max' },
  );
}
