import { expect, test } from '../support/page-test';

const DEFECT = {
  type: 'issue',
  description: 'issue 18, defect 10: the reconcile view, with storage that no longer agrees',
};

test.describe('reconcile when storage has drifted from a closed statement', () => {
  test('each difference is listed by field, the closed value beside the recomputed one', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ closedStatements, mockedApp, gotoStatement, checkAccessibility }) => {
    // 100 hours at ₩397 closed as ₩39,700 of usage; the drift doubles the stored event to 200 hours.
    const closed = await closedStatements.create({ hours: '100' });
    await mockedApp.useScenario({ name: 'storage-drift', operationId: 'reconcileStatement', times: 1 });
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.reconcileButton.click();
    await expect(statement.reconcileVerdict).toContainText(
      'what is stored now does not give this statement. Void and reissue it to correct it.',
    );
    const differences = statement.operatorActions.getByRole('table', { name: 'Reconcile with stored data' });
    const row = (field: string) => differences.getByRole('row', { name: new RegExp(`^${field} `) });
    await expect(row('Usage line 1: quantity').getByRole('cell')).toHaveText([
      /^Usage line 1: quantity/,
      '100',
      '200',
    ]);
    await expect(row('Statement result: total').getByRole('cell')).toHaveText([
      /^Statement result: total/,
      '43670',
      '87340',
    ]);
    await checkAccessibility();
  });
});
