'use client';

import { useActionState, useState } from 'react';
import { type StartJobState, startCloseMonthJob } from '@/actions/jobs';
import { ErrorState } from '@/components/feedback/error-state';
import { MonthSelect } from '@/components/forms/month-select';
import { useI18n } from '@/i18n/provider';
import { formatMonth } from '@/lib/months';

const INITIAL: StartJobState = { problem: null };

/** Starts the month-end batch; warns, before anything starts, when the month chosen is not over. */
export function StartCloseMonthForm({
  defaultMonth,
  thisMonth,
}: {
  defaultMonth: string;
  thisMonth: string;
}) {
  const { locale, t } = useI18n();
  const [state, action, pending] = useActionState(startCloseMonthJob, INITIAL);
  const [month, setMonth] = useState(defaultMonth);
  const unfinished = month >= thisMonth;
  return (
    <form action={action} aria-label={t.monthEnd.start} className="flex flex-col gap-3">
      <div className="max-w-72">
        <MonthSelect
          id="month-end-month"
          name="month"
          label={t.monthEnd.month}
          value={month}
          onChange={setMonth}
          years={{ first: Number(thisMonth.slice(0, 4)) - 5, last: Number(thisMonth.slice(0, 4)) }}
          controlProps={unfinished ? { 'aria-describedby': 'month-end-unfinished' } : {}}
        />
      </div>
      {unfinished ? (
        <p
          id="month-end-unfinished"
          className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
        >
          {t.monthEnd.unfinished(formatMonth(month, locale))}
        </p>
      ) : null}
      {state.problem ? <ErrorState locale={locale} problem={state.problem} /> : null}
      <button type="submit" className="btn-danger self-start" disabled={pending}>
        {pending ? t.monthEnd.starting : t.monthEnd.start}
      </button>
    </form>
  );
}
