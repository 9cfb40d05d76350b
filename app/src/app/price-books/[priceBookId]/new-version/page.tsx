import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ErrorState } from '@/components/feedback/error-state';
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
  if (!book.ok) {
    if (book.status === 404) notFound();
    return <ErrorState problem={book.problem} locale={locale} />;
  }
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
