import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/**
 * A page of a PDF drawn in the browser with pdf.js, the renderer Firefox uses: the machines have no
 * pdftoppm, and Chromium's headless shell has no PDF viewer. pdf.js is the build `unpdf` ships (one
 * module, its worker inside), served to the tab from a made-up origin, so nothing is fetched.
 */

const ORIGIN = 'http://pdf.test';

const VIEWER = `<!doctype html>
<html><body style="margin:0;padding:16px;background:#e2e8f0;display:inline-block">
<canvas style="display:block;box-shadow:0 1px 4px rgba(0,0,0,.3)"></canvas>
</body></html>`;

/** Draws `pageNumber` of `pdf` at `scale` (1 = 72 dpi) as the tab's only content; returns its text. */
export async function showPdfPage(
  page: Page,
  pdf: Buffer,
  { pageNumber = 1, scale = 1.5 }: { pageNumber?: number; scale?: number } = {},
): Promise<string> {
  const pdfjs = await readFile(pdfjsModulePath());
  await page.route(`${ORIGIN}/**`, (route) =>
    route.request().url().endsWith('/pdf.mjs')
      ? route.fulfill({ body: pdfjs, contentType: 'text/javascript' })
      : route.fulfill({ body: VIEWER, contentType: 'text/html' }),
  );
  await page.goto(`${ORIGIN}/`);
  // A string, not a function: the test transform would turn the page's dynamic import into require().
  return page.evaluate<string>(`(async () => {
    const { getDocument } = await import('${ORIGIN}/pdf.mjs');
    const data = Uint8Array.from(atob('${pdf.toString('base64')}'), (c) => c.charCodeAt(0));
    const document = await getDocument({ data }).promise;
    const pdfPage = await document.getPage(${pageNumber});
    const viewport = pdfPage.getViewport({ scale: ${scale} });
    const canvas = window.document.querySelector('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await pdfPage.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    const text = await pdfPage.getTextContent();
    return text.items.map((item) => item.str).join(' ');
  })()`);
}

/** unpdf's pdf.js module: its `./pdfjs` export. */
function pdfjsModulePath(): string {
  return fileURLToPath(import.meta.resolve('unpdf/pdfjs'));
}
