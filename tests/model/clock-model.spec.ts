import fc from 'fast-check';
import type { RoundingMode } from '../regression/billing-month';
import { test } from '../support/api-test';
import { seedFromText } from '../support/fixtures/random';
import { clockCommands } from './clock-commands';
import { expectClockInvariants } from './clock-invariants';
import { type ClockModel, type GroupSettings, iso } from './clock-model';
import { ClockSystem } from './clock-system';
import { GeneratedAtLeast, inSequenceStep, MODEL_RUNS } from './model-test';

/**
 * The model-based tier on test clocks (issue 22): random sequences of ingest (around the clock's
 * time, too far ahead of it, in months closed already), grants with random expiries, clock advances
 * of hours to weeks, payments, a client's own close and reads, over one or two groups on one clock.
 * After every advance the model has replayed each daily 02:00 run itself and checks what the edge
 * must have done: auto-closes at the run's instant with the oracle's figures, states at the clock's
 * time, expiries at the first run after them. Advances take a few seconds each, so this tier runs a
 * twenty-fifth of MODEL_RUNS (the nightly run raises it with MODEL_RUNS).
 */
const CLOCK_RUNS = Math.max(1, Math.round(MODEL_RUNS / 25));
const MIN_COMMANDS = 14;
/** Two parts so both workers share the sequences; one when MODEL_RUNS leaves a single sequence. */
const PARTS = Math.min(2, CLOCK_RUNS);
const runsOfPart = (part: number) => Math.floor(CLOCK_RUNS / PARTS) + (part < CLOCK_RUNS % PARTS ? 1 : 0);

/** Time kept back from the test's timeout to attach and report a counterexample. */
const SHRINK_MARGIN_MS = 20_000;

const ROUNDING_MODES: RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'];

const setupArbitrary = fc.record({
  // Anywhere in January 2026, to the minute: on, before and after the 02:00 runs.
  startMinute: fc.integer({ min: 0, max: 31 * 24 * 60 - 1 }),
  groups: fc.array(
    fc.record<GroupSettings>({
      autoClose: fc.boolean(),
      roundingMode: fc.constantFrom(...ROUNDING_MODES),
      // 28 days from a 1st's run lands exactly on the next month's run in February.
      paymentTermsDays: fc.constantFrom(0, 7, 14, 28, 30),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

type Setup = typeof setupArbitrary extends fc.Arbitrary<infer T> ? T : never;

const describeSetup = ({ startMinute, groups }: Setup) =>
  `clock at ${iso(Date.UTC(2026, 0, 1) + startMinute * 60_000)}; groups: ${groups
    .map((group) => `autoClose ${group.autoClose}, ${group.roundingMode}, ${group.paymentTermsDays} days`)
    .join(' | ')}`;

for (let part = 0; part < PARTS; part += 1) {
  const runs = runsOfPart(part);
  test(
    `test clocks: ${runs} sequences of ${MIN_COMMANDS}+ commands with advances (part ${part + 1} of ${PARTS})`,
    {
      tag: ['@regression'],
      annotation: { type: 'issue', description: 'issue 22: the model-based tier learns clock advances' },
    },
    async ({ createTenant, dataName }, testInfo) => {
      // An advance over a month takes a second or two on 2 cores; shrinking a failure takes more.
      test.setTimeout(120_000 + runs * 60_000);
      let sequence = 0;
      const tally = { sequences: 0, commands: 0 };
      const setup = async ({ startMinute, groups }: Setup) => {
        sequence += 1;
        const { api } = await createTenant(`${dataName}-clock-${sequence}`);
        const system = new ClockSystem(api);
        const start = Date.UTC(2026, 0, 1) + startMinute * 60_000;
        const clock = await system.createClock(iso(start));
        const model: ClockModel = { clockId: clock.id, now: start, groups: [], counter: 0 };
        for (const [index, settings] of groups.entries()) {
          const created = await system.createGroup({
            name: `clock-group-${index}`,
            testClockId: clock.id,
            ...settings,
          });
          test.expect(created.testClockTime, 'a group reads its clock').toBe(iso(start));
          model.groups.push({
            index,
            id: created.id,
            ...settings,
            events: new Map(),
            sentMonths: new Set(),
            statements: [],
            grants: [],
            payments: [],
          });
        }
        return { model, real: system };
      };
      const property = fc.asyncProperty(
        setupArbitrary,
        new GeneratedAtLeast(
          clockCommands(Math.round(MIN_COMMANDS * 1.6), process.env.FC_COMMANDS_PATH),
          MIN_COMMANDS,
        ),
        (settings, commands) =>
          inSequenceStep(`sequence ${sequence + 1}`, async () => {
            const { model, real } = await setup(settings);
            await fc.asyncModelRun(async () => ({ model, real }), commands);
            await expectClockInvariants(model, real);
            tally.sequences += 1;
            tally.commands += [...commands].length;
          }),
      );
      const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : seedFromText(testInfo.testId);
      const result = await fc.check(property, {
        numRuns: runs,
        seed,
        path: process.env.FC_PATH,
        endOnFailure: false,
        // As the tier above: stop shrinking in time to report the smallest counterexample found so
        // far rather than a bare timeout; running out of time before any failure fails too.
        interruptAfterTimeLimit: Math.max(10_000, testInfo.timeout - SHRINK_MARGIN_MS),
        markInterruptAsFailure: true,
      });
      // Read by tests/support/reporters/model-summary.ts, which adds up every test's figures.
      testInfo.annotations.push(
        { type: 'model-sequences', description: String(tally.sequences) },
        { type: 'model-commands', description: String(tally.commands) },
        { type: 'model-seed', description: String(seed) },
      );
      if (result.failed) {
        const [settings, commands] = result.counterexample ?? [];
        // fc.commands shrinks by which commands ran: replaying needs their replayPath too.
        const commandsPath = /replayPath="([^"]*)"/.exec(String(commands))?.[1];
        const replay = `FC_SEED=${result.seed} FC_PATH=${result.counterexamplePath}${commandsPath ? ` FC_COMMANDS_PATH='${commandsPath}'` : ''}`;
        await testInfo.attach('shrunk counterexample', {
          body: `${replay}\n${settings ? describeSetup(settings) : ''}\n${String(commands).split(',').join('\n')}\n\n${String(result.errorInstance ?? '')}`,
          contentType: 'text/plain',
        });
        const found = result.counterexample
          ? `the clock model found a counterexample after ${result.numRuns} sequences (${result.numShrinks} shrinks${result.interrupted ? ', stopped for time' : ''})`
          : `the clock model ran out of time after ${result.numRuns} sequences`;
        throw new Error(
          `${found}\n` +
            `Replay with ${replay}\n${fc.defaultReportMessage(result)}\n\n` +
            // The shrunk sequence's own failure, whole: the attachment is cut short in a terminal.
            `${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
        );
      }
    },
  );
}
