'use client';

import Link from 'next/link';
import { setPriceBook } from '@/actions/billing-groups';
import type { PriceBook } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import { useFormAction } from '@/components/feedback/use-form-action';
import { useI18n } from '@/i18n/provider';

interface PriceBookSettingProps {
  billingGroupId: string;
  currency: string;
  /** The group's book; null: the built-in book of its currency, if there is one. */
  current: string | null;
  /** The tenant's books in the group's currency, the built-in one included. */
  books: readonly PriceBook[];
}

/**
 * Which price book the group is billed from, and a choice among the books of its currency. A group
 * in a currency without a built-in book has no statement until one is set (DOMAIN §3), so this sits
 * at the top of the overview, where its error shows.
 */
export function PriceBookSetting({ billingGroupId, currency, current, books }: PriceBookSettingProps) {
  const { locale, t } = useI18n();
  const { state, pending, onSubmit, formRef } = useFormAction(setPriceBook.bind(null, billingGroupId));
  const builtIn = books.find((book) => book.builtIn);
  // The built-in book is the group's when it names none, so it is chosen by the empty value.
  const selected = current ?? '';
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="price-book-heading"
      className="card flex flex-col gap-2"
    >
      <h2 id="price-book-heading" className="text-lg font-semibold">
        {t.groups.priceBook}
      </h2>
      {books.length === 0 ? (
        <p className="text-sm">
          {t.groups.noPriceBook(currency)}{' '}
          <Link href="/price-books" className="underline">
            {t.pricing.priceBooksTitle}
          </Link>
        </p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <div className="field min-w-0 flex-1 basis-64">
            <label htmlFor="group-price-book">{t.groups.billedFrom}</label>
            {/* Keyed by the saved choice: after a save the select shows what the edge now holds. */}
            <select id="group-price-book" name="priceBookId" defaultValue={selected} key={selected}>
              {builtIn ? null : (
                <option value="" disabled>
                  {t.groups.choosePriceBook}
                </option>
              )}
              {books.map((book) => (
                <option key={book.id} value={book.builtIn ? '' : book.id}>
                  {book.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary" disabled={pending}>
            {pending ? t.groups.submitting : t.groups.usePriceBook}
          </button>
        </div>
      )}
      {state.problem ? <ErrorState locale={locale} problem={state.problem} /> : null}
      <p role="status" className="text-sm text-green-800">
        {state.saved > 0 && !state.problem ? t.groups.priceBookSet : ''}
      </p>
    </form>
  );
}
