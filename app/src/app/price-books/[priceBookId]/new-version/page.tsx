import type { Metadata } from 'next';
import { ReadFailure } from '@/components/feedback/read-failure';
import { PriceBookEditor } from '@/components/pricing/price-book-editor';
import { PricingPageHeader } from '@/components/pricing/pricing-page-header';
import { getI18n } from '@/i18n/server';
import { loadPriceBook } from '@/loaders/pricing';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pricing.newBook };
}

/** A new price book made from this one: its prices to change, saved as a book of its own. */
export default async function NewPriceBookVersionPage({
  params,
}: PageProps<'/price-books/[priceBookId]/new-version'>) {
  const { locale, t } = await getI18n();
  const { priceBookId } = await params;
  const book = await loadPriceBook(decodeURIComponent(priceBookId));
  if (!book.ok) return <ReadFailure failure={book} locale={locale} />;
  return (
    <div className="flex flex-col gap-4">
      <PricingPageHeader
        back={{ href: `/price-books/${encodeURIComponent(book.data.id)}`, label: book.data.name }}
        title={t.pricing.newVersionOf(book.data.name)}
        subtitle={t.pricing.bookEditIntro}
      />
      <PriceBookEditor source={book.data} suggestedName={t.pricing.copyName(book.data.name)} />
    </div>
  );
}
