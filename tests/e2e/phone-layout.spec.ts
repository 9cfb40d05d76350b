import {
  expectKoreanWordsUnbroken,
  expectNoClippedCells,
  expectNoOneCharacterLines,
  expectSelectsShowWholeChoice,
} from '../support/layout-checks';
import { expect, test } from '../support/page-test';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
/** A closed month in the past, so its title reads the same whenever the test runs. */
const CLOSED_MONTH = '2026-03';
/** A project named by a UUID, as API clients often do: a long token that must wrap, not overflow. */
const BATCH_PROJECT = 'prj_7f3c2a914b6e4d0a9c1e2b8f6a5d4e3c9d8e7f6a';
const ISSUE_18 = {
  type: 'issue',
  description: 'issue 18: defects 2, 3, 8 and 9 (phones, Korean, labels, months)',
};

/** The families of the fonts the page has loaded (the tests' TypeScript has no DOM types). */
const LOADED_FONT_FAMILIES = `document.fonts.ready.then((fonts) =>
  [...fonts].filter((font) => font.status === 'loaded').map((font) => font.family.replace(/"/g, '')))`;

const TEXT = {
  en: {
    statementTitle: 'Statement for March 2026',
    counter: 'Compute c2 (8 vCPU, 8 GB memory)',
    quantity: '100 hours',
    march: 'March',
  },
  ko: {
    statementTitle: '2026년 3월 청구서',
    counter: '컴퓨팅 c2 (vCPU 8개, 메모리 8GB)',
    quantity: '100 시간',
    march: '3월',
  },
} as const;

test.describe('tables and Korean text read on a phone', {
  tag: ['@regression'],
  annotation: ISSUE_18,
}, () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  for (const locale of ['en', 'ko'] as const) {
    test(`a statement's lines, credits, totals and payments show whole (${locale})`, async ({
      billingGroups,
      monthActivity,
      credits,
      statements,
      payments,
      chooseLanguage,
      gotoStatement,
      page,
    }) => {
      const statementId =
        await test.step('close March with two projects (one with a long id), a credit and two payments', async () => {
          const group = await billingGroups.create();
          await monthActivity.ingestUsage(group.id, CLOSED_MONTH, {
            hours: '100',
            projectId: 'p-web-frontend',
          });
          await monthActivity.ingestUsage(group.id, CLOSED_MONTH, {
            hours: '2400',
            projectId: BATCH_PROJECT,
          });
          await credits.grant(group.id, { amount: '5000', name: 'Launch credit' });
          const closed = await statements.close(group.id, CLOSED_MONTH);
          const id = closed.statementId ?? '';
          await payments.pay(id, { amount: '1000', source: 'tok_declined' });
          await payments.paid(id, { amount: '1000', source: 'tok_success' });
          return id;
        });
      await chooseLanguage(locale);
      const statement = await gotoStatement(statementId);
      await expect(statement.paymentList.getByRole('row')).toHaveCount(3);

      await test.step('every cell shows whole, no text a character per line', async () => {
        await expectNoClippedCells(statement.details.lineItems);
        await expectNoClippedCells(statement.details.creditsBurned);
        await expectNoClippedCells(statement.details.totals);
        await expectNoClippedCells(statement.paymentList);
        await expectNoOneCharacterLines(page.getByRole('main'));
      });
      await test.step('months, counters and units read as words', async () => {
        await expect(statement.heading()).toContainText(TEXT[locale].statementTitle);
        const line = statement.details.lineItems.getByRole('row').filter({ hasText: 'p-web-frontend' });
        await expect(line).toContainText(TEXT[locale].counter);
        await expect(line).toContainText(TEXT[locale].quantity);
      });
    });

    test(`the calculator's selects and month show their whole choice, in the page's language (${locale})`, async ({
      chooseLanguage,
      gotoCalculator,
    }) => {
      await chooseLanguage(locale);
      const calculator = await gotoCalculator();
      const counter = calculator.form.getByRole('combobox', { name: /^(Counter|카운터)$/ }).first();
      await expect(counter.locator('option:checked')).toHaveText(TEXT[locale].counter);
      await expectSelectsShowWholeChoice(calculator.form);
      await calculator.month.choose(CLOSED_MONTH);
      // Named by the page's language, whatever the browser's ("March 2026" on a Korean page before).
      await expect(calculator.month.monthOfYear.locator('option:checked')).toHaveText(TEXT[locale].march);
    });

    test(`a billing group's usage, draft, wallet and statements show whole (${locale})`, async ({
      billingGroups,
      monthActivity,
      credits,
      statements,
      thisMonth,
      chooseLanguage,
      gotoDashboard,
      page,
    }) => {
      const group = await test.step('a group with March closed and usage this month', async () => {
        const created = await billingGroups.create();
        await monthActivity.ingestUsage(created.id, CLOSED_MONTH, { hours: '10' });
        await statements.close(created.id, CLOSED_MONTH);
        await monthActivity.ingestUsage(created.id, thisMonth, {
          hours: '100',
          projectId: 'p-web-frontend',
          day: 1,
        });
        await credits.grant(created.id, { amount: '5000', name: 'Launch credit' });
        return created;
      });
      await chooseLanguage(locale);
      const dashboard = await gotoDashboard(group.id);

      await test.step('the four sections are reachable, none cut off at the edge', async () => {
        for (const link of await dashboard.sections.getByRole('link').all()) {
          const box = await link.boundingBox();
          expect(box && box.x + box.width, (await link.textContent()) ?? '').toBeLessThanOrEqual(
            page.viewportSize()?.width ?? 0,
          );
        }
      });
      await test.step('overview: the draft and the wallet after it show whole', async () => {
        await expectNoClippedCells(dashboard.draft.lineItems);
        await expect(dashboard.projectedWallet).toBeVisible();
        await expectNoOneCharacterLines(page.getByRole('main'));
      });
      await test.step('usage: named in words, every cell whole', async () => {
        await dashboard.show('Usage');
        await expectNoClippedCells(dashboard.usage.getByRole('table'));
        const usageRow = dashboard.usage.getByRole('row').filter({ hasText: 'p-web-frontend' });
        await expect(usageRow).toContainText(TEXT[locale].counter);
        await expect(usageRow).toContainText(TEXT[locale].quantity);
        await expectNoOneCharacterLines(page.getByRole('main'));
      });
      await test.step('credits: grants and ledger whole', async () => {
        await dashboard.show('Credits');
        await expectNoClippedCells(dashboard.wallet.getByRole('table'));
        await expectNoOneCharacterLines(page.getByRole('main'));
      });
      await test.step('statements: the closed month named by the locale', async () => {
        await dashboard.show('Statements');
        await expectNoClippedCells(dashboard.statements.getByRole('table'));
        await expect(
          dashboard.statements.getByRole('link', { name: TEXT[locale].statementTitle }),
        ).toBeVisible();
        await expectNoOneCharacterLines(page.getByRole('main'));
      });
    });
  }

  test('Korean wraps between words, never inside one', async ({
    payableStatements,
    billingGroups,
    monthActivity,
    thisMonth,
    chooseLanguage,
    gotoStatement,
    gotoDashboard,
    page,
  }) => {
    const closed = await payableStatements.create({ month: CLOSED_MONTH });
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { day: 1 });
    await chooseLanguage('ko');

    const statement = await gotoStatement(closed.statementId);
    await expect(statement.details.totals.getByRole('rowheader', { name: '사용 금액 소계' })).toBeVisible();
    await expectKoreanWordsUnbroken(page.getByRole('main'));

    await gotoDashboard(group.id);
    await expectKoreanWordsUnbroken(page.getByRole('main'));
  });

  test('Korean is drawn with the bundled Noto Sans KR, served by the app itself', async ({
    payableStatements,
    chooseLanguage,
    gotoStatement,
    baseURL,
    page,
  }) => {
    const fontResponses: { url: string; status: number }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'font') {
        fontResponses.push({ url: response.url(), status: response.status() });
      }
    });
    const closed = await payableStatements.create({ month: CLOSED_MONTH });
    await chooseLanguage('ko');
    const statement = await gotoStatement(closed.statementId);
    await expect(statement.heading()).toContainText('청구서');

    await expect.poll(() => page.evaluate<string[]>(LOADED_FONT_FAMILIES)).toContain('Noto Sans KR Variable');
    expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toMatch(
      /^"?Noto Sans KR/,
    );
    expect(fontResponses.length).toBeGreaterThan(0);
    for (const font of fontResponses) {
      expect(font.url.startsWith(baseURL ?? ''), font.url).toBe(true);
      expect(font.status, font.url).toBe(200);
    }
  });
});

test("on a desktop a statement's lines and payments show every column, with a long project id", {
  tag: ['@regression'],
  annotation: ISSUE_18,
}, async ({ billingGroups, monthActivity, statements, payments, gotoStatement, page }) => {
  await page.setViewportSize(DESKTOP);
  const group = await billingGroups.create();
  await monthActivity.ingestUsage(group.id, CLOSED_MONTH, { hours: '100', projectId: BATCH_PROJECT });
  const closed = await statements.close(group.id, CLOSED_MONTH);
  const statementId = closed.statementId ?? '';
  await payments.pay(statementId, { amount: '1000', source: 'tok_declined' });
  await payments.paid(statementId, { amount: '1000', source: 'tok_success' });
  const statement = await gotoStatement(statementId);
  await expect(statement.paymentList.getByRole('row')).toHaveCount(3);
  await expect(statement.paymentList).toContainText('Succeeded');
  await expectNoClippedCells(statement.paymentList);
  await expectNoClippedCells(statement.details.lineItems);
});
