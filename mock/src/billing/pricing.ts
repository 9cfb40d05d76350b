import { type Contract, type Currency, DEFAULT_PRICE_BOOK, messages, type PriceBook } from '@billing/engine';
import { validationFailed } from '../../../edge/src/lib/problem';
import type { PriceBookRecord, TenantData } from '../store';

/** The built-in book every tenant reads (read-only); it lives in the engine. */
export const BUILT_IN_PRICE_BOOK: PriceBookRecord = { ...DEFAULT_PRICE_BOOK, builtIn: true, createdAt: null };

/** A tenant's price book, or the built-in one. */
export function findPriceBook(data: TenantData, priceBookId: string): PriceBookRecord | null {
  if (priceBookId === BUILT_IN_PRICE_BOOK.id) return BUILT_IN_PRICE_BOOK;
  return data.priceBooks.get(priceBookId) ?? null;
}

/** Exactly the engine's shape: statements freeze and hash it. */
export function enginePriceBook(book: PriceBookRecord): PriceBook {
  return { id: book.id, name: book.name, currency: book.currency, entries: book.entries };
}

/**
 * The price book a billing group asks for, as stored: the tenant's own or the built-in one, in the
 * group's currency (422 on `priceBookId` otherwise); the built-in one is stored as null.
 */
export function priceBookIdToStore(
  data: TenantData,
  priceBookId: string | null | undefined,
  currency: Currency,
): string | null | undefined {
  if (priceBookId === undefined || priceBookId === null) return priceBookId;
  const book = findPriceBook(data, priceBookId);
  if (!book) {
    throw validationFailed([
      { field: 'priceBookId', rule: 'exists', message: `price book ${priceBookId} does not exist` },
    ]);
  }
  if (book.currency !== currency) {
    throw validationFailed([
      {
        field: 'priceBookId',
        rule: 'currency-match',
        message: messages.currencyMismatch(book.currency, currency),
      },
    ]);
  }
  return book.builtIn ? null : book.id;
}

/** The contract assigned to the group for the month, with the assignment's months; null if none. */
export function contractForMonth(data: TenantData, billingGroupId: string, month: string): Contract | null {
  const assignment = [...data.assignments.values()]
    .filter(
      (candidate) =>
        candidate.billingGroupId === billingGroupId &&
        candidate.startMonth <= month &&
        month <= (candidate.endMonth ?? '9999-12'),
    )
    .sort((a, b) => (a.startMonth < b.startMonth ? -1 : a.startMonth > b.startMonth ? 1 : 0))[0];
  const contract = assignment && data.contracts.get(assignment.contractId);
  if (!assignment || !contract) return null;
  return {
    id: contract.id,
    name: contract.name,
    startMonth: assignment.startMonth,
    endMonth: assignment.endMonth,
    priceOverrides: contract.priceOverrides,
    discountRate: contract.discountRate,
    minimumCharge: contract.minimumCharge,
  };
}
