import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** The tenant's API keys (`/settings/api-keys`): create one, list them, revoke one. */
export class ApiKeysPage extends AppShell {
  readonly createForm: Locator;
  readonly nameInput: Locator;
  readonly rateLimitInput: Locator;
  readonly createButton: Locator;
  /** The new key, shown this once after creating it. */
  readonly createdKey: Locator;
  readonly createdKeyInput: Locator;
  readonly copyButton: Locator;
  readonly list: Locator;
  /** The open revoke confirmation; closed dialogs are hidden. */
  readonly dialog: Locator;

  constructor(page: Page) {
    super(page);
    this.createForm = page.getByRole('form', { name: /^(Create a key|키 만들기)$/ });
    this.nameInput = this.createForm.getByLabel(/^(Name|이름)$/);
    this.rateLimitInput = this.createForm.getByLabel(/^(Rate limit|요청 한도)/);
    this.createButton = this.createForm.getByRole('button', { name: /^(Create key|키 만들기|Creating…)$/ });
    this.createdKey = page.getByRole('region', { name: /^(Key “.*” created|키 “.*”를 만들었습니다)$/ });
    this.createdKeyInput = this.createdKey.getByLabel(/^(New API key|새 API 키)$/);
    this.copyButton = this.createdKey.getByRole('button', { name: /^(Copy key|키 복사)$/ });
    this.list = page.getByRole('table', { name: /^(Keys|키 목록)$/ });
    this.dialog = page.getByRole('dialog');
  }

  row(name: string): Locator {
    return this.list.getByRole('row').filter({ hasText: name });
  }

  async createKey({ name, rateLimit }: { name: string; rateLimit?: string }) {
    await this.nameInput.fill(name);
    if (rateLimit !== undefined) await this.rateLimitInput.fill(rateLimit);
    await this.createButton.click();
  }

  /** Opens the revoke confirmation of the key `name`; `confirm` revokes. */
  async revoke(name: string, { confirm = true }: { confirm?: boolean } = {}) {
    await this.row(name)
      .getByRole('button', { name: `Revoke ${name}`, exact: true })
      .click();
    if (confirm) await this.dialog.getByRole('button', { name: /^(Revoke key|키 폐기)$/ }).click();
  }
}
