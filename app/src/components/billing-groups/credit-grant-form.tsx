'use client';

import { grantCredit } from '@/actions/billing-groups';
import { ErrorState } from '@/components/feedback/error-state';
import { useFormAction } from '@/components/feedback/use-form-action';
import { useI18n } from '@/i18n/provider';
import { CREDIT_TYPES } from '@/lib/calculator-input';

export function CreditGrantForm({ billingGroupId }: { billingGroupId: string }) {
  const { locale, t } = useI18n();
  const { state, pending, onSubmit, formRef } = useFormAction(grantCredit.bind(null, billingGroupId));
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
          <input id="credit-amount" name="amount" inputMode="decimal" required autoComplete="off" />
        </div>
        <div className="field min-w-0 flex-1 basis-20">
          <label htmlFor="credit-priority">{t.calculator.priority}</label>
          <input
            id="credit-priority"
            name="priority"
            type="number"
            step={1}
            title={t.calculator.priorityHint}
          />
        </div>
        <div className="field min-w-0 flex-1 basis-36">
          <label htmlFor="credit-expiry">{t.calculator.expiry}</label>
          <input id="credit-expiry" name="expiresOn" type="date" />
        </div>
        <div className="field min-w-0 flex-[2] basis-40">
          <label htmlFor="credit-name">{t.groups.grantName}</label>
          <input id="credit-name" name="name" maxLength={200} autoComplete="off" />
        </div>
      </div>
      {state.problem ? <ErrorState locale={locale} problem={state.problem} /> : null}
      <p role="status" className="text-sm text-green-800">
        {state.saved > 0 && !state.problem ? t.groups.creditGranted : ''}
      </p>
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.groups.submitting : t.groups.grantCredit}
      </button>
    </form>
  );
}
