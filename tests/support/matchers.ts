import { Decimal } from '@billing/engine';
import { expect as base } from '@playwright/test';

/** The project's own matchers, in one place. */
export const expect = base.extend({
  /** Compares money by value, so `"100"`, `"100.00"` and `100` are equal. */
  toEqualMoney(received: unknown, expected: string | number) {
    const assertionName = 'toEqualMoney';
    let pass = false;
    try {
      pass = new Decimal(String(received)).equals(new Decimal(String(expected)));
    } catch {
      pass = false;
    }
    return {
      pass,
      name: assertionName,
      expected,
      actual: received,
      message: () =>
        `${this.utils.matcherHint(assertionName, undefined, undefined, { isNot: this.isNot })}\n\n` +
        `Expected: ${this.isNot ? 'not ' : ''}${this.utils.printExpected(String(expected))}\n` +
        `Received: ${this.utils.printReceived(String(received))}`,
    };
  },
});
