import { MIN_COMMANDS, MODEL_RUNS, test } from './model-test';

/**
 * Stateful model-based tests of the real edge (issue 15): random sequences and concurrent bursts of
 * ingest, adjust, credit, contract, close, close-month job, void and reissue, pay and refund, over
 * two billing groups and three months, each checked against a model that learns from the answers
 * and prices with the regression oracle. The runs are split over several tests so that every
 * worker takes a share; each sequence lives in a tenant of its own.
 */
const PARTS = 6;
const runsOfPart = (part: number) => Math.floor(MODEL_RUNS / PARTS) + (part < MODEL_RUNS % PARTS ? 1 : 0);

for (let part = 0; part < PARTS; part += 1) {
  const runs = runsOfPart(part);
  test(`accepted means billed: ${runs} sequences of ${MIN_COMMANDS}+ commands (part ${part + 1} of ${PARTS})`, {
    tag: ['@regression'],
    annotation: { type: 'issue', description: 'issue 15 item 3: stateful model-based tests' },
  }, async ({ runBillingModel }) => {
    // A sequence takes about a second on 2 cores; shrinking a failure takes more.
    test.setTimeout(60_000 + runs * 6_000);
    await runBillingModel(runs);
  });
}
