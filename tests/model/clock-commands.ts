import fc from 'fast-check';
import type { CreditGrant } from '../regression/billing-month';
import { expect } from '../support/api-test';
import { COUNTERS, differencesFromOracle, PROJECTS, type WireEvent } from './billing-model';
import type { ModelStatementBody, Verdict } from './billing-system';
import {
  advanceModel,
  type ClockGroup,
  type ClockModel,
  type ClockStatement,
  checkCreditAlerts,
  expectedAt,
  FUTURE_TOLERANCE_MS,
  freshClockId,
  HOUR_MS,
  isClosed,
  iso,
  latestStatement,
  minorOfWire,
  monthOfMillis,
  openMonthsBefore,
  outstandingOf,
  recordClockClose,
  stateAt,
  wireOfMinor,
} from './clock-model';
import type { ClockBody, ClockSystem } from './clock-system';
import { expectAnswer, VOLUMES } from './commands';

type ClockCommand = fc.AsyncCommand<ClockModel, ClockSystem, false>;

const MINUTE_MS = 60_000;

const groupOf = (model: ClockModel, index: number) => model.groups[index % model.groups.length] as ClockGroup;

/** A closed statement the edge answered must bill exactly what the oracle bills at its close. */
function expectOracleFigures(body: ModelStatementBody, statement: ClockStatement, what: string) {
  const differences = differencesFromOracle(body.result, statement.expected, statement.quantities);
  expect(differences, `${what} (${body.statementId}) disagrees with the oracle`).toEqual([]);
}

const describeOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 1440)}d${Math.floor((abs % 1440) / 60)}h${abs % 60}m`;
};

/**
 * What every group must look like at the clock's time, after an advance: exactly the statements the
 * model's runs closed (each once, at its run's instant, due terms later, billing the oracle's
 * figures), each in the state the clock's time gives it, every grant's balance, and one EXPIRE entry
 * at the first run at or after each passed expiry that still had a balance (none for the others).
 */
export async function expectGroupsAtClock(model: ClockModel, system: ClockSystem): Promise<void> {
  for (const group of model.groups) {
    const [read, statementList] = await Promise.all([system.billingGroup(group.id), system.listed(group.id)]);
    expect(read.testClockTime, `group ${group.index} reads its clock`).toBe(iso(model.now));
    const listed = statementList.items.filter((item) => item.closedAt !== null);
    const statements = [...group.statements].sort((a, b) => a.month.localeCompare(b.month));
    expect(
      listed.map((item) => [item.month, item.closedAt, item.dueAt]).sort(),
      `the statements of group ${group.index} (autoClose ${group.autoClose}) at ${iso(model.now)}`,
    ).toEqual(
      statements.map((statement) => [statement.month, iso(statement.closedAt), iso(statement.dueAt)]),
    );
    for (const statement of statements) {
      const item = listed.find((entry) => entry.month === statement.month);
      if (!item) continue;
      if (statement.id === null) {
        // Closed by a run: its id is learnt here, its figures checked once (they never change).
        statement.id = item.statementId;
        expectOracleFigures(
          await system.statement(item.statementId),
          statement,
          `${statement.month} of group ${group.index} closed by the run of ${iso(statement.closedAt)}`,
        );
      }
      expect(item.statementId, `${statement.month} of group ${group.index}`).toBe(statement.id);
      expect(item.state, `state of ${statement.month} of group ${group.index} at ${iso(model.now)}`).toBe(
        stateAt(statement, model.now),
      );
      expect(minorOfWire(item.paid), `paid on ${statement.month} of group ${group.index}`).toBe(
        statement.paid,
      );
    }
    await expectGrantsAtClock(model, group, system);
  }
}

/** One `credit.expiring` per grant the model's checks found, written at that check's time. */
async function expectExpiringEvents(model: ClockModel, group: ClockGroup, system: ClockSystem) {
  const events = (await system.events('credit.expiring')).items;
  for (const grant of group.grants) {
    expect(
      events.filter((event) => event.data.object.id === grant.id).map((event) => event.createdAt),
      `credit.expiring of grant ${grant.id} (granted ${grant.grantedAt}, expires ${grant.expiresAt}) at ${iso(model.now)}`,
    ).toEqual(grant.expiringReportedAt === null ? [] : [iso(grant.expiringReportedAt)]);
  }
}

async function expectGrantsAtClock(model: ClockModel, group: ClockGroup, system: ClockSystem) {
  if (group.grants.length === 0) return;
  const [grants, ledger] = await Promise.all([system.grants(group.id), system.fullLedger(group.id)]);
  for (const grant of group.grants) {
    const listed = grants.items.find((entry) => entry.id === grant.id);
    expect(
      listed && minorOfWire(listed.balance),
      `balance of grant ${grant.id} (expires ${grant.expiresAt}) at ${iso(model.now)}`,
    ).toBe(grant.balanceMinor);
    const expiries = ledger
      .filter((entry) => entry.grantId === grant.id && entry.kind === 'EXPIRE')
      .map((entry) => ({ at: new Date(entry.at).toISOString(), amount: minorOfWire(entry.amount) }));
    const expected =
      grant.expired && grant.expired.amount > 0n
        ? [{ at: iso(grant.expired.at), amount: -grant.expired.amount }]
        : [];
    expect(
      expiries,
      `EXPIRE entries of grant ${grant.id} (expires ${grant.expiresAt}) at ${iso(model.now)}`,
    ).toEqual(expected);
  }
  await expectExpiringEvents(model, group, system);
}

// ---------------------------------------------------------------------------------------------
// Usage

export interface ClockEventSpec {
  /**
   * Minutes from the clock's time (ahead of it by more than a day is too far in the future), or
   * from the start of the clock's month: the month before, late, after its 1st's run may have closed
   * what it had.
   */
  offsetMinutes: number;
  fromMonthStart: boolean;
  projectId: string;
  counter: number;
  volume: string;
  resourceId: string | null;
}

type Expected = 'accepted' | 'period-closed' | 'timestamp-in-future';

const monthStartOf = (millis: number) => {
  const date = new Date(millis);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
};

class IngestCommand implements ClockCommand {
  constructor(
    readonly groupIndex: number,
    readonly specs: readonly ClockEventSpec[],
  ) {}
  check = () => true;
  async run(model: ClockModel, system: ClockSystem) {
    const group = groupOf(model, this.groupIndex);
    const planned = this.specs.map((spec) => {
      const counter = COUNTERS[spec.counter % COUNTERS.length] as (typeof COUNTERS)[number];
      const at = (spec.fromMonthStart ? monthStartOf(model.now) : model.now) + spec.offsetMinutes * MINUTE_MS;
      const event: WireEvent = {
        eventId: freshClockId(model, 'ev'),
        projectId: spec.projectId,
        counterName: counter.counterName,
        counterType: 'DELTA',
        unit: counter.unit,
        volume: spec.volume,
        timestamp: iso(at),
        resourceId: spec.resourceId,
      };
      const expected: Expected =
        at > model.now + FUTURE_TOLERANCE_MS
          ? 'timestamp-in-future'
          : isClosed(group, monthOfMillis(at))
            ? 'period-closed'
            : 'accepted';
      group.sentMonths.add(monthOfMillis(at));
      return { event, expected };
    });
    const response = await system.ingest(
      group.id,
      planned.map((entry) => entry.event),
    );
    const [only] = planned;
    const what = (entry: { event: WireEvent; expected: Expected }) =>
      `event at ${entry.event.timestamp} (clock ${iso(model.now)}) should be ${entry.expected}`;
    if (planned.length === 1 && only && only.expected !== 'accepted') {
      // A batch of one answers as its event: too far ahead is a 422, a closed month a 409.
      if (only.expected === 'timestamp-in-future') {
        const body = await expectAnswer<{ errors: { field: string; rule: string }[] }>(
          response,
          422,
          what(only),
        );
        expect(body.errors, what(only)).toEqual([
          expect.objectContaining({ field: 'events[0].timestamp', rule: 'timestamp-in-future' }),
        ]);
      } else {
        await expectAnswer(response, 409, what(only), 'period-closed');
      }
      return;
    }
    const body = await expectAnswer<{ verdicts: Verdict[] }>(response, 200, 'ingest a batch');
    planned.forEach((entry, index) => {
      const verdict = body.verdicts[index] as (Verdict & { reason?: string }) | undefined;
      const matches =
        entry.expected === 'accepted'
          ? verdict?.verdict === 'accepted'
          : verdict?.verdict === 'rejected' && verdict.reason === entry.expected;
      expect(matches, `${what(entry)}, was ${JSON.stringify(verdict)}`).toBe(true);
      if (entry.expected === 'accepted') group.events.set(entry.event.eventId, entry.event);
    });
  }
  toString() {
    const events = this.specs.map(
      (spec) =>
        `${spec.volume} ${COUNTERS[spec.counter % COUNTERS.length]?.counterName} at ${spec.fromMonthStart ? "the clock's month start" : 'clock'}${describeOffset(spec.offsetMinutes)}`,
    );
    return `ingest into group ${this.groupIndex}: ${events.join(' + ')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Credits

export interface ClockGrantSpec {
  type: CreditGrant['type'];
  amount: string;
  priority: number | null;
  /** Hours after the clock's time the grant expires; null: never. */
  expiresInHours: number | null;
}

class GrantCommand implements ClockCommand {
  constructor(
    readonly groupIndex: number,
    readonly spec: ClockGrantSpec,
  ) {}
  check = () => true;
  async run(model: ClockModel, system: ClockSystem) {
    const group = groupOf(model, this.groupIndex);
    const { type, amount, priority, expiresInHours } = this.spec;
    const expiresAt = expiresInHours === null ? null : iso(model.now + expiresInHours * HOUR_MS);
    const granted = await expectAnswer<{ id: string; balance: string; grantedAt: string }>(
      await system.grant(group.id, { type, amount, priority, expiresAt }),
      201,
      'grant credit',
    );
    expect(granted.grantedAt, 'a grant is made at the clock’s time').toBe(iso(model.now));
    expect(minorOfWire(granted.balance), 'a new grant holds its whole amount').toBe(minorOfWire(amount));
    group.grants.push({
      id: granted.id,
      type,
      amount,
      priority,
      grantedAt: granted.grantedAt,
      expiresAt,
      balanceMinor: minorOfWire(amount),
      expired: null,
      expiringReportedAt: null,
    });
    // A grant looks for credit alerts over all the group's grants, at the clock's time.
    checkCreditAlerts(group, model.now);
    await expectExpiringEvents(model, group, system);
  }
  toString() {
    const { type, amount, priority, expiresInHours } = this.spec;
    return `grant group ${this.groupIndex} ${amount} ${type} (priority ${priority ?? 'default'}; expires ${expiresInHours === null ? 'never' : `in ${expiresInHours} h`})`;
  }
}

// ---------------------------------------------------------------------------------------------
// The clock

export type AdvanceSpec =
  | { kind: 'hours'; hours: number }
  /** To the next month's first day at 01:00, 02:00 or 03:00: just before, on and after its run. */
  | { kind: 'month-start'; hour: 1 | 2 | 3 };

function targetOf(now: number, spec: AdvanceSpec): number {
  if (spec.kind === 'hours') return now + spec.hours * HOUR_MS;
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1, spec.hour);
}

class AdvanceCommand implements ClockCommand {
  constructor(readonly spec: AdvanceSpec) {}
  check = () => true;
  async run(model: ClockModel, system: ClockSystem) {
    const to = targetOf(model.now, this.spec);
    const from = iso(model.now);
    const started = await expectAnswer<ClockBody>(
      await system.advance(model.clockId, iso(to)),
      202,
      `advance from ${from} to ${iso(to)}`,
    );
    expect(started.status, 'an advance starts ADVANCING').toBe('ADVANCING');
    await expect
      .poll(async () => (await system.clock(model.clockId)).status, {
        message: `the advance from ${from} to ${iso(to)} ends`,
        timeout: 60_000,
        intervals: [50, 100, 250, 500],
      })
      .toBe('READY');
    const ready = await system.clock(model.clockId);
    const runs = advanceModel(model, to);
    expect(ready.frozenTime, 'the clock stands at the target').toBe(iso(to));
    expect(ready.progress, `the daily runs between ${from} and ${iso(to)}`).toEqual({
      runsTotal: runs,
      runsDone: runs,
    });
    await expectGroupsAtClock(model, system);
  }
  toString() {
    return this.spec.kind === 'hours'
      ? `advance the clock by ${this.spec.hours} h (${(this.spec.hours / 24).toFixed(1)} days)`
      : `advance the clock to the next month's 1st at 0${this.spec.hour}:00`;
  }
}

// ---------------------------------------------------------------------------------------------
// Closing, paying, reading

/** A client's own close of the oldest open month before the clock's: closed at the clock's time. */
class CloseCommand implements ClockCommand {
  constructor(readonly groupIndex: number) {}
  check = () => true;
  async run(model: ClockModel, system: ClockSystem) {
    const group = groupOf(model, this.groupIndex);
    const [month] = openMonthsBefore(group, monthOfMillis(model.now));
    if (!month) return;
    const body = await expectAnswer<ModelStatementBody>(
      await system.close(group.id, month),
      201,
      `close ${month} of group ${group.index} at ${iso(model.now)}`,
    );
    const statement = recordClockClose(group, month, model.now, 'request', body.statementId ?? null);
    expect([body.closedAt, body.dueAt], `closedAt and dueAt of ${month}`).toEqual([
      iso(statement.closedAt),
      iso(statement.dueAt),
    ]);
    expectOracleFigures(body, statement, `${month} closed at the clock's ${iso(model.now)}`);
    await expectGroupsAtClock(model, system);
  }
  toString() {
    return `close the oldest open month of group ${this.groupIndex} at the clock's time`;
  }
}

class PayCommand implements ClockCommand {
  constructor(
    readonly groupIndex: number,
    readonly whole: boolean,
  ) {}
  check = () => true;
  async run(model: ClockModel, system: ClockSystem) {
    const group = groupOf(model, this.groupIndex);
    const latest = latestStatement(group);
    const carried = group.statements.find((statement) => statement.carriedForward);
    if (carried?.id) {
      await expectAnswer(
        await system.pay(carried.id, '1', freshClockId(model, `pay-${crypto.randomUUID()}`)),
        409,
        `pay carried-forward ${carried.month}`,
        'carried-forward',
      );
    }
    if (!latest?.id || outstandingOf(latest) <= 0n) return;
    const owed = outstandingOf(latest);
    const amount = this.whole || owed < 2n ? owed : owed / 2n;
    const paid = await expectAnswer<{ id: string; state: string }>(
      await system.pay(latest.id, wireOfMinor(amount), freshClockId(model, `pay-${crypto.randomUUID()}`)),
      201,
      `pay ${wireOfMinor(amount)} of ${latest.month} (group ${group.index})`,
    );
    expect(paid.state).toBe('SUCCEEDED');
    group.payments.push({ id: paid.id, statementId: latest.id, amount });
    latest.paid += amount;
    const standing = await system.statement(latest.id);
    expect(standing.state, `state of ${latest.month} once paid at ${iso(model.now)}`).toBe(
      stateAt(latest, model.now),
    );
  }
  toString() {
    return `pay the newest statement of group ${this.groupIndex} ${this.whole ? 'in full' : 'in part'}`;
  }
}

/** Reads a month: a closed one is what its close billed, in its state now; an open one the draft now. */
class ReadCommand implements ClockCommand {
  constructor(
    readonly groupIndex: number,
    readonly pick: number,
  ) {}
  check = () => true;
  async run(model: ClockModel, system: ClockSystem) {
    const group = groupOf(model, this.groupIndex);
    const current = monthOfMillis(model.now);
    // The clock's month, and every month with accepted usage (a future one within the day, too).
    const months = [
      ...new Set([current, ...[...group.events.values()].map((event) => event.timestamp.slice(0, 7))]),
    ].sort();
    const month = months[this.pick % months.length] as string;
    const body = await system.statementOfMonth(group.id, month);
    const statement = group.statements.find((entry) => entry.month === month);
    if (statement) {
      expect(body.statementId, `${month} of group ${group.index}`).toBe(statement.id);
      expect(body.state, `state of ${month} at ${iso(model.now)}`).toBe(stateAt(statement, model.now));
      expectOracleFigures(body, statement, `closed ${month}`);
      return;
    }
    // An earlier month closed by a later statement has nothing of its own to show.
    if (isClosed(group, month)) return;
    expect(body.state, `${month} is open`).toBe('DRAFT');
    const draft = expectedAt(group, month, model.now);
    const differences = differencesFromOracle(body.result, draft.expected, draft.quantities);
    expect(differences, `the draft of ${month} at ${iso(model.now)} disagrees with the oracle`).toEqual([]);
  }
  toString() {
    return `read month #${this.pick} of group ${this.groupIndex}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const groupIndex = fc.integer({ min: 0, max: 1 });

const offsetMinutes = fc.oneof(
  // Around the clock's time: the month now, the month before it, a day ahead at most.
  { weight: 6, arbitrary: fc.integer({ min: -40 * 24 * 60, max: 23 * 60 }) },
  // The edges of the future check: exactly a day ahead is accepted, a minute more is not.
  { weight: 1, arbitrary: fc.constantFrom(24 * 60, 24 * 60 + 1) },
  { weight: 2, arbitrary: fc.integer({ min: 24 * 60 + 1, max: 6 * 24 * 60 }) },
  // Months ago: closed by now, often.
  { weight: 2, arbitrary: fc.integer({ min: -80 * 24 * 60, max: -40 * 24 * 60 }) },
);

const anchoredOffset = fc.oneof(
  {
    weight: 4,
    arbitrary: offsetMinutes.map((minutes) => ({ offsetMinutes: minutes, fromMonthStart: false })),
  },
  // The last three days of the month before the clock's: open, or closed by the 1st's run.
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -3 * 24 * 60, max: -1 })
      .map((minutes) => ({ offsetMinutes: minutes, fromMonthStart: true })),
  },
);

// `map`, not `chain`: the offset still shrinks towards the clock's time.
const eventSpec: fc.Arbitrary<ClockEventSpec> = fc
  .record({
    anchored: anchoredOffset,
    projectId: fc.constantFrom(...PROJECTS),
    counter: fc.nat({ max: COUNTERS.length - 1 }),
    volume: fc.constantFrom(...VOLUMES),
    resourceId: fc.constantFrom(null, 'vm-1'),
  })
  .map(({ anchored, ...event }) => ({ ...anchored, ...event }));

const grantSpec: fc.Arbitrary<ClockGrantSpec> = fc.record({
  type: fc.constantFrom('PROMOTIONAL' as const, 'FREE' as const, 'PAID' as const, 'REFUND' as const),
  amount: fc.constantFrom('500', '3000', '10000', '50000'),
  priority: fc.constantFrom(null, 5, 50),
  // Hours to three months ahead, on and off the 02:00 runs (so some outlive a close that spends
  // part of them, and expire with the rest); a third never expire.
  expiresInHours: fc.option(fc.integer({ min: 1, max: 90 * 24 }), { nil: null, freq: 3 }),
});

const advanceSpec: fc.Arbitrary<AdvanceSpec> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 48 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('hours' as const),
      hours: fc.integer({ min: 49, max: 45 * 24 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('month-start' as const),
      hour: fc.constantFrom(1 as const, 2 as const, 3 as const),
    }),
  },
);

/** The commands of one clock sequence, weighted so that the clock moves through a few months. */
export function clockCommands(maxCommands: number, replayPath?: string) {
  return fc.commands<ClockModel, ClockSystem, false>(
    [
      fc
        .record({ group: groupIndex, specs: fc.array(eventSpec, { minLength: 1, maxLength: 4 }) })
        .map(({ group, specs }) => new IngestCommand(group, specs)),
      fc
        .record({ group: groupIndex, specs: fc.array(eventSpec, { minLength: 1, maxLength: 4 }) })
        .map(({ group, specs }) => new IngestCommand(group, specs)),
      fc.tuple(groupIndex, grantSpec).map(([group, spec]) => new GrantCommand(group, spec)),
      fc.tuple(groupIndex, grantSpec).map(([group, spec]) => new GrantCommand(group, spec)),
      advanceSpec.map((spec) => new AdvanceCommand(spec)),
      advanceSpec.map((spec) => new AdvanceCommand(spec)),
      advanceSpec.map((spec) => new AdvanceCommand(spec)),
      groupIndex.map((group) => new CloseCommand(group)),
      fc.tuple(groupIndex, fc.boolean()).map(([group, whole]) => new PayCommand(group, whole)),
      fc.tuple(groupIndex, fc.nat()).map(([group, pick]) => new ReadCommand(group, pick)),
    ],
    // The counterexample's `replayPath` (FC_COMMANDS_PATH): with FC_SEED and FC_PATH, the same commands.
    { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) },
  );
}
