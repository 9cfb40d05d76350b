import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { DateTimeSelect } from './month-select';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One clock on the list: its time, status, the progress of its advance, its advance form and delete. */
export class TestClockCard {
  readonly time: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly advanceForm: Locator;
  readonly advanceTo: DateTimeSelect;
  readonly advanceButton: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly card: Locator,
    name: string,
  ) {
    this.time = card.locator('[data-clock-time]');
    // The status badge: the word after the screen reader's "Status:".
    this.status = card.locator('span[data-status]');
    this.progress = card.getByRole('progressbar');
    this.advanceForm = card.getByRole('form', {
      name: new RegExp(`^(Advance ${escapeRegExp(name)}|${escapeRegExp(name)} 돌리기)$`),
    });
    this.advanceTo = new DateTimeSelect(
      this.advanceForm.getByRole('group', { name: /^(Advance to \(UTC\)|돌릴 시각 \(UTC\))$/ }),
    );
    this.advanceButton = this.advanceForm.getByRole('button', {
      name: new RegExp(`^(Advance clock|시계 돌리기|Starting…|시작하는 중…) ${escapeRegExp(name)}$`),
    });
    this.deleteButton = card.getByRole('button', {
      name: new RegExp(`^(Delete|삭제) ${escapeRegExp(name)}$`),
    });
  }

  /** Chooses where to (`YYYY-MM-DDTHH:MM`, UTC) and starts the advance. */
  async advance(to: string) {
    await this.advanceTo.chooseInstant(to);
    await this.advanceButton.click();
  }
}

/** The tenant's test clocks (`/test-clocks`): create one, and per clock advance it and delete it. */
export class TestClocksPage extends AppShell {
  readonly createForm: Locator;
  readonly nameInput: Locator;
  readonly startTime: DateTimeSelect;
  readonly createButton: Locator;
  /** "Test clock “…” created.", once one is. */
  readonly createdStatus: Locator;
  readonly list: Locator;
  readonly emptyState: Locator;
  /** The open confirmation; closed dialogs are hidden. */
  readonly dialog: Locator;

  constructor(page: Page) {
    super(page);
    this.createForm = page.getByRole('form', { name: /^(Create a test clock|테스트 시계 만들기)$/ });
    this.nameInput = this.createForm.getByLabel(/^(Name \(optional\)|이름 \(선택\))$/);
    this.startTime = new DateTimeSelect(
      this.createForm.getByRole('group', { name: /^(Start time \(UTC\)|시작 시각 \(UTC\))$/ }),
    );
    this.createButton = this.createForm.getByRole('button', {
      name: /^(Create clock|시계 만들기|Creating…|만드는 중…)$/,
    });
    this.createdStatus = this.createForm.getByRole('status');
    this.list = page.getByRole('list', { name: /^(Clocks|시계 목록)$/ });
    this.emptyState = this.main.getByText(/^(No test clocks yet\.|아직 테스트 시계가 없습니다\.)$/);
    this.dialog = page.getByRole('dialog');
  }

  clock(name: string): TestClockCard {
    return new TestClockCard(this.list.getByRole('article', { name, exact: true }), name);
  }

  /** Fills and sends the create form; `frozenTime` as `YYYY-MM-DDTHH:MM` (UTC), or none. */
  async create({ name, frozenTime }: { name?: string; frozenTime?: string }) {
    if (name !== undefined) await this.nameInput.fill(name);
    if (frozenTime !== undefined) await this.startTime.chooseInstant(frozenTime);
    await this.createButton.click();
  }

  /** Opens the delete confirmation of a clock; `confirm` deletes. */
  async delete(name: string, { confirm = true }: { confirm?: boolean } = {}) {
    await this.clock(name).deleteButton.click();
    if (confirm) await this.dialog.getByRole('button', { name: /^(Delete clock|시계 삭제)$/ }).click();
  }
}
