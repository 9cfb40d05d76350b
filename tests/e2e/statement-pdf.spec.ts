import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import type { EdgeFixtures } from '../support/fixtures/edge';
import type { StatementFixtures } from '../support/fixtures/statements';
import { expect, test } from '../support/page-test';
import type { StatementPage } from '../support/pages/statement-page';

/** Defect 1 of issue 18: "The PDF cannot print Korean" (and read like an engineer's dump). */
const ISSUE_18 = { type: 'issue', description: '18: the PDF cannot print Korean' };

/** A customer whose name the standard PDF fonts could not print. */
const KOREAN_CUSTOMER = '데모 고객 (주)';
const CREDIT_NAME = '신규 가입 크레딧';

/** A subset of Noto Sans KR stays small; the whole font would be megabytes. */
const MAX_PDF_BYTES = 300_000;

interface DownloadedPdf {
  /** The text of every page, whitespace collapsed to single spaces. */
  text: string;
  bytes: number;
}

async function downloadPdfText(statement: StatementPage): Promise<DownloadedPdf> {
  const download = await statement.downloadPdf();
  return test.step('read the PDF as text', async () => {
    const bytes = new Uint8Array(await readFile(await download.path()));
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    return { text: text.replace(/\s+/g, ' '), bytes: bytes.byteLength };
  });
}

function monthIn(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

type Setup = Pick<EdgeFixtures, 'billingGroups'> &
  Pick<StatementFixtures, 'statements' | 'monthActivity'> & { thisMonth: string };

/** This month's closed statement of a Korean customer, with usage and a named credit. */
async function closeKoreanCustomersMonth({ billingGroups, monthActivity, statements, thisMonth }: Setup) {
  return test.step('close the month of a Korean customer with usage and a named credit', async () => {
    const group = await billingGroups.create({ name: KOREAN_CUSTOMER });
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    await monthActivity.grantCredit(group.id, { type: 'PROMOTIONAL', amount: '1000', name: CREDIT_NAME });
    const closed = await statements.close(group.id, thisMonth);
    return closed.statementId ?? '';
  });
}

test.describe('statement PDF: an invoice in the language of the page', () => {
  test('downloaded from the Korean page, it prints Korean: the customer, the labels, the month and the reasons', {
    tag: ['@regression'],
    annotation: ISSUE_18,
  }, async ({ billingGroups, monthActivity, statements, thisMonth, gotoStatement, page }) => {
    const statementId = await closeKoreanCustomersMonth({
      billingGroups,
      monthActivity,
      statements,
      thisMonth,
    });
    const statement = await gotoStatement(statementId);
    await statement.switchLanguage('한국어');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const pdf = await downloadPdfText(statement);

    expect(pdf.text).toContain(KOREAN_CUSTOMER);
    expect(pdf.text, 'no replacement characters').not.toMatch(/[?\uFFFD]/);
    for (const label of [
      '청구서',
      '청구 대상',
      '청구서 번호',
      '발행일',
      '납부 기한',
      '청구 기간',
      '청구 항목',
    ])
      expect(pdf.text, `the label "${label}"`).toContain(label);
    expect(pdf.text).toContain(monthIn(thisMonth, 'ko-KR'));
    expect(pdf.text).toContain('컴퓨팅 c2 (vCPU 8개, 메모리 8GB)');
    expect(pdf.text).toContain('시간당 KRW 397');
    expect(pdf.text).toContain(CREDIT_NAME);
    expect(pdf.text).toContain('부가세 (10%) KRW 3,870');
    expect(pdf.text).toContain('합계 KRW 42,570');
    expect(pdf.text).toContain('금액 계산 방법');
    expect(pdf.text).toContain('부가세는 청구 금액 KRW 38,700의 10%인 KRW 3,870입니다.');
    expect(pdf.text, 'no English labels').not.toContain('Statement no.');
    expect(pdf.text, 'no raw ISO timestamps').not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(pdf.text, 'no credit grant ids').not.toMatch(/\bcg_/);
    expect(pdf.bytes, 'the font is embedded as a subset').toBeLessThan(MAX_PDF_BYTES);
  });

  test('downloaded from the English page, it is in English, with dates, products and credits by name, not ids', {
    tag: ['@regression'],
    annotation: ISSUE_18,
  }, async ({ billingGroups, monthActivity, statements, thisMonth, gotoStatement }) => {
    const statementId = await closeKoreanCustomersMonth({
      billingGroups,
      monthActivity,
      statements,
      thisMonth,
    });
    const pdf = await downloadPdfText(await gotoStatement(statementId));

    expect(pdf.text).toContain(KOREAN_CUSTOMER);
    for (const label of [
      'Statement no.',
      'Bill to',
      'Issue date',
      'Due date',
      'Billing period',
      'Line items',
    ])
      expect(pdf.text, `the label "${label}"`).toContain(label);
    expect(pdf.text, 'no Korean labels').not.toContain('청구서');
    expect(pdf.text).toContain(monthIn(thisMonth, 'en-US'));
    expect(pdf.text).toContain('Compute c2 (8 vCPU, 8 GB memory)');
    expect(pdf.text).toContain('100 hours');
    expect(pdf.text).toContain('KRW 397 per hour');
    expect(pdf.text).toContain(`Credit “${CREDIT_NAME}” paid KRW 1,000`);
    expect(pdf.text).toContain('VAT is 10% of the charge of KRW 38,700: KRW 3,870.');
    expect(pdf.text, 'no engineering formulae').not.toMatch(/max\(0|subtotal \+/);
    expect(pdf.text, 'no raw ISO timestamps').not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(pdf.text, 'no credit grant ids').not.toMatch(/\bcg_/);
    expect(pdf.text, 'no raw counter ids').not.toContain('compute.c2.c8m8');
    // The statement is named by its number, as the customer's books know it, not by its id.
    expect(pdf.text).toMatch(/ST-\d{4}-\d{6}/);
    expect(pdf.text).not.toContain(statementId);
  });

  test('a project name too long for its column breaks after a hyphen, never inside a word', {
    annotation: ISSUE_18,
  }, async ({ billingGroups, monthActivity, statements, thisMonth, gotoStatement }) => {
    const group = await billingGroups.create({ name: KOREAN_CUSTOMER });
    await monthActivity.ingestUsage(group.id, thisMonth, {
      hours: '10',
      day: 1,
      projectId: 'web-frontend-production',
    });
    const closed = await statements.close(group.id, thisMonth);
    const pdf = await downloadPdfText(await gotoStatement(closed.statementId ?? ''));
    // Lines of a cell come out of the PDF as words apart: "web-frontend- production", not "…-pr oduction".
    expect(pdf.text).toMatch(/web-frontend-\s?production/);
  });
});

test('a credit note is printed by its number, and what credit notes took off is in the summary', async ({
  closedStatements,
  gotoStatement,
  api,
}) => {
  const closed = await closedStatements.create();
  const note = await api.create<{ number: string }>(`/v1/statements/${closed.statementId}/credit-notes`, {
    net: '10000',
    reason: 'Outage on the 3rd',
  });

  const pdf = await downloadPdfText(await gotoStatement(closed.statementId ?? ''));

  expect(pdf.text).toContain(`${note.number} · Outage on the 3rd KRW 11,000`);
  expect(pdf.text).toContain('Credited -KRW 11,000');
  expect(pdf.text).toContain('Outstanding KRW 32,670');
});
