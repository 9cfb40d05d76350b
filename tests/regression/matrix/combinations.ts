import type { BillingMonth } from '../billing-month';
import {
  type Choice,
  CONTRACTS,
  CREDIT_SETS,
  GROUP_ADJUSTMENTS,
  MATRIX_USAGE,
  PROJECT_ADJUSTMENTS,
  ROUNDING_MODES,
  UNPAID,
} from './dimensions';

/**
 * The regression matrix: the full product of the six dimensions of issue 6, 3 × 5 × 5 × 8 × 4 × 4 =
 * 9600 combinations. The engine prices a month in well under a millisecond, so no covering subset
 * is needed: every combination runs through the engine; a sample of them runs through the API.
 */
export type DimensionName =
  | 'contract'
  | 'rounding'
  | 'unpaid'
  | 'projectAdjustment'
  | 'groupAdjustment'
  | 'credits';

/** In this order, the last one varying fastest: a cell (contract, rounding) is one contiguous block. */
export const DIMENSIONS: Readonly<Record<DimensionName, readonly Choice<unknown>[]>> = {
  contract: CONTRACTS,
  rounding: ROUNDING_MODES,
  unpaid: UNPAID,
  projectAdjustment: PROJECT_ADJUSTMENTS,
  groupAdjustment: GROUP_ADJUSTMENTS,
  credits: CREDIT_SETS,
};
const DIMENSION_NAMES = Object.keys(DIMENSIONS) as DimensionName[];

export interface Combination {
  /** Position in the full product, stable from run to run: `#4711` in a report. */
  index: number;
  /** The chosen value's position in each dimension. */
  choices: Record<DimensionName, number>;
  /** The combination in billing words. */
  description: string;
  billingMonth: BillingMonth;
}

function choiceOf<T>(dimension: readonly Choice<T>[], position: number): Choice<T> {
  const choice = dimension[position];
  if (!choice) throw new Error(`no choice ${position} in a dimension of ${dimension.length}`);
  return choice;
}

function combinationAt(index: number): Combination {
  let rest = index;
  const choices = {} as Record<DimensionName, number>;
  for (const name of [...DIMENSION_NAMES].reverse()) {
    choices[name] = rest % DIMENSIONS[name].length;
    rest = Math.floor(rest / DIMENSIONS[name].length);
  }
  const contract = choiceOf(CONTRACTS, choices.contract);
  const rounding = choiceOf(ROUNDING_MODES, choices.rounding);
  const unpaid = choiceOf(UNPAID, choices.unpaid);
  const projectAdjustment = choiceOf(PROJECT_ADJUSTMENTS, choices.projectAdjustment);
  const groupAdjustment = choiceOf(GROUP_ADJUSTMENTS, choices.groupAdjustment);
  const credits = choiceOf(CREDIT_SETS, choices.credits);
  return {
    index,
    choices,
    description: [contract, rounding, projectAdjustment, groupAdjustment, credits, unpaid]
      .map((choice) => choice.label)
      .join(' · '),
    billingMonth: {
      month: '2026-03',
      billingGroup: {
        currency: 'KRW',
        vatRate: '10',
        roundingMode: rounding.value,
        paymentTermsDays: 14,
        lateFeeRate: '5',
      },
      usage: MATRIX_USAGE,
      contract: contract.value,
      adjustments: [...projectAdjustment.value, ...groupAdjustment.value],
      credits: credits.value,
      unpaid: unpaid.value,
      asOf: '2026-04-01T00:00:00Z',
    },
  };
}

export const MATRIX_SIZE = DIMENSION_NAMES.reduce((size, name) => size * DIMENSIONS[name].length, 1);

export const ALL_COMBINATIONS: readonly Combination[] = Array.from({ length: MATRIX_SIZE }, (_, index) =>
  combinationAt(index),
);

/** A cell of the matrix: one contract under one rounding mode, with its 600 combinations. */
export function cellsByContractAndRounding() {
  return CONTRACTS.flatMap((contract, contractPosition) =>
    ROUNDING_MODES.map((rounding, roundingPosition) => ({
      title: `${contract.label}, ${rounding.label}`,
      combinations: ALL_COMBINATIONS.filter(
        (combination) =>
          combination.choices.contract === contractPosition &&
          combination.choices.rounding === roundingPosition,
      ),
    })),
  );
}

export const API_SAMPLE_SIZE = 480;
const API_SAMPLE_SEED = 20_260_301;

/** mulberry32: a tiny seeded generator, so the sample is the same on every run and machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The combinations sent through the API: a seeded shuffle of the matrix, cut at 480 and kept in
 * matrix order. Seeded rather than strided, because a stride shares factors with the dimension
 * sizes and would skip whole values; a spec checks it covers every pair of values of two dimensions.
 */
export const API_SAMPLE: readonly Combination[] = (() => {
  const random = seededRandom(API_SAMPLE_SEED);
  const order = ALL_COMBINATIONS.map((combination) => combination.index);
  for (let position = order.length - 1; position > 0; position -= 1) {
    const other = Math.floor(random() * (position + 1));
    [order[position], order[other]] = [order[other] as number, order[position] as number];
  }
  return order
    .slice(0, API_SAMPLE_SIZE)
    .sort((a, b) => a - b)
    .map((index) => ALL_COMBINATIONS[index] as Combination);
})();

/** The pairs of values of two dimensions that no combination in `combinations` has together. */
export function uncoveredPairs(combinations: readonly Combination[]): string[] {
  const seen = new Set(
    combinations.flatMap((combination) =>
      DIMENSION_NAMES.flatMap((a) =>
        DIMENSION_NAMES.map((b) => `${a}=${combination.choices[a]} ${b}=${combination.choices[b]}`),
      ),
    ),
  );
  return DIMENSION_NAMES.flatMap((a, aPosition) =>
    DIMENSION_NAMES.slice(aPosition + 1).flatMap((b) =>
      DIMENSIONS[a].flatMap((aChoice, aValue) =>
        DIMENSIONS[b]
          .map((bChoice, bValue) => ({
            key: `${a}=${aValue} ${b}=${bValue}`,
            words: `${aChoice.label} with ${bChoice.label}`,
          }))
          .filter((pair) => !seen.has(pair.key))
          .map((pair) => pair.words),
      ),
    ),
  );
}
