import type { Metadata } from 'next';
import { ErrorState } from '@/components/feedback/error-state';
import { ReadFailure } from '@/components/feedback/read-failure';
import { ContractEditor } from '@/components/pricing/contract-editor';
import { PricingPageHeader } from '@/components/pricing/pricing-page-header';
import { getI18n } from '@/i18n/server';
import { loadCalculatorCounters } from '@/loaders/price-book';
import { loadContract } from '@/loaders/pricing';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pricing.newContract };
}

/** A new contract: blank, or (`?from=`) made from an existing one, saved as a contract of its own. */
export default async function NewContractPage({ searchParams }: PageProps<'/contracts/new'>) {
  const { locale, t } = await getI18n();
  const { from } = await searchParams;
  const [source, counters] = await Promise.all([
    typeof from === 'string' ? loadContract(from) : null,
    loadCalculatorCounters(),
  ]);
  if (source && !source.ok) return <ReadFailure failure={source} locale={locale} />;
  if (!counters.ok) return <ErrorState problem={counters.problem} locale={locale} />;
  const contract = source?.data ?? null;
  return (
    <div className="flex flex-col gap-4">
      <PricingPageHeader
        back={
          contract
            ? { href: `/contracts/${encodeURIComponent(contract.id)}`, label: contract.name }
            : { href: '/contracts', label: t.pricing.back(t.pricing.contractsTitle) }
        }
        title={contract ? t.pricing.newVersionOf(contract.name) : t.pricing.newContract}
        subtitle={t.pricing.contractEditIntro}
      />
      <ContractEditor
        source={contract}
        suggestedName={contract ? t.pricing.copyName(contract.name) : ''}
        counters={counters.data}
      />
    </div>
  );
}
