import type { TestClock } from '@/api/types';
import type { Messages } from '@/i18n/messages';

/**
 * How far a clock's advance has come: a bar of the daily runs passed (`role="progressbar"`, its
 * value also said in words, so colour is never the only sign) with "12 of 31 daily runs done". A
 * READY clock shows its last advance the same way; a clock never advanced, or one whose last
 * advance passed no 02:00 run, shows none.
 */
export function ClockProgress({ clock, t }: { clock: TestClock; t: Messages }) {
  const { runsDone, runsTotal } = clock.progress;
  if (runsTotal === 0) return null;
  const words = t.testClocks.progress(runsDone, runsTotal);
  const label =
    clock.status === 'ADVANCING'
      ? t.testClocks.progressLabel(clock.name)
      : t.testClocks.lastProgressLabel(clock.name);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={runsTotal}
        aria-valuenow={runsDone}
        aria-valuetext={words}
        data-status={clock.status}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full bg-blue-700 transition-[width] data-[done=true]:bg-green-600"
          data-done={runsDone === runsTotal}
          style={{ width: `${(runsDone / runsTotal) * 100}%` }}
        />
      </div>
      <p className="text-sm">{words}</p>
    </div>
  );
}
