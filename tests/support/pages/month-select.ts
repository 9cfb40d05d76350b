import { expect, type Locator } from '@playwright/test';

/** A billing month chosen as a year and a month of the year (the app's `MonthSelect`). */
export class MonthSelect {
  readonly year: Locator;
  readonly monthOfYear: Locator;

  /** `group`: the fieldset, found by its legend. */
  constructor(readonly group: Locator) {
    this.year = group.getByRole('combobox', { name: /^(Year|연도)$/ });
    this.monthOfYear = group.getByRole('combobox', { name: /^(Month of the year|월)$/ });
  }

  /** Chooses YYYY-MM, year first, as a person would. */
  async choose(month: string) {
    const [year = '', monthOfYear = ''] = month.split('-');
    await this.year.selectOption(year);
    await this.monthOfYear.selectOption(monthOfYear);
  }

  async expectValue(month: string) {
    const [year = '', monthOfYear = ''] = month.split('-');
    await expect(this.year).toHaveValue(year);
    await expect(this.monthOfYear).toHaveValue(monthOfYear);
  }
}

/** An optional day chosen as a year, a month and a day (the app's `DateSelect`). */
export class DateSelect extends MonthSelect {
  readonly day: Locator;

  constructor(group: Locator) {
    super(group);
    this.day = group.getByRole('combobox', { name: /^(Day|일)$/ });
  }

  /** Chooses YYYY-MM-DD: year, month, then day. */
  async chooseDay(date: string) {
    await this.choose(date.slice(0, 7));
    await this.day.selectOption(date.slice(8, 10));
  }
}

/** An instant in UTC chosen as a day and a time on the 24-hour clock (the app's `DateTimeSelect`). */
export class DateTimeSelect extends DateSelect {
  readonly hour: Locator;
  readonly minute: Locator;

  constructor(group: Locator) {
    super(group);
    this.hour = group.getByRole('combobox', { name: /^(Hour \(UTC\)|시 \(UTC\))$/ });
    this.minute = group.getByRole('combobox', { name: /^(Minute|분)$/ });
  }

  /** Chooses `YYYY-MM-DDTHH:MM` (UTC): the day, then the hour and minute. */
  async chooseInstant(instant: string) {
    await this.chooseDay(instant.slice(0, 10));
    await this.hour.selectOption(instant.slice(11, 13));
    await this.minute.selectOption(instant.slice(14, 16));
  }
}
