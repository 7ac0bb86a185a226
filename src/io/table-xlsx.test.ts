import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildPlanTables } from '../core/plan-table';
import { FORMULA_NAME, handPlan, SCRIPT_NAME } from '../core/report/hand-plan.testing';
import { writeTableXlsx } from './table-xlsx';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's load types want a Node Buffer; a Uint8Array view of the same bytes is what it reads.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return workbook;
}

function ogrinfo(): string | null {
  try {
    return execFileSync('which', ['ogrinfo'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

describe('table XLSX', () => {
  it('writes one worksheet per table with the cells, numbers as numbers and no formula', async () => {
    const tables = buildPlanTables(handPlan());
    const bytes = await writeTableXlsx(tables);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    const wb = await readBack(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['社区', '网格', '问题清单', '生活圈覆盖', '设施缺口']);

    for (const [k, sheet] of tables.sheets.entries()) {
      const ws = wb.worksheets[k]!;
      expect(ws.rowCount).toBe(sheet.rows.length + 1);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type);
        }),
      );
      // Every cell reads back as written (formula-like text with its leading quote).
      sheet.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const got = ws.getRow(r + 2).getCell(c + 1).value;
          if (value === null) expect(got).toBeNull();
          else if (typeof value === 'number') expect(got).toBe(value);
          else expect(got).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
        }),
      );
    }

    const communities = wb.getWorksheet('社区')!;
    expect(communities.getRow(2).getCell(2).value).toBe('南京东路社区');
    expect(communities.getRow(3).getCell(2).value).toBe(SCRIPT_NAME);
    expect(communities.getRow(2).getCell(4).value).toBe(2200);
    expect(communities.getRow(3).getCell(9).value).toBe(-1500);
    const shareColumn = tables.sheets[0]!.columns.indexOf('幼儿园 ≤300 m') + 1;
    expect(communities.getRow(2).getCell(shareColumn).value).toBe(0.5455);
    expect(communities.getRow(2).getCell(shareColumn).numFmt).toBe('0.0%');
    expect(communities.getColumn(2).width).toBeGreaterThanOrEqual(14); // 南京东路社区: six wide characters

    const grids = wb.getWorksheet('网格')!;
    expect(grids.getRow(2).getCell(2).value).toBe(`'${FORMULA_NAME}`);
    expect(grids.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);

    const gaps = wb.getWorksheet('设施缺口')!;
    expect(gaps.getRow(1).values).toContain('未覆盖户数');
  });

  it('opens in GDAL when ogrinfo is installed', async (context) => {
    if (!ogrinfo()) return context.skip();
    const bytes = await writeTableXlsx(buildPlanTables(handPlan({ language: 'en' })));
    const dir = mkdtempSync(join(tmpdir(), 'plan-xlsx-'));
    context.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'plan.xlsx');
    writeFileSync(path, bytes);
    const out = execFileSync('ogrinfo', ['-ro', '-q', path], { encoding: 'utf8' });
    for (const name of ['Communities', 'Grids', 'Flags', 'Coverage', 'Facility gaps']) expect(out).toContain(name);
    const zh = join(dir, 'plan-zh.xlsx');
    writeFileSync(zh, await writeTableXlsx(buildPlanTables(handPlan())));
    const detail = execFileSync('ogrinfo', ['-ro', '-al', zh, '社区'], {
      encoding: 'utf8',
      env: { ...process.env, OGR_XLSX_HEADERS: 'FORCE' },
    });
    expect(detail).toContain('南京东路社区');
    expect(detail).toContain('Feature Count: 2');
  });
});
