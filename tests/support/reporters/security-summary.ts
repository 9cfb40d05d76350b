import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import {
  mergeSummaryParts,
  SECURITY_SUMMARY_ATTACHMENT,
  type SummaryPart,
} from '../../security/support/summary';

/**
 * Adds up the security tier's figures across workers and shards (each test attaches its own part,
 * tests/support/fixtures/security.ts) and writes them to `outputFile`: the README and
 * tests/security/README.md quote this file. A retried test counts once, by its last attempt. A run
 * whose tests attached no part writes nothing.
 */
export default class SecuritySummaryReporter implements Reporter {
  private readonly parts = new Map<string, SummaryPart>();

  constructor(private readonly options: { outputFile: string }) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const attachment = result.attachments.find(({ name }) => name === SECURITY_SUMMARY_ATTACHMENT);
    if (!attachment?.body) return;
    this.parts.set(test.id, JSON.parse(attachment.body.toString('utf8')) as SummaryPart);
  }

  onEnd(): void {
    if (this.parts.size === 0) return;
    mkdirSync(dirname(this.options.outputFile), { recursive: true });
    const summary = mergeSummaryParts([...this.parts.values()]);
    writeFileSync(this.options.outputFile, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
