import type { Schemas } from '../support/api/schemas';
import {
  expectKoreanWordsUnbroken,
  expectNoClippedCells,
  expectNoOneCharacterLines,
} from '../support/layout-checks';
import { expect, test } from '../support/page-test';
import { DashboardPage } from '../support/pages/dashboard-page';
import { StatementPage } from '../support/pages/statement-page';

type TestClock = Schemas['TestClock'];
type Group = Schemas['BillingGroup'];

const ISSUE = {
  type: 'issue',
  description: 'issue 22: UI to create and advance a test clock; the group page shows the simulated date',
};

/** Where the clock starts: January 10th, 2026, midnight UTC. */
const START = '2026-01-10T00:00';
/** Past January's end: the 02:00 run of February 1st closes January by itself. */
const AFTER_MONTH_END = '2026-02-10T00:00';
/** From January 10th to February 10th the advance passes one 02:00 run a day. */
const DAILY_RUNS = 31;

/**
 * Runs in the page (the tests have no DOM types): from now on, records what the clock's card shows at
 * each change, as "STATUS done/total words", in `globalThis.clockStates`, and, as "STATUS form|no
 * form: status words", whether its advance form is drawn and what its live region says, in
 * `globalThis.clockForms`. An advance may take less than a second, so what the card showed while it
 * ran is read back afterwards, not caught live.
 */
const RECORD_CLOCK_STATES = `(() => {
  const seen = [];
  const forms = [];
  globalThis.clockStates = seen;
  globalThis.clockForms = forms;
  const record = () => {
    const card = document.querySelector('article[data-status]');
    if (!card) return;
    const bar = card.querySelector('[role="progressbar"]');
    const value = (name) => (bar && bar.getAttribute(name)) || '-';
    seen.push(card.getAttribute('data-status') + ' ' + value('aria-valuenow') + '/' + value('aria-valuemax') + ' ' + value('aria-valuetext'));
    const live = card.querySelector('[role="status"]');
    forms.push(card.getAttribute('data-status') + ' ' + (card.querySelector('form') ? 'form' : 'no form') + ': ' + (live ? live.textContent : '-'));
  };
  new MutationObserver(record).observe(document.body, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
})()`;

/**
 * Test clocks in the app (DOMAIN §8a). Every test signs in as a tenant of its own: the clocks page
 * lists every clock of the tenant, so each test sees its own alone.
 */
test.describe('Test clocks: create, advance with its progress, and the group’s simulated time', {
  annotation: ISSUE,
}, () => {
  test('a clock, a group on it with usage, an advance across the month end: progress, READY, the simulated date and the month closed by itself', async ({
    createTenant,
    signInAs,
    chooseLanguage,
    monthActivity,
    gotoTestClocks,
    gotoBillingGroups,
    checkAccessibility,
    page,
  }) => {
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    const clocks = await gotoTestClocks();
    await expect(clocks.navigation.getByRole('link', { name: 'Test clocks' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(clocks.emptyState).toBeVisible();

    await test.step('no start time chosen: said beside the start time, whose first select takes the focus', async () => {
      await clocks.create({ name: 'January' });
      const error = clocks.createForm.getByText('Choose a day, an hour and a minute.');
      await expect(error).toBeVisible();
      await expect(clocks.startTime.year).toHaveAttribute('aria-invalid', 'true');
      await expect(clocks.startTime.year).toBeFocused();
      expect((await tenant.api.read<{ items: TestClock[] }>('/v1/test-clocks')).items).toEqual([]);
    });

    const clock = clocks.clock('January');
    await test.step('created at January 10th, midnight UTC: listed with its time, READY', async () => {
      await clocks.create({ name: 'January', frozenTime: START });
      await expect(clocks.createdStatus).toHaveText('Test clock “January” created.');
      await expect(clock.time).toHaveText('Jan 10, 2026, 12:00 AM UTC');
      await expect(clock.status).toHaveText('Ready');
      // Never advanced: no progress to show yet.
      await expect(clock.progress).toHaveCount(0);
      // The form starts over for the next clock.
      await expect(clocks.nameInput).toHaveValue('');
      await expect(clocks.startTime.year).toHaveValue('');
      const { items } = await tenant.api.read<{ items: TestClock[] }>('/v1/test-clocks');
      expect(items).toEqual([
        expect.objectContaining({ name: 'January', frozenTime: '2026-01-10T00:00:00.000Z', status: 'READY' }),
      ]);
      await checkAccessibility();
    });

    const group =
      await test.step('a group on the clock, closing each month by itself, with January usage', async () => {
        const groups = await gotoBillingGroups();
        await expect(groups.testClockSelect).toHaveValue('');
        await groups.create('Clocked Analytics', 'KRW', {
          autoClose: true,
          testClock: 'January (Jan 10, 2026, 12:00 AM UTC)',
        });
        await page.waitForURL(/\/billing-groups\/bg_/);
        const { items } = await tenant.api.read<{ items: Group[] }>('/v1/billing-groups');
        const created = items.find((item) => item.name === 'Clocked Analytics');
        expect(created).toMatchObject({ autoClose: true, testClockTime: '2026-01-10T00:00:00.000Z' });
        if (!created) throw new Error('the group was not created');
        // January 10th: within a day of the clock's time, so accepted (a real-time "now" would not matter).
        await monthActivity.ingestUsage(created.id, '2026-01', { day: 10, api: tenant.api });
        // A won of credit expiring on each day the advance passes: every daily run then has work (an
        // expiry, or a grant's last week), so the advance takes long enough for the page to see it
        // ADVANCING; with nothing to do, its runs are passed over in a blink.
        for (let day = 0; day < DAILY_RUNS; day += 1) {
          const expiresAt = new Date(Date.UTC(2026, 0, 11 + day)).toISOString();
          await tenant.api.create(`/v1/billing-groups/${created.id}/credits`, {
            type: 'PROMOTIONAL',
            amount: '1',
            expiresAt,
          });
        }
        return created;
      });

    await test.step('the group page lives in the clock’s time: its simulated date, January by default', async () => {
      await page.reload();
      const dashboard = new DashboardPage(page);
      await expect(dashboard.simulatedTime).toHaveText('Simulated time: Jan 10, 2026, 12:00 AM UTC');
      await expect(dashboard.monthPicker).toHaveValue('2026-01');
      await expect(dashboard.draft.amount('Total')).toBeVisible();
      await checkAccessibility();
      await dashboard.testClockLink.click();
      await expect(page).toHaveURL(new RegExp(`/test-clocks#clock-${group.testClockId}$`));
    });

    await test.step('a time before the clock’s is refused beside the advance form’s selects', async () => {
      await clock.advance('2026-01-09T12:00');
      await expect(
        clock.advanceForm.getByText('Choose a time after the clock’s time: a clock never moves backwards.'),
      ).toBeVisible();
      await expect(clock.advanceTo.year).toHaveAttribute('aria-invalid', 'true');
      await expect(clock.status).toHaveText('Ready');
    });

    await test.step('advanced to February 10th: the daily runs progress as a bar and in words, then READY', async () => {
      // What the card shows while the advance runs, recorded in the page: each render's status and
      // the bar's value. The advance may be quick, so what it showed is read back afterwards.
      await page.evaluate(RECORD_CLOCK_STATES);
      await clock.advance(AFTER_MONTH_END);
      // The card said Ready before the advance began too, so the end is waited for on the time the
      // clock reaches (a newcomer's loaded machine saw Ready at once, then no February within 5 s).
      await expect(clock.time).toHaveText('Feb 10, 2026, 12:00 AM UTC', { timeout: 30_000 });
      await expect(clock.status).toHaveText('Ready', { timeout: 30_000 });
      await expect(clock.progress).toHaveAttribute('aria-valuenow', String(DAILY_RUNS));
      await expect(clock.progress).toHaveAttribute('aria-valuemax', String(DAILY_RUNS));
      await expect(clock.progress).toHaveAttribute(
        'aria-valuetext',
        `${DAILY_RUNS} of ${DAILY_RUNS} daily runs done`,
      );
      await expect(clock.progress).toHaveAccessibleName('Last advance of January');
      await expect(clock.card.getByText(`${DAILY_RUNS} of ${DAILY_RUNS} daily runs done`)).toBeVisible();
      // The progress is said in a live region, from the advance's start (its target) to its end.
      await expect(clock.card.getByRole('status')).toHaveText(
        `${DAILY_RUNS} of ${DAILY_RUNS} daily runs done`,
      );
      // The advance's form closed while it ran, and the focus, on its button, went to the clock's
      // name rather than to the page's start.
      await expect(clock.card.getByRole('heading', { name: 'January', exact: true })).toBeFocused();
      const forms = await page.evaluate<string[]>('globalThis.clockForms');
      const whileAdvancing = forms.filter((form) => form.startsWith('ADVANCING'));
      expect(whileAdvancing.length).toBeGreaterThan(0);
      // Never an advance form while the clock advances: it offered the clock's passing time + 1 day.
      expect(whileAdvancing.filter((form) => !form.startsWith('ADVANCING no form:'))).toEqual([]);
      expect(whileAdvancing).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^ADVANCING no form: Advancing to Feb 10, 2026, 12:00 AM UTC\\.(\\d+ of ${DAILY_RUNS} daily runs done)?$`,
          ),
        ),
      );
      const states = await page.evaluate<string[]>('globalThis.clockStates');
      // While it ran, the card said so: ADVANCING, with its runs so far out of 31, in words too.
      expect(states.filter((state) => state.startsWith('ADVANCING')).length).toBeGreaterThan(0);
      expect(states).toContainEqual(
        expect.stringMatching(
          new RegExp(`^ADVANCING \\d+/${DAILY_RUNS} \\d+ of ${DAILY_RUNS} daily runs done$`),
        ),
      );
      const read = await tenant.api.read<TestClock>(`/v1/test-clocks/${group.testClockId}`);
      expect(read).toMatchObject({
        status: 'READY',
        frozenTime: '2026-02-10T00:00:00.000Z',
        progress: { runsDone: DAILY_RUNS, runsTotal: DAILY_RUNS },
      });
    });

    await test.step('the group page: February 10th, and January closed by itself on February 1st', async () => {
      const dashboard = new DashboardPage(page);
      await page.goto(`/billing-groups/${group.id}`);
      await expect(dashboard.simulatedTime).toHaveText('Simulated time: Feb 10, 2026, 12:00 AM UTC');
      await expect(dashboard.monthPicker).toHaveValue('2026-02');
      await dashboard.show('Statements');
      const january = dashboard.statements.getByRole('row').filter({ hasText: 'Statement for January 2026' });
      await expect(january).toContainText('Issued');
      await expect(january).toContainText(/ST-2026-\d{6}/);
      const statement = await tenant.api.read<{ state: string; closedAt: string }>(
        `/v1/billing-groups/${group.id}/statements/2026-01`,
      );
      expect(statement).toMatchObject({ state: 'ISSUED', closedAt: '2026-02-01T02:00:00.000Z' });
    });

    await test.step('January’s statement says it lives on the clock, and its times say UTC', async () => {
      const dashboard = new DashboardPage(page);
      await dashboard.statements.getByRole('link', { name: 'Statement for January 2026' }).click();
      await page.waitForURL(/\/statements\//);
      const statement = new StatementPage(page);
      await expect(statement.simulatedTime).toHaveText('Simulated time: Feb 10, 2026, 12:00 AM UTC');
      await expect(statement.testClockLink).toHaveText('Test clock: January');
      await expect(statement.fact('Closed')).toHaveText('Feb 1, 2026, 2:00 AM UTC');
      await expect(statement.fact('Due')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, 2026, 2:00 AM UTC$/);
      // In Korean too: the badge's words and the times' UTC.
      await chooseLanguage('ko');
      await page.reload();
      await expect(statement.simulatedTime).toHaveText('시뮬레이션 시각: 2026. 2. 10. 오전 12:00 UTC');
      await expect(statement.fact('마감')).toHaveText('2026. 2. 1. 오전 2:00 UTC');
      await chooseLanguage('en');
    });

    await test.step('a clock with a group on it is not deleted: the dialog says why, and it stays', async () => {
      const again = await gotoTestClocks();
      await again.delete('January');
      await expect(again.dialog.getByRole('alert')).toContainText(
        'Billing groups live on this clock, so it cannot be deleted: a group stays on the clock it was created on.',
      );
      await checkAccessibility();
      await again.dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(again.clock('January').card).toBeVisible();
      expect((await tenant.api.get(`/v1/test-clocks/${group.testClockId}`)).status()).toBe(200);
    });
  });

  test('an unused clock is deleted after asking; a clock offered to no group once it is gone', async ({
    createTenant,
    signInAs,
    gotoTestClocks,
    gotoBillingGroups,
  }) => {
    const tenant = await createTenant();
    const unused = await tenant.api.create<TestClock>('/v1/test-clocks', {
      name: 'Spare',
      frozenTime: '2026-05-20T08:30:00Z',
    });
    await signInAs(tenant.apiKey);
    const groups = await gotoBillingGroups();
    await expect(groups.testClockSelect.getByRole('option')).toHaveText([
      'None: real time',
      'Spare (May 20, 2026, 8:30 AM UTC)',
    ]);
    const clocks = await gotoTestClocks();
    await clocks.delete('Spare', { confirm: false });
    await expect(clocks.dialog).toHaveAccessibleName('Delete the test clock “Spare”?');
    await clocks.dialog.getByRole('button', { name: 'Delete clock' }).click();
    await expect(clocks.dialog).toBeHidden();
    await expect(clocks.emptyState).toBeVisible();
    // The card and its delete button are gone: the focus waits on the list's heading, not the page's start.
    await expect(clocks.main.getByRole('heading', { name: 'Clocks', exact: true })).toBeFocused();
    expect((await tenant.api.get(`/v1/test-clocks/${unused.id}`)).status()).toBe(404);
  });

  test('a group refused by a full clock keeps what was entered, and says why beside the clock, in Korean', async ({
    createTenant,
    signInAs,
    chooseLanguage,
    gotoBillingGroups,
  }) => {
    const tenant = await createTenant();
    const clock = await tenant.api.create<TestClock>('/v1/test-clocks', {
      name: '가득 찬 시계',
      frozenTime: '2026-01-10T00:00:00Z',
    });
    // The most groups one clock may hold (the edge's MAX_GROUPS_PER_TEST_CLOCK): the next is refused.
    for (let index = 1; index <= 10; index += 1) {
      await tenant.api.create<Group>('/v1/billing-groups', { name: `그룹 ${index}`, testClockId: clock.id });
    }
    await signInAs(tenant.apiKey);
    await chooseLanguage('ko');
    const groups = await gotoBillingGroups();
    const name = groups.createForm.getByLabel('이름', { exact: true });
    const currency = groups.createForm.getByLabel('통화', { exact: true });
    const autoClose = groups.createForm.getByLabel('매월 자동 마감', { exact: true });
    await name.fill('열한 번째 그룹');
    await currency.selectOption('USD');
    await autoClose.check();
    await groups.testClockSelect.selectOption({ label: '가득 찬 시계 (2026. 1. 10. 오전 12:00 UTC)' });
    await groups.createForm.getByRole('button', { name: '빌링 그룹 만들기' }).click();

    const advice = '이 시계에는 더 이상 빌링 그룹을 둘 수 없습니다. 다른 시계를 고르거나 새로 만드세요.';
    // Said beside the clock select, in the page's language, and the focus is there to fix it.
    await expect(groups.testClockSelect).toHaveAttribute('aria-invalid', 'true');
    await expect(groups.testClockSelect).toHaveAccessibleDescription(advice);
    await expect(groups.testClockSelect).toBeFocused();
    // Everything entered is still there (the form was reset to an empty name and real time).
    await expect(groups.testClockSelect).toHaveValue(clock.id);
    await expect(name).toHaveValue('열한 번째 그룹');
    await expect(currency).toHaveValue('USD');
    await expect(autoClose).toBeChecked();
    // The API's English message, once shown twice, is not shown at all.
    await expect(groups.createForm.getByText(/already holds/)).toHaveCount(0);
    const { items } = await tenant.api.read<{ items: Group[] }>('/v1/billing-groups');
    expect(items).toHaveLength(10);
  });

  test.describe('on a phone, in Korean', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the clock, its advance and the group’s simulated time read whole at 390 px', async ({
      createTenant,
      signInAs,
      chooseLanguage,
      gotoTestClocks,
      gotoBillingGroups,
      page,
    }) => {
      const tenant = await createTenant();
      const clock = await tenant.api.create<TestClock>('/v1/test-clocks', {
        name: '1월 시계',
        frozenTime: '2026-01-10T00:00:00Z',
      });
      const group = await tenant.api.create<Group>('/v1/billing-groups', {
        name: '데모 고객 (주)',
        testClockId: clock.id,
      });
      await signInAs(tenant.apiKey);
      await chooseLanguage('ko');
      const clocks = await gotoTestClocks();
      const card = clocks.clock('1월 시계');
      await expect(card.time).toHaveText('2026. 1. 10. 오전 12:00 UTC');
      await expect(card.status).toHaveText('준비됨');
      await card.advance('2026-01-12T00:00');
      await expect(card.time).toHaveText('2026. 1. 12. 오전 12:00 UTC', { timeout: 30_000 });
      await expect(card.progress).toHaveAttribute('aria-valuetext', '매일 실행 2회 중 2회 완료');
      await expectNoOneCharacterLines(clocks.main);
      await expectKoreanWordsUnbroken(clocks.main);
      // Nothing wider than the phone: no sideways scrolling.
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);

      await test.step('the group form offers a long-named clock, and the page stays a phone’s width', async () => {
        // A select is as wide as its longest option: a long name with its time once widened the
        // form's column, and the whole page, to 600 px.
        await tenant.api.create<TestClock>('/v1/test-clocks', {
          name: '2026년 상반기 월말 마감과 연체 처리를 검증하는 시뮬레이션 시계',
          frozenTime: '2026-01-10T00:00:00Z',
        });
        const groups = await gotoBillingGroups();
        await expect(groups.testClockSelect.getByRole('option')).toHaveCount(3);
        const groupsWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
        expect(groupsWidth).toBeLessThanOrEqual(390);
      });

      await page.goto(`/billing-groups/${group.id}`);
      const dashboard = new DashboardPage(page);
      await expect(dashboard.simulatedTime).toHaveText('시뮬레이션 시각: 2026. 1. 12. 오전 12:00 UTC');
      await expect(dashboard.testClockLink).toHaveText('테스트 시계: 1월 시계');
      await expectNoOneCharacterLines(dashboard.main);
      await expectKoreanWordsUnbroken(dashboard.main);
      const tables = dashboard.main.locator('table:visible');
      if ((await tables.count()) > 0) await expectNoClippedCells(tables);
    });
  });
});
