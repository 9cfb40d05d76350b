import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Operations per second: the median over the rounds. */
  opsPerSecond: number;
  /** Every round's figure, so the spread is visible. */
  rounds: number[];
}

/**
 * Runs `operation` in timed rounds after a warm-up and reports the median rate: the median
 * shrugs off a round that a busy machine slowed down.
 */
export function measure(
  name: string,
  operation: () => unknown,
  options = { rounds: 7, roundMs: 400 },
): Measurement {
  const warmUpUntil = performance.now() + options.roundMs;
  while (performance.now() < warmUpUntil) operation();
  const rounds: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    let operations = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < options.roundMs) {
      operation();
      operations += 1;
      elapsed = performance.now() - start;
    }
    rounds.push((operations / elapsed) * 1000);
  }
  return { name, opsPerSecond: median(rounds), rounds };
}

/**
 * Measures several operations round by round, each round running every operation in turn, so a
 * stretch of a busy machine slows all of them alike; `rounds[i]` of each result are neighbours in
 * time, which makes per-round differences between them meaningful.
 */
export function measureInterleaved(
  cases: readonly { name: string; operation: () => unknown }[],
  options = { rounds: 7, roundMs: 400 },
): Measurement[] {
  for (const { operation } of cases) {
    const warmUpUntil = performance.now() + options.roundMs;
    while (performance.now() < warmUpUntil) operation();
  }
  const rounds = cases.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round += 1) {
    cases.forEach(({ operation }, index) => {
      let operations = 0;
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < options.roundMs) {
        operation();
        operations += 1;
        elapsed = performance.now() - start;
      }
      rounds[index]?.push((operations / elapsed) * 1000);
    });
  }
  return cases.map(({ name }, index) => {
    const rates = rounds[index] ?? [];
    return { name, opsPerSecond: median(rates), rounds: rates };
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function formatRate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
