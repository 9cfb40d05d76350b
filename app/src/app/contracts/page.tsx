import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatNumber } from '@/lib/money';
import { loadContracts } from '@/loaders/pricing';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pricing.contractsTitle };
}

/** The tenant's contracts: each links to its terms; a new one starts from a blank form. */
export default async function ContractsPage() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold">{t.pricing.contractsTitle}</h1>
          <p className="text-sm text-slate-600">{t.pricing.contractsIntro}</p>
        </div>
        <Link href="/contracts/new" className="btn-secondary">
          {t.pricing.newContract}
        </Link>
      </header>
      <section className="card">
        <Suspense fallback={<LoadingState />}>
          <ContractList />
        </Suspense>
      </section>
    </div>
  );
}

async function ContractList() {
  const { locale, t } = await getI18n();
  const contracts = await loadContracts();
  if (!contracts.ok) return <ErrorState problem={contracts.problem} locale={locale} />;
  if (contracts.data.length === 0) return <EmptyState>{t.pricing.none}</EmptyState>;
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.pricing.contractsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.pricing.name}</th>
            <th scope="col">{t.pricing.discount}</th>
            <th scope="col" className="num">
              {t.pricing.minimumCharge}
            </th>
            <th scope="col" className="num">
              {t.pricing.overrides}
            </th>
            <th scope="col">{t.pricing.created}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.data.map((contract) => (
            <tr key={contract.id}>
              <td data-primary="">
                <Link href={`/contracts/${encodeURIComponent(contract.id)}`} className="underline">
                  {contract.name}
                </Link>
              </td>
              <td data-label={t.pricing.discount}>
                {contract.discountRate
                  ? `${formatNumber(contract.discountRate, locale)}%`
                  : t.pricing.noDiscount}
              </td>
              <td data-label={t.pricing.minimumCharge} className="num">
                {contract.minimumCharge ? formatNumber(contract.minimumCharge, locale) : t.pricing.noMinimum}
              </td>
              <td data-label={t.pricing.overrides} className="num">
                {contract.priceOverrides.length}
              </td>
              <td data-label={t.pricing.created} className="whitespace-nowrap">
                {formatDate(contract.createdAt, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
