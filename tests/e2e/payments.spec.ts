import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/page-test';
import { formatMoney } from '../support/pages/money';

type PaymentBody = Schemas['Payment'];

test.describe('payments: the sandbox provider, never charged twice', () => {
  test('paying the whole statement succeeds and marks it paid', { tag: ['@smoke'] }, async ({
    closedStatements,
    gotoStatement,
    api,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await expect(statement.paymentAmount).toHaveValue(closed.total);
    await statement.pay({ source: 'tok_success' });
    await expect(statement.paymentOutcome).toHaveText(`Payment of ${formatMoney(closed.total)} succeeded.`);
    await expect(statement.state).toHaveText('Paid');
    await expect(statement.fact('Outstanding')).toHaveText('₩0');
    const payments = await api.read<{ items: PaymentBody[] }>(
      `/v1/statements/${closed.statementId}/payments`,
    );
    expect(payments.items).toEqual([expect.objectContaining({ state: 'SUCCEEDED', amount: closed.total })]);
  });

  test('a declined card is shown as a failure and nothing is paid', async ({
    closedStatements,
    gotoStatement,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.pay({ source: 'tok_declined' });
    await expect(statement.paymentOutcome).toHaveText(
      `Payment of ${formatMoney(closed.total)} failed: the card was declined. Nothing was charged.`,
    );
    await expect(statement.paymentOutcome).toHaveAttribute('role', 'alert');
    await expect(statement.state).toHaveText('Issued');
    await expect(
      statement.paymentList.getByRole('row', { name: /Card •••• 0002 \(declined test card\)/ }),
    ).toContainText('Failed');
  });

  test('submitting twice pays once: the button is disabled while the payment is in flight', async ({
    closedStatements,
    gotoStatement,
    page,
    api,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    let releaseSubmission = () => {};
    const submissionReleased = new Promise<void>((resolve) => {
      releaseSubmission = resolve;
    });
    await test.step('hold the submission until released, so every later click lands while it is in flight', async () => {
      await page.route(`**/statements/${closed.statementId}`, async (route) => {
        if (route.request().method() === 'POST') await submissionReleased;
        await route.continue();
      });
    });
    await statement.paymentSource.selectOption('tok_success');
    await statement.payButton.dblclick();
    await expect(statement.payButton).toBeDisabled();
    await statement.paymentAmount.press('Enter');
    await expect(statement.payButton).toBeDisabled();
    releaseSubmission();
    await expect(statement.paymentOutcome).toHaveText(`Payment of ${formatMoney(closed.total)} succeeded.`);
    const payments = await api.read<{ items: PaymentBody[] }>(
      `/v1/statements/${closed.statementId}/payments`,
    );
    expect(payments.items).toHaveLength(1);
  });

  test('a partial payment leaves the rest outstanding and the form offers the rest', async ({
    closedStatements,
    gotoStatement,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.pay({ amount: '10000', source: 'tok_success' });
    await expect(statement.paymentOutcome).toHaveText('Payment of ₩10,000 succeeded.');
    await expect(statement.state).toHaveText('Partially paid');
    await expect(statement.fact('Outstanding')).toHaveText('₩33,670');
    await expect(statement.paymentAmount).toHaveValue('33670');
  });

  test('a pending payment is said plainly, reserves its amount, and shows its outcome once settled', async ({
    closedStatements,
    gotoStatement,
    api,
    page,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.pay({ source: 'tok_pending' });
    await expect(statement.paymentOutcome).toContainText('is pending: the provider has not confirmed it yet');
    await expect(statement.paymentList.getByRole('row', { name: /Card •••• 0077/ })).toContainText('Pending');
    await expect(statement.payments).toContainText('Nothing is left to pay on this statement.');
    await test.step('the provider settles it', async () => {
      const payments = await api.read<{ items: { id: string }[] }>(
        `/v1/statements/${closed.statementId}/payments`,
      );
      await api.create(`/v1/payments/${payments.items[0]?.id}/settle`, { outcome: 'SUCCEEDED' }, 200);
    });
    await page.reload();
    await expect(statement.state).toHaveText('Paid');
    await expect(statement.paymentList.getByRole('row', { name: /Card •••• 0077/ })).toContainText(
      'Succeeded',
    );
  });

  test('more than the statement takes is refused, naming the rule', async ({
    closedStatements,
    gotoStatement,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.pay({ amount: '99999999', source: 'tok_success' });
    await expect(statement.paymentOutcome).toContainText('The payment was refused:');
    await expect(statement.state).toHaveText('Issued');
  });
});
