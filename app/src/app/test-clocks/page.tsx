import type { Metadata } from 'next';
import { Suspense } from 'react';
import type { TestClock } from '@/api/types';
import { PageRefresher } from '@/components/common/page-refresher';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { AdvanceTestClockForm } from '@/components/test-clocks/advance-test-clock-form';
import { ClockProgress } from '@/components/test-clocks/clock-progress';
import { CreateTestClockForm } from '@/components/test-clocks/create-test-clock-form';
import { DeleteTestClockButton } from '@/components/test-clocks/delete-test-clock-button';
import { formatClockTime, formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { loadTestClocks } from '@/loaders/test-clocks';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.testClocks.title };
}

/** How far either side of this year a new clock may start (the API takes 2000 to 2099). */
const START_YEARS_AROUND = 5;

/**
 * The tenant's test clocks (DOMAIN §8a): create one frozen at a time, and for each its simulated
 * time and status, an advance with its progress (the page re-reads itself while one runs), and
 * delete. Each clock has an anchor (`#clock-{id}`) the billing groups on it link to.
 */
export default async function TestClocksPage() {
  const { t } = await getI18n();
  const year = new Date().getUTCFullYear();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.testClocks.title}</h1>
        <p className="text-sm text-slate-600">{t.testClocks.intro}</p>
      </header>
      <section className="card min-w-0">
        <CreateTestClockForm
          years={{ first: Math.max(2000, year - START_YEARS_AROUND), last: year + START_YEARS_AROUND }}
        />
      </section>
      <section aria-labelledby="clocks-heading" className="card flex min-w-0 flex-col gap-3">
        {/* Focusable from script: where focus goes once a deleted clock's card is gone. */}
        <h2 id="clocks-heading" tabIndex={-1} className="text-lg font-semibold">
          {t.testClocks.listHeading}
        </h2>
        <Suspense fallback={<LoadingState />}>
          <ClockList />
        </Suspense>
      </section>
    </div>
  );
}

async function ClockList() {
  const { locale, t } = await getI18n();
  const loaded = await loadTestClocks();
  if (!loaded.ok) return <ErrorState problem={loaded.problem} locale={locale} />;
  if (loaded.data.length === 0) return <EmptyState>{t.testClocks.none}</EmptyState>;
  return (
    <>
      <ul aria-labelledby="clocks-heading" className="flex flex-col gap-3">
        {loaded.data.map((clock) => (
          <li key={clock.id}>
            <ClockCard clock={clock} />
          </li>
        ))}
      </ul>
      {loaded.data.some((clock) => clock.status === 'ADVANCING') ? (
        <PageRefresher message={t.testClocks.refreshing} />
      ) : null}
    </>
  );
}

async function ClockCard({ clock }: { clock: TestClock }) {
  const { locale, t } = await getI18n();
  const nameId = `clock-${clock.id}-name`;
  return (
    <article
      id={`clock-${clock.id}`}
      aria-labelledby={nameId}
      data-status={clock.status}
      className="flex min-w-0 scroll-mt-4 flex-col gap-3 rounded-lg border border-slate-200 p-3 target:border-blue-700 target:ring-2 target:ring-blue-200"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        {/* Focusable from script: where focus goes once an advance starts and its form closes. */}
        <h3 id={nameId} tabIndex={-1} className="text-base font-semibold wrap-anywhere">
          {clock.name}
        </h3>
        <p>
          <span className="sr-only">{t.testClocks.status}: </span>
          <span
            data-status={clock.status}
            className="rounded bg-green-100 px-2 py-0.5 text-sm font-semibold text-green-900 data-[status=ADVANCING]:bg-amber-100 data-[status=ADVANCING]:text-amber-900"
          >
            {t.testClocks.statuses[clock.status]}
          </span>
        </p>
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_max-content]">
        <dt className="text-slate-600">{t.testClocks.time}</dt>
        <dd className="font-medium">
          <time dateTime={clock.frozenTime} data-clock-time="">
            {formatClockTime(clock.frozenTime, locale)}
          </time>
        </dd>
        <dt className="text-slate-600">{t.testClocks.createdAt}</dt>
        <dd>{formatDate(clock.createdAt, locale)}</dd>
      </dl>
      {/* Always there, so that a screen reader hears what comes into it: the advance starting (its
          target and runs so far) and its end, read politely between the page's re-reads. Empty (a
          clock never advanced), it is taken out of the card's flow, which would space it as a row. */}
      <div role="status" className="flex min-w-0 flex-col gap-1 empty:absolute">
        {clock.status === 'ADVANCING' && clock.advancingTo ? (
          <p className="text-sm">{t.testClocks.advancingTo(formatClockTime(clock.advancingTo, locale))}</p>
        ) : null}
        <ClockProgress clock={clock} t={t} />
      </div>
      {/* Closed while the clock advances: it would start from a time the clock is only passing
          through (the target is said above). A new key once the clock has moved: the form starts
          again from its new time. */}
      {clock.status === 'ADVANCING' ? null : <AdvanceTestClockForm key={clock.frozenTime} clock={clock} />}
      <DeleteTestClockButton clock={clock} />
    </article>
  );
}
