import { expect, type Locator } from '@playwright/test';

/**
 * Checks of how text is laid out, measured in the browser: what a reader sees cut off or broken,
 * which a check of the page's own sideways scroll does not see.
 */

/*
 * The measurements run in the page. The tests' TypeScript has no DOM library (the Workers types
 * clash with it), so the few browser APIs they use are described here.
 */
interface Box {
  top: number;
  height: number;
  left: number;
  right: number;
  width: number;
}
interface ProbeNode {
  textContent: string | null;
}
interface ProbeElement extends ProbeNode {
  parentElement: ProbeElement | null;
  scrollWidth: number;
  clientWidth: number;
  matches(selector: string): boolean;
  querySelectorAll(selector: string): Iterable<ProbeElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getBoundingClientRect(): Box;
  getClientRects(): ArrayLike<Box>;
}
interface ProbeRange {
  selectNodeContents(node: ProbeNode): void;
  setStart(node: ProbeNode, offset: number): void;
  setEnd(node: ProbeNode, offset: number): void;
  getClientRects(): Iterable<Box>;
}
interface ProbeWindow {
  document: {
    documentElement: { clientWidth: number };
    createRange(): ProbeRange;
    createTreeWalker(root: ProbeElement, whatToShow: number): { nextNode(): ProbeNode | null };
  };
  getComputedStyle(element: ProbeElement): { overflowX: string };
}
/** `NodeFilter.SHOW_TEXT`, passed in: the measuring functions run in the page, without this module. */
const SHOW_TEXT = 4;

/** The cells of tables a check measures. */
const CELLS = 'td, th';

/** The elements of running text a line check measures. */
const TEXT_BLOCKS = `${CELLS}, p, li, dd, dt, h1, h2, h3`;

const HANGUL_WORD = '\\p{Script=Hangul}+';

/**
 * Every cell of the tables in `scope` shows its whole content: nothing overflows the cell, and no
 * cell lies outside what its scroll containers or the window show. A table may only extend beyond
 * its container inside a designed scroll region (a labelled, focusable `role="region"`).
 */
export async function expectNoClippedCells(scope: Locator) {
  await expect(scope.locator(CELLS).first()).toBeVisible();
  const clipped = await scope.evaluateAll((roots: unknown[], selector: string) => {
    const page = globalThis as unknown as ProbeWindow;
    const isScrollRegion = (element: ProbeElement) =>
      element.getAttribute('role') === 'region' && element.hasAttribute('tabindex');
    const quote = (cell: ProbeElement, why: string) =>
      `${why}: "${(cell.textContent ?? '').trim().slice(0, 40)}"`;
    const problems: string[] = [];
    const cells = (roots as ProbeElement[]).flatMap((root) => [
      ...(root.matches(selector) ? [root] : []),
      ...root.querySelectorAll(selector),
    ]);
    /** Not drawn, or kept for screen readers only (`sr-only`: a box of 1 px). */
    const isHidden = (element: ProbeElement) => {
      if (element.getClientRects().length === 0) return true;
      for (let box: ProbeElement | null = element; box; box = box.parentElement) {
        const { width, height } = box.getBoundingClientRect();
        if (width <= 1 && height <= 1) return true;
      }
      return false;
    };
    for (const cell of cells) {
      if (isHidden(cell)) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(quote(cell, `overflows its cell by ${cell.scrollWidth - cell.clientWidth}px`));
        continue;
      }
      const box = cell.getBoundingClientRect();
      if (box.right > page.document.documentElement.clientWidth + 1 || box.left < -1) {
        problems.push(quote(cell, 'lies outside the window'));
        continue;
      }
      for (let parent = cell.parentElement; parent; parent = parent.parentElement) {
        if (page.getComputedStyle(parent).overflowX === 'visible') continue;
        if (isScrollRegion(parent)) break;
        const clip = parent.getBoundingClientRect();
        if (box.right > clip.right + 1 || box.left < clip.left - 1) {
          problems.push(quote(cell, 'is cut off by its container'));
          break;
        }
      }
    }
    return problems;
  }, CELLS);
  expect(clipped, 'cells whose content is cut off').toEqual([]);
}

/**
 * No text in `scope` wraps a character or two per line ("s/e/r/v/e/r"): an element on more than one
 * line must hold at least three characters a line on average. A line is a band of the text's client
 * rects that overlap vertically: a smaller badge beside a label ("VAT [differs]") sits a few pixels
 * lower than the label, on the same line.
 */
export async function expectNoOneCharacterLines(scope: Locator, selector = TEXT_BLOCKS) {
  await expect(scope.first()).toBeVisible();
  const broken = await scope.evaluateAll(
    (roots: unknown[], { selector, showText }: { selector: string; showText: number }) => {
      const page = globalThis as unknown as ProbeWindow;
      const elements = (roots as ProbeElement[]).flatMap((root) => [
        ...(root.matches(selector) ? [root] : []),
        ...root.querySelectorAll(selector),
      ]);
      const problems: string[] = [];
      for (const element of elements) {
        const rects: Box[] = [];
        let characters = 0;
        const walker = page.document.createTreeWalker(element, showText);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          characters += (node.textContent ?? '').replace(/\s/g, '').length;
          const range = page.document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) rects.push(rect);
        }
        const bands: { top: number; bottom: number }[] = [];
        for (const rect of rects.sort((a, b) => a.top - b.top)) {
          const middle = rect.top + rect.height / 2;
          const band = bands.find(({ top, bottom }) => middle >= top && middle <= bottom);
          if (band) band.bottom = Math.max(band.bottom, rect.top + rect.height);
          else bands.push({ top: rect.top, bottom: rect.top + rect.height });
        }
        const lines = bands.length;
        if (lines > 1 && characters / lines < 3) {
          problems.push(
            `${characters} characters on ${lines} lines: "${(element.textContent ?? '').trim().slice(0, 40)}"`,
          );
        }
      }
      return problems;
    },
    { selector, showText: SHOW_TEXT },
  );
  expect(broken, 'text that wraps a character or two per line').toEqual([]);
}

/**
 * No Korean word in `scope` is split across lines ("사용/금액"): Korean wraps between words, as
 * `word-break: keep-all` makes it.
 */
export async function expectKoreanWordsUnbroken(scope: Locator) {
  await expect(scope.first()).toBeVisible();
  const split = await scope.evaluateAll(
    (roots: unknown[], { pattern, showText }: { pattern: string; showText: number }) => {
      const page = globalThis as unknown as ProbeWindow;
      const problems: string[] = [];
      for (const root of roots as ProbeElement[]) {
        const walker = page.document.createTreeWalker(root, showText);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of (node.textContent ?? '').matchAll(new RegExp(pattern, 'gu'))) {
            const range = page.document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const tops = new Set(
              [...range.getClientRects()]
                .filter((rect) => rect.width > 0)
                .map((rect) => Math.round(rect.top)),
            );
            if (tops.size > 1) problems.push(`"${word[0]}" on ${tops.size} lines`);
          }
        }
      }
      return problems;
    },
    { pattern: HANGUL_WORD, showText: SHOW_TEXT },
  );
  expect(split, 'Korean words broken across lines').toEqual([]);
}

interface ProbeSelect extends ProbeElement {
  selectedOptions: ArrayLike<ProbeNode>;
}
interface ProbeCanvas {
  getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
}
interface ProbeStyle {
  font: string;
  paddingLeft: string;
  paddingRight: string;
}

/**
 * Every select in `scope` shows its chosen option whole: the option's text, measured in the
 * select's font, fits the select's width less its padding (which holds the arrow). A select cannot
 * wrap or scroll, so a long label ("컴퓨팅 c2 (vCPU 8개, 메모리 8GB)") is simply cut.
 */
export async function expectSelectsShowWholeChoice(scope: Locator) {
  const cut = await scope.evaluateAll((roots: unknown[]) => {
    const page = globalThis as unknown as {
      document: { createElement(tag: 'canvas'): ProbeCanvas };
      getComputedStyle(element: ProbeElement): ProbeStyle;
    };
    const context = page.document.createElement('canvas').getContext('2d');
    const selects = (roots as ProbeElement[]).flatMap((root) => [
      ...(root.matches('select') ? [root] : []),
      ...root.querySelectorAll('select'),
    ]) as ProbeSelect[];
    const problems: string[] = [];
    for (const select of selects) {
      if (select.getClientRects().length === 0) continue;
      const chosen = (select.selectedOptions[0]?.textContent ?? '').trim();
      const style = page.getComputedStyle(select);
      context.font = style.font;
      const room =
        select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const needed = context.measureText(chosen).width;
      if (needed > room + 1)
        problems.push(`"${chosen}" needs ${Math.ceil(needed)}px, has ${Math.floor(room)}px`);
    }
    return problems;
  });
  expect(cut, 'selects whose chosen option is cut off').toEqual([]);
}
