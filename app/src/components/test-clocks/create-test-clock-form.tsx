'use client';

import { type FormEvent, useRef, useState, useTransition } from 'react';
import { createTestClock } from '@/actions/test-clocks';
import type { EdgeResult } from '@/api/client';
import type { TestClock } from '@/api/types';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { DateTimeSelect } from '@/components/forms/date-time-select';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { placeFieldErrors } from '@/mappers/form-errors';

/** The controls that show their own refusal, by the API field they send (`clock-<field>`). */
const CONTROLS = new Set(['clock-name', 'clock-frozenTime']);

/**
 * Creates a clock: an optional name and the time it starts frozen at, a day and a time in UTC. A
 * refused value is said beside its field in the page's words; once created, the form starts over
 * and says which clock it made.
 */
export function CreateTestClockForm({ years }: { years: { first: number; last: number } }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<EdgeResult<TestClock> | null>(null);
  // A new key after each clock made: the selects (state of their own) start over with the name.
  const [round, setRound] = useState(0);
  const [pending, startTransition] = useTransition();
  const problem = outcome && !outcome.ok ? outcome.problem : null;
  const created = outcome?.ok ? outcome.data : null;
  const { placed, unplaced } = placeFieldErrors(problem, 'clock', CONTROLS, t);
  useFocusFirstInvalid(formRef, problem);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createTestClock({
        name: String(form.get('name') ?? ''),
        frozenTime: String(form.get('frozenTime') ?? ''),
      });
      setOutcome(result);
      if (result.ok) {
        formRef.current?.reset();
        setRound((current) => current + 1);
      }
    });
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="create-clock-heading"
      className="flex min-w-0 flex-col gap-3"
      noValidate
    >
      <h2 id="create-clock-heading" className="text-lg font-semibold">
        {t.testClocks.createHeading}
      </h2>
      <div className="field min-w-0">
        <label htmlFor="clock-name">{t.testClocks.name}</label>
        <input
          id="clock-name"
          name="name"
          maxLength={200}
          autoComplete="off"
          {...(placed.has('clock-name')
            ? invalidProps('clock-name', placed)
            : { 'aria-describedby': 'clock-name-hint' })}
        />
        <p id="clock-name-hint" className="text-xs text-slate-600">
          {t.testClocks.nameHint}
        </p>
        <ControlError id="clock-name" message={placed.get('clock-name')} />
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <DateTimeSelect
          key={round}
          id="clock-frozenTime"
          label={t.testClocks.frozenTime}
          initial=""
          years={years}
          name="frozenTime"
          controlProps={
            placed.has('clock-frozenTime')
              ? invalidProps('clock-frozenTime', placed)
              : { 'aria-describedby': 'clock-frozenTime-hint' }
          }
        />
        <p id="clock-frozenTime-hint" className="text-xs text-slate-600">
          {t.testClocks.frozenTimeHint}
        </p>
        <ControlError id="clock-frozenTime" message={placed.get('clock-frozenTime')} />
      </div>
      <RefusalSummary
        problem={problem}
        placedCount={placed.size}
        unplaced={unplaced}
        title={t.testClocks.notCreated}
      />
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.testClocks.creating : t.testClocks.create}
      </button>
      <p role="status" className="text-sm text-green-800">
        {created ? t.testClocks.created(created.name) : ''}
      </p>
    </form>
  );
}
