'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useI18n } from '@/i18n/provider';
import { type DashboardTab, dashboardHref } from '@/lib/dashboard-tabs';
import { formatMonth } from '@/lib/months';

interface MonthPickerProps {
  billingGroupId: string;
  month: string;
  months: readonly string[];
  tab: DashboardTab;
}

/**
 * The month shown, chosen from a list of months named in the reader's language ("2026년 12월"),
 * applied as soon as it is picked: no submit button. The page behind stays while the next month
 * loads, and the picker says it is loading.
 */
export function MonthPicker({ billingGroupId, month, months, tab }: MonthPickerProps) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="field">
      <label htmlFor="dashboard-month">{t.groups.month}</label>
      <div className="flex items-center gap-2">
        <select
          id="dashboard-month"
          value={month}
          aria-describedby="dashboard-month-status"
          onChange={(event) => {
            const chosen = event.target.value;
            startTransition(() => router.push(dashboardHref(billingGroupId, { month: chosen, tab })));
          }}
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
