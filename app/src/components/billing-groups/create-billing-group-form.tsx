'use client';

import { type FormEvent, Suspense, startTransition, use, useActionState, useRef } from 'react';
import { createBillingGroup, type FormState } from '@/actions/billing-groups';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { placeFieldErrors } from '@/mappers/form-errors';

const CURRENCIES = ['KRW', 'USD', 'JPY', 'EUR'] as const;
const INITIAL: FormState = { problem: null, saved: 0 };
/** The controls that show their own refusal, by the API field they send (`group-<field>`). */
const CONTROLS = new Set(['group-name', 'group-currency', 'group-testClockId']);
const CLOCK = 'group-testClockId';

/** A test clock a new group may live on: its id, and its name and time in the page's words. */
export interface ClockChoice {
  id: string;
  label: string;
}

/**
 * Creates a billing group. `clocks` is the tenant's test clocks, still on their way: the form draws
 * at once and its clock select fills in when they arrive. A refusal (a clock full, say) is said beside
 * its field in the page's words, with the focus there and every value as it was entered.
 */
export function CreateBillingGroupForm({ clocks }: { clocks: Promise<ClockChoice[]> }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(createBillingGroup, INITIAL);
  const { placed, unplaced } = placeFieldErrors(state.problem, 'group', CONTROLS, t);
  useFocusFirstInvalid(formRef, state.problem);
  // Sent by hand rather than as the form's `action`: React resets a form after its action, and a
  // refused group would come back with every field emptied and the clock back to real time.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
      <div className="field">
        <label htmlFor="group-name">{t.groups.name}</label>
        <input
          id="group-name"
          name="name"
          required
          maxLength={200}
          autoComplete="off"
          {...invalidProps('group-name', placed)}
        />
        <ControlError id="group-name" message={placed.get('group-name')} />
      </div>
      <div className="field">
        <label htmlFor="group-currency">{t.groups.currency}</label>
        <select
          id="group-currency"
          name="currency"
          defaultValue="KRW"
          {...invalidProps('group-currency', placed)}
        >
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
        <ControlError id="group-currency" message={placed.get('group-currency')} />
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
        <label htmlFor={CLOCK}>{t.groups.testClock}</label>
        <Suspense fallback={<ClockSelect choices={[]} busy error={undefined} />}>
          <LoadedClockSelect clocks={clocks} error={placed.get(CLOCK)} />
        </Suspense>
        <p id={`${CLOCK}-hint`} className="text-sm text-slate-600">
          {t.groups.testClockHint}
        </p>
        <ControlError id={CLOCK} message={placed.get(CLOCK)} />
      </div>
      <RefusalSummary
        problem={state.problem}
        placedCount={placed.size}
        unplaced={unplaced}
        title={t.groups.notCreated}
      />
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.groups.creating : t.groups.create}
      </button>
    </form>
  );
}

function LoadedClockSelect({ clocks, error }: { clocks: Promise<ClockChoice[]>; error: string | undefined }) {
  return <ClockSelect choices={use(clocks)} busy={false} error={error} />;
}

/** Real time (no clock) first and chosen; then each clock by name and time. */
function ClockSelect({
  choices,
  busy,
  error,
}: {
  choices: ClockChoice[];
  busy: boolean;
  /** Its refusal, said under it in the page's words (the hint then waits until it is fixed). */
  error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <select
      id={CLOCK}
      name="testClockId"
      defaultValue=""
      {...(error
        ? { 'aria-invalid': true, 'aria-describedby': `${CLOCK}-error` }
        : { 'aria-describedby': `${CLOCK}-hint` })}
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
