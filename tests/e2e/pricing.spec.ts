import { expect, test } from '../support/page-test';
import { PricingDetailPage } from '../support/pages/pricing-pages';

const DEFECT = {
  type: 'issue',
  description: 'issue 18, defect 10: price books and contracts cannot be seen in the UI',
};

test.describe('price books and contracts, read only', () => {
  test('a price book is listed and shows its prices in words, tiers included', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ priceBooks, gotoPriceBooks, checkAccessibility }) => {
    const book = await priceBooks.create();
    const list = await gotoPriceBooks();
    await expect(list.navigation.getByRole('link', { name: 'Price books' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(list.row(book.name)).toContainText('KRW');
    await expect(list.row(book.name)).toContainText('2');
    await expect(list.row('Default price book (KRW)')).toContainText('Built in');
    await checkAccessibility();

    await list.open(book.name);
    const detail = new PricingDetailPage(list.page);
    await expect(detail.heading()).toHaveText(book.name);
    await expect(detail.row('compute.c2.c8m8')).toContainText('Compute c2 (8 vCPU, 8 GB memory)');
    await expect(detail.row('compute.c2.c8m8')).toContainText('Per unit');
    await expect(detail.row('compute.c2.c8m8')).toContainText('₩397 per hour');
    await expect(detail.row('storage.volume.ssd')).toContainText(
      'Graduated: each unit is priced by the tier it falls in',
    );
    await expect(detail.row('storage.volume.ssd')).toContainText('0 to under 100 GB: ₩1,000 per GB');
    await expect(detail.row('storage.volume.ssd')).toContainText('500 GB and above: ₩600 per GB');
    await checkAccessibility();
  });

  test('a contract is listed and shows its discount, minimum and replaced prices', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ contracts, gotoContracts, checkAccessibility }) => {
    const contract = await contracts.create({
      minimumCharge: '100000',
      priceOverrides: [{ counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '350' } }],
    });
    const list = await gotoContracts();
    await expect(list.row(contract.name)).toContainText('10%');
    await expect(list.row(contract.name)).toContainText('100,000');
    await checkAccessibility();

    await list.open(contract.name);
    const detail = new PricingDetailPage(list.page);
    await expect(detail.heading()).toHaveText(contract.name);
    await expect(detail.term('Discount on usage')).toHaveText('10% off the usage subtotal');
    await expect(detail.term('Minimum charge')).toHaveText('100,000');
    await expect(detail.row('compute.c2.c8m8')).toContainText('Compute c2 (8 vCPU, 8 GB memory)');
    await expect(detail.row('compute.c2.c8m8')).toContainText('350 each');
    await checkAccessibility();
  });
});
