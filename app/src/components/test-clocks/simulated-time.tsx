import Link from 'next/link';
import { formatClockTime } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { loadTestClock } from '@/loaders/test-clocks';

/**
 * A billing group on a test clock says so where its name is: "Simulated time: …", the group's now,
 * and a link to its clock by name (or "Test clock" when the clock cannot be read), whose advance
 * moves it. Without it, a month that closed by itself, or a due date weeks off today, would puzzle.
 */
export async function SimulatedTime({ testClockId, time }: { testClockId: string; time: string }) {
  const { locale, t } = await getI18n();
  const clock = await loadTestClock(testClockId);
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span
        data-simulated-time=""
        className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 font-semibold text-amber-900"
      >
        {t.groups.simulatedTime}: <time dateTime={time}>{formatClockTime(time, locale)}</time>
      </span>
      <Link href={`/test-clocks#clock-${testClockId}`} className="text-blue-800 underline wrap-anywhere">
        {t.groups.onTestClock(clock.ok ? clock.data.name : t.testClocks.title)}
      </Link>
    </p>
  );
}
