import { type Currency, messages } from '@billing/engine';
import type { AppEnv } from '../app-env';
import { validationFailed } from '../http/problem';

/**
 * Checks the price book a billing group asks for and answers what the group stores: the book must
 * be the tenant's (or the built-in one) and in the group's currency, else a 422 naming `priceBookId`
 * (`exists`, `currency-match`). The built-in book is stored as null, "the default of the currency",
 * which is the same book. `undefined` (not asked) and `null` (back to the default) pass through.
 */
export async function priceBookIdToStore(
  vars: AppEnv['Variables'],
  priceBookId: string | null | undefined,
  currency: Currency,
): Promise<string | null | undefined> {
  if (priceBookId === undefined || priceBookId === null) return priceBookId;
  const book = await vars.storage.findPriceBook(vars.principal.tenantId, priceBookId);
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
