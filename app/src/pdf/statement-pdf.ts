import 'server-only';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { BillingGroup, Statement } from '@/api/types';
import { formatMoney } from '@/lib/money';
import { toStatementView } from '@/mappers/statement-view';

const MARGIN = 48;
const LINE = 16;
const PAGE_SIZE: [number, number] = [595.28, 841.89]; // A4 in points
const TEXT_COLOR = rgb(0.06, 0.09, 0.16);

/**
 * The statement as a PDF with its figures as real text (searchable, copyable). Written in English
 * with the standard Helvetica font, which covers Latin text only: names in other scripts are
 * replaced, while ids and every amount stay exact.
 */
export async function renderStatementPdf(
  statement: Statement,
  group: BillingGroup | null,
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(`Statement ${statement.month} ${statement.statementId ?? ''}`.trim());
  document.setProducer('Billing');
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const writer = new PdfWriter(document, regular, bold);
  const view = toStatementView(statement.result);
  const money = (amount: string) => formatMoney(amount, statement.currency, 'en', { display: 'code' });

  writer.heading(`Statement ${statement.month}`);
  writer.pair('Billing group', group ? `${latin(group.name)} (${group.id})` : statement.billingGroupId);
  writer.pair('Statement', statement.statementId ?? 'draft');
  writer.pair('State', statement.state);
  if (statement.closedAt) writer.pair('Closed', statement.closedAt);
  if (statement.dueAt) writer.pair('Due', statement.dueAt);
  writer.gap();

  writer.subheading('Line items');
  for (const line of view.lines) {
    writer.pair(
      `${latin(line.projectId)}  ${line.counterName}  ${line.quantity} ${line.unit} x ${money(line.unitPrice)}`,
      money(line.amount),
    );
  }
  writer.pair('Usage subtotal', money(view.subtotal), true);
  for (const line of view.contractLines)
    writer.pair(
      line.kind === 'CONTRACT_DISCOUNT' ? 'Contract discount' : 'Minimum commitment',
      money(line.amount),
    );
  for (const adjustment of view.adjustments) {
    const target = adjustment.targetProjectId ? latin(adjustment.targetProjectId) : 'billing group';
    const value = adjustment.method === 'RATE' ? `${adjustment.value}%` : money(adjustment.value);
    writer.pair(
      `${adjustment.type === 'DISCOUNT' ? 'Discount' : 'Surcharge'} ${value} on ${target}`,
      money(adjustment.amount),
    );
  }
  writer.gap();

  if (view.credits.length > 0) {
    writer.subheading('Credits burned');
    for (const credit of view.credits) {
      writer.pair(
        `#${credit.order} ${latin(credit.grantId)} (${credit.type}, priority ${credit.priority})`,
        money(credit.amountApplied),
      );
    }
    writer.gap();
  }

  writer.subheading('Totals');
  writer.pair('Charge before credits', money(view.chargeBeforeCredits));
  writer.pair('Credits', money(view.creditTotal));
  writer.pair('Charge', money(view.charge));
  writer.pair(`VAT (${view.vatRate}%)`, money(view.vat));
  writer.pair(`Unpaid${view.isOverdue ? ' (overdue)' : ''}`, money(view.unpaid));
  writer.pair(`Late fee (${view.lateFeeRate}%)`, money(view.lateFee));
  writer.pair('Total', money(statement.total), true);
  writer.pair('Paid', money(statement.paid));
  writer.pair('Outstanding', money(statement.outstanding), true);
  writer.gap();

  writer.subheading('Why this amount');
  for (const step of view.trace)
    writer.text(`${step.step}. ${latin(step.description)}: ${latin(step.result)}`);

  return document.save();
}

/** Helvetica encodes WinAnsi only; anything else would make pdf-lib throw. */
function latin(text: string): string {
  return text
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');
}

class PdfWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly document: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = document.addPage(PAGE_SIZE);
    this.y = PAGE_SIZE[1] - MARGIN;
  }

  heading(text: string) {
    this.draw(text, MARGIN, 18, this.bold);
    this.y -= 10;
  }

  subheading(text: string) {
    this.draw(text, MARGIN, 12, this.bold);
  }

  text(text: string) {
    for (const line of this.wrap(latin(text), PAGE_SIZE[0] - 2 * MARGIN, 9))
      this.draw(line, MARGIN, 9, this.regular);
  }

  /** A label on the left, a value right-aligned on the label's last line. */
  pair(label: string, value: string, strong = false) {
    const font = strong ? this.bold : this.regular;
    const size = 10;
    const valueText = latin(value).replace(/\u00A0/g, ' ');
    const valueWidth = font.widthOfTextAtSize(valueText, size);
    const labelLines = this.wrap(latin(label), PAGE_SIZE[0] - 2 * MARGIN - valueWidth - 16, size);
    labelLines.forEach((line, index) => {
      this.ensureRoom();
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: TEXT_COLOR });
      if (index === labelLines.length - 1) {
        this.page.drawText(valueText, {
          x: PAGE_SIZE[0] - MARGIN - valueWidth,
          y: this.y,
          size,
          font,
          color: TEXT_COLOR,
        });
      }
      this.y -= LINE;
    });
  }

  gap() {
    this.y -= LINE / 2;
  }

  private draw(text: string, x: number, size: number, font: PDFFont) {
    this.ensureRoom();
    this.page.drawText(text, { x, y: this.y, size, font, color: TEXT_COLOR });
    this.y -= Math.max(LINE, size + 6);
  }

  private ensureRoom() {
    if (this.y > MARGIN) return;
    this.page = this.document.addPage(PAGE_SIZE);
    this.y = PAGE_SIZE[1] - MARGIN;
  }

  private wrap(text: string, width: number, size: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && this.regular.widthOfTextAtSize(candidate, size) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
    return lines;
  }
}
