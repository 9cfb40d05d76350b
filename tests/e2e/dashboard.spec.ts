import { expect, test } from '../support/page-test';
import { formatMonth } from '../support/pages/months';

test.describe("billing group dashboard: the month's draft, usage, credits and statements, each a section", () => {
  test('usage is charted by counter and by project, with the quantities listed', async ({
    billingGroups,
    usageEvents,
    thisMonth,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    const at = `${thisMonth}-01T00:00:00Z`;
    await usageEvents.ingest(group.id, [
      usageEvents.build({ projectId: 'web', volume: '100', timestamp: at }),
      usageEvents.build({
        projectId: 'ml',
        counterName: 'storage.volume.ssd',
        counterType: 'GAUGE',
        unit: 'GB',
        volume: '250',
        timestamp: at,
      }),
    ]);
    const dashboard = await gotoDashboard(group.id, { section: 'usage' });
    await expect(dashboard.usageChart('By counter')).toBeVisible();
    await expect(dashboard.usageChart('By project')).toBeVisible();
    const projectBars = dashboard.usageChart('By project').getByRole('listitem');
    await expect(projectBars.filter({ hasText: 'web' })).toHaveText('web₩39,700');
    await expect(projectBars.filter({ hasText: 'ml' })).toHaveText('ml₩25,000');
    const storageRow = dashboard.usage.getByRole('row').filter({ hasText: 'storage.volume.ssd' });
    await expect(storageRow).toContainText('Storage volume SSD');
    await expect(storageRow).toContainText('ml');
    await expect(storageRow).toContainText('250 GB');
  });

  test("the draft statement is this month's, as the API computes it", async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const draft = await statements.read(group.id, thisMonth);
    const dashboard = await gotoDashboard(group.id);
    expect(draft.total).toBe('43670');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩43,670');
    await expect(dashboard.draft.lineFor('p-web', 'compute.c2.c8m8')).toContainText('₩39,700');
  });

  test('an adjustment added in the form changes the draft and is stored', async ({
    billingGroups,
    monthActivity,
    thisMonth,
    gotoDashboard,
    api,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id);
    await dashboard.addAdjustment({
      type: 'Discount',
      method: 'Rate (%)',
      level: 'Project',
      target: 'p-web',
      value: '10',
    });
    await expect(dashboard.adjustments.getByRole('status')).toHaveText('Adjustment added.');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩39,303');
    const stored = await api.read<{ items: { targetProjectId: string; value: string }[] }>(
      `/v1/billing-groups/${group.id}/adjustments?month=${thisMonth}`,
    );
    expect(stored.items).toEqual([expect.objectContaining({ targetProjectId: 'p-web', value: '10' })]);
  });

  test("a refused adjustment is said beside its field, in the page's language, and nothing is stored", async ({
    billingGroups,
    chooseLanguage,
    thisMonth,
    gotoDashboard,
    api,
  }) => {
    const group = await billingGroups.create();
    await chooseLanguage('ko');
    const dashboard = await gotoDashboard(group.id);
    const form = dashboard.adjustments.getByRole('form', { name: '조정 추가' });
    const value = form.getByLabel('값');
    await value.fill('십');
    await form.getByRole('button', { name: '조정 추가' }).click();
    await expect(value).toHaveAttribute('aria-invalid', 'true');
    await expect(value).toHaveAccessibleDescription('12.5처럼 숫자를 입력하세요.');
    await expect(value).toBeFocused();
    // Not the API's English, not twice: the field says it.
    await expect(form).not.toContainText('must be');
    await expect(form.getByRole('alert')).toHaveCount(0);
    const stored = await api.read<{ items: unknown[] }>(
      `/v1/billing-groups/${group.id}/adjustments?month=${thisMonth}`,
    );
    expect(stored.items).toEqual([]);
  });

  test('a credit granted in the form fills the wallet, its ledger and the draft', async ({
    billingGroups,
    api,
    monthActivity,
    thisMonth,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id, { section: 'credits' });
    const nextYear = Number(thisMonth.slice(0, 4)) + 1;
    await dashboard.grantCredit({
      type: 'Promotional',
      amount: '5000',
      name: 'Welcome',
      expiresOn: `${nextYear}-02-28`,
    });
    await expect(dashboard.wallet.getByRole('status')).toHaveText('Credit granted.');
    const granted = await api.read<{ items: { expiresAt: string | null }[] }>(
      `/v1/billing-groups/${group.id}/credits`,
    );
    expect(granted.items.map((grant) => grant.expiresAt)).toEqual([`${nextYear}-02-28T00:00:00.000Z`]);
    await expect(dashboard.wallet.getByTestId('credit-total')).toHaveText('₩5,000');
    await expect(dashboard.wallet.getByRole('table', { name: 'Ledger' })).toContainText('Grant');
    await dashboard.show('Overview');
    await expect(dashboard.draft.amount('Credits total')).toHaveText('-₩5,000');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩38,170');
  });

  test('a new billing group shows an empty state in every section', async ({
    billingGroups,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.adjustments).toContainText('No adjustments this month.');
    await dashboard.show('Usage');
    await expect(dashboard.usage).toContainText('No usage recorded for this month.');
    await dashboard.show('Credits');
    await expect(dashboard.wallet).toContainText('No credit granted yet.');
    await dashboard.show('Statements');
    await expect(dashboard.statements).toContainText('No closed statements yet.');
  });

  test('the statements list shows each closed month with its state', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    api,
    gotoDashboard,
  }) => {
    const previousMonth = monthBefore(thisMonth);
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, previousMonth, { hours: '10' });
    const previous = await statements.close(group.id, previousMonth);
    await api.post(
      `/v1/statements/${previous.statementId}/payments`,
      { amount: previous.total, source: 'tok_success' },
      { headers: { 'Idempotency-Key': `${previous.statementId}-pay` } },
    );
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    await statements.close(group.id, thisMonth);
    const dashboard = await gotoDashboard(group.id, { section: 'statements' });
    const rows = dashboard.statements.getByRole('row');
    await expect(rows.filter({ hasText: `Statement for ${formatMonth(thisMonth)}` })).toContainText('Issued');
    await expect(rows.filter({ hasText: `Statement for ${formatMonth(previousMonth)}` })).toContainText(
      'Paid',
    );
  });

  test('closing the month asks first: cancel keeps the draft, confirm issues the statement', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoDashboard,
    page,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id);
    await test.step('cancel: nothing is closed', async () => {
      await dashboard.closeMonthButton(thisMonth).click();
      await expect(dashboard.closeDialog).toBeVisible();
      await expect(dashboard.closeDialog).toContainText(
        'The statement is frozen at its current total of ₩43,670',
      );
      await dashboard.closeDialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dashboard.closeDialog).toBeHidden();
      expect((await statements.read(group.id, thisMonth)).state).toBe('DRAFT');
    });
    await test.step(`confirm: ${thisMonth} is closed and its statement opens from the confirmation`, async () => {
      await dashboard.closeMonth(thisMonth);
      await expect(dashboard.closeDialog).toHaveAccessibleName('Statement issued');
      await dashboard.openIssuedStatement();
      await expect(page).toHaveURL(/\/statements\/st_/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        `Statement for ${formatMonth(thisMonth)}`,
      );
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Issued');
      expect((await statements.read(group.id, thisMonth)).state).toBe('ISSUED');
    });
  });
  test('the page opens on the overview and each section is its own link, kept with the month', async ({
    billingGroups,
    monthActivity,
    thisMonth,
    gotoDashboard,
    page,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.sections.getByRole('link')).toHaveText([
      'Overview',
      'Usage',
      'Credits',
      'Statements',
    ]);
    await expect(dashboard.sectionLink('Overview')).toHaveAttribute('aria-current', 'page');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩43,670');
    // One section at a time: the page is no longer one long scroll with statements at the bottom.
    await expect(dashboard.usage).toBeHidden();
    await expect(dashboard.statements).toBeHidden();
    await dashboard.show('Usage');
    await expect(page).toHaveURL(/tab=usage/);
    await expect(dashboard.usage.getByRole('table')).toContainText('100 hours');
    await expect(dashboard.draftSection).toBeHidden();
    await page.goBack();
    await expect(dashboard.sectionLink('Overview')).toHaveAttribute('aria-current', 'page');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩43,670');
  });

  test('picking a month shows it at once, with no button to press, in the section being read', async ({
    billingGroups,
    monthActivity,
    thisMonth,
    gotoDashboard,
    page,
  }) => {
    const lastMonth = monthBefore(thisMonth);
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, lastMonth, { hours: '10', day: 1 });
    const dashboard = await gotoDashboard(group.id, { section: 'usage' });
    await expect(dashboard.usage).toContainText('No usage recorded for this month.');
    await expect(dashboard.page.getByRole('button', { name: /^(Show|보기)$/ })).toHaveCount(0);
    await dashboard.monthPicker.selectOption({ label: formatMonth(lastMonth) });
    await expect(page).toHaveURL(new RegExp(`month=${lastMonth}.*tab=usage|tab=usage.*month=${lastMonth}`));
    await expect(dashboard.usage).toHaveAccessibleName(`Usage (${formatMonth(lastMonth)})`);
    await expect(dashboard.usage.getByRole('table')).toContainText('10 hours');
    await expect(dashboard.monthPicker).toHaveValue(lastMonth);
  });

  test("the overview shows the wallet as closing the draft would leave it, and each grant's balance after it", async ({
    billingGroups,
    monthActivity,
    credits,
    thisMonth,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    await credits.grant(group.id, { type: 'PROMOTIONAL', amount: '5000', name: 'Welcome' });
    await credits.grant(group.id, { type: 'PAID', amount: '50000', name: 'Prepaid' });
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.projectedWallet).toContainText('Available now₩55,000');
    // Credits pay the charge before VAT (DOMAIN §5): ₩39,700 of the ₩43,670 total.
    await expect(dashboard.projectedWallet).toContainText('Used by this draft₩39,700');
    await expect(dashboard.projectedWallet.getByTestId('credit-after-draft')).toHaveText('₩15,300');
    await dashboard.show('Credits');
    const grants = dashboard.wallet.getByRole('table', { name: 'Grants' });
    await expect(grants.getByRole('columnheader', { name: 'After this draft' })).toBeVisible();
    // Promotional credit burns first (DOMAIN §5): 5,000 from it, the rest from the paid grant.
    await expect(grants.getByRole('row').filter({ hasText: 'Welcome' })).toContainText('₩0');
    await expect(grants.getByRole('row').filter({ hasText: 'Prepaid' })).toContainText('₩15,300');
  });
  test('a group in a currency without a built-in price book is given one from the page, then billed', async ({
    billingGroups,
    priceBooks,
    usageEvents,
    thisMonth,
    gotoDashboard,
  }) => {
    const book = await priceBooks.create({
      currency: 'USD',
      entries: [
        { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '0.25' } },
      ],
    });
    const group = await billingGroups.create({ currency: 'USD' });
    await usageEvents.ingest(group.id, [
      usageEvents.build({ volume: '10', timestamp: `${thisMonth}-01T00:00:00Z` }),
    ]);
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.draftSection.getByRole('alert')).toContainText(
      'No price book for this currency: choose one above',
    );
    const setting = dashboard.page.getByRole('form', { name: 'Price book' });
    await setting.getByLabel('Billed from').selectOption({ label: book.name });
    await setting.getByRole('button', { name: 'Use this price book' }).click();
    await expect(dashboard.draft.amount('Total')).toHaveText('$2.75');
    // The form moves below the month's figures once the group can be billed; its confirmation
    // moves with it, and is still there after the page has been drawn again.
    await expect(setting.getByRole('status')).toHaveText('Price book set.');
  });
});

function monthBefore(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 2, 1));
  return date.toISOString().slice(0, 7);
}
