import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/page-test';
import { formatMoney } from '../support/pages/money';
import { formatMonth } from '../support/pages/months';

type StatementBody = Schemas['Statement'];
type PaymentBody = Schemas['Payment'];

const DEFECT = {
  type: 'issue',
  description: 'issue 18, defect 10: operators cannot do in the UI what the API allows',
};

test.describe('operator actions on a statement: void and reissue, refund, reconcile', () => {
  test('voiding a closed statement releases its credits, reopens the month, and closing again reissues it', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({
    billingGroups,
    monthActivity,
    statements,
    credits,
    thisMonth,
    gotoStatement,
    api,
    checkAccessibility,
  }) => {
    const group = await billingGroups.create();
    const grant = await credits.grant(group.id, { amount: '10000' });
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const closed = await statements.close(group.id, thisMonth);
    const statementId = closed.statementId ?? '';
    const month = formatMonth(thisMonth);

    const statement = await gotoStatement(statementId);
    await test.step('the confirmation says what voiding does', async () => {
      await statement.voidStatement({ confirm: false });
      await expect(statement.dialog).toHaveAccessibleName('Void this statement?');
      await expect(statement.dialog).toHaveAccessibleDescription(
        new RegExp(`credits it consumed \\(₩10,000\\) are released.*${month} opens again`),
      );
      await checkAccessibility();
      await statement.page.keyboard.press('Escape');
      await expect(statement.dialog).toBeHidden();
    });

    await test.step(`void the statement of ${thisMonth}`, async () => {
      await statement.voidStatement();
      await expect(statement.dialogStatus).toHaveText(`The statement is void and ${month} is open again.`);
      await expect(statement.state).toHaveText('Void');
      await checkAccessibility();
    });
    const voided = await api.read<StatementBody>(`/v1/statements/${statementId}`);
    expect(voided.state).toBe('VOID');
    const ledger = await credits.ledger(group.id, grant.id);
    expect(ledger.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['CONSUME', 'RELEASE']));

    await test.step(`close ${thisMonth} again: the reissue`, async () => {
      await statement.closeMonthAgain();
      await expect(statement.dialog).toHaveAccessibleName('Statement issued');
    });
    const reissued = await statements.read(group.id, thisMonth);
    expect(reissued.statementId).not.toBe(statementId);
    expect(reissued.state).toBe('ISSUED');
    await expect(statement.dialogStatus).toHaveText(
      `Statement no. ${reissued.statementId} was issued for a total of ${formatMoney(reissued.total)}.`,
    );
    await statement.dialog.getByRole('link', { name: 'View statement' }).click();
    await expect(statement.page).toHaveURL(new RegExp(`/statements/${reissued.statementId}$`));
    await expect(statement.state).toHaveText('Issued');

    await test.step('the void statement owes nothing and leads to the one that replaced it', async () => {
      const old = await gotoStatement(statementId);
      await expect(old.fact('Outstanding')).toHaveText('Nothing (void)');
      await expect(old.fact('Due')).toHaveText('—');
      await old.page.getByRole('link', { name: `See the statement that replaced it for ${month}.` }).click();
      await expect(old.page).toHaveURL(new RegExp(`/statements/${reissued.statementId}$`));
    });
  });

  test('a paid statement is not voided: the refusal is said beside the action; refunding the payment lets it void', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ closedStatements, payments, gotoStatement, api, checkAccessibility }) => {
    const closed = await closedStatements.create();
    const statementId = closed.statementId ?? '';
    const payment = await payments.paid(statementId, { amount: closed.total, source: 'tok_success' });
    const amount = formatMoney(closed.total);
    const statement = await gotoStatement(statementId);
    await expect(statement.state).toHaveText('Paid');

    await test.step('voiding is refused while the payment stands', async () => {
      await statement.voidStatement();
      await expect(statement.dialogProblem).toHaveText(
        'Not done: This statement has succeeded or pending payments. Refund them first, then void it.',
      );
      await checkAccessibility();
      await statement.page.keyboard.press('Escape');
    });
    expect((await api.read<StatementBody>(`/v1/statements/${statementId}`)).state).toBe('PAID');

    await test.step('refund the payment', async () => {
      await statement.refund(amount, { confirm: false });
      await expect(statement.dialog).toHaveAccessibleName('Refund this payment?');
      await expect(statement.dialog).toHaveAccessibleDescription(
        new RegExp(`payment of ${amount} .* refunded in full`),
      );
      await checkAccessibility();
      await statement.dialog.getByRole('button', { name: `Refund ${amount}`, exact: true }).click();
      await expect(statement.dialogStatus).toHaveText(`${amount} was refunded.`);
      await statement.dialog.getByRole('button', { name: 'Done' }).click();
      await expect(statement.dialog).toBeHidden();
    });
    await expect(statement.paymentList.getByRole('row').filter({ hasText: amount })).toContainText(
      'Refunded',
    );
    await expect(statement.refundButton(amount)).toHaveCount(0);
    await expect(statement.fact('Outstanding')).toHaveText(amount);
    expect((await api.read<PaymentBody>(`/v1/payments/${payment.id}`)).state).toBe('REFUNDED');

    await test.step('now the statement voids', async () => {
      await statement.voidStatement();
      await expect(statement.dialogStatus).toContainText('The statement is void');
    });
    expect((await api.read<StatementBody>(`/v1/statements/${statementId}`)).state).toBe('VOID');
  });

  test('reconcile shows the verdict of the edge: clean when storage agrees', {
    annotation: DEFECT,
  }, async ({ closedStatements, gotoStatement, api, checkAccessibility }) => {
    const closed = await closedStatements.create();
    const statementId = closed.statementId ?? '';
    const statement = await gotoStatement(statementId);
    await statement.reconcileButton.click();
    await expect(statement.reconcileVerdict).toHaveText(
      'Clean: what is stored now gives exactly this statement.',
    );
    await checkAccessibility();
    const report = await api.create<{ clean: boolean }>(
      `/v1/statements/${statementId}/reconcile`,
      undefined,
      200,
    );
    expect(report.clean).toBe(true);
  });

  test('reconciling a void statement is refused in plain words', { annotation: DEFECT }, async ({
    closedStatements,
    gotoStatement,
    api,
  }) => {
    const closed = await closedStatements.create();
    const statementId = closed.statementId ?? '';
    await api.create(`/v1/statements/${statementId}/void`, undefined, 200);
    const statement = await gotoStatement(statementId);
    await expect(statement.voidButton).toHaveCount(0);
    await statement.reconcileButton.click();
    await expect(statement.reconcileProblem).toHaveText('Not done: This statement is already void.');
  });
});
