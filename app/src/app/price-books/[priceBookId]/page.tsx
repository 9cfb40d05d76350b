import type { Metadata } from 'next';
import { ReadFailure } from '@/components/feedback/read-failure';
import { PricingDescription, pricingModelLabel } from '@/components/pricing/pricing-description';
import { PricingPageHeader } from '@/components/pricing/pricing-page-header';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { counterLabel, unitName } from '@/lib/usage-labels';
import { loadPriceBook } from '@/loaders/pricing';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pricing.priceBooksTitle };
}

/** One price book: each counter by its product name, its unit and its prices in words; a new version made from it. */
export default async function PriceBookPage({ params }: { params: Promise<{ priceBookId: string }> }) {
  const { locale, t } = await getI18n();
  const { priceBookId } = await params;
  const book = await loadPriceBook(decodeURIComponent(priceBookId));
  if (!book.ok) return <ReadFailure failure={book} locale={locale} />;
  const { data } = book;
  return (
    <div className="flex flex-col gap-4">
      <PricingPageHeader
        back={{ href: '/price-books', label: t.pricing.back(t.pricing.priceBooksTitle) }}
        title={data.name}
        subtitle={`${data.currency} · ${
          data.createdAt ? `${t.pricing.created} ${formatDate(data.createdAt, locale)}` : t.pricing.builtIn
        }`}
        action={{
          href: `/price-books/${encodeURIComponent(data.id)}/new-version`,
          label: t.pricing.newVersion,
        }}
      />
      <section className="card">
        <div className="table-stack overflow-x-auto">
          <table>
            <caption className="sr-only">{data.name}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pricing.product}</th>
                <th scope="col">{t.pricing.unit}</th>
                <th scope="col">{t.pricing.model}</th>
                <th scope="col">{t.pricing.prices}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr key={entry.counterName}>
                  <td data-primary="">
                    {counterLabel(entry.counterName, locale)}
                    <span className="block text-xs font-normal text-slate-600">{entry.counterName}</span>
                  </td>
                  <td data-label={t.pricing.unit}>{unitName(entry.unit, '2', locale)}</td>
                  <td data-label={t.pricing.model}>{pricingModelLabel(entry.pricing, locale)}</td>
                  <td data-label={t.pricing.prices}>
                    <PricingDescription
                      pricing={entry.pricing}
                      locale={locale}
                      currency={data.currency}
                      unit={entry.unit}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
