import { describe, expect, it } from 'vitest';
import { buildPlanTables, type TableSheet } from '../core/plan-table';
import { FORMULA_NAME, handPlan, SCRIPT_NAME } from '../core/report/hand-plan.testing';
import { defuseFormula, writeTableCsv } from './table-csv';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** A small RFC 4180 reader, to read back what was written. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && source[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('table CSV', () => {
  const sheet: TableSheet = {
    id: 'communities',
    name: '社区',
    columns: ['编号', '名称', '户数'],
    rows: [
      ['A', '南京东路社区', 2200],
      ['B', 'say "hi", then\nleave', -1500],
      ['C', '-1500', null],
      ['D', '@SUM(A1)', 0.5455],
      ['E', '\tTAB', Infinity],
      ['F', '+1', 0],
    ],
  };

  it('starts with the byte-order mark and ends lines with CRLF', () => {
    const bytes = writeTableCsv(sheet);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = text(bytes).slice(1);
    expect(body.startsWith('编号,名称,户数\r\n')).toBe(true);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  it('quotes as RFC 4180 says and reads back to the same cells', () => {
    const body = text(writeTableCsv(sheet)).slice(1);
    expect(body).toContain('"say ""hi"", then\nleave",-1500');
    expect(parseCsv(body)).toEqual([
      ['编号', '名称', '户数'],
      ['A', '南京东路社区', '2200'],
      ['B', 'say "hi", then\nleave', '-1500'],
      ['C', "'-1500", ''],
      ['D', "'@SUM(A1)", '0.5455'],
      ['E', "'\tTAB", ''],
      ['F', "'+1", '0'],
    ]);
  });

  it('defuses formula-like text but leaves numbers and plain text', () => {
    expect(defuseFormula('=1+1')).toBe("'=1+1");
    expect(defuseFormula('\rx')).toBe("'\rx");
    expect(defuseFormula('a=1')).toBe('a=1');
    expect(defuseFormula('')).toBe('');
  });

  it('writes a real plan: the =HYPERLINK grid name as text, Chinese intact', () => {
    const tables = buildPlanTables(handPlan());
    const grids = parseCsv(text(writeTableCsv(tables.sheets.find((s) => s.id === 'grids')!)).slice(1));
    expect(grids[1]![1]).toBe(`'${FORMULA_NAME}`);
    expect(grids[1]![4]).toBe('1200');
    const flags = parseCsv(text(writeTableCsv(tables.sheets.find((s) => s.id === 'flags')!)).slice(1));
    expect(flags[0]).toEqual([
      '对象编号',
      '对象',
      '代码',
      '级别',
      '说明',
      '实测值',
      '限值',
      '规则编号',
      '依据文件',
      '条款',
    ]);
    expect(flags.some((r) => r[1] === SCRIPT_NAME)).toBe(true);
    // A message that only quotes the name does not start a formula, so it is written as it is.
    expect(flags.find((r) => r[2] === 'grid.above-band')![4]).toMatch(/^网格 G1（=HYPERLINK/);
    const communities = parseCsv(text(writeTableCsv(tables.sheets[0]!)).slice(1));
    expect(communities.map((r) => r[3])).toEqual(['户数', '2200', '500']);
    expect(communities[2]![8]).toBe('-1500');
  });
});
