import Link from 'next/link';
import type { BillingGroup } from '@/api/types';
import { BarChart } from '@/components/billing-groups/bar-chart';
import { UsageTable } from '@/components/billing-groups/usage-table';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { getI18n } from '@/i18n/server';
import { formatMonth } from '@/lib/months';
import { loadUsage } from '@/loaders/billing-groups';
import { loadProjectNames } from '@/loaders/projects';
import { chargesBy, usageRows } from '@/mappers/usage-chart';

/** The month's usage: charges charted by counter and by project, then every quantity. */
export async function UsageSection({ group, month }: { group: BillingGroup; month: string }) {
  const { locale, t } = await getI18n();
  const [{ usage, statement }, projectNames] = await Promise.all([
    loadUsage(group.id, month),
    loadProjectNames(group.id),
  ]);
  const charges = statement.ok ? chargesBy(statement.data.result, locale, projectNames) : null;
  return (
    <section aria-labelledby="usage-heading" className="card flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="usage-heading" className="text-lg font-semibold">
          {t.groups.usage} ({formatMonth(month, locale)})
        </h2>
        <Link href={`/billing-groups/${group.id}/import`} className="text-sm underline">
          {t.usageImport.link}
        </Link>
      </div>
      {!usage.ok ? (
        <ErrorState locale={locale} problem={usage.problem} />
      ) : usage.data.items.length === 0 ? (
        <EmptyState>{t.groups.noUsage}</EmptyState>
      ) : (
        <>
          {charges ? (
            <div className="grid gap-4 md:grid-cols-2">
              <BarChart
                title={t.groups.byCounter}
                bars={charges.byCounter}
                currency={group.currency}
                locale={locale}
              />
              <BarChart
                title={t.groups.byProject}
                bars={charges.byProject}
                currency={group.currency}
                locale={locale}
              />
            </div>
          ) : null}
          <UsageTable rows={usageRows(usage.data)} projectNames={projectNames} />
        </>
      )}
    </section>
  );
}
