// Excel household lists: a workbook GDAL wrote (`ogr2ogr -f XLSX`) from 40 Lianjia compounds with
// 经度/纬度 in BD-09 and 房屋总数 like "11927户", behind a first sheet of notes. Its sheet must read
// exactly as the CSV it was made from (compounds-bd09.source.csv) reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-format';
import { readXlsx, workbookSheets } from './xlsx-format';

const DIR = 'test/fixtures/excel';
const workbook = new Uint8Array(readFileSync(`${DIR}/compounds-bd09.xlsx`));

describe('Excel workbooks', () => {
  it('lists the sheets and suggests the one with coordinate columns', async () => {
    const r = await workbookSheets(workbook);
    expect(r).toEqual({ ok: true, value: { sheets: ['说明', '小区'], suggested: '小区' } });
  });

  it('reads a sheet exactly as the CSV it was made from', async () => {
    const fromSheet = await readXlsx(workbook, {});
    const fromCsv = readCsv(new Uint8Array(readFileSync(`${DIR}/compounds-bd09.source.csv`)), {});
    if (!fromSheet.ok || !fromCsv.ok) throw new Error('not read');
    expect(fromSheet.features).toHaveLength(40);
    expect(fromSheet.features).toEqual(fromCsv.features);
    expect(fromSheet.problems).toEqual([]);
    expect(fromSheet.notes).toContain('read the sheet "小区" (of 2)');
  });

  it('says which sheets there are when the one asked for is not there, and refuses .xls and non-workbooks', async () => {
    const missing = await readXlsx(workbook, { sheet: 'Sheet1' });
    expect(!missing.ok && missing.problems).toEqual([
      {
        where: { kind: 'file' },
        message: {
          zh: '工作簿中没有名为"Sheet1"的工作表；它的工作表为 "说明"、"小区"',
          en: 'the workbook has no sheet named "Sheet1"; its sheets are "说明", "小区"',
        },
      },
    ]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const old = await readXlsx(xls, {});
    expect(!old.ok && old.problems[0]!.message.en).toMatch(/^this is an old Excel 97–2003 workbook \(\.xls\)/);
    const notZip = await readXlsx(new TextEncoder().encode('lon,lat\n1,2\n'), {});
    expect(!notZip.ok && notZip.problems[0]!.message.en).toBe('this is not an Excel workbook (.xlsx)');
    const cut = await readXlsx(workbook.slice(0, 2000), {});
    expect(cut.ok).toBe(false);
  });
});
