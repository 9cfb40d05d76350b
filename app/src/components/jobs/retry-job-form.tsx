'use client';

import { useActionState } from 'react';
import { type StartJobState, startCloseMonthJob } from '@/actions/jobs';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';

const INITIAL: StartJobState = { problem: null };

/** Posts the month again: the edge retries the groups that failed and closes nothing twice. */
export function RetryJobForm({ month }: { month: string }) {
  const { locale, t } = useI18n();
  const [state, action, pending] = useActionState(startCloseMonthJob, INITIAL);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="month" value={month} />
      {state.problem ? <ErrorState locale={locale} problem={state.problem} /> : null}
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.monthEnd.starting : t.monthEnd.retry}
      </button>
    </form>
  );
}
