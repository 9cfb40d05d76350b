import { expect, test } from '../support/page-test';

/**
 * Credit notes on the statement page (DOMAIN §6): the fixture's statement is 100 hours of compute,
 * 39,700 + VAT 3,970 = 43,670 KRW; a credit note of 10,000 net carries 1,000 VAT.
 */
test.describe('credit notes on the statement page', () => {
  test('a credit note is added, numbered, and lowers what is owed', async ({
    closedStatements,
    gotoStatement,
  }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');

    await statement.addCreditNote('10000', 'Outage on the 3rd');

    await expect(statement.creditNotes.getByRole('status')).toHaveText('Credit note added.');
    const row = statement.creditNotes.getByRole('row', { name: /CN-\d{4}-\d{6}/ });
    await expect(row).toContainText('Outage on the 3rd');
    await expect(row).toContainText('₩11,000');
    await expect(row).toContainText('₩10,000 net + ₩1,000 VAT');
    await expect(row).toContainText('₩11,000 off what is owed, ₩0 refunded as credit');
    await expect(statement.fact('Credited')).toHaveText('₩11,000');
    await expect(statement.fact('Outstanding')).toHaveText('₩32,670');
  });

  test('more than is left to credit is refused beside the amount, in Korean on a Korean page', async ({
    closedStatements,
    gotoStatement,
    chooseLanguage,
  }) => {
    const closed = await closedStatements.create();
    await chooseLanguage('ko');
    const statement = await gotoStatement(closed.statementId ?? '');

    await statement.addCreditNote('50000', '과다 청구');

    await expect(statement.creditNoteNet).toHaveAttribute('aria-invalid', 'true');
    await expect(statement.creditNotes).toContainText(
      '이 청구서에서 더 차감할 수 있는 금액(부가세 포함)을 넘습니다.',
    );
    await expect(statement.creditNoteNet).toBeFocused();
    await expect(statement.creditNotes.getByText('대변 전표가 없습니다.')).toBeVisible();
  });
});
