// Excel workbooks of points (household lists with 经度/纬度 copied from AMap or Baidu): one sheet is
// turned into the same table a CSV file is, and read by the CSV reader, so column detection, the
// household-count parsing and every message are the CSV ones ("line 5" is row 5 of the sheet).
// exceljs (already used for the table export) is loaded only when a workbook comes in. An .xlsx is
// a zip: its declared sizes are checked before exceljs inflates anything.
import type ExcelJsModule from 'exceljs';
import type { Cell as ExcelCell, CellValue, Workbook } from 'exceljs';
import { readCsv } from './csv-format';
import { listMessage, msg } from '../core/i18n';
import type { Message } from '../core/model';
import { featureHandler } from './field-summary';
import type { FormatHandler, Problem, ReadOptions, ReadResult, Where } from './format';
import { FILE } from './problem-list';
import { unzipChecked } from './zip-entries';
import { errorText } from './text-decoding';

type ExcelJs = typeof ExcelJsModule;

async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

/** What a workbook may unpack to: as any import, 1 GiB; a workbook has a few dozen parts. */
const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

function fail(message: Message, where: Where = FILE): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where, message }] };
}

/** Refuses a workbook whose zip declares more than the caps, before anything is inflated. */
function checkZip(bytes: Uint8Array): Problem[] {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    return [
      {
        where: FILE,
        message: bytes[0] === 0xd0 && bytes[1] === 0xcf ? msg('io.xlsx.oldXls') : msg('io.xlsx.notXlsx'),
      },
    ];
  const read = unzipChecked(bytes, {
    wanted: () => false,
    countAll: true,
    checkOnly: true,
    maxEntries: MAX_ENTRIES,
    maxTotalBytes: MAX_UNCOMPRESSED_BYTES,
  });
  if (read.ok) return [];
  if (read.reason === 'too-big') return [{ where: FILE, message: msg('io.xlsx.tooLarge') }];
  if (read.reason === 'too-many')
    return [{ where: FILE, message: msg('io.xlsx.tooManyParts', { max: String(MAX_ENTRIES) }) }];
  return [{ where: FILE, message: msg('io.xlsx.damaged', { error: errorText(read.error) }) }];
}

async function openWorkbook(
  bytes: Uint8Array,
): Promise<{ ok: true; workbook: Workbook } | { ok: false; problems: Problem[] }> {
  const problems = checkZip(bytes);
  if (problems.length) return { ok: false, problems };
  try {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return { ok: true, workbook };
  } catch (error) {
    return fail(msg('io.xlsx.cannotRead', { error: errorText(error) }));
  }
}

/** A cell as the text a CSV export would hold: numbers in full precision, formulas by their result. */
function cellText(cell: ExcelCell): string {
  return valueText(cell.value);
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return valueText(value.result ?? '');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return '';
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface WorkbookSheets {
  /** Sheet names in the workbook's order. */
  sheets: string[];
  /** The first sheet whose first row names coordinate columns, else the first sheet. */
  suggested: string;
}

const COORDINATE_HEADER = /^(经度|纬度|lon|lng|long|longitude|lat|latitude|x|y)$/i;

function sheetsOf(workbook: Workbook): WorkbookSheets {
  const sheets = workbook.worksheets.map((w) => w.name);
  const suggested =
    workbook.worksheets.find((w) => {
      let hits = 0;
      w.getRow(1).eachCell((cell) => {
        if (COORDINATE_HEADER.test(cellText(cell).trim())) hits++;
      });
      return hits >= 2;
    })?.name ?? sheets[0]!;
  return { sheets, suggested };
}

/** The sheet picker's list. */
export async function workbookSheets(
  bytes: Uint8Array,
): Promise<{ ok: true; value: WorkbookSheets } | { ok: false; problems: Problem[] }> {
  const opened = await openWorkbook(bytes);
  if (!opened.ok) return opened;
  if (opened.workbook.worksheets.length === 0) return fail(msg('io.xlsx.noSheets'));
  return { ok: true, value: sheetsOf(opened.workbook) };
}

/** `sheet`: the sheet to read; default the suggested one (see workbookSheets). */
export type XlsxReadOptions = ReadOptions;

/** Rows past this are refused: a sheet holds at most 1,048,576 rows anyway. */
const MAX_ROWS = 1_048_576;

/** Reads one sheet of a workbook as the CSV reader reads a file. Never throws. */
export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions): Promise<ReadResult & { sheet?: string }> {
  const opened = await openWorkbook(bytes);
  if (!opened.ok) return opened;
  if (opened.workbook.worksheets.length === 0) return fail(msg('io.xlsx.noSheets'));
  const listed = { value: sheetsOf(opened.workbook) };
  const name = options.sheet ?? listed.value.suggested;
  const sheet = opened.workbook.getWorksheet(name);
  if (!sheet)
    return fail(msg('io.xlsx.noSuchSheet', { name, sheets: listMessage(listed.value.sheets.map((s) => `"${s}"`)) }));
  if (sheet.rowCount > MAX_ROWS) return fail(msg('io.xlsx.tooManyRows', { name, rows: String(sheet.rowCount) }));
  const lines: string[] = [];
  const width = sheet.columnCount;
  // Every row, empty ones included, so "line N" in a message is row N of the sheet.
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(csvField(cellText(row.getCell(c))));
    lines.push(cells.join(','));
  }
  const result = readCsv(new TextEncoder().encode(lines.join('\n')), options);
  if (!result.ok) return result;
  return {
    ...result,
    encoding: undefined,
    notes: [
      ...(result.notes ?? []),
      `read the sheet "${name}"${listed.value.sheets.length > 1 ? ` (of ${listed.value.sheets.length})` : ''}`,
    ],
    sheets: listed.value.sheets,
    sheet: name,
  };
}

export const xlsxFormat: FormatHandler = featureHandler('xlsx', readXlsx);
