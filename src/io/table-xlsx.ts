// Writes the plan tables as one Excel workbook, a worksheet per table: header row bold, frozen and
// filterable, columns as wide as their text, counts as numbers and shares as percents. exceljs is
// large (~1 MB), so it is imported only when someone asks for a workbook and is kept out of the
// main bundle. Every text cell is a plain string value, never a formula, and formula-like text gets
// the same leading quote as in CSV so a copy of a cell into another file stays inert.
import type ExcelJsModule from 'exceljs';
import type { Cell as ExcelCell, Workbook, Worksheet } from 'exceljs';
import type { Cell, ColumnFormat, PlanTables, TableSheet } from '../core/plan-table';
import { defuseFormula } from './table-csv';

type ExcelJs = typeof ExcelJsModule;

async function loadExcelJs(): Promise<ExcelJs> {
  // In Node exceljs is CommonJS and in the browser build Vite takes its UMD bundle (the package's
  // "browser" field, dist/exceljs.min.js), which needs no Node streams. Either way the exports
  // arrive as the module's default.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

const NUMBER_FORMATS: Partial<Record<ColumnFormat, string>> = {
  integer: '#,##0',
  number: '#,##0.##',
  share: '0.0%',
};

/** Excel's rules for a worksheet name: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++)
    candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Display width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

function cellText(value: Cell, format: ColumnFormat | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return format === 'share' ? `${(value * 100).toFixed(1)}%` : value.toLocaleString('en-US');
  return value;
}

function setCell(cell: ExcelCell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'number') {
    // Excel has no NaN or infinity; an empty cell says "no figure" without inventing one.
    if (Number.isFinite(value)) cell.value = value;
    return;
  }
  cell.value = defuseFormula(value);
}

function addSheet(workbook: Workbook, sheet: TableSheet, name: string): Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const header = ws.getRow(1);
  sheet.columns.forEach((c, i) => setCell(header.getCell(i + 1), c));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: false };
  sheet.rows.forEach((row, r) => {
    const excelRow = ws.getRow(r + 2);
    row.forEach((value, i) => setCell(excelRow.getCell(i + 1), value));
  });
  sheet.columns.forEach((column, i) => {
    const format = sheet.formats?.[i];
    const col = ws.getColumn(i + 1);
    const numFmt = format ? NUMBER_FORMATS[format] : undefined;
    if (numFmt) col.numFmt = numFmt;
    // As wide as the widest text in the column (header included, bold needs a little more),
    // but a long message wraps at 60 rather than making one column a screen wide.
    let width = displayWidth(column) + 2;
    for (const row of sheet.rows) width = Math.max(width, displayWidth(cellText(row[i] ?? null, format)) + 1);
    col.width = Math.min(60, Math.max(6, width));
    if (width > 60) col.alignment = { wrapText: true, vertical: 'top' };
  });
  if (sheet.columns.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
  return ws;
}

export async function writeTableXlsx(tables: PlanTables): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shequ-planner';
  const taken = new Set<string>();
  for (const sheet of tables.sheets) addSheet(workbook, sheet, sheetName(sheet.name, taken));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
