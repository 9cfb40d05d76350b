import {
  assertAdvanceTarget,
  monthStartRunAfter,
  nextAdvanceStep,
  nextScheduledRun,
  scheduledRunAtOrAfter,
  scheduledRunsBetween,
  ValidationError,
} from '@billing/engine';
import { expect, test } from '../../support/api-test';

const at = (text: string) => Date.parse(text);
const iso = (millis: number) => new Date(millis).toISOString();
const NOTHING = { workFrom: [], nextRunHasWork: false };

test.describe('engine: test clock arithmetic (DOMAIN §8a)', () => {
  test('scheduled runs are daily at 02:00 UTC; "after" is strict, "at or after" is not', () => {
    expect(iso(nextScheduledRun(at('2026-01-10T00:00:00Z')))).toBe('2026-01-10T02:00:00.000Z');
    expect(iso(nextScheduledRun(at('2026-01-10T02:00:00Z')))).toBe('2026-01-11T02:00:00.000Z');
    expect(iso(scheduledRunAtOrAfter(at('2026-01-10T02:00:00Z')))).toBe('2026-01-10T02:00:00.000Z');
    expect(scheduledRunsBetween(at('2026-01-10T00:00:00Z'), at('2026-02-10T00:00:00Z'))).toBe(31);
    expect(scheduledRunsBetween(at('2026-01-10T02:00:00Z'), at('2026-01-11T02:00:00Z'))).toBe(1);
    expect(scheduledRunsBetween(at('2026-01-10T03:00:00Z'), at('2026-01-11T01:59:59Z'))).toBe(0);
  });

  test('the month-start run after an instant: today’s when the 1st’s run is still ahead', () => {
    expect(iso(monthStartRunAfter(at('2026-01-01T01:00:00Z')))).toBe('2026-01-01T02:00:00.000Z');
    expect(iso(monthStartRunAfter(at('2026-01-01T02:00:00Z')))).toBe('2026-02-01T02:00:00.000Z');
    expect(iso(monthStartRunAfter(at('2026-12-31T23:00:00Z')))).toBe('2027-01-01T02:00:00.000Z');
  });

  test('a target must be after the clock and at most two calendar years on, named `to`', () => {
    const from = at('2024-02-29T00:00:00Z');
    const rule = (to: number) => {
      try {
        assertAdvanceTarget(from, to);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => [issue.field, issue.rule]);
      }
    };
    expect(rule(from)).toEqual([['to', 'after-frozen-time']]);
    expect(rule(from - 1)).toEqual([['to', 'after-frozen-time']]);
    // 2024-02-29 plus two years is 2026-03-01 in UTC.
    expect(rule(at('2026-03-01T00:00:00Z'))).toBeNull();
    expect(rule(at('2026-03-01T00:00:00.001Z'))).toEqual([['to', 'max-advance']]);
  });

  test('an advance runs the tasks it stands on, then moves to the next run with work, then finishes', () => {
    const state = {
      frozenTime: at('2026-01-10T00:00:00Z'),
      ranThrough: at('2026-01-10T00:00:00Z'),
      advancingTo: at('2026-03-15T00:00:00Z'),
      runsDone: 0,
    };
    // Nothing to do before February's first run: the 22 runs before it are passed, and it is the 23rd.
    const move = nextAdvanceStep(state, NOTHING);
    expect(move).toEqual({ kind: 'move', to: at('2026-02-01T02:00:00Z'), runsDone: 23 });
    const moved = { ...state, frozenTime: at('2026-02-01T02:00:00Z'), runsDone: 23 };
    expect(nextAdvanceStep(moved, NOTHING)).toEqual({ kind: 'run', at: at('2026-02-01T02:00:00Z') });
    // A grant expiring on the 20th: the run that reports it expiring (7 days before), then its own.
    const ran = { ...moved, ranThrough: moved.frozenTime };
    const expiry = at('2026-02-20T00:00:00Z');
    const agenda = { workFrom: [expiry, expiry - 7 * 86_400_000], nextRunHasWork: false };
    expect(nextAdvanceStep(ran, agenda)).toMatchObject({ kind: 'move', to: at('2026-02-13T02:00:00Z') });
    // Work for the next run whatever the date (a failed task, an open month): the next day's run.
    expect(nextAdvanceStep(ran, { workFrom: [], nextRunHasWork: true })).toMatchObject({
      kind: 'move',
      to: at('2026-02-02T02:00:00Z'),
      runsDone: 24,
    });
    const late = { ...ran, frozenTime: at('2026-03-01T02:00:00Z'), ranThrough: at('2026-03-01T02:00:00Z') };
    expect(nextAdvanceStep(late, NOTHING)).toEqual({
      kind: 'finish',
      to: at('2026-03-15T00:00:00Z'),
      // The runs of March 2nd to 14th, passed on the way to the target.
      runsDone: 23 + 13,
    });
  });
});
