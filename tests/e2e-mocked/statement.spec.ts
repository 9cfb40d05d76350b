import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/page-test';

type PaymentBody = Schemas['Payment'];

test.describe('statement page and payments when the billing API misbehaves', () => {
  test('a statement that cannot be read is an alert', async ({
    mockedApp,
    gotoStatement,
    closedStatements,
  }) => {
    const closed = await closedStatements.create();
    await mockedApp.useScenario({ name: 'server-error', operationId: 'getStatement' });
    const statement = await gotoStatement(closed.statementId ?? '');
    await expect(statement.main.getByRole('alert')).toContainText('Internal error');
    await expect(statement.payButton).toBeHidden();
  });

  test('a slow statement shows the loading state first, then its figures', async ({
    mockedApp,
    gotoStatement,
    closedStatements,
  }) => {
    const closed = await closedStatements.create();
    await mockedApp.hold('getStatement');
    const statement = await gotoStatement(closed.statementId ?? '', { waitUntil: 'commit' });
    await expect(statement.page.getByRole('status')).toHaveText('Loading…', mockedApp.whileHeld);
    await mockedApp.release();
    await expect(statement.fact('Total')).toHaveText('₩43,670');
  });

  test('failing payments history is an alert beside figures that still show', async ({
    mockedApp,
    gotoStatement,
    closedStatements,
  }) => {
    const closed = await closedStatements.create();
    await mockedApp.useScenario({ name: 'unavailable', operationId: 'listStatementPayments' });
    const statement = await gotoStatement(closed.statementId ?? '');
    await expect(statement.payments.getByRole('alert')).toContainText('Service unavailable');
    await expect(statement.fact('Outstanding')).toHaveText('₩43,670');
  });

  test('a rate-limited payment is refused plainly and nothing is paid', async ({
    mockedApp,
    gotoStatement,
    closedStatements,
    api,
  }) => {
    const closed = await closedStatements.create();
    await mockedApp.useScenario({ name: 'rate-limited', operationId: 'createPayment', times: 1 });
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.pay({ source: 'tok_success' });
    await expect(statement.paymentOutcome).toContainText('The payment was refused:');
    await expect(statement.paymentOutcome).toHaveAttribute('role', 'alert');
    const payments = await api.read<{ items: PaymentBody[] }>(
      `/v1/statements/${closed.statementId}/payments`,
    );
    expect(payments.items).toEqual([]);
  });

  test('a payment taken but answered unreadably shows the error and then the truth: paid once', async ({
    mockedApp,
    gotoStatement,
    closedStatements,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await mockedApp.useScenario({ name: 'malformed-body', operationId: 'createPayment', times: 1 });
    await statement.pay({ source: 'tok_success' });
    await expect(statement.paymentOutcome).toContainText(
      'The billing API sent an answer that could not be read.',
    );
    await test.step('the page re-reads the statement: paid, nothing outstanding, one payment', async () => {
      await expect(statement.state).toHaveText('Paid');
      await expect(statement.fact('Outstanding')).toHaveText('₩0');
      await expect(statement.paymentList.getByRole('row', { name: /Card •••• 4242/ })).toHaveCount(1);
    });
  });

  test('a payment the app stopped waiting for is retried with the same key and paid once', async ({
    mockedApp,
    gotoStatement,
    closedStatements,
    api,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await test.step('the API takes the payment only after the app has given up waiting', async () => {
      await mockedApp.useScenario({
        name: 'timeout',
        operationId: 'createPayment',
        delayMs: mockedApp.pastEdgeTimeoutMs,
        times: 1,
      });
      await statement.pay({ source: 'tok_success' });
      await expect(statement.paymentOutcome).toContainText(
        'The billing API took too long to answer.',
        mockedApp.untilEdgeTimeout,
      );
    });
    await test.step('paying again sends the same Idempotency-Key: the first payment is the answer', async () => {
      await statement.payButton.click();
      await expect(statement.paymentOutcome).toHaveText(
        'Payment of ₩43,670 succeeded.',
        // The replay waits for the first payment, whose answer the mock still holds back.
        mockedApp.untilEdgeTimeout,
      );
      await expect(statement.state).toHaveText('Paid');
    });
    const payments = await api.read<{ items: PaymentBody[] }>(
      `/v1/statements/${closed.statementId}/payments`,
    );
    expect(payments.items).toEqual([expect.objectContaining({ state: 'SUCCEEDED', amount: '43670' })]);
  });

  test('the PDF of a statement that cannot be read answers the problem, not a broken file', async ({
    mockedApp,
    page,
    gotoStatement,
    closedStatements,
  }) => {
    const closed = await closedStatements.create();
    await gotoStatement(closed.statementId ?? '');
    await mockedApp.useScenario({ name: 'unavailable', operationId: 'getStatement' });
    const response = await page.request.get(`/statements/${closed.statementId}/pdf`);
    expect(response.status()).toBe(503);
    expect(response.headers()['content-type']).not.toContain('application/pdf');
    expect(await response.json()).toMatchObject({ status: 503, title: 'Service unavailable' });
  });
});
