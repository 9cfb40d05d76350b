'use client';

import type { ReactNode } from 'react';
import { MonthOfYearSelect, YearSelect } from './calendar-selects';

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
  const [year = '', month = ''] = value.split('-');
  return (
    <fieldset id={id} className="field">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="flex gap-2">
        <YearSelect
          id={`${id}-year`}
          value={year}
          onChange={(next) => onChange(`${next}-${month}`)}
          years={years}
          controlProps={controlProps}
        />
        <MonthOfYearSelect
          id={`${id}-month`}
          value={month}
          onChange={(next) => onChange(`${year}-${next}`)}
          controlProps={controlProps}
        />
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      {children}
    </fieldset>
  );
}
