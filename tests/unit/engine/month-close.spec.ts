import {
  type MonthCloseCandidate,
  type MonthCloseOutcome,
  type MonthCloseProgress,
  nextMonthCloseBatch,
  planMonthClose,
  progressAfterStep,
  startMonthClose,
} from '@billing/engine';
import { expect, test } from '../../support/api-test';

function groups(closed: Record<string, boolean>): MonthCloseCandidate[] {
  return Object.entries(closed).map(([billingGroupId, isClosed]) => ({ billingGroupId, closed: isClosed }));
}

/**
 * Runs a job step by step as the edge's runners do: each step plans from what is closed now, closes
 * the next batch (`failing` groups fail), and derives the progress; returns the final progress.
 */
function runJob(
  candidates: MonthCloseCandidate[],
  failing: string[] = [],
  batchSize = 2,
): MonthCloseProgress {
  const closed = new Map(candidates.map((group) => [group.billingGroupId, group.closed]));
  let progress = startMonthClose(planMonthClose(candidates));
  for (;;) {
    const plan = planMonthClose(
      [...closed].map(([billingGroupId, isClosed]) => ({ billingGroupId, closed: isClosed })),
    );
    const batch = nextMonthCloseBatch(plan, progress.errors, batchSize);
    if (batch.length === 0) return progress;
    const outcomes = batch.map((billingGroupId): MonthCloseOutcome => {
      if (failing.includes(billingGroupId))
        return { billingGroupId, ok: false, message: `${billingGroupId} has no price book` };
      closed.set(billingGroupId, true);
      return { billingGroupId, ok: true };
    });
    progress = progressAfterStep(plan, progress.errors, outcomes);
  }
}

test.describe('month close: planning', () => {
  test('the plan splits the groups into those to close and those already closed, in id order', () => {
    expect(planMonthClose(groups({ 'bg-c': false, 'bg-a': true, 'bg-b': false, 'bg-d': true }))).toEqual({
      toClose: ['bg-b', 'bg-c'],
      alreadyClosed: ['bg-a', 'bg-d'],
    });
  });

  test('a job starts with the groups closed by an earlier run already counted as done', () => {
    const plan = planMonthClose(groups({ 'bg-a': true, 'bg-b': false, 'bg-c': false }));

    expect(startMonthClose(plan)).toEqual({ total: 3, done: 1, failed: 0, errors: [] });
  });
});

test.describe('month close: steps', () => {
  test('a step closes the next groups in id order, at most its batch size', () => {
    const plan = planMonthClose(groups({ 'bg-c': false, 'bg-a': false, 'bg-b': false, 'bg-d': true }));

    expect(nextMonthCloseBatch(plan, [], 2)).toEqual(['bg-a', 'bg-b']);
  });

  test('a step skips the groups this job failed on before', () => {
    const plan = planMonthClose(groups({ 'bg-a': false, 'bg-b': false, 'bg-c': false }));

    expect(nextMonthCloseBatch(plan, [{ billingGroupId: 'bg-a', message: 'boom' }], 5)).toEqual([
      'bg-b',
      'bg-c',
    ]);
  });

  test('the progress after a step counts what storage holds closed plus the step’s outcomes', () => {
    const plan = planMonthClose(groups({ 'bg-a': true, 'bg-b': false, 'bg-c': false }));

    const progress = progressAfterStep(
      plan,
      [],
      [
        { billingGroupId: 'bg-b', ok: true },
        { billingGroupId: 'bg-c', ok: false, message: 'boom' },
      ],
    );

    expect(progress).toEqual({
      total: 3,
      done: 2,
      failed: 1,
      errors: [{ billingGroupId: 'bg-c', message: 'boom' }],
    });
  });

  test('a step run again after a crash arrives at the same progress: nothing counted twice', () => {
    // The first try closed bg-b and died before saving; the second try plans with bg-b closed.
    const before = planMonthClose(groups({ 'bg-a': false, 'bg-b': false }));
    const retried = planMonthClose(groups({ 'bg-a': false, 'bg-b': true }));

    const once = progressAfterStep(
      before,
      [],
      [
        { billingGroupId: 'bg-a', ok: true },
        { billingGroupId: 'bg-b', ok: true },
      ],
    );
    const again = progressAfterStep(retried, [], [{ billingGroupId: 'bg-a', ok: true }]);

    expect(again).toEqual(once);
    expect(again).toEqual({ total: 2, done: 2, failed: 0, errors: [] });
  });

  test('a group that failed earlier and was closed since counts as done, not failed', () => {
    const plan = planMonthClose(groups({ 'bg-a': true, 'bg-b': true }));

    expect(progressAfterStep(plan, [{ billingGroupId: 'bg-a', message: 'boom' }], [])).toEqual({
      total: 2,
      done: 2,
      failed: 0,
      errors: [],
    });
  });

  test('a failed group is counted and its error kept, and the others go on', () => {
    const progress = runJob(groups({ 'bg-a': false, 'bg-b': false, 'bg-c': false }), ['bg-b'], 1);

    expect(progress).toEqual({
      total: 3,
      done: 2,
      failed: 1,
      errors: [{ billingGroupId: 'bg-b', message: 'bg-b has no price book' }],
    });
  });

  test('a month with no billing groups has nothing to close', () => {
    const plan = planMonthClose([]);

    expect(nextMonthCloseBatch(plan, [], 10)).toEqual([]);
    expect(startMonthClose(plan)).toEqual({ total: 0, done: 0, failed: 0, errors: [] });
  });
});

test.describe('month close: idempotent and resumable', () => {
  test('a re-run after a complete run closes nothing twice', () => {
    const plan = planMonthClose(groups({ 'bg-a': true, 'bg-b': true }));

    expect(plan.toClose).toEqual([]);
    expect(startMonthClose(plan)).toEqual({ total: 2, done: 2, failed: 0, errors: [] });
    expect(nextMonthCloseBatch(plan, [], 10)).toEqual([]);
  });

  test('a job resumed after a crash closes only the groups still open', () => {
    const closedBeforeCrash = { 'bg-a': true, 'bg-b': true, 'bg-c': false, 'bg-d': false };
    const plan = planMonthClose(groups(closedBeforeCrash));

    expect(plan.toClose).toEqual(['bg-c', 'bg-d']);
    expect(runJob(groups(closedBeforeCrash))).toEqual({ total: 4, done: 4, failed: 0, errors: [] });
  });

  test('a re-run retries only the groups that failed before', () => {
    const first = runJob(groups({ 'bg-a': false, 'bg-b': false }), ['bg-b']);
    expect(first.failed).toBe(1);

    const retry = planMonthClose(groups({ 'bg-a': true, 'bg-b': false }));

    expect(retry.toClose).toEqual(['bg-b']);
    expect(runJob(groups({ 'bg-a': true, 'bg-b': false }))).toEqual({
      total: 2,
      done: 2,
      failed: 0,
      errors: [],
    });
  });
});
