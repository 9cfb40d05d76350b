'use client';

import { useEffect, useState } from 'react';
import { DaySelect, MonthOfYearSelect, YearSelect } from './calendar-selects';

interface DateSelectProps {
  /** The fieldset's id; its controls are `${id}-year`, `${id}-month` and `${id}-day`. */
  id: string;
  label: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (date: string) => void;
  years: { first: number; last: number };
  /** The form field's name: a hidden input carries the YYYY-MM-DD value. */
  name?: string;
  /** Attributes tying the selects to an error (`aria-invalid`, `aria-describedby`). */
  controlProps?: Record<string, unknown>;
}

const daysIn = (year: string, month: string) =>
  year && month ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;

/**
 * An optional calendar day chosen as a year, a month named in the reader's language and a day, each
 * with "—" for none. Not `<input type="date">`: a browser draws that in its own language and order
 * whatever the page's ("mm/dd/yyyy" on a Korean page). The value is set once all three are chosen.
 */
export function DateSelect({ id, label, value, onChange, years, name, controlProps }: DateSelectProps) {
  const [parts, setParts] = useState(() => value.split('-'));
  // The parent sets a whole day, or clears it (a form reset); a day being chosen stays as it is.
  useEffect(() => {
    setParts((current) => (value ? value.split('-') : current.every(Boolean) ? ['', '', ''] : current));
  }, [value]);
  const [year = '', month = '', day = ''] = parts;
  const set = (next: [string, string, string]) => {
    const [y, m, d] = next;
    const lastDay = daysIn(y, m);
    const fitted: [string, string, string] = [y, m, d && Number(d) > lastDay ? String(lastDay) : d];
    setParts(fitted);
    onChange(fitted.every(Boolean) ? fitted.join('-') : '');
  };
  const common = { optional: true, controlProps };
  return (
    <fieldset id={id} className="field min-w-0">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap gap-1">
        <YearSelect
          id={`${id}-year`}
          value={year}
          onChange={(next) => set([next, month, day])}
          years={years}
          ascending
          {...common}
        />
        <MonthOfYearSelect
          id={`${id}-month`}
          value={month}
          onChange={(next) => set([year, next, day])}
          {...common}
        />
        <DaySelect
          id={`${id}-day`}
          value={day}
          onChange={(next) => set([year, month, next])}
          days={daysIn(year, month)}
          {...common}
        />
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
    </fieldset>
  );
}
