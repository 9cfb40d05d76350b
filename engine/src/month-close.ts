/**
 * The month-end batch (DOMAIN §7) as data: which groups still need closing, and the job's
 * progress. The caller owns the I/O; these rules make a re-run close nothing twice and let a
 * crashed job resume from what is already closed.
 */

export interface MonthCloseCandidate {
  billingGroupId: string;
  closed: boolean;
}

export interface MonthClosePlan {
  toClose: string[];
  alreadyClosed: string[];
}

/** Splits the groups into those to close and those a previous run already closed, in id order. */
export function planMonthClose(groups: readonly MonthCloseCandidate[]): MonthClosePlan {
  const sorted = [...groups].sort((a, b) => (a.billingGroupId < b.billingGroupId ? -1 : 1));
  return {
    toClose: sorted.filter((group) => !group.closed).map((group) => group.billingGroupId),
    alreadyClosed: sorted.filter((group) => group.closed).map((group) => group.billingGroupId),
  };
}

export interface MonthCloseProgress {
  total: number;
  done: number;
  failed: number;
  errors: { billingGroupId: string; message: string }[];
}

export type MonthCloseOutcome =
  | { billingGroupId: string; ok: true }
  | { billingGroupId: string; ok: false; message: string };

/** A job starts with the groups a previous run closed already counted as done. */
export function startMonthClose(plan: MonthClosePlan): MonthCloseProgress {
  return {
    total: plan.toClose.length + plan.alreadyClosed.length,
    done: plan.alreadyClosed.length,
    failed: 0,
    errors: [],
  };
}

export type MonthCloseErrors = MonthCloseProgress['errors'];

/**
 * The groups one step of a job closes next: the plan's open groups in id order, less those this job
 * already failed on (a job tries each group once; POSTing again retries them), at most `size`.
 */
export function nextMonthCloseBatch(plan: MonthClosePlan, errors: MonthCloseErrors, size: number): string[] {
  const failed = new Set(errors.map((error) => error.billingGroupId));
  return plan.toClose.filter((billingGroupId) => !failed.has(billingGroupId)).slice(0, size);
}

/**
 * A job's progress after a step, derived from the plan the step started from (what storage held),
 * the errors of earlier steps and the step's outcomes, never carried from memory: a step that was cut
 * off and run again arrives at the same numbers. A group that failed earlier but is closed now (by
 * hand, say) counts as done, not failed.
 */
export function progressAfterStep(
  plan: MonthClosePlan,
  earlierErrors: MonthCloseErrors,
  outcomes: readonly MonthCloseOutcome[],
): MonthCloseProgress {
  const closed = new Set(plan.alreadyClosed);
  const errors = [
    ...earlierErrors.filter((error) => !closed.has(error.billingGroupId)),
    ...outcomes.flatMap((outcome) =>
      outcome.ok ? [] : [{ billingGroupId: outcome.billingGroupId, message: outcome.message }],
    ),
  ];
  return {
    total: plan.toClose.length + plan.alreadyClosed.length,
    done: plan.alreadyClosed.length + outcomes.filter((outcome) => outcome.ok).length,
    failed: errors.length,
    errors,
  };
}
