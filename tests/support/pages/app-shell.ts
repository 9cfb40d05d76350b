import type { Locator, Page } from '@playwright/test';

/** What every page shares: the header's navigation, language switch and sign-out. */
export class AppShell {
  readonly navigation: Locator;
  readonly signOutButton: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: /^(Main|주 메뉴)$/ });
    this.signOutButton = page.getByRole('button', { name: /^(Sign out|로그아웃)$/ });
    this.main = page.locator('main');
  }

  heading(level = 1): Locator {
    return this.main.getByRole('heading', { level }).first();
  }

  languageButton(language: 'English' | '한국어'): Locator {
    return this.page.getByRole('button', { name: language, exact: true });
  }

  async switchLanguage(language: 'English' | '한국어') {
    await this.languageButton(language).click();
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
