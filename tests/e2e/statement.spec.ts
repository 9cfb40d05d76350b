import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from '../support/page-test';
import { formatMoney } from '../support/pages/money';
import { formatMonth } from '../support/pages/months';

test.describe('statement page: every figure of a closed statement, explained', () => {
  test('lines, adjustments, credits burned and why, VAT, total and state are shown as the API has them', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoStatement,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    await monthActivity.adjust(group.id, {
      month: thisMonth,
      type: 'DISCOUNT',
      method: 'RATE',
      value: '5',
      level: 'BILLING_GROUP',
    });
    const grant = await monthActivity.grantCredit(group.id, { type: 'PROMOTIONAL', amount: '1000' });
    const closed = await statements.close(group.id, thisMonth);
    const statement = await gotoStatement(closed.statementId ?? '');
    await expect(statement.heading()).toContainText(`Statement for ${formatMonth(thisMonth)}`);
    await expect(statement.state).toHaveText('Issued');
    await expect(statement.details.lineFor('p-web', 'compute.c2.c8m8')).toContainText('₩39,700');
    await expect(statement.details.adjustments).toContainText('whole billing group');
    await expect(statement.details.amount('Adjustments total')).toHaveText('-₩1,985');
    await expect(statement.details.creditsBurned.getByTitle(grant.id)).toHaveText('#1 Promotional credit');
    await expect(
      statement.details.creditsBurned.getByRole('row').filter({ hasText: 'Promotional credit' }),
    ).toContainText('₩1,000');
    await expect(statement.details.root).toContainText('Credits burn by priority');
    await expect(statement.details.amount('VAT (10%)')).toHaveText(formatMoney(closed.result.vat));
    await expect(statement.details.amount('Total')).toHaveText(formatMoney(closed.total));
    await expect(statement.fact('Outstanding')).toHaveText(formatMoney(closed.outstanding));
    await statement.details.openExplanation();
    // The usage lines are told once, by the subtotal's sentence; every other step has its own.
    const told = closed.result.trace.filter((step) => step.rule !== 'usage-line');
    await expect(statement.details.explainSteps).toHaveCount(told.length);
    await expect(statement.details.explainSteps.filter({ hasText: 'Credit “' })).toContainText('paid ₩1,000');
    await statement.details.openEngineSteps();
    await expect(statement.details.engineSteps).toHaveCount(closed.result.trace.length);
  });

  test('the totals list only what applies: no ₩0 rows for credits, unpaid balances or late fees', {
    annotation: { type: 'issue', description: 'issue 18, defect 9: zero rows everywhere in totals' },
  }, async ({ closedStatements, gotoStatement }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await expect(statement.details.totals.getByRole('rowheader')).toHaveText([
      'Usage subtotal',
      'VAT (10%)',
      'Total',
    ]);
  });

  test('an overdue previous statement carries its unpaid amount and a late fee', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoStatement,
  }) => {
    const previousMonth = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5)) - 2, 1))
      .toISOString()
      .slice(0, 7);
    // No payment terms: the previous statement is due the moment it closes, so it is overdue at the next close.
    const group = await billingGroups.create({ paymentTermsDays: 0 });
    await monthActivity.ingestUsage(group.id, previousMonth, { hours: '100' });
    const previous = await statements.close(group.id, previousMonth);
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const current = await statements.close(group.id, thisMonth);
    expect(current.result.isOverdue).toBe(true);
    const statement = await gotoStatement(current.statementId ?? '');
    await expect(statement.details.amount('Unpaid from the previous statement')).toHaveText(
      formatMoney(previous.total),
    );
    await expect(statement.details.totals.getByRole('rowheader', { name: /^Unpaid/ })).toContainText(
      'overdue',
    );
    await expect(statement.details.amount('Late fee (5%)')).toHaveText(formatMoney(current.result.lateFee));
    await expect(statement.details.amount('Total')).toHaveText(formatMoney(current.total));
  });

  test('the PDF export carries the totals as text', async ({ closedStatements, gotoStatement }) => {
    const closed = await closedStatements.create({ hours: '100' });
    const statement = await gotoStatement(closed.statementId ?? '');
    const download = await statement.downloadPdf();
    expect(download.suggestedFilename()).toMatch(/^statement-\d{4}-\d{2}-st_.*\.pdf$/);
    const text = await test.step('read the PDF as text', async () => {
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(await download.path())));
      return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    });
    expect(text).toContain(`Statement ${closed.month}`);
    expect(text).toContain(closed.number ?? '');
    expect(text).toContain('Usage subtotal KRW 39,700');
    expect(text).toContain('VAT (10%) KRW 3,970');
    expect(text).toContain('Total KRW 43,670');
    expect(text).toContain('Outstanding KRW 43,670');
  });

  test("another tenant's statement, or a missing one, is simply not found", async ({
    createTenant,
    gotoStatement,
    dataName,
  }) => {
    const other = await createTenant();
    const group = await other.api.create<{ id: string }>('/v1/billing-groups', {
      name: `${dataName}-theirs`,
    });
    const month = new Date().toISOString().slice(0, 7);
    await other.api.post(`/v1/billing-groups/${group.id}/usage-events`, {
      events: [
        {
          eventId: `${dataName}-theirs`,
          projectId: 'web',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '1',
          timestamp: `${month}-01T00:00:00Z`,
        },
      ],
    });
    const theirs = await other.api.create<{ statementId: string }>(
      `/v1/billing-groups/${group.id}/statements/${month}/close`,
      undefined,
    );
    const statement = await gotoStatement(theirs.statementId);
    await expect(statement.heading()).toHaveText('Not found');
  });
});
