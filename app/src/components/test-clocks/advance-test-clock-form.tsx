'use client';

import { type FormEvent, useRef, useState, useTransition } from 'react';
import { advanceTestClock } from '@/actions/test-clocks';
import type { EdgeResult } from '@/api/client';
import type { TestClock } from '@/api/types';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { DateTimeSelect } from '@/components/forms/date-time-select';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { ActionProblem } from '@/components/operator/action-problem';
import { useI18n } from '@/i18n/provider';
import { placeFieldErrors } from '@/mappers/form-errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Moves a clock forward to a day and time in UTC, a day on from its time to start with. The advance
 * runs on the edge; the page shows its progress (it re-reads the clock while it is ADVANCING), so
 * this form only starts it, and the page does not draw it while one is under way. A time refused (not after the
 * clock's, or more than two years on) is said beside the selects.
 */
export function AdvanceTestClockForm({ clock }: { clock: TestClock }) {
  const { locale, t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<EdgeResult<TestClock> | null>(null);
  const [pending, startTransition] = useTransition();
  const prefix = `advance-${clock.id}`;
  const control = `${prefix}-to`;
  const problem = outcome && !outcome.ok ? outcome.problem : null;
  const { placed, unplaced } = placeFieldErrors(problem, prefix, new Set([control]), t);
  useFocusFirstInvalid(formRef, problem);
  const year = new Date(clock.frozenTime).getUTCFullYear();
  const advancing = clock.status === 'ADVANCING';
  const headingId = `${prefix}-heading`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = String(new FormData(event.currentTarget).get('to') ?? '');
    startTransition(async () => {
      const advanced = await advanceTestClock(clock.id, to);
      setOutcome(advanced);
      // Started: this form closes while the clock advances, and the focus, on its button, would
      // fall to the page's start; it goes to the clock's name, above the progress, instead.
      if (advanced.ok) document.getElementById(`clock-${clock.id}-name`)?.focus();
    });
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-2"
      noValidate
    >
      <h4 id={headingId} className="sr-only">
        {t.testClocks.advanceFor(clock.name)}
      </h4>
      <DateTimeSelect
        id={control}
        label={t.testClocks.advanceTo}
        initial={new Date(Date.parse(clock.frozenTime) + DAY_MS).toISOString()}
        years={{ first: year, last: year + 2 }}
        name="to"
        controlProps={
          placed.has(control) ? invalidProps(control, placed) : { 'aria-describedby': `${control}-hint` }
        }
      />
      <p id={`${control}-hint`} className="text-xs text-slate-600">
        {t.testClocks.advanceHint}
      </p>
      <ControlError id={control} message={placed.get(control)} />
      {problem && problem.status === 409 ? (
        <ActionProblem locale={locale} problem={problem} />
      ) : (
        <RefusalSummary
          problem={problem}
          placedCount={placed.size}
          unplaced={unplaced}
          title={t.testClocks.notAdvanced}
        />
      )}
      <button type="submit" className="btn self-start" disabled={pending || advancing}>
        {pending ? t.testClocks.advancing : t.testClocks.advance}
        <span className="sr-only"> {clock.name}</span>
      </button>
    </form>
  );
}
