import type { Metadata } from 'next';
import Link from 'next/link';
import { ReadFailure } from '@/components/feedback/read-failure';
import { UsageImportForm } from '@/components/usage-import/usage-import-form';
import { getI18n } from '@/i18n/server';
import { loadBillingGroup } from '@/loaders/billing-groups';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.usageImport.link };
}

/** Usage from a CSV file into one billing group, with a verdict for every row. */
export default async function UsageImportPage({ params }: { params: Promise<{ billingGroupId: string }> }) {
  const { locale, t } = await getI18n();
  const { billingGroupId } = await params;
  const group = await loadBillingGroup(billingGroupId);
  if (!group.ok) return <ReadFailure failure={group} locale={locale} />;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm">
          <Link href={`/billing-groups/${billingGroupId}`} className="underline">
            {group.data.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t.usageImport.title(group.data.name)}</h1>
        <p className="text-sm text-slate-600">{t.usageImport.intro}</p>
      </header>
      <section className="card">
        <UsageImportForm billingGroupId={billingGroupId} />
      </section>
    </div>
  );
}
