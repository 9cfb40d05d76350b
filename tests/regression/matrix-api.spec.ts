import type { StatementResult } from '@billing/engine';
import type { BillingApi } from '../support/api/billing-api';
import { expect, test } from '../support/api-test';
import type { BillingMonth } from './billing-month';
import { API_SAMPLE } from './matrix/combinations';
import {
  attachDisagreements,
  type Disagreement,
  disagreementReport,
  disagreementWithOracle,
} from './support/agreement';
import { calculateRequest } from './support/calculate-request';
import { type Figures, figuresOfStatement } from './support/figures';

/** Tests of 60 months each; each test sends its months 10 at a time. */
const MONTHS_PER_TEST = 60;
const REQUESTS_AT_ONCE = 10;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

class RouteMissing extends Error {}

/** The API's figures for a billing month, or what went wrong in its words. */
async function priceWithApi(api: BillingApi, month: BillingMonth): Promise<Figures | Error> {
  const response = await api.post('/v1/calculate', calculateRequest(month));
  const body = await response.json().catch(() => null);
  if (response.status() === 200) return figuresOfStatement(body as StatementResult);
  const message = `POST /v1/calculate answered ${response.status()} ${JSON.stringify(body)}`;
  return response.status() === 404 ? new RouteMissing(message) : new Error(message);
}

test.describe('regression matrix: POST /v1/calculate prices a sample of combinations as the oracle does', () => {
  chunks(API_SAMPLE, MONTHS_PER_TEST).forEach((sample, chunkIndex) => {
    const first = chunkIndex * MONTHS_PER_TEST + 1;
    const title = `API sample ${first}–${first + sample.length - 1} of ${API_SAMPLE.length}: combinations #${sample[0]?.index}–#${sample.at(-1)?.index}`;
    test(title, { tag: ['@regression', '@slow'] }, async ({ api }, testInfo) => {
      const disagreements: Disagreement[] = [];
      for (const batch of chunks(sample, REQUESTS_AT_ONCE)) {
        const answers = await Promise.all(
          batch.map((combination) => priceWithApi(api, combination.billingMonth)),
        );
        batch.forEach((combination, position) => {
          const disagreement = disagreementWithOracle(
            `#${combination.index} ${combination.description}`,
            combination.billingMonth,
            'API',
            answers[position] ?? new Error('no answer'),
          );
          if (disagreement) disagreements.push(disagreement);
        });
        // A missing route answers every month alike: one batch shows it, the rest would only repeat it.
        if (answers.every((answer) => answer instanceof RouteMissing)) break;
      }

      await attachDisagreements(testInfo, disagreements);
      expect(disagreements.length, disagreementReport('API', sample.length, disagreements)).toBe(0);
    });
  });
});
