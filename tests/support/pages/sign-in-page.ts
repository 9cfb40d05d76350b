import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

export class SignInPage extends AppShell {
  readonly apiKey: Locator;
  readonly submitButton: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    super(page);
    this.apiKey = page.getByLabel(/^(API key|API 키)$/);
    this.submitButton = page.getByRole('button', { name: /^(Sign in|로그인)$/ });
    this.error = page.locator('#sign-in-error');
  }

  async signIn(apiKey: string) {
    await this.apiKey.fill(apiKey);
    await this.submitButton.click();
  }
}
