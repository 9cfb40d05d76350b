import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { expectAccessible } from './accessibility';
import {
  expectNoClippedCells,
  expectNoOneCharacterLines,
  expectSelectsShowWholeChoice,
} from './layout-checks';
import { expect } from './matchers';

/**
 * Visual regression: the screens a baseline is taken at, and one check that a page is ready and
 * laid out well before it is compared with its baseline. The comparison's defaults (no animations,
 * no caret, the pixel tolerance) and where baselines live are in playwright.config.ts.
 */

export const SCREENS = {
  desktop: { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
export type ScreenName = keyof typeof SCREENS;

export const LOCALES = ['en', 'ko'] as const;
export type ScreenLocale = (typeof LOCALES)[number];

/**
 * What changes from run to run wherever it appears, and the fixed text that stands in for it before
 * a screenshot. Masking alone is not enough: "Dec 7" and "Dec 17", or two ids of random hex digits,
 * differ in width, which moves the mask's edge and the columns of a table around them.
 */
const RUN_VALUES: { pattern: RegExp; standIn: string }[] = [
  // A date and time (`formatDate`: medium date, short time, UTC): when something was created, paid,
  // saved or closed. "Dec 7, 2026, 12:03 AM" / "2026. 12. 7. 오전 12:03".
  { pattern: /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M/g, standIn: 'Jan 1, 2000, 12:00\u202fAM' },
  { pattern: /\d{4}\. \d{1,2}\. \d{1,2}\. (오전|오후) \d{1,2}:\d{2}/g, standIn: '2000. 1. 1. 오전 12:00' },
  // A day (`formatDay`: long date): a due date counted from today. "December 21, 2026" / "2026년 12월 21일".
  {
    pattern:
      /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/g,
    standIn: 'January 1, 2000',
  },
  { pattern: /\d{4}년 \d{1,2}월 \d{1,2}일/g, standIn: '2000년 1월 1일' },
  // An id the API made: a prefix and 32 random hex digits (`bg_…`, `cg_…`, `st_…`, `job_…`).
  { pattern: /\b([a-z]+)_[0-9a-f]{32}\b/g, standIn: '$1_00000000000000000000000000000000' },
  // A statement's or credit note's number: the tenant's count so far, which depends on the tests before.
  { pattern: /\b(ST|CN)-\d{4}-\d{6}\b/g, standIn: '$1-2000-000000' },
  // An API key, or its first ten characters that name it in lists: `bk_` and random base64url.
  { pattern: /\bbk_[A-Za-z0-9_-]{7,}/g, standIn: 'bk_0000000' },
  // A webhook receiver in the test's worker, on a port of the system's choosing.
  { pattern: /\bhttp:\/\/127\.0\.0\.1:\d+\//g, standIn: 'http://127.0.0.1:40000/' },
];

/** Text of the stand-ins, masked in both images. */
const STAND_IN =
  /Jan 1, 2000|2000\. 1\. 1\.|January 1, 2000|2000년 1월 1일|[a-z]+_0{32}|bk_0{7}|(ST|CN)-2000-0{6}/;

/** `document.fonts.ready`, as a value the page can hand back (the tests have no DOM types). */
const FONTS_LOADED = 'document.fonts.ready.then((fonts) => fonts.status)';

const LOADING = /^(Loading…|불러오는 중…)$/;

export interface ScreenOptions {
  /** Values that change from run to run (ids, today's dates): covered by a box in both images. */
  mask?: Locator[];
  /** Where the layout checks look; `main` unless a dialog is the screen. */
  scope?: Locator;
  /** The whole page (the default), or only the window: a modal dialog's backdrop covers only that. */
  fullPage?: boolean;
}

/**
 * Checks what a person sees of a screen, then compares it with its baseline `name`: once its
 * webfonts are loaded and no loading state is left, no table cell may be cut off, no text may wrap a
 * character or two per line, no select may cut its chosen option, and axe may find nothing serious or critical (a baseline taken of a
 * broken layout would only freeze the defect). Then the run's dates and ids are replaced by fixed
 * stand-ins (after the checks, which measure the real text) and masked; `mask` adds what only the
 * test knows changes (a form field's value). On a Chromium build other than the baselines', and on
 * Firefox or WebKit (e2e-firefox, e2e-webkit), the checks still run and only the pixel comparison is
 * left out, with the reason as an annotation.
 */
export async function expectScreen(
  page: Page,
  name: string,
  { mask = [], scope, fullPage = true }: ScreenOptions = {},
) {
  await expect(page.getByRole('status').filter({ hasText: LOADING })).toHaveCount(0);
  await expect.poll(() => page.evaluate<string>(FONTS_LOADED)).toBe('loaded');
  const area = scope ?? page.getByRole('main');
  const tables = area.locator('table:visible');
  if ((await tables.count()) > 0) await expectNoClippedCells(tables);
  await expectNoOneCharacterLines(area);
  await expectSelectsShowWholeChoice(area);
  const testInfo = test.info();
  await expectAccessible(page, testInfo);
  const otherBuild = baselineBrowserMismatch(page, testInfo);
  if (otherBuild) {
    testInfo.annotations.push({ type: 'screenshot not compared', description: otherBuild });
    return;
  }
  await page.evaluate(
    replaceRunValues,
    RUN_VALUES.map(({ pattern, standIn }) => ({ source: pattern.source, standIn })),
  );
  await expect(page).toHaveScreenshot(`${name}.png`, {
    fullPage,
    // Only what is drawn: a box is still found for text inside a closed <details>.
    mask: [page.getByText(STAND_IN).filter({ visible: true }), ...mask],
  });
}

/** Runs in the page (no DOM types in the tests): puts the stand-ins in place of the run's values. */
function replaceRunValues(values: { source: string; standIn: string }[]) {
  interface TextNode {
    textContent: string | null;
  }
  const { document } = globalThis as unknown as {
    document: {
      body: unknown;
      createTreeWalker(root: unknown, whatToShow: number): { nextNode(): TextNode | null };
    };
  };
  const SHOW_TEXT = 4;
  const walker = document.createTreeWalker(document.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let text = node.textContent ?? '';
    for (const { source, standIn } of values) text = text.replace(new RegExp(source, 'g'), standIn);
    if (text !== node.textContent) node.textContent = text;
  }
}

/** Where the Chromium build that drew a project's baselines is written down, beside them. */
function browserRecordOf(testInfo: TestInfo): string {
  return join(testInfo.project.testDir, '__screenshots__', 'chromium-version.txt');
}

/**
 * Baselines hold pixels, and another Chromium build draws text a pixel apart. So the build that drew
 * them is recorded beside them when they are taken (`--update-snapshots`), and a run on another build
 * leaves the comparison out, saying which build drew them and how to retake them, rather than failing
 * every screenshot (GitHub's runners install Playwright's own Chromium; these machines use Debian's).
 * The baselines are Chromium's alone: Firefox and WebKit never compare with them, and never take or
 * record any, even under `--update-snapshots`.
 */
export function baselineBrowserMismatch(page: Page, testInfo: TestInfo): string | null {
  const browser = page.context().browser();
  const current = browser?.version() ?? 'unknown';
  const browserName = browser?.browserType().name() ?? 'chromium';
  if (browserName !== 'chromium') {
    return `the baselines are Chromium's and this run's browser is ${browserName} ${current}: pixels are compared on Chromium only`;
  }
  const record = browserRecordOf(testInfo);
  if (testInfo.config.updateSnapshots === 'all' || testInfo.config.updateSnapshots === 'changed') {
    writeFileSync(record, `${current}\n`);
    return null;
  }
  const recorded = existsSync(record) ? readFileSync(record, 'utf8').trim() : null;
  return recorded !== null && recorded !== current
    ? `the baselines were drawn by Chromium ${recorded} and this run's is ${current}: ` +
        'retake them with `npx playwright test --project=e2e --project=e2e-mocked --grep @visual --update-snapshots`'
    : null;
}
