import { expect, type Page, test } from '../support/page-test';

const PHONE = { width: 390, height: 844 };
/** A closed month in the past, so its statement reads the same whenever the test runs. */
const CLOSED_MONTH = '2026-03';
const ISSUE_18 = { type: 'issue', description: 'issue 18: defects 4 and 8 (charts, raw identifiers)' };
const COMPUTE_LABEL = 'Compute c2 (8 vCPU, 8 GB memory)';
/**
 * Ids stay out of the text a user reads: a grant's `cg_` id is its name's title. "Why this amount"
 * (closed until opened) is the engine's own trace, word for word, and is not read here.
 */
const VISIBLE = { useInnerText: true };
/** A counter id as the API writes it: dotted lowercase segments. */
const RAW_COUNTER_ID = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

/**
 * The smallest font size, in CSS pixels as drawn on the screen, of the text inside the element the
 * selector names: an SVG's text counts at the size its viewBox scales it to.
 */
function smallestRenderedFontSize(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    const sizes = [...root.querySelectorAll('*')]
      .filter((el) => [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()))
      .filter((el) => !el.closest('title') && el.tagName.toLowerCase() !== 'title')
      .map((el) => {
        const size = parseFloat(getComputedStyle(el).fontSize);
        const scale = el.ownerSVGElement ? el.getScreenCTM().a : 1;
        return size * scale;
      });
    return Math.min(...sizes);
  })()`);
}

test.describe('charts and identifiers read as words', { tag: ['@regression'], annotation: ISSUE_18 }, () => {
  test.describe('on a phone', () => {
    test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

    test('the usage charts draw labels of at least 12 px, with an amount axis in the currency and counters by name', async ({
      billingGroups,
      monthActivity,
      thisMonth,
      gotoDashboard,
      page,
    }) => {
      const group = await billingGroups.create();
      await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', projectId: 'p-web', day: 1 });
      const dashboard = await gotoDashboard(group.id, { section: 'usage' });
      const byCounter = dashboard.usage.getByRole('figure', { name: 'By counter' });
      await expect(byCounter).toBeVisible();
      await byCounter.evaluate((figure) => figure.setAttribute('data-measured', 'by-counter'));

      await test.step('every label is drawn at 12 px or more', async () => {
        expect(await smallestRenderedFontSize(page, '[data-measured="by-counter"]')).toBeGreaterThanOrEqual(
          12,
        );
      });
      await test.step('an axis says the amounts are in KRW, from ₩0', async () => {
        await expect(byCounter.getByText('Amount (KRW)', { exact: true })).toBeVisible();
        await expect(byCounter.getByText('₩0', { exact: true })).toBeVisible();
      });
      await test.step('the bar names the counter in words and shows its amount', async () => {
        const bar = byCounter.getByRole('listitem').filter({ hasText: COMPUTE_LABEL });
        await expect(bar).toContainText('₩39,700');
      });
    });

    test("the draft's breakdown draws its labels at 12 px or more", async ({
      billingGroups,
      monthActivity,
      thisMonth,
      gotoDashboard,
      page,
    }) => {
      const group = await billingGroups.create();
      await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
      const dashboard = await gotoDashboard(group.id);
      await expect(dashboard.draft.breakdownChart).toBeVisible();
      await dashboard.draft.breakdownChart.evaluate((chart) =>
        chart.setAttribute('data-measured', 'breakdown'),
      );
      expect(await smallestRenderedFontSize(page, '[data-measured="breakdown"]')).toBeGreaterThanOrEqual(12);
      await expect(dashboard.draft.breakdownChart).toContainText('₩43,670');
    });
  });

  test('the wallet, ledger and draft credits name each grant, never its cg_ id', async ({
    billingGroups,
    monthActivity,
    credits,
    thisMonth,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const named = await credits.grant(group.id, { amount: '5000', name: 'Launch credit' });
    await credits.grant(group.id, { amount: '2000', type: 'FREE', name: undefined, priority: 2 });
    const dashboard = await gotoDashboard(group.id, { section: 'credits' });

    await test.step('grants and ledger entries by name, or by type when unnamed', async () => {
      const grants = dashboard.wallet.getByRole('table', { name: 'Grants' });
      await expect(grants.getByRole('row').filter({ hasText: 'Launch credit' })).toHaveCount(1);
      await expect(grants.getByRole('row').filter({ hasText: 'Free credit' })).toHaveCount(1);
      await expect(dashboard.wallet).not.toContainText('cg_', VISIBLE);
    });
    await test.step('the id stays reachable as the name’s title', async () => {
      await expect(dashboard.wallet.getByTitle(named.id).first()).toHaveText('Launch credit');
    });
    await test.step('the draft burns credits by name', async () => {
      await dashboard.show('Overview');
      await expect(dashboard.draft.creditsBurned).toContainText('Launch credit');
      await expect(dashboard.draftSection).not.toContainText('cg_', VISIBLE);
    });
  });

  test('a statement names its credits, and its payments show a masked card, never a token', async ({
    billingGroups,
    monthActivity,
    credits,
    statements,
    payments,
    gotoStatement,
    page,
  }) => {
    const statementId =
      await test.step('close March with a credit, one declined and one paid payment', async () => {
        const group = await billingGroups.create();
        await monthActivity.ingestUsage(group.id, CLOSED_MONTH, { hours: '100' });
        await credits.grant(group.id, { amount: '5000', name: 'Launch credit' });
        const closed = await statements.close(group.id, CLOSED_MONTH);
        const id = closed.statementId ?? '';
        await payments.pay(id, { amount: '1000', source: 'tok_declined' });
        await payments.paid(id, { amount: '1000', source: 'tok_success' });
        return id;
      });
    const statement = await gotoStatement(statementId);
    await expect(statement.details.creditsBurned).toContainText('Launch credit');
    await expect(statement.paymentList.getByRole('row').filter({ hasText: 'Card •••• 0002' })).toContainText(
      'declined test card',
    );
    await expect(statement.paymentList.getByRole('row').filter({ hasText: 'Card •••• 4242' })).toHaveCount(1);
    await expect(page.getByRole('main')).not.toContainText('cg_', VISIBLE);
    await expect(page.getByRole('main')).not.toContainText('tok_', VISIBLE);
  });

  test("the calculator's counter options read as product names, the id beside the choice", async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    const counter = calculator.usageRow(1).getByLabel('Counter');
    await expect(counter).toHaveValue('compute.c2.c8m8');
    const options = await counter.locator('option').allTextContents();
    expect(options).toContain(COMPUTE_LABEL);
    for (const option of options) expect(option).not.toMatch(RAW_COUNTER_ID);
    await expect(calculator.usageRow(1).getByText('compute.c2.c8m8', { exact: true })).toBeVisible();
  });

  test('units read in Korean: the calculator offers 시간, and no page shows HOURS', async ({
    billingGroups,
    monthActivity,
    thisMonth,
    chooseLanguage,
    gotoCalculator,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    await chooseLanguage('ko');
    const calculator = await gotoCalculator();
    const unit = calculator.form.getByLabel('단위', { exact: true }).first();
    await expect(unit).toHaveValue('HOURS');
    await expect(unit.locator('option:checked')).toHaveText('시간');
    await expect(calculator.form).not.toContainText('HOURS');

    const dashboard = await gotoDashboard(group.id, { section: 'usage' });
    await expect(dashboard.usage.getByRole('table')).toContainText('100 시간');
    await expect(dashboard.usage).not.toContainText('HOURS');
  });

  test('a project created through the API goes by its name, its id kept as the title', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    api,
    gotoDashboard,
    gotoStatement,
  }) => {
    const group = await billingGroups.create();
    const project = await api.create<{ id: string; name: string }>(
      `/v1/billing-groups/${group.id}/projects`,
      { name: 'Storefront' },
    );
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1, projectId: project.id });
    const dashboard = await gotoDashboard(group.id, { section: 'usage' });
    await expect(dashboard.usage.getByRole('table').getByTitle(project.id)).toHaveText('Storefront');
    await expect(dashboard.usageChart('By project').getByRole('listitem')).toContainText(['Storefront']);
    const closed = await statements.close(group.id, thisMonth);
    const statement = await gotoStatement(closed.statementId ?? '');
    await expect(statement.details.lineItems.getByTitle(project.id)).toHaveText('Storefront');
    await expect(statement.details.lineItems).not.toContainText(project.id);
  });
});
