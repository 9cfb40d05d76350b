'use client';

import { useEffect, useState } from 'react';
import { numberLocale } from '@/i18n/locales';
import { useI18n } from '@/i18n/provider';

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
  const { locale, t } = useI18n();
  const [parts, setParts] = useState(() => value.split('-'));
  // The parent sets a whole day, or clears it (a form reset); a day being chosen stays as it is.
  useEffect(() => {
    setParts((current) => (value ? value.split('-') : current.every(Boolean) ? ['', '', ''] : current));
  }, [value]);
  const [year = '', month = '', day = ''] = parts;
  const monthName = new Intl.DateTimeFormat(numberLocale(locale), { month: 'long', timeZone: 'UTC' });
  const set = (next: [string, string, string]) => {
    const [y, m, d] = next;
    const lastDay = daysIn(y, m);
    const fitted: [string, string, string] = [y, m, d && Number(d) > lastDay ? String(lastDay) : d];
    setParts(fitted);
    onChange(fitted.every(Boolean) ? fitted.join('-') : '');
  };
  const yearOptions = Array.from({ length: years.last - years.first + 1 }, (_, index) => years.first + index);
  return (
    <fieldset id={id} className="field min-w-0">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap gap-1">
        <select
          id={`${id}-year`}
          aria-label={t.common.year}
          value={year}
          onChange={(event) => set([event.target.value, month, day])}
          {...controlProps}
        >
          <option value="">{t.common.none}</option>
          {yearOptions.map((option) => (
            <option key={option} value={String(option)}>
              {t.common.yearName(option)}
            </option>
          ))}
        </select>
        <select
          id={`${id}-month`}
          aria-label={t.common.monthOfYear}
          value={month}
          onChange={(event) => set([year, event.target.value, day])}
          {...controlProps}
        >
          <option value="">{t.common.none}</option>
          {Array.from({ length: 12 }, (_, index) => {
            const number = String(index + 1).padStart(2, '0');
            return (
              <option key={number} value={number}>
                {monthName.format(new Date(Date.UTC(2000, index, 1)))}
              </option>
            );
          })}
        </select>
        <select
          id={`${id}-day`}
          aria-label={t.common.day}
          value={day}
          onChange={(event) => set([year, month, event.target.value])}
          {...controlProps}
        >
          <option value="">{t.common.none}</option>
          {Array.from({ length: daysIn(year, month) }, (_, index) => {
            const number = String(index + 1).padStart(2, '0');
            return (
              <option key={number} value={number}>
                {t.common.dayName(index + 1)}
              </option>
            );
          })}
        </select>
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
    </fieldset>
  );
}
