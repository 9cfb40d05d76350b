'use client';

import { useEffect, useState } from 'react';
import { grantCredit } from '@/actions/billing-groups';
import { useFormAction } from '@/components/feedback/use-form-action';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { DateSelect } from '@/components/forms/date-select';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { CREDIT_TYPES } from '@/lib/calculator-input';
import { placeFieldErrors } from '@/mappers/form-errors';

/** The controls that show their own refusal, by the API field they send (`credit-<field>`). */
const CONTROLS = new Set([
  'credit-amount',
  'credit-priority',
  'credit-expiresAt',
  'credit-name',
  'credit-lowBalanceThreshold',
]);

/** Grants credit to the group; a refused value is said beside its field, in the page's words. */
export function CreditGrantForm({ billingGroupId }: { billingGroupId: string }) {
  const { t } = useI18n();
  const { state, pending, onSubmit, formRef } = useFormAction(grantCredit.bind(null, billingGroupId));
  const { placed, unplaced } = placeFieldErrors(state.problem, 'credit', CONTROLS, t);
  useFocusFirstInvalid(formRef, state.problem);
  const [expiresOn, setExpiresOn] = useState('');
  const thisYear = new Date().getUTCFullYear();
  // A granted credit clears the form, its expiry too (the other fields reset with the form).
  useEffect(() => {
    if (state.saved > 0) setExpiresOn('');
  }, [state.saved]);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="credit-form-heading"
      className="flex flex-col gap-2 border-t border-slate-200 pt-3"
    >
      <h3 id="credit-form-heading" className="font-semibold">
        {t.groups.grantCredit}
      </h3>
      <div className="flex flex-wrap gap-2">
        <div className="field min-w-0 flex-1 basis-32">
          <label htmlFor="credit-type">{t.calculator.creditType}</label>
          <select id="credit-type" name="type" defaultValue="PROMOTIONAL">
            {CREDIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t.enums.creditType[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field min-w-0 flex-1 basis-28">
          <label htmlFor="credit-amount">{t.calculator.amount}</label>
          <input
            id="credit-amount"
            name="amount"
            inputMode="decimal"
            required
            autoComplete="off"
            {...invalidProps('credit-amount', placed)}
          />
          <ControlError id="credit-amount" message={placed.get('credit-amount')} />
        </div>
        <div className="field min-w-0 flex-1 basis-20">
          <label htmlFor="credit-priority">{t.calculator.priority}</label>
          <input
            id="credit-priority"
            name="priority"
            type="number"
            step={1}
            title={t.calculator.priorityHint}
            {...invalidProps('credit-priority', placed)}
          />
          <ControlError id="credit-priority" message={placed.get('credit-priority')} />
        </div>
        <div className="min-w-0 flex-1 basis-72">
          <DateSelect
            id="credit-expiresAt"
            name="expiresOn"
            label={t.calculator.expiry}
            value={expiresOn}
            onChange={setExpiresOn}
            years={{ first: thisYear, last: thisYear + 10 }}
            controlProps={invalidProps('credit-expiresAt', placed)}
          />
          <ControlError id="credit-expiresAt" message={placed.get('credit-expiresAt')} />
        </div>
        <div className="field min-w-0 flex-[2] basis-40">
          <label htmlFor="credit-name">{t.groups.grantName}</label>
          <input
            id="credit-name"
            name="name"
            maxLength={200}
            autoComplete="off"
            {...invalidProps('credit-name', placed)}
          />
          <ControlError id="credit-name" message={placed.get('credit-name')} />
        </div>
        <div className="field min-w-0 flex-1 basis-48">
          <label htmlFor="credit-lowBalanceThreshold">{t.groups.lowBalanceThreshold}</label>
          <input
            id="credit-lowBalanceThreshold"
            name="lowBalanceThreshold"
            inputMode="decimal"
            autoComplete="off"
            {...(placed.has('credit-lowBalanceThreshold')
              ? invalidProps('credit-lowBalanceThreshold', placed)
              : { 'aria-describedby': 'credit-lowBalanceThreshold-hint' })}
          />
          <p id="credit-lowBalanceThreshold-hint" className="text-xs text-slate-600">
            {t.groups.lowBalanceHint}
          </p>
          <ControlError id="credit-lowBalanceThreshold" message={placed.get('credit-lowBalanceThreshold')} />
        </div>
      </div>
      <RefusalSummary problem={state.problem} placedCount={placed.size} unplaced={unplaced} />
      <p role="status" className="text-sm text-green-800">
        {state.saved > 0 && !state.problem ? t.groups.creditGranted : ''}
      </p>
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.groups.submitting : t.groups.grantCredit}
      </button>
    </form>
  );
}
