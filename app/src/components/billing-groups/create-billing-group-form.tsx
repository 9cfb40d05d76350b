'use client';

import { Suspense, use, useActionState } from 'react';
import { createBillingGroup, type FormState } from '@/actions/billing-groups';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';

const CURRENCIES = ['KRW', 'USD', 'JPY', 'EUR'] as const;
const INITIAL: FormState = { problem: null, saved: 0 };

/** A test clock a new group may live on: its id, and its name and time in the page's words. */
export interface ClockChoice {
  id: string;
  label: string;
}

/**
 * Creates a billing group. `clocks` is the tenant's test clocks, still on their way: the form draws
 * at once and its clock select fills in when they arrive.
 */
export function CreateBillingGroupForm({ clocks }: { clocks: Promise<ClockChoice[]> }) {
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
      <div className="field min-w-0">
        <label htmlFor="group-test-clock">{t.groups.testClock}</label>
        <Suspense fallback={<ClockSelect choices={[]} busy />}>
          <LoadedClockSelect clocks={clocks} />
        </Suspense>
        <p id="group-test-clock-hint" className="text-sm text-slate-600">
          {t.groups.testClockHint}
        </p>
      </div>
      {state.problem ? <ErrorState locale={locale} problem={state.problem} /> : null}
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.groups.creating : t.groups.create}
      </button>
    </form>
  );
}

function LoadedClockSelect({ clocks }: { clocks: Promise<ClockChoice[]> }) {
  return <ClockSelect choices={use(clocks)} busy={false} />;
}

/** Real time (no clock) first and chosen; then each clock by name and time. */
function ClockSelect({ choices, busy }: { choices: ClockChoice[]; busy: boolean }) {
  const { t } = useI18n();
  return (
    <select
      id="group-test-clock"
      name="testClockId"
      defaultValue=""
      aria-describedby="group-test-clock-hint"
      aria-busy={busy}
      // A select is as wide as its longest option, and a clock's name with its time is long: held
      // to its column, it leaves the page no wider than a phone (the chosen text is cut instead).
      className="w-full min-w-0"
    >
      <option value="">{t.groups.testClockNone}</option>
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
