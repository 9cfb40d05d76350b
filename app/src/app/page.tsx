import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Calculator } from '@/components/calculator/calculator';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { getI18n } from '@/i18n/server';
import { currentMonth } from '@/lib/months';
import { loadCalculatorCounters } from '@/loaders/price-book';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.calculator.title };
}

/** The heading shows at once; the calculator follows when the price book has answered. */
export default async function CalculatorPage() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t.calculator.title}</h1>
        <p className="text-sm text-slate-600">{t.calculator.intro}</p>
      </header>
      <Suspense fallback={<LoadingState />}>
        <PricedCalculator />
      </Suspense>
    </div>
  );
}

async function PricedCalculator() {
  const { locale } = await getI18n();
  const counters = await loadCalculatorCounters();
  if (!counters.ok) return <ErrorState problem={counters.problem} locale={locale} />;
  return <Calculator month={currentMonth()} counters={counters.data} />;
}
