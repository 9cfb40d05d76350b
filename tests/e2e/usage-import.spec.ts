import { expect, test } from '../support/page-test';

const DEFECT = { type: 'issue', description: 'issue 18, defect 10: usage cannot be imported in the UI' };
const HEADER = 'eventId,projectId,counterName,counterType,unit,volume,timestamp';

test.describe('usage import from CSV: a verdict for every row', () => {
  test('accepted, already imported and refused rows are each said, and only the accepted usage counts', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ billingGroups, usageEvents, dataName, thisMonth, gotoUsageImport, checkAccessibility }) => {
    const group = await billingGroups.create();
    const at = `${thisMonth}-01T00:00:00Z`;
    const csv = [
      HEADER,
      `${dataName}-1,p-web,compute.c2.c8m8,DELTA,HOURS,10,${at}`,
      `${dataName}-1,p-web,compute.c2.c8m8,DELTA,HOURS,10,${at}`,
      `${dataName}-2,p-web,compute.c2.c8m8,DELTA,HOURS,-1,${at}`,
      `${dataName}-3,p-web,compute.c2.c8m8`,
      `${dataName}-1,p-web,compute.c2.c8m8,DELTA,HOURS,99,${at}`,
    ].join('\n');
    const importer = await gotoUsageImport(group.id);
    await checkAccessibility();

    await test.step('import the file', async () => {
      await importer.importCsv(csv);
      await expect(importer.summary).toHaveText('1 accepted, 1 already imported, 3 refused.');
    });
    await expect(importer.row(2)).toContainText('Accepted');
    await expect(importer.row(3)).toContainText('Already imported');
    await expect(importer.row(4)).toContainText('Refused');
    await expect(importer.row(4)).toContainText('volume:');
    await expect(importer.row(5)).toContainText('Refused');
    await expect(importer.row(5)).toContainText('the row has 3 values, the header 7');
    await expect(importer.row(6)).toContainText('Refused');
    await expect(importer.row(6)).toContainText('an event with this ID was imported with different values');
    await checkAccessibility();

    const monthly = await usageEvents.monthly(group.id, thisMonth);
    expect(monthly).toEqual([expect.objectContaining({ counterName: 'compute.c2.c8m8', quantity: '10' })]);
  });

  test('a file without the needed columns is refused before anything is sent', {
    annotation: DEFECT,
  }, async ({ billingGroups, usageEvents, thisMonth, gotoUsageImport }) => {
    const group = await billingGroups.create();
    const importer = await gotoUsageImport(group.id);
    await importer.importCsv('id,volume\nx,1\n');
    await expect(importer.fileProblem).toHaveText(
      'The header row lacks the columns: eventId, projectId, counterName, counterType, unit, timestamp.',
    );
    expect(await usageEvents.monthly(group.id, thisMonth)).toEqual([]);
  });
});
