import Link from 'next/link';
import { getI18n } from '@/i18n/server';
import { DASHBOARD_TABS, type DashboardTab, dashboardHref } from '@/lib/dashboard-tabs';

interface DashboardTabsProps {
  billingGroupId: string;
  month: string;
  current: DashboardTab;
}

/**
 * The page's sections as links (each section is its own URL), the current one marked with
 * `aria-current`. Links rather than an ARIA tab list: each section is a navigation, not a panel
 * swapped in place, and links keep middle-click, reload and the back button.
 */
export async function DashboardTabs({ billingGroupId, month, current }: DashboardTabsProps) {
  const { t } = await getI18n();
  return (
    <nav aria-label={t.groups.sections} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-300 px-1">
        {DASHBOARD_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={dashboardHref(billingGroupId, { month, tab })}
              aria-current={tab === current ? 'page' : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium ${
                tab === current
                  ? 'border-blue-700 text-blue-800'
                  : 'border-transparent text-slate-700 hover:border-slate-400'
              }`}
            >
              {t.groups.tabs[tab]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
