import { Decimal } from '@billing/engine';
import { type APIResponse, expect as base } from '@playwright/test';
import { checkContract } from './contract';

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

  /**
   * The response is one that `operationId` documents in edge/openapi.json: a documented status, a
   * documented content type, and a body valid against that schema.
   */
  async toMatchContract(response: APIResponse, operationId: string) {
    const assertionName = 'toMatchContract';
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = text;
    }
    const verdict = checkContract(
      operationId,
      response.status(),
      response.headers()['content-type'] ?? null,
      body,
    );
    return {
      pass: verdict.ok,
      name: assertionName,
      message: () =>
        `${this.utils.matcherHint(assertionName, undefined, operationId, { isNot: this.isNot })}\n\n` +
        `${response.status()} ${response.url()}\n` +
        (verdict.ok
          ? 'matches the contract'
          : `does not match the contract:\n  ${verdict.problems.join('\n  ')}`) +
        `\nBody: ${text.slice(0, 2000)}`,
    };
  },
});
