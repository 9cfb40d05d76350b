'use client';

import { useState } from 'react';
import { addAdjustment } from '@/actions/billing-groups';
import { useFormAction } from '@/components/feedback/use-form-action';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { ADJUSTMENT_LEVELS, ADJUSTMENT_METHODS, ADJUSTMENT_TYPES } from '@/lib/calculator-input';
import { placeFieldErrors } from '@/mappers/form-errors';

/** The controls that show their own refusal, by the API field they send (`adjustment-<field>`). */
const CONTROLS = new Set(['adjustment-value', 'adjustment-targetProjectId', 'adjustment-description']);

/** Adds an adjustment to the month; a refused value is said beside its field, in the page's words. */
export function AdjustmentForm({ billingGroupId, month }: { billingGroupId: string; month: string }) {
  const { t } = useI18n();
  const { state, pending, onSubmit, formRef } = useFormAction(addAdjustment.bind(null, billingGroupId));
  const [level, setLevel] = useState<string>('BILLING_GROUP');
  const { placed, unplaced } = placeFieldErrors(state.problem, 'adjustment', CONTROLS, t);
  useFocusFirstInvalid(formRef, state.problem);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="adjustment-form-heading"
      className="flex flex-col gap-2 border-t border-slate-200 pt-3"
    >
      <h3 id="adjustment-form-heading" className="font-semibold">
        {t.groups.addAdjustment}
      </h3>
      <input type="hidden" name="month" value={month} />
      <div className="flex flex-wrap gap-2">
        <div className="field min-w-0 flex-1 basis-32">
          <label htmlFor="adjustment-type">{t.calculator.type}</label>
          <select id="adjustment-type" name="type" defaultValue="DISCOUNT">
            {ADJUSTMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t.enums.adjustmentType[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field min-w-0 flex-1 basis-32">
          <label htmlFor="adjustment-method">{t.calculator.method}</label>
          <select id="adjustment-method" name="method" defaultValue="RATE">
            {ADJUSTMENT_METHODS.map((method) => (
              <option key={method} value={method}>
                {t.enums.method[method]}
              </option>
            ))}
          </select>
        </div>
        <div className="field min-w-0 flex-1 basis-24">
          <label htmlFor="adjustment-value">{t.calculator.value}</label>
          <input
            id="adjustment-value"
            name="value"
            inputMode="decimal"
            required
            autoComplete="off"
            {...invalidProps('adjustment-value', placed)}
          />
          <ControlError id="adjustment-value" message={placed.get('adjustment-value')} />
        </div>
        <div className="field min-w-0 flex-1 basis-32">
          <label htmlFor="adjustment-level">{t.calculator.level}</label>
          <select
            id="adjustment-level"
            name="level"
            value={level}
            onChange={(event) => setLevel(event.target.value)}
          >
            {ADJUSTMENT_LEVELS.map((option) => (
              <option key={option} value={option}>
                {t.enums.level[option]}
              </option>
            ))}
          </select>
        </div>
        {level === 'PROJECT' ? (
          <div className="field min-w-0 flex-1 basis-32">
            <label htmlFor="adjustment-targetProjectId">{t.calculator.targetProject}</label>
            <input
              id="adjustment-targetProjectId"
              name="targetProjectId"
              required
              autoComplete="off"
              {...invalidProps('adjustment-targetProjectId', placed)}
            />
            <ControlError
              id="adjustment-targetProjectId"
              message={placed.get('adjustment-targetProjectId')}
            />
          </div>
        ) : null}
        <div className="field min-w-0 flex-[2] basis-48">
          <label htmlFor="adjustment-description">{t.groups.description}</label>
          <input
            id="adjustment-description"
            name="description"
            maxLength={500}
            autoComplete="off"
            {...invalidProps('adjustment-description', placed)}
          />
          <ControlError id="adjustment-description" message={placed.get('adjustment-description')} />
        </div>
      </div>
      <RefusalSummary problem={state.problem} placedCount={placed.size} unplaced={unplaced} />
      <p role="status" className="text-sm text-green-800">
        {state.saved > 0 && !state.problem ? t.groups.adjustmentAdded : ''}
      </p>
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.groups.submitting : t.groups.addAdjustment}
      </button>
    </form>
  );
}
