import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import type { BillingGroup } from '@/api/types';
import { DashboardTabs } from '@/components/billing-groups/dashboard-tabs';
import { MonthPicker } from '@/components/billing-groups/month-picker';
import { CreditsSection } from '@/components/billing-groups/sections/credits-section';
import { OverviewSection } from '@/components/billing-groups/sections/overview-section';
import { StatementsSection } from '@/components/billing-groups/sections/statements-section';
import { UsageSection } from '@/components/billing-groups/sections/usage-section';
import { LoadingState } from '@/components/feedback/loading-state';
import { ReadFailure } from '@/components/feedback/read-failure';
import { SimulatedTime } from '@/components/test-clocks/simulated-time';
import { getI18n } from '@/i18n/server';
import { type DashboardTab, dashboardTab, pickableMonths } from '@/lib/dashboard-tabs';
import { currentMonth, isMonth } from '@/lib/months';
import { loadBillingGroup } from '@/loaders/billing-groups';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.groups.title };
}

/**
 * One billing group, in sections (overview, usage, credits, statements), each its own URL and each
 * reading only what it shows. The group's name, the month picker and the sections' links show as
 * soon as the group is read (an unknown group is a 404 before anything is drawn); the section
 * follows behind one "Loading…" when the edge has answered, and stays while the next one loads.
 */
export default async function BillingGroupDashboard({
  params,
  searchParams,
}: PageProps<'/billing-groups/[billingGroupId]'>) {
  const { locale, t } = await getI18n();
  const { billingGroupId } = await params;
  const query = await searchParams;
  const tab = dashboardTab(query.tab);

  const group = await loadBillingGroup(billingGroupId);
  if (!group.ok) return <ReadFailure failure={group} locale={locale} />;
  // A group on a test clock lives in the clock's time: "this month" is the clock's month (DOMAIN §8a).
  const thisMonth = currentMonth(group.data.testClockTime ? new Date(group.data.testClockTime) : new Date());
  const month = isMonth(query.month) ? query.month : thisMonth;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link href="/billing-groups" className="underline">
              {t.groups.title}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{group.data.name}</h1>
          <p className="text-sm text-slate-600">
            {group.data.currency} · <span className="wrap-anywhere">{group.data.id}</span>
            {group.data.autoClose ? ` · ${t.groups.autoClosing}` : ''}
          </p>
          {group.data.testClockId && group.data.testClockTime ? (
            <SimulatedTime testClockId={group.data.testClockId} time={group.data.testClockTime} />
          ) : null}
        </div>
        <MonthPicker
          billingGroupId={billingGroupId}
          month={month}
          months={pickableMonths(thisMonth, month)}
          tab={tab}
        />
      </header>

      <DashboardTabs billingGroupId={billingGroupId} month={month} current={tab} />

      {/* No key: moving to another month or section is a transition, and the section shown stays
          on screen until the next one is ready (the picker and the links say it is loading). */}
      <Suspense fallback={<LoadingState />}>
        <Section tab={tab} group={group.data} month={month} />
      </Suspense>
    </div>
  );
}

function Section({ tab, group, month }: { tab: DashboardTab; group: BillingGroup; month: string }) {
  switch (tab) {
    case 'usage':
      return <UsageSection group={group} month={month} />;
    case 'credits':
      return <CreditsSection group={group} month={month} />;
    case 'statements':
      return <StatementsSection billingGroupId={group.id} />;
    default:
      return <OverviewSection group={group} month={month} />;
  }
}
