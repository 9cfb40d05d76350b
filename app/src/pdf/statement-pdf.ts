import 'server-only';
import { PDFDocument } from 'pdf-lib';
import type { BillingGroup, CreditGrant, CreditNote, Statement } from '@/api/types';
import { type Locale, numberLocale } from '@/i18n/locales';
import { type Messages, messages } from '@/i18n/messages';
import { explainInWords } from '@/lib/explain-in-words';
import { formatMoney } from '@/lib/money';
import { formatDay, formatMonth, periodDays } from '@/lib/months';
import { counterLabel, formatQuantity, formatUnitPrice } from '@/lib/usage-labels';
import { type StatementView, toStatementView } from '@/mappers/statement-view';
import { pdfFontkit } from './fontkit';
import { statementFontFiles } from './fonts';
import { CONTENT_RIGHT, CONTENT_WIDTH, MARGIN, PdfLayout } from './pdf-layout';

/** Everything a statement PDF prints; the route loads it with the session's key. */
export interface StatementPdfInput {
  statement: Statement;
  /** The customer; null when it could not be read (the statement still prints, with its id). */
  group: BillingGroup | null;
  /** Who issues the statement: the tenant. */
  issuerName: string;
  /** The billing group's credit grants by id: a grant is called by its name, else by its type. */
  creditGrants: ReadonlyMap<string, Pick<CreditGrant, 'name' | 'type'>>;
  /** Projects' names by id (a project without one is shown by its id). */
  projectNames: ReadonlyMap<string, string>;
  /** Its credit notes, oldest first: each printed with its number, and what they took off. */
  creditNotes: CreditNote[];
  /** The language of the page it was downloaded from. */
  locale: Locale;
}

interface Printer {
  layout: PdfLayout;
  t: Messages;
  locale: Locale;
  money: (amount: string) => string;
  projectName: (projectId: string) => string;
  creditName: (grantId: string) => string;
}

/**
 * The statement as an invoice-grade PDF in the reader's language: issuer and customer, number,
 * period and dates, line items by product name, credits by name, totals with VAT, payment status,
 * and the calculation told in sentences. Its text is real text (searchable, copyable) in an embedded
 * Korean-capable font, subset to the glyphs it uses.
 */
export async function renderStatementPdf(input: StatementPdfInput): Promise<Uint8Array> {
  const { statement, locale } = input;
  const t = messages[locale];
  const document = await PDFDocument.create();
  document.registerFontkit(pdfFontkit);
  const files = await statementFontFiles();
  const fonts = {
    regular: await document.embedFont(files.regular, { subset: true }),
    bold: await document.embedFont(files.bold, { subset: true }),
  };
  const month = formatMonth(statement.month, locale);
  document.setTitle(`${t.pdf.title} ${month}${statement.number ? ` ${statement.number}` : ''}`);
  document.setAuthor(input.issuerName);
  document.setLanguage(numberLocale(locale));
  document.setProducer(t.common.appName);
  document.setCreator(t.common.appName);

  const view = toStatementView(statement.result);
  const printer: Printer = {
    layout: new PdfLayout(document, fonts),
    t,
    locale,
    money: (amount) => formatMoney(amount, statement.currency, locale, { display: 'code' }),
    projectName: (projectId) => input.projectNames.get(projectId) ?? projectId,
    creditName: (grantId) => {
      const grant = input.creditGrants.get(grantId);
      if (grant?.name) return grant.name;
      const type = grant?.type ?? view.credits.find((credit) => credit.grantId === grantId)?.type;
      return type ? t.pdf.unnamedCredit(t.enums.creditType[type as CreditGrant['type']]) : t.pdf.credit;
    },
  };

  printHeader(printer, input, month);
  printLineItems(printer, view);
  printCredits(printer, view);
  printSummary(printer, view, statement);
  printCreditNotes(printer, input.creditNotes);
  printPayment(printer, statement);
  printExplanation(printer, statement);
  printer.layout.footers((page, pages) =>
    t.pdf.footer(statement.month, statement.number ?? t.enums.statementState.DRAFT, page, pages),
  );
  return document.save();
}

const RIGHT_COLUMN = 270;
const RIGHT_WIDTH = CONTENT_RIGHT - RIGHT_COLUMN;
const LEFT_WIDTH = RIGHT_COLUMN - MARGIN - 12;

function printHeader({ layout, t, locale }: Printer, input: StatementPdfInput, month: string) {
  const { statement, group } = input;
  layout.columns([
    [
      [{ text: t.pdf.issuer, x: MARGIN, width: LEFT_WIDTH, size: 8.5, muted: true }],
      [{ text: input.issuerName, x: MARGIN, width: LEFT_WIDTH, size: 14, bold: true }],
    ],
    [
      [{ text: t.pdf.title, x: RIGHT_COLUMN, width: RIGHT_WIDTH, size: 22, bold: true, align: 'right' }],
      [{ text: month, x: RIGHT_COLUMN, width: RIGHT_WIDTH, size: 12, align: 'right' }],
    ],
  ]);
  layout.space(10);
  layout.rule({ strong: true, thickness: 1 });
  layout.space(14);

  const { first, last } = periodDays(statement.month);
  const facts: [string, string][] = [
    [t.pdf.statementNumber, statement.number ?? t.enums.statementState.DRAFT],
    [t.pdf.issueDate, statement.closedAt ? formatDay(statement.closedAt, locale) : t.common.none],
    [t.pdf.dueDate, statement.dueAt ? formatDay(statement.dueAt, locale) : t.common.none],
    [t.pdf.period, t.pdf.periodRange(formatDay(first, locale), formatDay(last, locale))],
    [t.pdf.status, t.enums.statementState[statement.state]],
  ];
  const labelWidth = 74;
  layout.columns([
    [
      [{ text: t.pdf.billTo, x: MARGIN, width: LEFT_WIDTH, size: 8.5, muted: true }],
      [{ text: group?.name ?? statement.billingGroupId, x: MARGIN, width: LEFT_WIDTH, size: 12, bold: true }],
      [
        {
          text: t.pdf.billingGroupId(statement.billingGroupId),
          x: MARGIN,
          width: LEFT_WIDTH,
          size: 8.5,
          muted: true,
        },
      ],
    ],
    facts.map(([label, value]) => [
      { text: label, x: RIGHT_COLUMN, width: labelWidth, size: 8.5, muted: true },
      { text: value, x: RIGHT_COLUMN + labelWidth, width: RIGHT_WIDTH - labelWidth, size: 9, align: 'right' },
    ]),
  ]);
  layout.space(22);
}

/** The line-item table's columns: description, project, then three figures aligned right. */
const LINE_COLUMNS = {
  description: { x: MARGIN, width: 176 },
  project: { x: MARGIN + 182, width: 74 },
  quantity: { x: MARGIN + 258, width: 66 },
  unitPrice: { x: MARGIN + 328, width: 96 },
  amount: { x: CONTENT_RIGHT - 72, width: 72 },
};

function sectionHeading(layout: PdfLayout, text: string) {
  layout.keepTogether(60);
  layout.paragraph(text, { size: 11, bold: true });
  layout.space(4);
}

function printLineItems({ layout, t, locale, money, projectName }: Printer, view: StatementView) {
  sectionHeading(layout, t.statement.lines);
  const size = 8.5;
  layout.row(
    [
      { text: t.pdf.description, ...LINE_COLUMNS.description, size, bold: true },
      { text: t.pdf.project, ...LINE_COLUMNS.project, size, bold: true },
      { text: t.pdf.quantity, ...LINE_COLUMNS.quantity, size, bold: true, align: 'right' },
      { text: t.pdf.unitPrice, ...LINE_COLUMNS.unitPrice, size, bold: true, align: 'right' },
      { text: t.pdf.amount, ...LINE_COLUMNS.amount, size, bold: true, align: 'right' },
    ],
    { shade: true, padding: 4 },
  );
  if (view.lines.length === 0) {
    layout.space(4);
    layout.paragraph(t.pdf.noUsage, { size: 9, muted: true });
  }
  for (const line of view.lines) {
    const notes = [
      line.pricingModel === 'PER_UNIT' ? null : t.pdf.tiered,
      line.priceSource === 'CONTRACT' ? t.pdf.contractPrice : null,
    ].filter((note): note is string => note !== null);
    layout.row(
      [
        {
          text: [
            counterLabel(line.counterName, locale),
            ...(notes.length > 0 ? [notes.join(', ')] : []),
          ].join('\n'),
          ...LINE_COLUMNS.description,
          size: 9,
        },
        { text: projectName(line.projectId), ...LINE_COLUMNS.project, size: 9 },
        {
          text: formatQuantity(line.quantity, line.unit, locale),
          ...LINE_COLUMNS.quantity,
          size: 9,
          align: 'right',
        },
        {
          text: formatUnitPrice(money(line.unitPrice), line.unit, locale),
          ...LINE_COLUMNS.unitPrice,
          size: 9,
          align: 'right',
        },
        { text: money(line.amount), ...LINE_COLUMNS.amount, size: 9, align: 'right' },
      ],
      { padding: 4 },
    );
    layout.rule();
  }
  layout.space(18);
}

function printCredits({ layout, t, money, creditName }: Printer, view: StatementView) {
  if (view.credits.length === 0) return;
  sectionHeading(layout, t.pdf.credits);
  const size = 8.5;
  const columns = {
    name: { x: MARGIN, width: 230 },
    type: { x: MARGIN + 236, width: 90 },
    applied: { x: MARGIN + 330, width: 80 },
    left: { x: CONTENT_RIGHT - 80, width: 80 },
  };
  layout.row(
    [
      { text: t.pdf.credit, ...columns.name, size, bold: true },
      { text: t.pdf.creditType, ...columns.type, size, bold: true },
      { text: t.pdf.creditApplied, ...columns.applied, size, bold: true, align: 'right' },
      { text: t.pdf.creditLeft, ...columns.left, size, bold: true, align: 'right' },
    ],
    { shade: true, padding: 4 },
  );
  for (const credit of view.credits) {
    const type = credit.type as keyof typeof t.enums.creditType;
    layout.row(
      [
        { text: creditName(credit.grantId), ...columns.name, size: 9 },
        { text: t.enums.creditType[type] ?? credit.type, ...columns.type, size: 9 },
        { text: money(negative(credit.amountApplied)), ...columns.applied, size: 9, align: 'right' },
        { text: money(credit.balanceAfter), ...columns.left, size: 9, align: 'right' },
      ],
      { padding: 4 },
    );
    layout.rule();
  }
  layout.space(18);
}

const SUMMARY_LABEL = { x: 268, width: 180 };
const SUMMARY_VALUE = { x: CONTENT_RIGHT - 96, width: 96 };

function printSummary(printer: Printer, view: StatementView, statement: Statement) {
  const { layout, t, money, projectName } = printer;
  sectionHeading(layout, t.pdf.summary);
  const line = (label: string, amount: string, { strong = false, size = 9.5 } = {}) =>
    layout.row(
      [
        { text: label, ...SUMMARY_LABEL, size, bold: strong },
        { text: money(amount), ...SUMMARY_VALUE, size, bold: strong, align: 'right' },
      ],
      { padding: 1 },
    );
  line(t.statement.subtotal, view.subtotal);
  for (const contractLine of view.contractLines)
    line(t.enums.contractLine[contractLine.kind], contractLine.amount);
  for (const adjustment of view.adjustments) {
    const value = adjustment.method === 'RATE' ? `${adjustment.value}%` : money(adjustment.value);
    const target = adjustment.targetProjectId
      ? projectName(adjustment.targetProjectId)
      : t.statement.wholeGroup;
    const label =
      adjustment.description ??
      `${t.enums.adjustmentType[adjustment.type]} ${value} · ${t.statement.adjustmentOn(target)}`;
    line(label, adjustment.amount);
  }
  if (view.contractLines.length > 0 || view.adjustments.length > 0)
    line(t.statement.chargeBeforeCredits, view.chargeBeforeCredits);
  if (view.credits.length > 0) line(t.pdf.creditTotal, negative(view.creditTotal));
  line(t.statement.charge, view.charge);
  line(t.statement.vat(view.vatRate), view.vat);
  if (!isZero(view.unpaid)) line(t.statement.unpaid, view.unpaid);
  if (!isZero(view.lateFee)) line(t.statement.lateFee(view.lateFeeRate), view.lateFee);
  layout.space(3);
  layout.rule({ x: SUMMARY_LABEL.x, strong: true });
  layout.space(4);
  line(t.statement.total, statement.total, { strong: true, size: 11 });
  if (!isZero(statement.credited)) line(t.creditNotes.credited, negative(statement.credited));
  line(t.statement.paid, statement.paid);
  line(t.statement.outstanding, statement.outstanding, { strong: true });
  layout.space(18);
}

/** Each credit note by its number: why, and its total with VAT (the settlement is on the page). */
function printCreditNotes({ layout, t, money }: Printer, notes: CreditNote[]) {
  if (notes.length === 0) return;
  sectionHeading(layout, t.creditNotes.heading);
  for (const note of notes) {
    layout.row(
      [
        { text: `${note.number} · ${note.reason}`, ...SUMMARY_LABEL, size: 9 },
        { text: money(note.total), ...SUMMARY_VALUE, size: 9, align: 'right' },
      ],
      { padding: 1 },
    );
  }
  layout.space(18);
}

function printPayment({ layout, t, locale, money }: Printer, statement: Statement) {
  sectionHeading(layout, t.pdf.payment);
  const status = `${t.pdf.status}: ${t.enums.statementState[statement.state]}.`;
  layout.paragraph(`${status} ${paymentSentence(t, locale, money, statement)}`, { size: 9.5 });
  layout.space(18);
}

/** What the customer is asked to do: nothing (void, carried forward, paid), pay by the due date, or pay now. */
function paymentSentence(t: Messages, locale: Locale, money: Printer['money'], statement: Statement): string {
  const day = (iso: string | null) => (iso ? formatDay(iso, locale) : t.common.none);
  if (statement.state === 'VOID') return t.pdf.voided(day(statement.voidedAt));
  if (statement.state === 'CARRIED_FORWARD') return t.pdf.carriedForward;
  if (isZero(statement.outstanding)) return t.pdf.paidInFull;
  if (statement.state === 'OVERDUE') return t.pdf.payNow(money(statement.outstanding), day(statement.dueAt));
  return t.pdf.payBy(money(statement.outstanding), day(statement.dueAt));
}

function printExplanation(printer: Printer, statement: Statement) {
  const { layout, t, locale, money, projectName, creditName } = printer;
  sectionHeading(layout, t.pdf.explain);
  const sentences = explainInWords(statement.result.trace, {
    locale,
    money,
    projectName,
    creditName,
  });
  sentences.forEach((sentence, index) => {
    layout.row([
      { text: `${index + 1}.`, x: MARGIN, width: 18, size: 8.5, muted: true },
      { text: sentence, x: MARGIN + 18, width: CONTENT_WIDTH - 18, size: 8.5 },
    ]);
    layout.space(2);
  });
}

function negative(amount: string): string {
  return isZero(amount) || amount.startsWith('-') ? amount : `-${amount}`;
}

function isZero(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}
