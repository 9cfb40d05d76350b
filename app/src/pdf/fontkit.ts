import 'server-only';
import { Readable } from 'node:stream';
import { create } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = ReturnType<PdfLibFontkit['create']>;

/**
 * fontkit for pdf-lib. pdf-lib's own fork, `@pdf-lib/fontkit` (last released 2020), writes broken
 * TrueType subsets (a short `loca` table without padded glyph records: some glyphs of a Korean text
 * come out blank although the text extracts fine); fontkit itself fixed that in 1.8. The one API
 * difference: pdf-lib reads a subset through `encodeStream()`, which fontkit 2 replaced by `encode()`.
 */
export const pdfFontkit: PdfLibFontkit = {
  create(bytes, postscriptName) {
    const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), postscriptName);
    if (!('createSubset' in font)) throw new Error('expected a single font, got a font collection');
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset: () => {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([Buffer.from(subset.encode())]) });
      },
    }) as unknown as PdfLibFont;
  },
};
