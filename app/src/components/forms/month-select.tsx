'use client';

import type { ReactNode } from 'react';
import { numberLocale } from '@/i18n/locales';
import { useI18n } from '@/i18n/provider';

interface MonthSelectProps {
  /** The id of the fieldset; its year and month controls are `${id}-year` and `${id}-month`. */
  id: string;
  label: string;
  /** YYYY-MM. */
  value: string;
  onChange: (month: string) => void;
  /** The years offered, inclusive. */
  years: { first: number; last: number };
  /** The form field's name: a hidden input carries the YYYY-MM value. */
  name?: string;
  /** Attributes tying both selects to an error or a note (`aria-invalid`, `aria-describedby`). */
  controlProps?: Record<string, unknown>;
  children?: ReactNode;
}

/**
 * A billing month chosen as a year and a month named in the reader's language ("12월", "December").
 * Not `<input type="month">`: a browser draws that in its own language whatever the page's, so a
 * Korean page showed "March 2026".
 */
export function MonthSelect({
  id,
  label,
  value,
  onChange,
  years,
  name,
  controlProps,
  children,
}: MonthSelectProps) {
  const { locale, t } = useI18n();
  const [year = '', month = ''] = value.split('-');
  const monthName = new Intl.DateTimeFormat(numberLocale(locale), { month: 'long', timeZone: 'UTC' });
  const yearOptions = Array.from({ length: years.last - years.first + 1 }, (_, index) => years.last - index);
  const set = (nextYear: string, nextMonth: string) => onChange(`${nextYear}-${nextMonth}`);
  return (
    <fieldset id={id} className="field">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="flex gap-2">
        <select
          id={`${id}-year`}
          aria-label={t.common.year}
          value={year}
          onChange={(event) => set(event.target.value, month)}
          {...controlProps}
        >
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
          onChange={(event) => set(year, event.target.value)}
          {...controlProps}
        >
          {Array.from({ length: 12 }, (_, index) => {
            const number = String(index + 1).padStart(2, '0');
            return (
              <option key={number} value={number}>
                {monthName.format(new Date(Date.UTC(2000, index, 1)))}
              </option>
            );
          })}
        </select>
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      {children}
    </fieldset>
  );
}
