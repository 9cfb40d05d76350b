import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import {
  type ClockChoice,
  CreateBillingGroupForm,
} from '@/components/billing-groups/create-billing-group-form';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { formatClockTime, formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { loadBillingGroups } from '@/loaders/billing-groups';
import { loadTestClocks } from '@/loaders/test-clocks';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.groups.title };
}

/** The heading and the create form show at once; the list follows when the edge has answered. */
export default async function BillingGroupsPage({ searchParams }: PageProps<'/billing-groups'>) {
  const { locale, t } = await getI18n();
  const { cursor } = await searchParams;
  // Not awaited: the form draws at once, and its clock select fills in when the clocks arrive. A
  // failure to read them leaves only real time to choose; the group can still be created.
  const clocks: Promise<ClockChoice[]> = loadTestClocks().then((loaded) =>
    loaded.ok
      ? loaded.data.map((clock) => ({
          id: clock.id,
          label: t.groups.testClockOption(clock.name, formatClockTime(clock.frozenTime, locale)),
        }))
      : [],
  );
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t.groups.title}</h1>
        <p className="text-sm text-slate-600">{t.groups.intro}</p>
      </header>
      {/* One column on a phone, held to the page's width: an implicit column grows to its widest
          content, the clock select's longest option, and the page would scroll sideways. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="groups-list" className="card table-stack overflow-x-auto">
          <h2 id="groups-list" className="sr-only">
            {t.groups.title}
          </h2>
          <Suspense fallback={<LoadingState />}>
            <BillingGroupList cursor={typeof cursor === 'string' ? cursor : undefined} />
          </Suspense>
        </section>
        <section aria-labelledby="groups-create" className="card">
          <h2 id="groups-create" className="mb-2 text-lg font-semibold">
            {t.groups.createHeading}
          </h2>
          <CreateBillingGroupForm clocks={clocks} />
        </section>
      </div>
    </div>
  );
}

async function BillingGroupList({ cursor }: { cursor: string | undefined }) {
  const { locale, t } = await getI18n();
  const page = await loadBillingGroups(cursor);
  if (!page.ok) return <ErrorState problem={page.problem} locale={locale} />;
  return (
    <>
      {page.data.items.length === 0 ? (
        <EmptyState>{t.groups.empty}</EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.groups.name}</th>
              <th scope="col">{t.groups.currency}</th>
              <th scope="col">{t.groups.createdAt}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((group) => (
              <tr key={group.id}>
                <td data-primary="">
                  <Link href={`/billing-groups/${group.id}`} className="font-medium text-blue-800 underline">
                    {group.name}
                  </Link>
                </td>
                <td data-label={t.groups.currency}>{group.currency}</td>
                <td data-label={t.groups.createdAt} className="whitespace-nowrap">
                  {formatDate(group.createdAt, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.data.nextCursor ? (
        <Link
          href={`/billing-groups?cursor=${encodeURIComponent(page.data.nextCursor)}`}
          className="mt-2 inline-block text-blue-800 underline"
        >
          {t.groups.nextPage}
        </Link>
      ) : null}
    </>
  );
}
