import { expect, test } from '../support/page-test';
import { PricingDetailPage, PricingEditorPage } from '../support/pages/pricing-pages';

const DEFECT = {
  type: 'issue',
  description: 'issue 18, defect 10: price books and contracts cannot be seen in the UI',
};

test.describe('price books and contracts, seen and made in new versions', () => {
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

  test('a new version of a price book changes its prices and leaves the book it came from as it was', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ priceBooks, gotoPriceBooks, api, page, checkAccessibility }) => {
    const book = await priceBooks.create();
    const list = await gotoPriceBooks();
    await list.open(book.name);
    await page.getByRole('link', { name: 'New version' }).click();
    const editor = new PricingEditorPage(page);
    await expect(editor.name).toHaveValue(`${book.name} (new)`);
    await editor.name.fill(`${book.name} v2`);
    const compute = editor.entry('Compute c2 (8 vCPU, 8 GB memory)');
    await expect(editor.unitPrice(compute)).toHaveValue('397');
    await editor.unitPrice(compute).fill('420');
    const storage = editor.entry('Storage volume SSD');
    await expect(editor.tierUpperBound(storage, 1)).toHaveValue('100');
    await editor.unitPrice(storage, 3).fill('550');
    await checkAccessibility();
    await editor.save();

    const detail = new PricingDetailPage(page);
    await expect(detail.heading()).toHaveText(`${book.name} v2`);
    await expect(page).not.toHaveURL(new RegExp(encodeURIComponent(book.id)));
    await expect(detail.row('compute.c2.c8m8')).toContainText('₩420 per hour');
    await expect(detail.row('storage.volume.ssd')).toContainText('500 GB and above: ₩550 per GB');
    await expect(detail.row('storage.volume.ssd')).toContainText('0 to under 100 GB: ₩1,000 per GB');
    const original = await api.read<{ entries: { counterName: string; pricing: { unitPrice?: string } }[] }>(
      `/v1/price-books/${book.id}`,
    );
    expect(original.entries.find((entry) => entry.counterName === 'compute.c2.c8m8')?.pricing.unitPrice).toBe(
      '397',
    );
  });

  test("a refused price is named beside its field in the page's words, and nothing is saved", {
    annotation: DEFECT,
  }, async ({ priceBooks, api, page, gotoPriceBooks }) => {
    const book = await priceBooks.create();
    const before = await api.read<{ items: unknown[] }>('/v1/price-books?limit=100');
    const list = await gotoPriceBooks();
    await list.open(book.name);
    await page.getByRole('link', { name: 'New version' }).click();
    const editor = new PricingEditorPage(page);
    const compute = editor.entry('Compute c2 (8 vCPU, 8 GB memory)');
    await editor.unitPrice(compute).fill('twelve');
    await editor.name.fill('');
    await editor.save();
    await expect(editor.alert).toContainText('Not saved: 2 values need fixing.');
    // The page's words beside each field, not the API's in the summary.
    await expect(editor.alert).not.toContainText('must be');
    await expect(editor.name).toHaveAccessibleDescription('Required.');
    await expect(editor.name).toBeFocused();
    await expect(editor.unitPrice(compute)).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.unitPrice(compute)).toHaveAccessibleDescription('Enter a number, such as 12.5.');

    await test.step('tiers out of order are named on the bound that breaks them', async () => {
      await editor.name.fill(`${book.name} v2`);
      await editor.unitPrice(compute).fill('397');
      const storage = editor.entry('Storage volume SSD');
      await editor.tierUpperBound(storage, 1).fill('600');
      await editor.save();
      await expect(editor.tierUpperBound(storage, 2)).toHaveAccessibleDescription(
        'Each tier must end above where it starts, and the next one starts there.',
      );
    });
    await expect(page).toHaveURL(/\/new-version$/);
    expect((await api.read<{ items: unknown[] }>('/v1/price-books?limit=100')).items).toHaveLength(
      before.items.length,
    );
  });

  test("a new contract from a blank form: a discount, a minimum and a tiered price replacing the book's", {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ gotoContracts, dataName, page, checkAccessibility }) => {
    const list = await gotoContracts();
    await page.getByRole('link', { name: 'New contract' }).click();
    const editor = new PricingEditorPage(page);
    await editor.name.fill(`${dataName} terms`);
    await editor.form.getByLabel('Discount on usage (%)').fill('5');
    await editor.form.getByLabel('Minimum charge').fill('1000');
    await editor.form.getByRole('button', { name: '+ Replace a price' }).click();
    const replaced = editor.entry('Replaced price 1');
    await replaced.getByLabel('Product').selectOption({ label: 'Storage volume SSD' });
    await replaced.getByLabel('Pricing').selectOption({ label: 'Graduated' });
    // One tier is open-ended; a second one gives the first an upper bound to fill in.
    await expect(editor.tierUpperBound(replaced, 1)).toBeDisabled();
    await replaced.getByRole('button', { name: '+ Add tier' }).click();
    await editor.tierUpperBound(replaced, 1).fill('100');
    await editor.unitPrice(replaced, 1).fill('900');
    await expect(editor.tier(replaced, 2)).toHaveAccessibleName('Tier 2: from 100');
    await editor.unitPrice(replaced, 2).fill('700');
    await checkAccessibility();
    await editor.save();

    const detail = new PricingDetailPage(list.page);
    await expect(detail.heading()).toHaveText(`${dataName} terms`);
    await expect(detail.term('Discount on usage')).toHaveText('5% off the usage subtotal');
    await expect(detail.term('Minimum charge')).toHaveText('1,000');
    await expect(detail.row('storage.volume.ssd')).toContainText('0 to under 100: 900 each');
    await expect(detail.row('storage.volume.ssd')).toContainText('100 and above: 700 each');
  });

  test("a contract's new version starts from its terms", { annotation: DEFECT }, async ({
    contracts,
    gotoContracts,
    page,
  }) => {
    const contract = await contracts.create({ minimumCharge: '100000' });
    const list = await gotoContracts();
    await list.open(contract.name);
    await page.getByRole('link', { name: 'New version' }).click();
    const editor = new PricingEditorPage(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`New version of ${contract.name}`);
    await expect(editor.form.getByLabel('Discount on usage (%)')).toHaveValue('10');
    await expect(editor.form.getByLabel('Minimum charge')).toHaveValue('100000');
  });
});
