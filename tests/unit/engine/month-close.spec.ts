import {
  isMonthCloseComplete,
  type MonthCloseCandidate,
  type MonthCloseProgress,
  planMonthClose,
  recordMonthCloseOutcome,
  startMonthClose,
} from '@billing/engine';
import { expect, test } from '../../support/api-test';

function groups(closed: Record<string, boolean>): MonthCloseCandidate[] {
  return Object.entries(closed).map(([billingGroupId, isClosed]) => ({ billingGroupId, closed: isClosed }));
}

/** Runs a job over its plan: `failing` groups fail, the rest close; returns the final progress. */
function runJob(candidates: MonthCloseCandidate[], failing: string[] = []): MonthCloseProgress {
  const plan = planMonthClose(candidates);
  return plan.toClose.reduce(
    (progress, billingGroupId) =>
      recordMonthCloseOutcome(
        progress,
        failing.includes(billingGroupId)
          ? { billingGroupId, ok: false, message: `${billingGroupId} has no price book` }
          : { billingGroupId, ok: true },
      ),
    startMonthClose(plan),
  );
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

test.describe('month close: progress', () => {
  test('each closed group counts as done', () => {
    const start = startMonthClose(planMonthClose(groups({ 'bg-a': false, 'bg-b': false })));

    const progress = recordMonthCloseOutcome(start, { billingGroupId: 'bg-a', ok: true });

    expect(progress).toEqual({ total: 2, done: 1, failed: 0, errors: [] });
    expect(start.done).toBe(0);
  });

  test('a failed group is counted and its error kept, and the others go on', () => {
    const progress = runJob(groups({ 'bg-a': false, 'bg-b': false, 'bg-c': false }), ['bg-b']);

    expect(progress).toEqual({
      total: 3,
      done: 2,
      failed: 1,
      errors: [{ billingGroupId: 'bg-b', message: 'bg-b has no price book' }],
    });
  });

  test('a job is complete once every group is done or failed', () => {
    const start = startMonthClose(planMonthClose(groups({ 'bg-a': false, 'bg-b': false })));
    const halfway = recordMonthCloseOutcome(start, { billingGroupId: 'bg-a', ok: true });
    const finished = recordMonthCloseOutcome(halfway, { billingGroupId: 'bg-b', ok: false, message: 'boom' });

    expect([start, halfway, finished].map(isMonthCloseComplete)).toEqual([false, false, true]);
  });

  test('a month with no billing groups is complete at once', () => {
    expect(isMonthCloseComplete(startMonthClose(planMonthClose([])))).toBe(true);
  });
});

test.describe('month close: idempotent and resumable', () => {
  test('a re-run after a complete run closes nothing twice', () => {
    const plan = planMonthClose(groups({ 'bg-a': true, 'bg-b': true }));

    expect(plan.toClose).toEqual([]);
    expect(startMonthClose(plan)).toEqual({ total: 2, done: 2, failed: 0, errors: [] });
    expect(isMonthCloseComplete(startMonthClose(plan))).toBe(true);
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
