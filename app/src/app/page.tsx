import type { Metadata } from 'next';
import { call, edge } from '@/api/client';
import { Calculator } from '@/components/calculator/calculator';
import { ErrorState } from '@/components/feedback/error-state';
import { getI18n } from '@/i18n/server';
import { currentMonth } from '@/lib/months';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.calculator.title };
}

export default async function CalculatorPage() {
  const { t } = await getI18n();
  const client = await edge();
  const priceBook = await call(() =>
    client.GET('/v1/price-books/{priceBookId}', { params: { path: { priceBookId: 'default-krw' } } }),
  );
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t.calculator.title}</h1>
        <p className="text-sm text-slate-600">{t.calculator.intro}</p>
      </header>
      {priceBook.ok ? (
        <Calculator
          month={currentMonth()}
          counters={priceBook.data.entries.map(({ counterName, unit }) => ({ counterName, unit }))}
        />
      ) : (
        <ErrorState problem={priceBook.problem} />
      )}
    </div>
  );
}
