import 'server-only';
import { call, type EdgeResult, edge } from '@/api/client';
import type { CounterOption } from '@/lib/calculator-input';

/** The price book the calculator prices with. */
const CALCULATOR_PRICE_BOOK = 'default-krw';

/** The counters the calculator offers: each entry of the price book, with its unit. */
export async function loadCalculatorCounters(): Promise<EdgeResult<CounterOption[]>> {
  const client = await edge();
  const priceBook = await call(() =>
    client.GET('/v1/price-books/{priceBookId}', { params: { path: { priceBookId: CALCULATOR_PRICE_BOOK } } }),
  );
  if (!priceBook.ok) return priceBook;
  return { ok: true, data: priceBook.data.entries.map(({ counterName, unit }) => ({ counterName, unit })) };
}
