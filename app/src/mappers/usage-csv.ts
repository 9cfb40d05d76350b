import type { UsageEventInput } from '@/api/types';

/** The columns every row needs; resourceId and resourceName may follow. */
export const REQUIRED_COLUMNS = [
  'eventId',
  'projectId',
  'counterName',
  'counterType',
  'unit',
  'volume',
  'timestamp',
] as const;
const OPTIONAL_COLUMNS = ['resourceId', 'resourceName'] as const;

/** The most rows one import takes: a few batches of the API's 1000. */
export const MAX_IMPORT_ROWS = 5000;

export interface CsvRow {
  /** The line of the file, counting the header as 1, as a spreadsheet numbers it. */
  line: number;
  values: string[];
}

export type ParsedUsageCsv =
  | {
      ok: true;
      events: { line: number; event: UsageEventInput }[];
      malformed: { line: number; count: number }[];
      columns: number;
    }
  | { ok: false; missingColumns: string[] }
  | { ok: false; noRows: true }
  | { ok: false; tooManyRows: true };

/** RFC 4180 fields: commas inside double quotes, a doubled quote for a quote. Blank lines are skipped. */
export function splitCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let values: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    values.push(field);
    if (values.some((value) => value.trim() !== '')) rows.push({ line: rowLine, values });
    values = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      values.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else field += char;
  }
  endRow();
  return rows;
}

/** A usage CSV as events for the batch API, each with its line; rows of the wrong width set aside. */
export function parseUsageCsv(text: string): ParsedUsageCsv {
  const [header, ...rows] = splitCsv(text.replace(/^\uFEFF/, ''));
  const columns = (header?.values ?? []).map((name) => name.trim());
  const missingColumns = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missingColumns.length > 0) return { ok: false, missingColumns };
  if (rows.length === 0) return { ok: false, noRows: true };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, tooManyRows: true };
  const events: { line: number; event: UsageEventInput }[] = [];
  const malformed: { line: number; count: number }[] = [];
  for (const row of rows) {
    if (row.values.length !== columns.length) {
      malformed.push({ line: row.line, count: row.values.length });
      continue;
    }
    const cell = (name: string) => row.values[columns.indexOf(name)]?.trim() ?? '';
    const event: Record<string, string | null> = {};
    for (const name of REQUIRED_COLUMNS) event[name] = cell(name);
    for (const name of OPTIONAL_COLUMNS) if (columns.includes(name)) event[name] = cell(name) || null;
    events.push({ line: row.line, event: event as unknown as UsageEventInput });
  }
  return { ok: true, events, malformed, columns: columns.length };
}
