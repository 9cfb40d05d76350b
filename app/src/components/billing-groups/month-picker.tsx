'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useI18n } from '@/i18n/provider';
import { type DashboardTab, dashboardHref } from '@/lib/dashboard-tabs';
import { formatMonth } from '@/lib/months';

interface MonthPickerProps {
  billingGroupId: string;
  month: string;
  months: readonly string[];
  tab: DashboardTab;
}

/** How long the picker waits for the next keystroke: arrow keys change a closed select one month at a time. */
const SETTLE_MS = 400;

/**
 * The month shown, chosen from a list of months named in the reader's language ("2026년 12월"),
 * applied once picked: no submit button. Arrowing through the list opens one month, the one it
 * stops on, not every month on the way. The section behind stays while the next month loads, and
 * the picker says it is loading.
 */
export function MonthPicker({ billingGroupId, month, months, tab }: MonthPickerProps) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState(month);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setChosen(month), [month]);
  useEffect(() => () => clearTimeout(settle.current ?? undefined), []);
  const choose = (next: string) => {
    setChosen(next);
    clearTimeout(settle.current ?? undefined);
    settle.current = setTimeout(
      () => startTransition(() => router.push(dashboardHref(billingGroupId, { month: next, tab }))),
      SETTLE_MS,
    );
  };
  return (
    <div className="field">
      <label htmlFor="dashboard-month">{t.groups.month}</label>
      <div className="flex items-center gap-2">
        <select
          id="dashboard-month"
          value={chosen}
          aria-describedby="dashboard-month-status"
          onChange={(event) => choose(event.target.value)}
        >
          {months.map((option) => (
            <option key={option} value={option}>
              {formatMonth(option, locale)}
            </option>
          ))}
        </select>
        {/* A live region rather than role=status: the page has one status, its own loading state. */}
        <span id="dashboard-month-status" aria-live="polite" className="text-sm text-slate-600">
          {pending ? t.common.loading : ''}
        </span>
      </div>
    </div>
  );
}
