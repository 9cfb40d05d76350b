'use client';

import { useEffect, useMemo } from 'react';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { StatementDetails } from '@/components/statement/statement-details';
import { useI18n } from '@/i18n/provider';
import type { CounterOption } from '@/lib/calculator-input';
import { toStatementView } from '@/mappers/statement-view';
import { useCalculatorStore } from '@/stores/provider';
import { AdjustmentFields } from './adjustment-fields';
import { ContractFields } from './contract-fields';
import { CreditFields } from './credit-fields';
import { SaveToHistory } from './save-to-history';
import { UnpaidFields } from './unpaid-fields';
import { UsageFields } from './usage-fields';
import { useLiveStatement } from './use-live-statement';

interface CalculatorProps {
  month: string;
  counters: CounterOption[];
}

export function Calculator({ month, counters }: CalculatorProps) {
  const { locale, t } = useI18n();
  const input = useCalculatorStore((state) => state.input);
  const initialize = useCalculatorStore((state) => state.initialize);
  const setMonth = useCalculatorStore((state) => state.setMonth);
  const first = counters[0];

  useEffect(() => {
    initialize(month, {
      counterName: first?.counterName ?? '',
      unit: first?.unit ?? '',
      quantity: '100',
      projectId: 'web',
    });
  }, [initialize, month, first]);

  const live = useLiveStatement(input);
  const shown = live.status === 'ready' ? live.result : live.status === 'calculating' ? live.last : null;
  const view = useMemo(() => (shown ? toStatementView(shown) : null), [shown]);

  if (!input) return <p role="status">{t.common.loading}</p>;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <form
        className="flex min-w-0 flex-col gap-4"
        aria-label={t.calculator.title}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field max-w-48">
          <label htmlFor="calculator-month">{t.calculator.month}</label>
          <input
            id="calculator-month"
            type="month"
            required
            value={input.month}
            onChange={(event) => event.target.value && setMonth(event.target.value)}
          />
        </div>
        <UsageFields rows={input.usage} counters={counters} />
        <ContractFields contract={input.contract} />
        <AdjustmentFields adjustments={input.adjustments} />
        <CreditFields credits={input.credits} />
        <UnpaidFields unpaid={input.unpaid} />
      </form>

      <section aria-labelledby="calculator-statement" className="flex min-w-0 flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="calculator-statement" className="text-xl font-semibold">
            {t.calculator.statement}
          </h2>
          <p role="status" aria-live="polite" className="text-sm text-slate-600">
            {live.status === 'calculating'
              ? t.calculator.calculating
              : live.status === 'ready'
                ? t.calculator.upToDate
                : ''}
          </p>
        </div>
        {live.status === 'empty' ? <EmptyState>{t.calculator.empty}</EmptyState> : null}
        {live.status === 'invalid' ? (
          <ErrorState
            locale={locale}
            problem={live.problem}
            title={(live.problem.status ?? 0) >= 500 ? t.calculator.failed : t.calculator.invalid}
          />
        ) : null}
        {view && live.status !== 'empty' && live.status !== 'invalid' ? (
          <>
            <SaveToHistory input={input} result={live.status === 'ready' ? live.result : null} />
            <div aria-busy={live.status === 'calculating'}>
              <StatementDetails view={view} locale={locale} />
            </div>
          </>
        ) : null}
      </section>
    </div>
  );
}
