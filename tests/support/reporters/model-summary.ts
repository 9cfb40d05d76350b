import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** The invariants the model tier checks at the end of every sequence (tests/model/invariants.ts). */
const INVARIANTS = [
  'every accepted event billed once in its closed statement, nothing refused billed',
  'each closed statement equals the oracle',
  'storage holds exactly the accepted events',
  'replay identical',
  'reconcile clean',
  'the credit ledger sums to the balances, none below 0',
  'paid ≤ total, payments as the model expects',
];

/**
 * Adds up the model tier's figures across workers and shards' tests (each test reports its own as
 * annotations) and writes them to `outputFile`, printing one line: the README quotes this file.
 * A run without model tests writes nothing.
 */
export default class ModelSummary implements Reporter {
  private tests = 0;
  private passed = 0;
  private sequences = 0;
  private commands = 0;

  constructor(private readonly options: { outputFile: string }) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const figure = (type: string) =>
      Number(test.annotations.find((a) => a.type === type)?.description ?? NaN);
    const sequences = figure('model-sequences');
    if (Number.isNaN(sequences)) return;
    this.tests += 1;
    if (result.status === 'passed') this.passed += 1;
    this.sequences += sequences;
    this.commands += figure('model-commands');
  }

  onEnd(): void {
    if (this.tests === 0) return;
    const summary = {
      tests: this.tests,
      passed: this.passed,
      sequences: this.sequences,
      commands: this.commands,
      invariants: INVARIANTS,
    };
    mkdirSync(dirname(this.options.outputFile), { recursive: true });
    writeFileSync(this.options.outputFile, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `model tier: ${this.sequences} sequences, ${this.commands} commands, ${INVARIANTS.length} invariants after each; ` +
        `${this.passed} of ${this.tests} tests passed (${this.options.outputFile})`,
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}
