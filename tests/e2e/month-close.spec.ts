import { expect, test } from '../support/page-test';
import { formatMonth } from '../support/pages/months';

const ISSUE_18_DEFECT_5 = {
  type: 'issue',
  description: 'issue 18, defect 5: closing a month had no confirmation, no progress and no batch page',
};

/** The month before a month (YYYY-MM). */
function monthBefore(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}

test.describe('closing a month: what it does, its progress and its result', {
  tag: ['@regression'],
  annotation: ISSUE_18_DEFECT_5,
}, () => {
  test('the dialog says what closing does and warns the month is not over; the page stays while it closes; the issued statement is confirmed', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoDashboard,
    checkAccessibility,
    page,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    await monthActivity.grantCredit(group.id, { type: 'PROMOTIONAL', amount: '5000' });
    const dashboard = await gotoDashboard(group.id);

    await test.step('the dialog: frozen total, credit consumed, due date, and the unfinished month', async () => {
      await dashboard.closeMonthButton(thisMonth).click();
      await expect(dashboard.closeDialog).toHaveAccessibleName(`Close ${formatMonth(thisMonth)}?`);
      await expect(dashboard.unfinishedMonthWarning).toBeVisible();
      await checkAccessibility();
      await expect(dashboard.closeDialog).toHaveAccessibleDescription(
        /frozen at its current total of ₩38,170.*₩5,000 of credit is consumed.*Payment falls due on .+, 14 days after closing\./,
      );
    });

    let releaseClose = () => {};
    const closeReleased = new Promise<void>((resolve) => {
      releaseClose = resolve;
    });
    await test.step('hold the close on its way to the server, to see the page while it closes', async () => {
      await page.route(`**/billing-groups/${group.id}*`, async (route) => {
        if (route.request().method() === 'POST') await closeReleased;
        await route.continue();
      });
    });
    await test.step('while it closes, the dialog says so and the dashboard stays on screen', async () => {
      await dashboard.closeDialog.getByRole('button', { name: 'Close month' }).click();
      await expect(dashboard.closeStatus).toContainText('Closing');
      await expect(dashboard.closeDialog.getByRole('button', { name: 'Closing…' })).toBeDisabled();
      await expect(dashboard.heading()).toHaveText(group.name);
      await expect(dashboard.draftSection).toBeVisible();
      releaseClose();
    });

    await test.step('the dialog confirms the statement by its number and total, and the page shows the month closed', async () => {
      await expect(dashboard.closeDialog).toHaveAccessibleName('Statement issued');
      const closed = await statements.read(group.id, thisMonth);
      await expect(dashboard.closeStatus).toContainText(
        `Statement no. ${closed.number} was issued for a total of ₩38,170.`,
      );
      await expect(dashboard.draftSection).toContainText('This month is closed (Issued).');
      await expect(page).toHaveURL(new RegExp(`/billing-groups/${group.id}$`));
    });
    await test.step('its link opens the statement', async () => {
      const closed = await statements.read(group.id, thisMonth);
      await dashboard.openIssuedStatement();
      await expect(page).toHaveURL(`/statements/${closed.statementId}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Issued');
    });
  });

  test('a month that is over closes without the unfinished-month warning', async ({
    billingGroups,
    monthActivity,
    thisMonth,
    gotoDashboard,
  }) => {
    const lastMonth = monthBefore(thisMonth);
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, lastMonth, { hours: '100' });
    const dashboard = await gotoDashboard(group.id, { month: lastMonth });
    await dashboard.closeMonthButton(lastMonth).click();
    await expect(dashboard.closeDialog).toHaveAccessibleDescription(/frozen at its current total of ₩43,670/);
    await expect(dashboard.unfinishedMonthWarning).toBeHidden();
  });

  test('an open earlier month with usage is named, linked, and this month offers no way to close first', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoDashboard,
    page,
  }) => {
    const lastMonth = monthBefore(thisMonth);
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, lastMonth, { hours: '10' });
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id);
    await dashboard.closeMonthButton(thisMonth).click();
    await expect(dashboard.closeDialog).toContainText('An earlier month is still open');
    await expect(dashboard.closeDialog).toContainText(
      `close ${formatMonth(lastMonth)} before ${formatMonth(thisMonth)}`,
    );
    await expect(dashboard.closeDialog.getByRole('button', { name: 'Close month' })).toHaveCount(0);
    await expect(dashboard.closeDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dashboard.closeDialog.getByRole('link', { name: `Open ${formatMonth(lastMonth)}` }).click();
    await expect(page).toHaveURL(new RegExp(`month=${lastMonth}`));
    await expect(dashboard.closeMonthButton(lastMonth)).toBeVisible();
    expect((await statements.read(group.id, thisMonth)).state).toBe('DRAFT');
  });

  test('the month-end batch starts from its page and shows progress and each failed group, linked', async ({
    createTenant,
    signInAs,
    monthActivity,
    statements,
    thisMonth,
    gotoMonthEnd,
    checkAccessibility,
    page,
  }) => {
    const lastMonth = monthBefore(thisMonth);
    const monthBeforeThat = monthBefore(lastMonth);
    // A batch closes every group of its tenant: this test's groups live in a tenant of their own.
    const tenant = await createTenant();
    const blocked = await tenant.api.create<{ id: string; name: string }>('/v1/billing-groups', {
      name: 'Blocked by an open month',
    });
    const ready = await tenant.api.create<{ id: string; name: string }>('/v1/billing-groups', {
      name: 'Ready to close',
    });
    await monthActivity.ingestUsage(blocked.id, monthBeforeThat, { api: tenant.api });
    await monthActivity.ingestUsage(blocked.id, lastMonth, { api: tenant.api });
    await monthActivity.ingestUsage(ready.id, lastMonth, { api: tenant.api });
    await signInAs(tenant.apiKey);

    const monthEnd = await gotoMonthEnd();
    await test.step('last month is offered; choosing this month warns that it is not over', async () => {
      await monthEnd.month.expectValue(lastMonth);
      await expect(monthEnd.unfinishedWarning).toBeHidden();
      await monthEnd.month.choose(thisMonth);
      await expect(monthEnd.unfinishedWarning).toBeVisible();
    });

    const job = await monthEnd.start(lastMonth);
    await test.step('the job page shows the counts and a progress bar until the job ends', async () => {
      await expect(job.heading()).toHaveText(/^Month-end close of /);
      await expect(job.status).toHaveText('Finished with failures');
      await expect(job.progressBar).toHaveAttribute('aria-valuenow', '2');
      await expect(job.progressBar).toHaveAttribute('aria-valuemax', '2');
      await expect(job.progressBar).toHaveAttribute('aria-valuetext', '1 of 2 groups closed, 1 failed');
      await checkAccessibility();
    });
    await test.step('the failed group is named, says why in words, and links to its month', async () => {
      await expect(job.failures.getByRole('listitem')).toHaveCount(1);
      await expect(job.failedGroup(blocked.name)).toContainText(
        'An earlier month with activity is still open',
      );
      await job.failures.getByRole('link', { name: blocked.name }).click();
      await expect(page).toHaveURL(`/billing-groups/${blocked.id}?month=${lastMonth}`);
    });
    expect((await statements.read(ready.id, lastMonth, tenant.api)).state).toBe('ISSUED');
  });
});
