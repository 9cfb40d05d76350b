'use client';

import { numberLocale } from '@/i18n/locales';
import { useI18n } from '@/i18n/provider';

interface CalendarSelectProps {
  /** The select's id. */
  id: string;
  /** Two digits ("03") for a month or a day, four for a year; '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** Offers "—" for none first. */
  optional?: boolean;
  /** Attributes tying the select to an error or a note (`aria-invalid`, `aria-describedby`). */
  controlProps?: Record<string, unknown>;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** One select of a date, named by `label`, its options in the reader's language. */
function CalendarSelect({
  label,
  options,
  id,
  value,
  onChange,
  optional = false,
  controlProps,
}: CalendarSelectProps & { label: string; options: { value: string; name: string }[] }) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...controlProps}
    >
      {optional ? <option value="">{t.common.none}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.name}
        </option>
      ))}
    </select>
  );
}

/** Years named in the reader's language ("2026년"), newest first unless `ascending`. */
export function YearSelect({
  years,
  ascending = false,
  ...props
}: CalendarSelectProps & { years: { first: number; last: number }; ascending?: boolean }) {
  const { t } = useI18n();
  const count = years.last - years.first + 1;
  const options = Array.from({ length: count }, (_, index) => {
    const year = ascending ? years.first + index : years.last - index;
    return { value: String(year), name: t.common.yearName(year) };
  });
  return <CalendarSelect label={t.common.year} options={options} {...props} />;
}

/** The twelve months named in the reader's language ("3월", "March"). */
export function MonthOfYearSelect(props: CalendarSelectProps) {
  const { locale, t } = useI18n();
  const monthName = new Intl.DateTimeFormat(numberLocale(locale), { month: 'long', timeZone: 'UTC' });
  const options = Array.from({ length: 12 }, (_, index) => ({
    value: twoDigits(index + 1),
    name: monthName.format(new Date(Date.UTC(2000, index, 1))),
  }));
  return <CalendarSelect label={t.common.monthOfYear} options={options} {...props} />;
}

/** The days of a month ("20일", "20"). */
export function DaySelect({ days, ...props }: CalendarSelectProps & { days: number }) {
  const { t } = useI18n();
  const options = Array.from({ length: days }, (_, index) => ({
    value: twoDigits(index + 1),
    name: t.common.dayName(index + 1),
  }));
  return <CalendarSelect label={t.common.day} options={options} {...props} />;
}

/** The hours of a day on the 24-hour clock ("00" to "23"), read the same in both languages. */
export function HourSelect(props: CalendarSelectProps) {
  const { t } = useI18n();
  const options = Array.from({ length: 24 }, (_, hour) => ({
    value: twoDigits(hour),
    name: twoDigits(hour),
  }));
  return <CalendarSelect label={t.common.hourUtc} options={options} {...props} />;
}

/** The minutes of an hour ("00" to "59"). */
export function MinuteSelect(props: CalendarSelectProps) {
  const { t } = useI18n();
  const options = Array.from({ length: 60 }, (_, minute) => ({
    value: twoDigits(minute),
    name: twoDigits(minute),
  }));
  return <CalendarSelect label={t.common.minute} options={options} {...props} />;
}
