/**
 * CSV as spreadsheets read it (RFC 4180: comma separated, CRLF line ends, double
 * quotes doubled), made safe to open: a text cell that a spreadsheet would take for
 * a formula is neutralized, while numbers in numeric columns stay numbers.
 */

/** A cell value: text is neutralized when needed, a number is written as a number. */
export type CsvValue = string | number | boolean | null | undefined;

// What spreadsheets start a formula with, tab and carriage return included (OWASP,
// "CSV Injection"). A leading apostrophe makes the cell plain text instead.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
const BYTE_ORDER_MARK = '\uFEFF';

/** One cell. Numbers that are not finite are left empty rather than written as text. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';

  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one row per line. */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}
