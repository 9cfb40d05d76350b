import { expect, test } from '../support/page-test';
import { formatMonth } from '../support/pages/months';

test.describe("billing group dashboard: the month's usage, draft, adjustments, credits and statements", () => {
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
    const dashboard = await gotoDashboard(group.id);
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

  test('a credit granted in the form fills the wallet, its ledger and the draft', async ({
    billingGroups,
    monthActivity,
    thisMonth,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id);
    await dashboard.grantCredit({ type: 'Promotional', amount: '5000', name: 'Welcome' });
    await expect(dashboard.wallet.getByRole('status')).toHaveText('Credit granted.');
    await expect(dashboard.wallet.getByTestId('credit-total')).toHaveText('₩5,000');
    await expect(dashboard.wallet.getByRole('table', { name: 'Ledger' })).toContainText('Grant');
    await expect(dashboard.draft.amount('Credits total')).toHaveText('-₩5,000');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩38,170');
  });

  test('a new billing group shows an empty state in every section', async ({
    billingGroups,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.usage).toContainText('No usage recorded for this month.');
    await expect(dashboard.adjustments).toContainText('No adjustments this month.');
    await expect(dashboard.wallet).toContainText('No credit granted yet.');
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
    const dashboard = await gotoDashboard(group.id);
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
});

function monthBefore(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 2, 1));
  return date.toISOString().slice(0, 7);
}
