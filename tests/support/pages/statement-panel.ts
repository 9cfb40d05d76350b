import type { Locator } from '@playwright/test';

/** A rendered statement (calculator, draft or closed): totals, line items, credits and the trace. */
export class StatementPanel {
  readonly totals: Locator;
  readonly lineItems: Locator;
  readonly creditsBurned: Locator;
  readonly adjustments: Locator;
  readonly breakdownChart: Locator;
  readonly explainToggle: Locator;
  /** "Why this amount" in plain words: one sentence per step. */
  readonly explainSteps: Locator;
  readonly engineStepsToggle: Locator;
  /** The engine's own steps (rule names, exact values), inside "Why this amount". */
  readonly engineSteps: Locator;

  constructor(readonly root: Locator) {
    this.totals = root.getByRole('table', { name: /^(Total|합계)$/ });
    this.lineItems = root.getByRole('table', { name: /^(Line items|청구 항목)$/ });
    this.creditsBurned = root.getByRole('table', { name: /^(Credits burned|차감된 크레딧)$/ });
    this.adjustments = root.getByRole('heading', { name: /^(Adjustments|조정)$/ }).locator('..');
    this.breakdownChart = root.getByRole('img', { name: /How the total of|합계 .*의 구성/ });
    this.explainToggle = root.getByText(/^(Why this amount|이 금액이 나온 이유)$/);
    this.explainSteps = root
      .getByRole('list', { name: /^(Why this amount|이 금액이 나온 이유)$/ })
      .locator('> li');
    this.engineStepsToggle = root.getByText(
      /^(The steps as the engine computed them|엔진이 계산한 단계 \(영어\))$/,
    );
    this.engineSteps = root
      .getByRole('list', { name: /^(The steps as the engine computed them|엔진이 계산한 단계 \(영어\))$/ })
      .locator('> li');
  }

  /** The amount cell of a totals row whose label starts with `label` ("Total", "VAT", …). */
  amount(label: string | RegExp): Locator {
    const name = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}`) : label;
    return this.totals
      .getByRole('row')
      .filter({ has: this.root.page().getByRole('rowheader', { name }) })
      .getByRole('cell');
  }

  lineFor(projectId: string, counterName: string): Locator {
    return this.lineItems.getByRole('row').filter({ hasText: projectId }).filter({ hasText: counterName });
  }

  async openExplanation() {
    await this.explainToggle.click();
  }

  async openEngineSteps() {
    await this.engineStepsToggle.click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
