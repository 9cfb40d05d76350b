import { expect, test } from '../support/api-test';
import { ALL_COMBINATIONS, API_SAMPLE, MATRIX_SIZE, uncoveredPairs } from './matrix/combinations';

test.describe('regression matrix: what it covers', () => {
  test('the engine matrix is the full product of the six dimensions: 9600 billing months', {
    tag: ['@regression'],
  }, () => {
    expect(MATRIX_SIZE).toBe(3 * 5 * 5 * 8 * 4 * 4);
    const distinct = new Set(ALL_COMBINATIONS.map((combination) => JSON.stringify(combination.billingMonth)));
    expect(distinct.size, 'every combination is a different billing month').toBe(MATRIX_SIZE);
  });

  test('the API sample has at least 450 months and pairs every value of a dimension with every value of another', {
    tag: ['@regression'],
  }, () => {
    expect(API_SAMPLE.length).toBeGreaterThanOrEqual(450);
    expect(new Set(API_SAMPLE.map((combination) => combination.index)).size).toBe(API_SAMPLE.length);
    expect(
      uncoveredPairs(API_SAMPLE),
      'pairs of dimension values the API sample never sends together',
    ).toEqual([]);
  });
});
