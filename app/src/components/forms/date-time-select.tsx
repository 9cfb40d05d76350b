'use client';

import { useState } from 'react';
import { DaySelect, HourSelect, MinuteSelect, MonthOfYearSelect, YearSelect } from './calendar-selects';

interface DateTimeSelectProps {
  /** The fieldset's id; its selects are `${id}-year`, `-month`, `-day`, `-hour` and `-minute`. */
  id: string;
  label: string;
  /** Where it starts: an ISO instant (read in UTC), or '' for no day yet (the hour and minute start at 00). */
  initial: string;
  years: { first: number; last: number };
  /** The form field's name: a hidden input carries the instant (`YYYY-MM-DDTHH:MM:00Z`), or '' until a day is chosen. */
  name: string;
  /** Attributes tying the selects to an error (`aria-invalid`, `aria-describedby`). */
  controlProps?: Record<string, unknown>;
}

type Parts = [year: string, month: string, day: string, hour: string, minute: string];

const daysIn = (year: string, month: string) =>
  year && month ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;

function partsOf(iso: string): Parts {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso ? new Date(iso).toISOString() : '');
  if (!match) return ['', '', '', '00', '00'];
  const [, year = '', month = '', day = '', hour = '00', minute = '00'] = match;
  return [year, month, day, hour, minute];
}

/**
 * An instant in UTC chosen as a day (year, a month named in the reader's language, day) and a time
 * on the 24-hour clock. Selects, not `<input type="datetime-local">`: a browser draws that in its own
 * language and in the computer's time zone, and a test clock's time is UTC, as billing months are.
 * Remount it (a new `key`) to start over.
 */
export function DateTimeSelect({ id, label, initial, years, name, controlProps }: DateTimeSelectProps) {
  const [parts, setParts] = useState<Parts>(() => partsOf(initial));
  const [year, month, day, hour, minute] = parts;
  const set = (next: Parts) => {
    const [y, m, d] = next;
    const lastDay = daysIn(y, m);
    // A day past the end of the month chosen becomes its last day ("31" in a 30-day month).
    setParts([y, m, d && Number(d) > lastDay ? String(lastDay).padStart(2, '0') : d, next[3], next[4]]);
  };
  const value = year && month && day ? `${year}-${month}-${day}T${hour}:${minute}:00Z` : '';
  const common = { controlProps };
  return (
    <fieldset id={id} className="field min-w-0">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap items-center gap-1">
        <YearSelect
          id={`${id}-year`}
          value={year}
          onChange={(next) => set([next, month, day, hour, minute])}
          years={years}
          ascending
          optional
          {...common}
        />
        <MonthOfYearSelect
          id={`${id}-month`}
          value={month}
          onChange={(next) => set([year, next, day, hour, minute])}
          optional
          {...common}
        />
        <DaySelect
          id={`${id}-day`}
          value={day}
          onChange={(next) => set([year, month, next, hour, minute])}
          days={daysIn(year, month)}
          optional
          {...common}
        />
        <span className="flex items-center gap-1">
          <HourSelect
            id={`${id}-hour`}
            value={hour}
            onChange={(next) => set([year, month, day, next, minute])}
            {...common}
          />
          <span aria-hidden="true">:</span>
          <MinuteSelect
            id={`${id}-minute`}
            value={minute}
            onChange={(next) => set([year, month, day, hour, next])}
            {...common}
          />
          <span className="text-sm text-slate-600">UTC</span>
        </span>
      </div>
      <input type="hidden" name={name} value={value} />
    </fieldset>
  );
}
