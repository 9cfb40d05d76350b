import fc from 'fast-check';
import type { RoundingMode } from '../regression/billing-month';
import { test as base } from '../support/api-test';
import { seedFromText } from '../support/fixtures/random';
import { type BillingModel, CONTRACTS, type ContractKey } from './billing-model';
import { BillingSystem } from './billing-system';
import { billingCommands } from './commands';
import { expectInvariants } from './invariants';

/** Sequences per CI run, shared by the tests of the project; the nightly run raises it. */
export const MODEL_RUNS = Number(process.env.MODEL_RUNS ?? 100);
/** Commands per sequence: at least this many, at most 1.5 times as many. */
export const MIN_COMMANDS = 20;

const ROUNDING_MODES: RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'];

/** Time kept back from the test's timeout to attach and report a counterexample. */
const SHRINK_MARGIN_MS = 20_000;

/**
 * Sequences generated with at least `min` commands, yet shrunk freely: a `filter` would keep the
 * shrunk counterexample at `min` commands too (when the failure often needs three), and reading the
 * value to filter it hides from the shrinker which commands ran. A seed and path replay the same
 * sequence.
 */
export class GeneratedAtLeast<T extends Iterable<unknown>> extends fc.Arbitrary<T> {
  constructor(
    private readonly commands: fc.Arbitrary<T>,
    private readonly min: number,
  ) {
    super();
  }
  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    for (;;) {
      const generated = this.commands.generate(random, biasFactor);
      // `value_`, not `value`: reading `value` once hands out the instance the run records its
      // executed commands on, and the shrinker would then see none of them ran.
      if ([...generated.value_].length >= this.min) return generated;
    }
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.commands.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.commands.shrink(value, context);
  }
}

/**
 * One sequence as one test step, its requests and checks nested in it: the report reads as the
 * sequences that ran, and Playwright finds each new step's parent in the step it runs in. Outside
 * any step, Playwright looks for it by walking every step the test has recorded so far, so each of a
 * test's thousands of requests and checks cost more than the one before: that walk was the largest
 * part of the workers' CPU in this tier.
 */
export function inSequenceStep(title: string, body: () => Promise<void>): Promise<void> {
  return base.step(title, body);
}

export interface ModelFixtures {
  /**
   * Runs `runs` random command sequences against the edge, each in a tenant of its own with two
   * billing groups, then checks the end-of-sequence invariants. Seeded from the test's id unless
   * FC_SEED is set; FC_PATH replays one counterexample. A failure attaches the shrunk sequence.
   */
  runBillingModel: (runs: number) => Promise<void>;
}

export const test = base.extend<ModelFixtures>({
  runBillingModel: async ({ createTenant, dataName }, use, testInfo) => {
    await use(async (runs) => {
      const tally = { sequences: 0, commands: 0 };
      let sequence = 0;
      const setup = async (roundingModes: RoundingMode[]) => {
        sequence += 1;
        const { api } = await createTenant(`${dataName}-seq-${sequence}`);
        const contracts = await Promise.all(
          Object.entries(CONTRACTS).map(async ([key, terms]) => {
            const created = await api.create<{ id: string }>('/v1/contracts', { name: key, ...terms });
            return [key, created.id] as const;
          }),
        );
        const contractIds = Object.fromEntries(contracts) as Record<ContractKey, string>;
        const groups = await Promise.all(
          roundingModes.map(async (roundingMode, index) => ({
            index,
            id: (
              await api.create<{ id: string }>('/v1/billing-groups', { name: `group-${index}`, roundingMode })
            ).id,
            roundingMode,
            events: new Map(),
            adjustments: new Map(),
            assignments: [],
            statements: [],
            grants: [],
            payments: [],
          })),
        );
        const model: BillingModel = { groups, contractIds, counter: 0 };
        return { model, real: new BillingSystem(api) };
      };
      const property = fc.asyncProperty(
        fc.array(fc.constantFrom(...ROUNDING_MODES), { minLength: 2, maxLength: 2 }),
        new GeneratedAtLeast(billingCommands(Math.round(MIN_COMMANDS * 1.5)), MIN_COMMANDS),
        (roundingModes, commands) =>
          inSequenceStep(`sequence ${sequence + 1} (${roundingModes.join(', ')})`, async () => {
            const { model, real } = await setup(roundingModes);
            await fc.asyncModelRun(async () => ({ model, real }), commands);
            await expectInvariants(model, real);
            tally.sequences += 1;
            tally.commands += [...commands].length;
          }),
      );
      const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : seedFromText(testInfo.testId);
      const path = process.env.FC_PATH;
      const result = await fc.check(property, {
        numRuns: runs,
        seed,
        path,
        endOnFailure: false,
        // Shrinking a long sequence can outlast the test: stop in time to report the smallest
        // counterexample found so far rather than a bare timeout. Running out of time before any
        // failure fails the test too, as the timeout would have.
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
        const replay = `FC_SEED=${result.seed} FC_PATH=${result.counterexamplePath}`;
        const [roundingModes, commands] = result.counterexample ?? [];
        await testInfo.attach('shrunk counterexample', {
          body: `${replay}\nrounding modes: ${roundingModes}\n${String(commands).split(',').join('\n')}\n\n${String(result.errorInstance ?? '')}`,
          contentType: 'text/plain',
        });
        const found = result.counterexample
          ? `the model found a counterexample after ${result.numRuns} sequences (${result.numShrinks} shrinks${result.interrupted ? ', stopped for time' : ''})`
          : `the model ran out of time after ${result.numRuns} sequences`;
        throw new Error(
          `${found}\n` +
            `Replay with ${replay}\n${fc.defaultReportMessage(result)}\n\n${String(result.errorInstance ?? '')}`,
        );
      }
    });
  },
});
