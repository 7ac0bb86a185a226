// Writes one plan table as CSV that Excel and WPS open with the Chinese intact: UTF-8 with a
// byte-order mark (without it Excel on a Chinese Windows reads the bytes as GBK), CRLF line ends
// and RFC 4180 quoting. Text that a spreadsheet would run as a formula is defused (OWASP CSV
// injection): a name such as =HYPERLINK(…) in the data must stay a name when a director opens it.
import type { Cell, TableSheet } from '../core/plan-table';

const BOM = '\uFEFF';

/** Characters that make Excel, LibreOffice or Sheets treat a cell's text as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as it is safe to put in a spreadsheet cell: a leading `'` keeps a formula-like text as text.
 * Numbers are never passed here, so -1500 stays a number.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  // A non-finite number has no CSV spelling a spreadsheet reads back; leave the cell empty.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = defuseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeTableCsv(sheet: TableSheet): Uint8Array {
  const lines = [sheet.columns, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}
