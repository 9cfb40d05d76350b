import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

export const PAGE_SIZE: [number, number] = [595.28, 841.89]; // A4 in points
export const MARGIN = 48;
export const CONTENT_RIGHT = PAGE_SIZE[0] - MARGIN;
export const CONTENT_WIDTH = CONTENT_RIGHT - MARGIN;
/** Room kept free at the bottom of every page for its footer. */
const FOOTER_ROOM = 36;

const INK = rgb(0.07, 0.09, 0.15);
const MUTED = rgb(0.36, 0.4, 0.47);
const HAIRLINE = rgb(0.82, 0.84, 0.87);
const SHADE = rgb(0.95, 0.96, 0.97);

export interface StatementFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  muted?: boolean;
}

/** A piece of text placed in a column: from `x`, `width` wide, wrapped to fit. */
export interface Cell extends TextStyle {
  text: string;
  x: number;
  width: number;
  align?: 'left' | 'right';
}

const lineHeight = (size: number) => size * 1.45;

/**
 * A top-to-bottom flow of text on A4 pages: rows of wrapped cells, rules and shaded bands, with a
 * new page whenever the next row would not fit. `y` is the top of the next line.
 */
export class PdfLayout {
  private readonly pages: PDFPage[] = [];
  private page: PDFPage;
  private y = PAGE_SIZE[1] - MARGIN;

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: StatementFonts,
  ) {
    this.page = this.addPage();
  }

  /** Vertical space, in points. */
  space(points: number) {
    this.y -= points;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keepTogether(height: number) {
    if (this.y - height < MARGIN + FOOTER_ROOM) {
      this.page = this.addPage();
      this.y = PAGE_SIZE[1] - MARGIN;
    }
  }

  /** A paragraph across the content width (or the given column), wrapped. */
  paragraph(text: string, style: TextStyle = {}, x = MARGIN, width = CONTENT_RIGHT - x) {
    this.row([{ text, x, width, ...style }]);
  }

  /**
   * Cells side by side, each wrapped in its column; the row is as tall as its tallest cell and
   * moves to a new page whole. `shade` puts a grey band behind it (table headers).
   */
  row(cells: readonly Cell[], { shade = false, padding = 0 } = {}) {
    const wrapped = cells.map((cell) => ({ cell, lines: this.wrap(cell) }));
    const height =
      Math.max(...wrapped.map(({ cell, lines }) => lines.length * lineHeight(cell.size ?? 9.5))) +
      2 * padding;
    this.keepTogether(height);
    if (shade) {
      this.page.drawRectangle({
        x: MARGIN,
        y: this.y - height,
        width: CONTENT_WIDTH,
        height,
        color: SHADE,
      });
    }
    for (const { cell, lines } of wrapped) this.drawLines(cell, lines, this.y - padding);
    this.y -= height;
  }

  /**
   * Columns that start at the same height and may differ in length (the header's blocks): each is
   * a stack of rows of cells drawn side by side; the flow continues below the longest column.
   */
  columns(stacks: readonly (readonly (readonly Cell[])[])[]) {
    const top = this.y;
    let lowest = top;
    for (const stack of stacks) {
      let y = top;
      for (const row of stack) {
        const wrapped = row.map((cell) => ({ cell, lines: this.wrap(cell) }));
        for (const { cell, lines } of wrapped) this.drawLines(cell, lines, y);
        y -= Math.max(...wrapped.map(({ cell, lines }) => lines.length * lineHeight(cell.size ?? 9.5)));
      }
      lowest = Math.min(lowest, y);
    }
    this.y = lowest;
  }

  /** A horizontal line across the content width, or from `x` to the right margin. */
  rule({ x = MARGIN, thickness = 0.6, strong = false } = {}) {
    this.keepTogether(4);
    this.page.drawLine({
      start: { x, y: this.y },
      end: { x: CONTENT_RIGHT, y: this.y },
      thickness,
      color: strong ? INK : HAIRLINE,
    });
  }

  /** Writes `footer(page, pages)` at the bottom of every page, once the page count is known. */
  footers(footer: (page: number, pages: number) => string) {
    this.pages.forEach((page, index) => {
      const text = footer(index + 1, this.pages.length);
      const size = 7.5;
      page.drawLine({
        start: { x: MARGIN, y: MARGIN + 12 },
        end: { x: CONTENT_RIGHT, y: MARGIN + 12 },
        thickness: 0.4,
        color: HAIRLINE,
      });
      page.drawText(text, {
        x: CONTENT_RIGHT - this.fonts.regular.widthOfTextAtSize(text, size),
        y: MARGIN,
        size,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
  }

  private addPage(): PDFPage {
    const page = this.document.addPage(PAGE_SIZE);
    this.pages.push(page);
    return page;
  }

  private drawLines(cell: Cell, lines: readonly string[], top: number) {
    const size = cell.size ?? 9.5;
    const font = cell.bold ? this.fonts.bold : this.fonts.regular;
    lines.forEach((line, index) => {
      const width = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, {
        x: cell.align === 'right' ? cell.x + cell.width - width : cell.x,
        // The baseline: a line box of 1.45 × size, with the glyphs' ascent above the baseline.
        y: top - index * lineHeight(size) - size * 1.1,
        size,
        font,
        color: cell.muted ? MUTED : INK,
      });
    });
  }

  /**
   * Word wrap; a word wider than the column (an id, a long name) breaks after its hyphens and the
   * like, else between characters.
   */
  private wrap(cell: Cell): string[] {
    const size = cell.size ?? 9.5;
    const font = cell.bold ? this.fonts.bold : this.fonts.regular;
    const fits = (text: string) => font.widthOfTextAtSize(text, size) <= cell.width;
    const lines: string[] = [];
    // A no-break space (Intl puts one in "KRW 39,700") holds its words together, and prints as a space.
    for (const paragraph of cell.text.split('\n')) {
      let current = '';
      for (const word of paragraph.split(' ')) {
        const candidate = current ? `${current} ${word}` : word;
        if (fits(candidate)) {
          current = candidate;
          continue;
        }
        if (current) lines.push(current);
        current = '';
        // Too wide for a line of its own: break after a hyphen, underscore, slash or dot
        // ("web-frontend-/production"), and between characters only inside a part still too wide.
        for (const part of word.split(/(?<=[-_/.])/)) {
          if (fits(current + part)) {
            current += part;
            continue;
          }
          if (current && fits(part)) {
            lines.push(current);
            current = part;
            continue;
          }
          for (const character of part) {
            if (current && !fits(current + character)) {
              lines.push(current);
              current = '';
            }
            current += character;
          }
        }
      }
      lines.push(current);
    }
    return lines.map((line) => line.replace(/[\u00A0\u202F]/g, ' '));
  }
}
