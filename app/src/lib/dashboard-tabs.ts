/**
 * The billing-group page's sections, most used first. Each is a URL (`?tab=`), so a section can be
 * linked, reloaded and reached with the back button, and each reads only what it shows.
 */
export const DASHBOARD_TABS = ['overview', 'usage', 'credits', 'statements'] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

export function dashboardTab(value: unknown): DashboardTab {
  return DASHBOARD_TABS.find((tab) => tab === value) ?? 'overview';
}

/** The page's URL for a month and a section; the defaults (this month, the overview) stay out of it. */
export function dashboardHref(
  billingGroupId: string,
  { month, tab }: { month?: string | undefined; tab?: DashboardTab | undefined },
): string {
  const query = new URLSearchParams();
  if (month) query.set('month', month);
  if (tab && tab !== 'overview') query.set('tab', tab);
  const search = query.toString();
  return `/billing-groups/${billingGroupId}${search ? `?${search}` : ''}`;
}

/**
 * The months the picker offers, newest first: this month and the two years before it (a later
 * month has no usage yet: the edge refuses future timestamps), plus the month shown when it lies
 * outside that range (a link can name any month).
 */
export function pickableMonths(current: string, shown: string): string[] {
  const [year = 1970, month = 1] = current.split('-').map(Number);
  const months = Array.from({ length: 25 }, (_, index) =>
    new Date(Date.UTC(year, month - 1 - index, 1)).toISOString().slice(0, 7),
  );
  return months.includes(shown) ? months : [...months, shown].sort().reverse();
}
