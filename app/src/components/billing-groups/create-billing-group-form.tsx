'use client';

import { useActionState } from 'react';
import { createBillingGroup, type FormState } from '@/actions/billing-groups';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';

const CURRENCIES = ['KRW', 'USD', 'JPY', 'EUR'] as const;
const INITIAL: FormState = { problem: null, saved: 0 };

export function CreateBillingGroupForm() {
  const { locale, t } = useI18n();
  const [state, action, pending] = useActionState(createBillingGroup, INITIAL);
  return (
    <form action={action} className="flex flex-col gap-3">
      <div className="field">
        <label htmlFor="group-name">{t.groups.name}</label>
        <input id="group-name" name="name" required maxLength={200} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="group-currency">{t.groups.currency}</label>
        <select id="group-currency" name="currency" defaultValue="KRW">
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-start gap-2">
        <input
          id="group-auto-close"
          name="autoClose"
          type="checkbox"
          aria-describedby="group-auto-close-hint"
        />
        <div>
          <label htmlFor="group-auto-close">{t.groups.autoClose}</label>
          <p id="group-auto-close-hint" className="text-sm text-slate-600">
            {t.groups.autoCloseHint}
          </p>
        </div>
      </div>
      {state.problem ? <ErrorState locale={locale} problem={state.problem} /> : null}
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.groups.creating : t.groups.create}
      </button>
    </form>
  );
}
