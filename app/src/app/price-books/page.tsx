import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { loadPriceBooks } from '@/loaders/pricing';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pricing.priceBooksTitle };
}

/** The tenant's price books, read only: each links to its prices. */
export default async function PriceBooksPage() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.pricing.priceBooksTitle}</h1>
        <p className="text-sm text-slate-600">{t.pricing.priceBooksIntro}</p>
      </header>
      <section className="card">
        <Suspense fallback={<LoadingState />}>
          <PriceBookList />
        </Suspense>
      </section>
    </div>
  );
}

async function PriceBookList() {
  const { locale, t } = await getI18n();
  const books = await loadPriceBooks();
  if (!books.ok) return <ErrorState problem={books.problem} locale={locale} />;
  if (books.data.length === 0) return <EmptyState>{t.pricing.none}</EmptyState>;
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.pricing.priceBooksTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.pricing.name}</th>
            <th scope="col">{t.pricing.currency}</th>
            <th scope="col" className="num">
              {t.pricing.entries}
            </th>
            <th scope="col">{t.pricing.created}</th>
          </tr>
        </thead>
        <tbody>
          {books.data.map((book) => (
            <tr key={book.id}>
              <td data-primary="">
                <Link href={`/price-books/${encodeURIComponent(book.id)}`} className="underline">
                  {book.name}
                </Link>
              </td>
              <td data-label={t.pricing.currency}>{book.currency}</td>
              <td data-label={t.pricing.entries} className="num">
                {book.entries.length}
              </td>
              <td data-label={t.pricing.created} className="whitespace-nowrap">
                {book.createdAt ? formatDate(book.createdAt, locale) : t.pricing.builtIn}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
