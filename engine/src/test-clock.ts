import { IssueCollector } from './errors';

/**
 * Test clocks (DOMAIN §8a): the arithmetic of an advance, pure. The host's scheduled run (DOMAIN §7)
 * fires daily at 02:00 UTC; advancing a clock replays exactly those runs between its time and the
 * target, one at a time, so an advance in one step and in many small steps run the same runs at the
 * same instants and give the same statements.
 */

/** The hour (UTC) of the daily scheduled run: auto-close, credit expiry, alerts. */
export const SCHEDULED_RUN_HOUR_UTC = 2;

/** How far one advance may move a clock: two calendar years. */
export const MAX_ADVANCE_YEARS = 2;

const DAY_MS = 24 * 60 * 60 * 1000;
const RUN_OFFSET_MS = SCHEDULED_RUN_HOUR_UTC * 60 * 60 * 1000;

/** The first scheduled run strictly after `millis`. */
export function nextScheduledRun(millis: number): number {
  const dayStart = Math.floor((millis - RUN_OFFSET_MS) / DAY_MS) * DAY_MS;
  return dayStart + RUN_OFFSET_MS + DAY_MS;
}

/** How many scheduled runs fall in (`from`, `to`]. */
export function scheduledRunsBetween(from: number, to: number): number {
  const first = nextScheduledRun(from);
  return first > to ? 0 : Math.floor((to - first) / DAY_MS) + 1;
}

/** `millis` plus whole calendar years in UTC (29 February lands on 1 March). */
function addYears(millis: number, years: number): number {
  const date = new Date(millis);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}

/**
 * Checks an advance's target against the clock's time: strictly later (a clock never moves
 * backwards, and standing still is no advance), and at most two years on. Throws a ValidationError
 * naming `to`.
 */
export function assertAdvanceTarget(frozenTime: number, to: number): void {
  const issues = new IssueCollector();
  if (to <= frozenTime) {
    issues.add(
      'to',
      'after-frozen-time',
      `must be after the clock's time ${new Date(frozenTime).toISOString()}`,
    );
  } else if (to > addYears(frozenTime, MAX_ADVANCE_YEARS)) {
    issues.add(
      'to',
      'max-advance',
      `may be at most ${MAX_ADVANCE_YEARS} years after the clock's time ${new Date(frozenTime).toISOString()}`,
    );
  }
  issues.throwIfAny();
}

/** The first scheduled run at or after `millis`. */
export function scheduledRunAtOrAfter(millis: number): number {
  return nextScheduledRun(millis - 1);
}

/** The first run on the 1st of a month (auto-close, a new month's budgets) strictly after `millis`. */
export function monthStartRunAfter(millis: number): number {
  const date = new Date(millis);
  const thisMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1, SCHEDULED_RUN_HOUR_UTC);
  return thisMonth > millis
    ? thisMonth
    : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1, SCHEDULED_RUN_HOUR_UTC);
}

/** Where an advance stands, as its clock stores it. */
export interface AdvanceState {
  frozenTime: number;
  /** The instant whose scheduled tasks have run. */
  ranThrough: number;
  advancingTo: number;
  runsDone: number;
}

/**
 * What the clock's groups have coming, read from storage before a move: the instants from which a
 * run has work (a credit grant's expiry, and seven days before it for `credit.expiring`), and
 * whether the very next run has work whatever the date (an open month an auto-close must catch up,
 * a task of the last run that failed and is tried again).
 */
export interface AdvanceAgenda {
  workFrom: readonly number[];
  nextRunHasWork: boolean;
}

/**
 * The next durable step of an advance:
 * - `run`: the clock stands on a scheduled run whose tasks have not run: run them at `at`;
 * - `move`: move the clock onto the next scheduled run with work (its tasks are the following
 *   step), passing the runs between, which would have found nothing to do;
 * - `finish`: no run with work is left before the target: move the clock there; the advance is done.
 * The runs with work are the month starts, the runs at or after each instant of `agenda.workFrom`,
 * and the next run when `agenda.nextRunHasWork`: facts of the data, not of where earlier advances
 * stopped, so the same runs run whatever steps the clock was advanced in. Each step is one write,
 * so a step cut off by a crash is simply taken again: moving is idempotent, and so are the tasks (a
 * close refuses a second statement, an expiry finds nothing left, an alert is written once).
 */
export type AdvanceStep =
  | { kind: 'run'; at: number }
  | { kind: 'move'; to: number; runsDone: number }
  | { kind: 'finish'; to: number; runsDone: number };

export function nextAdvanceStep(state: AdvanceState, agenda: AdvanceAgenda): AdvanceStep {
  const { frozenTime, advancingTo, runsDone } = state;
  if (state.ranThrough < frozenTime) return { kind: 'run', at: frozenTime };
  const candidates = agenda.nextRunHasWork
    ? [nextScheduledRun(frozenTime)]
    : [
        monthStartRunAfter(frozenTime),
        ...agenda.workFrom.map(scheduledRunAtOrAfter).filter((run) => run > frozenTime),
      ];
  const target = Math.min(...candidates);
  if (target <= advancingTo) {
    return { kind: 'move', to: target, runsDone: runsDone + scheduledRunsBetween(frozenTime, target) };
  }
  return {
    kind: 'finish',
    to: advancingTo,
    runsDone: runsDone + scheduledRunsBetween(frozenTime, advancingTo),
  };
}
