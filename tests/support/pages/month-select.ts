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
