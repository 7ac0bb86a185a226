import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const text =
      'name,address\r\n摩尔齿科,"复兴东路720号(老西门地铁站6、7号口,河南南路与复兴东路路口)"\r\n"a ""b""","line1\nline2"\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'address'],
      ['摩尔齿科', '复兴东路720号(老西门地铁站6、7号口,河南南路与复兴东路路口)'],
      ['a "b"', 'line1\nline2'],
    ]);
  });

  it('returns records by header and reports rows with the wrong field count', () => {
    const { records, malformed } = parseCsvRecords('\ufeffa,b\n1,2\n3\n');
    expect(records).toEqual([{ a: '1', b: '2' }]);
    expect(malformed).toEqual([3]);
  });
});
