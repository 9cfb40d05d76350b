import type { TestInfo } from '@playwright/test';
import type { BillingMonth } from '../billing-month';
import { oracleStatement } from '../oracle/statement';
import { differences, type Figures, figuresOfOracle } from './figures';

/** A billing month where a side (engine or API) and the oracle differ, figure by figure. */
export interface Disagreement {
  /** The month in billing words: `#4711 contract: 12.5% off usage · rounded HALF_EVEN · …`. */
  what: string;
  differences: string[];
}

export function oracleFigures(month: BillingMonth): Figures {
  return figuresOfOracle(oracleStatement(month));
}

/** How `side`'s figures differ from the oracle's; a side that refused the month says so in one line. */
export function disagreementWithOracle(
  what: string,
  month: BillingMonth,
  side: string,
  figures: Figures | Error,
): Disagreement | null {
  if (figures instanceof Error) return { what, differences: [`${side} refused it: ${figures.message}`] };
  const found = differences(oracleFigures(month), figures, { expected: 'oracle', actual: side });
  return found.length === 0 ? null : { what, differences: found };
}

const SHOWN = 15;

/** The failure message: how many disagree, then the first few in billing words. */
export function disagreementReport(
  side: string,
  checked: number,
  disagreements: readonly Disagreement[],
): string {
  const shown = disagreements
    .slice(0, SHOWN)
    .map((disagreement) => `${disagreement.what}\n    ${disagreement.differences.join('\n    ')}`);
  const more =
    disagreements.length > SHOWN
      ? [`… and ${disagreements.length - SHOWN} more, all in the attachment "disagreements with the oracle"`]
      : [];
  return [
    `${disagreements.length} of ${checked} billing months: the ${side} disagrees with the oracle`,
    ...shown,
    ...more,
  ].join('\n');
}

export async function attachDisagreements(testInfo: TestInfo, disagreements: readonly Disagreement[]) {
  if (disagreements.length === 0) return;
  await testInfo.attach('disagreements with the oracle', {
    body: JSON.stringify(disagreements, null, 2),
    contentType: 'application/json',
  });
}
