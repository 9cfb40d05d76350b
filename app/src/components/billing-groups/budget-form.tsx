'use client';

import { useState } from 'react';
import { addBudget } from '@/actions/billing-groups';
import type { NewBudget } from '@/api/types';
import { useFormAction } from '@/components/feedback/use-form-action';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { placeFieldErrors } from '@/mappers/form-errors';

/** The controls that show their own refusal, by the API field they send (`budget-<field>`). */
const CONTROLS = new Set(['budget-name', 'budget-counterName', 'budget-threshold']);

const KINDS = ['TOTAL', 'QUANTITY'] as const satisfies readonly NewBudget['kind'][];

export interface CounterOption {
  counterName: string;
  label: string;
}

/**
 * Adds a budget: a name, what it watches (the month's total, or one counter's quantity chosen from
 * the group's price book), and its threshold. A refused value is said beside its field.
 */
export function BudgetForm({
  billingGroupId,
  counters,
}: {
  billingGroupId: string;
  counters: CounterOption[];
}) {
  const { t } = useI18n();
  const { state, pending, onSubmit, formRef } = useFormAction(addBudget.bind(null, billingGroupId));
  const [kind, setKind] = useState<NewBudget['kind']>('TOTAL');
  const { placed, unplaced } = placeFieldErrors(state.problem, 'budget', CONTROLS, t);
  useFocusFirstInvalid(formRef, state.problem);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onReset={() => setKind('TOTAL')}
      aria-labelledby="budget-form-heading"
      className="flex flex-col gap-2 border-t border-slate-200 pt-3"
    >
      <h3 id="budget-form-heading" className="font-semibold">
        {t.budgets.addHeading}
      </h3>
      <div className="flex flex-wrap gap-2">
        <div className="field min-w-0 flex-[2] basis-40">
          <label htmlFor="budget-name">{t.budgets.name}</label>
          <input
            id="budget-name"
            name="name"
            required
            maxLength={200}
            autoComplete="off"
            {...invalidProps('budget-name', placed)}
          />
          <ControlError id="budget-name" message={placed.get('budget-name')} />
        </div>
        <div className="field min-w-0 flex-1 basis-44">
          <label htmlFor="budget-kind">{t.budgets.kind}</label>
          <select
            id="budget-kind"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as NewBudget['kind'])}
          >
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t.budgets.kinds[option]}
              </option>
            ))}
          </select>
        </div>
        {kind === 'QUANTITY' ? (
          <div className="field min-w-0 flex-[2] basis-48">
            <label htmlFor="budget-counterName">{t.budgets.counter}</label>
            <select
              id="budget-counterName"
              name="counterName"
              required
              defaultValue=""
              {...invalidProps('budget-counterName', placed)}
            >
              <option value="">{t.budgets.chooseCounter}</option>
              {counters.map((counter) => (
                <option key={counter.counterName} value={counter.counterName}>
                  {counter.label}
                </option>
              ))}
            </select>
            <ControlError id="budget-counterName" message={placed.get('budget-counterName')} />
          </div>
        ) : null}
        <div className="field min-w-0 flex-1 basis-32">
          <label htmlFor="budget-threshold">{t.budgets.threshold}</label>
          <input
            id="budget-threshold"
            name="threshold"
            inputMode="decimal"
            required
            autoComplete="off"
            {...(placed.has('budget-threshold')
              ? invalidProps('budget-threshold', placed)
              : { 'aria-describedby': 'budget-threshold-hint' })}
          />
          <p id="budget-threshold-hint" className="text-xs text-slate-600">
            {t.budgets.thresholdHint}
          </p>
          <ControlError id="budget-threshold" message={placed.get('budget-threshold')} />
        </div>
      </div>
      <RefusalSummary problem={state.problem} placedCount={placed.size} unplaced={unplaced} />
      <p role="status" className="text-sm text-green-800">
        {state.saved > 0 && !state.problem ? t.budgets.added : ''}
      </p>
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.budgets.adding : t.budgets.add}
      </button>
    </form>
  );
}
