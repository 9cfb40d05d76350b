'use client';

import { useEffect, useMemo } from 'react';
import type { Problem } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { MonthSelect } from '@/components/forms/month-select';
import { StatementDetails } from '@/components/statement/statement-details';
import { useI18n } from '@/i18n/provider';
import type { CounterOption } from '@/lib/calculator-input';
import { type CalculatorFieldError, calculatorFieldErrors } from '@/mappers/calculator-errors';
import { calculatorGrants } from '@/mappers/calculator-request';
import { toStatementView } from '@/mappers/statement-view';
import { useCalculatorStore } from '@/stores/provider';
import { AdjustmentFields } from './adjustment-fields';
import { ContractFields } from './contract-fields';
import { CreditFields } from './credit-fields';
import { FieldErrorMessage, FieldErrorsProvider, useFieldError } from './field-errors';
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
  const shown = live.status === 'ready' ? live.result : live.status === 'empty' ? null : live.last;
  const view = useMemo(() => (shown ? toStatementView(shown) : null), [shown]);
  const refused = live.status === 'invalid' && isRefusedInput(live.problem) ? live : null;
  const fieldErrors = useMemo(
    () => (refused ? calculatorFieldErrors(refused.problem, refused.input, t) : []),
    [refused, t],
  );
  const errorsByField = useMemo(() => placedErrors(fieldErrors), [fieldErrors]);
  const unplaced = fieldErrors.filter((error) => error.fieldId === null);
  const isStale = live.status === 'invalid' && view !== null;
  const grants = useMemo(() => (input ? calculatorGrants(input, t.calculator.creditRow) : []), [input, t]);

  if (!input) return <p role="status">{t.common.loading}</p>;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <FieldErrorsProvider value={errorsByField}>
        <form
          className="flex min-w-0 flex-col gap-4"
          aria-label={t.calculator.title}
          onSubmit={(e) => e.preventDefault()}
        >
          <MonthField month={input.month} onChange={setMonth} label={t.calculator.month} />
          <UsageFields rows={input.usage} counters={counters} />
          <ContractFields contract={input.contract} />
          <AdjustmentFields adjustments={input.adjustments} />
          <CreditFields credits={input.credits} />
          <UnpaidFields unpaid={input.unpaid} />
        </form>
      </FieldErrorsProvider>

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
                : refused && isStale
                  ? t.calculator.stale
                  : ''}
          </p>
        </div>
        {live.status === 'empty' ? <EmptyState>{t.calculator.empty}</EmptyState> : null}
        {live.status === 'invalid' && !refused ? (
          <ErrorState
            locale={locale}
            problem={live.problem}
            title={(live.problem.status ?? 0) >= 500 ? t.calculator.failed : t.calculator.invalid}
          />
        ) : null}
        {unplaced.length > 0 ? <UnplacedErrors errors={unplaced} /> : null}
        {view && live.status !== 'empty' ? (
          <>
            <SaveToHistory input={input} result={live.status === 'ready' ? live.result : null} />
            {isStale ? (
              <section
                aria-label={t.calculator.staleLabel}
                className="flex flex-col gap-2 rounded-lg border border-dashed border-amber-500 p-2"
              >
                <p className="text-sm font-semibold text-amber-900">{t.calculator.staleLabel}</p>
                <div className="grayscale">
                  <StatementDetails view={view} locale={locale} grants={grants} />
                </div>
              </section>
            ) : (
              <div aria-busy={live.status === 'calculating'}>
                <StatementDetails view={view} locale={locale} grants={grants} />
              </div>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** The months the engine prices (DOMAIN §2: 2000-01 to 2099-12). */
const CALCULATOR_YEARS = { first: 2000, last: 2099 };

/** A 4xx naming fields: the inputs are wrong, and each field says why. Anything else is the API's failure. */
function isRefusedInput(problem: Problem): boolean {
  return problem.status < 500 && (problem.errors?.length ?? 0) > 0;
}

function placedErrors(errors: CalculatorFieldError[]): ReadonlyMap<string, string> {
  return new Map(errors.flatMap((error) => (error.fieldId ? [[error.fieldId, error.message] as const] : [])));
}

function MonthField({
  month,
  label,
  onChange,
}: {
  month: string;
  label: string;
  onChange: (month: string) => void;
}) {
  const { message, messageId, controlProps } = useFieldError('calculator-month');
  return (
    <div className="max-w-72">
      <MonthSelect
        id="calculator-month"
        label={label}
        value={month}
        onChange={onChange}
        years={CALCULATOR_YEARS}
        controlProps={controlProps}
      >
        <FieldErrorMessage id={messageId} message={message} />
      </MonthSelect>
    </div>
  );
}

/** Refused values that belong to no single control (a whole row, say), named in the page's terms. */
function UnplacedErrors({ errors }: { errors: CalculatorFieldError[] }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{t.calculator.fixFields(errors.length)}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((error) => (
          <li key={error.where}>{t.calculator.fieldError(error.where, error.message)}</li>
        ))}
      </ul>
    </div>
  );
}
