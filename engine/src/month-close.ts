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

export function recordMonthCloseOutcome(
  progress: MonthCloseProgress,
  outcome: MonthCloseOutcome,
): MonthCloseProgress {
  if (outcome.ok) return { ...progress, done: progress.done + 1 };
  return {
    ...progress,
    failed: progress.failed + 1,
    errors: [...progress.errors, { billingGroupId: outcome.billingGroupId, message: outcome.message }],
  };
}

export function isMonthCloseComplete(progress: MonthCloseProgress): boolean {
  return progress.done + progress.failed >= progress.total;
}
