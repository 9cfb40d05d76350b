import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** The buttons of an endpoint (its row in the list, or its own page), named by their verb and the URL. */
class EndpointButtons {
  constructor(
    private readonly scope: Locator,
    private readonly page: Page,
  ) {}

  private button(verb: RegExp, url: string): Locator {
    return this.scope.getByRole('button', { name: new RegExp(`^${verb.source} ${escapeRegExp(url)}$`) });
  }

  enableButton(url: string): Locator {
    return this.button(/(Enable|사용)/, url);
  }

  disableButton(url: string): Locator {
    return this.button(/(Disable|사용 중지)/, url);
  }

  rotateButton(url: string): Locator {
    return this.button(/(Rotate secret|비밀 키 교체)/, url);
  }

  deleteButton(url: string): Locator {
    return this.button(/(Delete|삭제)/, url);
  }

  /** The open confirmation; closed dialogs are hidden. */
  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens the rotate confirmation; `confirm` rotates, and the dialog then shows the new secret. */
  async rotate(url: string, { confirm = true }: { confirm?: boolean } = {}) {
    await this.rotateButton(url).click();
    if (confirm) await this.dialog.getByRole('button', { name: /^(Rotate secret|비밀 키 교체)$/ }).click();
  }

  /** Opens the delete confirmation; `confirm` deletes. */
  async delete(url: string, { confirm = true }: { confirm?: boolean } = {}) {
    await this.deleteButton(url).click();
    if (confirm)
      await this.dialog.getByRole('button', { name: /^(Delete endpoint|엔드포인트 삭제)$/ }).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The tenant's webhook endpoints (`/webhooks`): add one, list them, switch, rotate, delete. */
export class WebhooksPage extends AppShell {
  readonly createForm: Locator;
  readonly urlInput: Locator;
  readonly allEvents: Locator;
  readonly eventTypes: Locator;
  readonly descriptionInput: Locator;
  readonly createButton: Locator;
  /** The new endpoint's signing secret, shown this once after adding it. */
  readonly createdSecret: Locator;
  readonly createdSecretInput: Locator;
  readonly copyButton: Locator;
  readonly list: Locator;
  readonly buttons: EndpointButtons;

  constructor(page: Page) {
    super(page);
    this.createForm = page.getByRole('form', { name: /^(Add an endpoint|엔드포인트 추가)$/ });
    this.urlInput = this.createForm.getByLabel(/^(URL)$/);
    this.eventTypes = this.createForm.getByRole('group', {
      name: /^(Event types to send|보낼 이벤트 유형)$/,
    });
    this.allEvents = this.eventTypes.getByRole('checkbox', { name: /^(All events|모든 이벤트)/ });
    this.descriptionInput = this.createForm.getByLabel(/^(Description|설명)/);
    this.createButton = this.createForm.getByRole('button', {
      name: /^(Add endpoint|엔드포인트 추가|Adding…)$/,
    });
    this.createdSecret = page.getByRole('region', {
      name: /^(Endpoint added: copy its signing secret now|엔드포인트를 추가했습니다\. 지금 서명 비밀 키를 복사하세요)$/,
    });
    this.createdSecretInput = this.createdSecret.getByLabel(/^(Signing secret|서명 비밀 키)$/);
    this.copyButton = this.createdSecret.getByRole('button', { name: /^(Copy secret|비밀 키 복사)$/ });
    this.list = page.getByRole('table', { name: /^(Endpoints|엔드포인트 목록)$/ });
    this.buttons = new EndpointButtons(this.list, page);
  }

  /** The event type's checkbox, by its words ("Payment failed"). */
  eventType(words: string): Locator {
    return this.eventTypes.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(words)} [a-z_.]+$`) });
  }

  row(url: string): Locator {
    return this.list.getByRole('row').filter({ hasText: url });
  }

  /** Fills and sends the form; `events` by their words, or 'all'. */
  async addEndpoint({
    url,
    events,
    description,
  }: {
    url: string;
    events: string[] | 'all';
    description?: string;
  }) {
    await this.urlInput.fill(url);
    if (events === 'all') await this.allEvents.check();
    else for (const words of events) await this.eventType(words).check();
    if (description !== undefined) await this.descriptionInput.fill(description);
    await this.createButton.click();
  }

  async openDeliveries(url: string) {
    await this.list.getByRole('link', { name: new RegExp(`${escapeRegExp(url)}`) }).click();
  }
}

/** One endpoint (`/webhooks/{id}`): what it receives, its actions, its recent deliveries. */
export class WebhookEndpointPage extends AppShell {
  readonly details: Locator;
  readonly deliveries: Locator;
  readonly reloadLink: Locator;
  readonly buttons: EndpointButtons;

  constructor(page: Page) {
    super(page);
    this.details = page.getByRole('region', { name: /^(Endpoint|엔드포인트)$/ });
    this.deliveries = page.getByRole('list', { name: /^(Recent deliveries|최근 전달)$/ });
    this.reloadLink = page.getByRole('link', { name: /^(Reload|새로 고침)$/ });
    this.buttons = new EndpointButtons(this.details, page);
  }

  /** The deliveries of an event type, by its words ("Statement closed"). */
  delivery(eventWords: string): Locator {
    return this.deliveries.getByRole('listitem').filter({
      has: this.page.getByRole('heading', { name: eventWords, exact: true }),
    });
  }

  /** Opens a delivery's attempts and answers their table. */
  async showAttempts(delivery: Locator): Promise<Locator> {
    await delivery.getByText(/^(Show the|시도 \d+건 보기)/).click();
    return delivery.getByRole('table', { name: /^(Attempts|시도 기록)$/ });
  }

  redeliverButton(delivery: Locator): Locator {
    return delivery.getByRole('button', { name: /^(Redeliver|다시 보내기) / });
  }
}
