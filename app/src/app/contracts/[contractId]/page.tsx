import type { Metadata } from 'next';
import { EmptyState } from '@/components/feedback/empty-state';
import { ReadFailure } from '@/components/feedback/read-failure';
import { PricingDescription, pricingModelLabel } from '@/components/pricing/pricing-description';
import { PricingPageHeader } from '@/components/pricing/pricing-page-header';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatNumber } from '@/lib/money';
import { counterLabel } from '@/lib/usage-labels';
import { loadContract } from '@/loaders/pricing';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pricing.contractsTitle };
}

/** One contract: its discount, its minimum and the prices it puts in place of the book's; a new version made from it. */
export default async function ContractPage({ params }: { params: Promise<{ contractId: string }> }) {
  const { locale, t } = await getI18n();
  const { contractId } = await params;
  const contract = await loadContract(decodeURIComponent(contractId));
  if (!contract.ok) return <ReadFailure failure={contract} locale={locale} />;
  const { data } = contract;
  return (
    <div className="flex flex-col gap-4">
      <PricingPageHeader
        back={{ href: '/contracts', label: t.pricing.back(t.pricing.contractsTitle) }}
        title={data.name}
        subtitle={`${t.pricing.created} ${formatDate(data.createdAt, locale)}`}
        action={{ href: `/contracts/new?from=${encodeURIComponent(data.id)}`, label: t.pricing.newVersion }}
      />
      <section aria-labelledby="contract-terms" className="card">
        <h2 id="contract-terms" className="sr-only">
          {data.name}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs text-slate-600">{t.pricing.discount}</dt>
            <dd>
              {data.discountRate
                ? t.pricing.discountRate(formatNumber(data.discountRate, locale))
                : t.pricing.noDiscount}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t.pricing.minimumCharge}</dt>
            <dd className="tabular-nums">
              {data.minimumCharge ? formatNumber(data.minimumCharge, locale) : t.pricing.noMinimum}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="contract-overrides" className="card flex flex-col gap-3">
        <h2 id="contract-overrides" className="text-lg font-semibold">
          {t.pricing.overrides}
        </h2>
        {data.priceOverrides.length === 0 ? (
          <EmptyState>{t.pricing.noOverrides}</EmptyState>
        ) : (
          <div className="table-stack overflow-x-auto">
            <table>
              <caption className="sr-only">{t.pricing.overrides}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.pricing.product}</th>
                  <th scope="col">{t.pricing.model}</th>
                  <th scope="col">{t.pricing.prices}</th>
                </tr>
              </thead>
              <tbody>
                {data.priceOverrides.map((override) => (
                  <tr key={override.counterName}>
                    <td data-primary="">
                      {counterLabel(override.counterName, locale)}
                      <span className="block text-xs font-normal text-slate-600">{override.counterName}</span>
                    </td>
                    <td data-label={t.pricing.model}>{pricingModelLabel(override.pricing, locale)}</td>
                    <td data-label={t.pricing.prices}>
                      <PricingDescription pricing={override.pricing} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
