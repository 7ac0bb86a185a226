// The CSV parser (RFC 4180 quoting, CRLF, embedded newlines, line numbers), delimiter and encoding
// detection (UTF-8 with/without BOM, GBK, UTF-16), column detection, and CSV problems on fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv, sniffDelimiter } from './csv-format';
import { importLayer, inspectFile, type ImportOptions } from './index';
import { inEnglish } from './problems.testing';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const households: ImportOptions = { role: 'households', crs: 'wgs84', householdsField: 'households' };

function records(text: string, delimiter = ','): [string[], number][] {
  const out: [string[], number][] = [];
  const failure = parseCsv(text, delimiter, (fields, line) => out.push([fields, line]));
  expect(failure).toBeNull();
  return out;
}

describe('parseCsv', () => {
  it('splits plain fields and counts lines', () => {
    expect(records('a,b\n1,2\n3,4\n')).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [['3', '4'], 3],
    ]);
  });

  it('handles quotes, doubled quotes, delimiters and newlines inside quotes, and CRLF', () => {
    expect(records('name,note\r\n"a, b","say ""hi""\r\nthere"\r\nc,\r\n')).toEqual([
      [['name', 'note'], 1],
      [['a, b', 'say "hi"\r\nthere'], 2],
      [['c', ''], 4],
    ]);
  });

  it('keeps the last record without a final newline, and empty trailing fields', () => {
    expect(records('a,b,c\n1,,')).toEqual([
      [['a', 'b', 'c'], 1],
      [['1', '', ''], 2],
    ]);
  });

  it('reports an unclosed quote at the line it opens on', () => {
    const failure = parseCsv('a\n"open\nmore\n', ',', () => {});
    expect(failure && { line: failure.line, message: failure.message.en }).toEqual({
      line: 2,
      message: expect.stringContaining('never closed') as string,
    });
  });

  it('sniffs comma, tab and semicolon from the header, ignoring quoted ones', () => {
    expect(sniffDelimiter('lon,lat,name\n')).toBe(',');
    expect(sniffDelimiter('lon\tlat\tname\n')).toBe('\t');
    expect(sniffDelimiter('lon;lat;"a,b,c"\n')).toBe(';');
    expect(sniffDelimiter('single\n')).toBe(',');
  });
});

describe('encodings', () => {
  it('reads GBK with Chinese headers 经度/纬度/户数 and reports the encoding', async () => {
    const result = await importLayer(fixture('households-gbk.csv'), 'households-gbk.csv', {
      ...households,
      householdsField: '户数',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.encoding).toBe('gb18030');
    expect(inEnglish(result.warnings)).toEqual([
      { where: 'file', message: expect.stringContaining('read as Chinese GBK/GB18030') as string },
    ]);
    expect(result.notes).toContain("longitude from column '经度', latitude from column '纬度' (4 data lines)");
    const set = result.layer.households;
    expect([...set.households]).toEqual([1285, 642, 1318, 905]);
    expect(set.names).toEqual(['静安寺小区', '华山公寓', '愚园路一弄', '常德名园']);
    expect([...set.coordinates.slice(0, 2)]).toEqual([121.4452, 31.2241]);
  });

  it('decodes the GBK fixture to exactly its UTF-8 source', () => {
    const gbk = new TextDecoder('gb18030').decode(fixture('households-gbk.csv'));
    expect(gbk).toBe(new TextDecoder().decode(fixture('households-gbk.source-utf8.csv')));
  });

  it('reads UTF-8 with a BOM, finding the first column by its name', async () => {
    const result = await importLayer(fixture('households-utf8-bom.csv'), 'households-utf8-bom.csv', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.notes?.[0]).toContain("longitude from column 'lon'");
    const set = result.layer.households;
    expect(set.names).toEqual(['静安寺小区', '华山"公寓"', '愚园路一弄']);
    expect(set.properties?.[0]?.['note']).toBe('comma, inside');
    expect(set.properties?.[1]?.['note']).toBe('two\r\nlines');
    expect(set.properties?.[2]?.['note']).toBeNull();
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = '\ufefflon\tlat\tname\r\n121.4452\t31.2241\t静安寺小区\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const result = await importLayer(bytes, 'export.txt', { role: 'households', crs: 'wgs84' });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.encoding).toBe('utf-16le');
    expect(result.layer.households.names).toEqual(['静安寺小区']);
  });

  it('refuses bytes that are neither UTF-8 nor GBK', async () => {
    const result = await importLayer(fixture('undecodable.csv'), 'undecodable.csv', households);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      {
        where: 'file',
        message: expect.stringContaining(
          'neither UTF-8 nor GBK/GB18030 text (first bad byte at position 30)',
        ) as string,
      },
    ]);
  });
});

describe('columns and lines', () => {
  it('reads a tab-separated .txt of facilities with lng/lat columns', async () => {
    const result = await importLayer(fixture('facilities-tab.txt'), 'facilities-tab.txt', {
      role: 'facilities',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'facilities') return expect.unreachable();
    expect(result.layer.facilities.map((f) => [f.name, f.category, f.lon, f.lat])).toEqual([
      ['静安区第一幼儿园', 'kindergarten', 121.446, 31.2245],
      ['静安寺社区卫生服务中心', 'community-health-centre', 121.4502, 31.2231],
    ]);
  });

  it('reads semicolon files with decimal commas', async () => {
    const result = await importLayer(encode('x;y;name\n121,4452;31,2241;a\n'), 'eu.csv', {
      role: 'households',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect([...result.layer.households.coordinates]).toEqual([121.4452, 31.2241]);
  });

  it('uses the columns it is told to, over the usual names', async () => {
    const text = 'lon,lat,wgs_lon,wgs_lat\n0,0,121.4452,31.2241\n';
    const result = await importLayer(encode(text), 'pick.csv', {
      role: 'households',
      crs: 'wgs84',
      lonField: 'WGS_LON',
      latField: 'wgs_lat',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect([...result.layer.households.coordinates]).toEqual([121.4452, 31.2241]);
  });

  it('refuses lines with empty or non-numeric coordinates, naming each line', async () => {
    const result = await importLayer(fixture('csv-empty-coordinates.csv'), 'csv-empty-coordinates.csv', households);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'line 4', message: "latitude is empty (column 'lat')" },
      { where: 'line 5', message: "longitude and latitude are empty (columns 'lon' and 'lat')" },
      { where: 'line 6', message: "latitude 'abc' is not a number" },
    ]);
  });

  it('refuses a file whose first line is data, not a header', async () => {
    const result = await importLayer(fixture('csv-no-header.csv'), 'csv-no-header.csv', households);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'file', message: expect.stringContaining('looks like data, not column names') as string },
    ]);
  });

  it('refuses a file without coordinate columns, listing the columns', async () => {
    const result = await importLayer(fixture('csv-no-coordinates.csv'), 'csv-no-coordinates.csv', households);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]).toEqual({
      where: 'file',
      message: expect.stringContaining('no longitude column found') as string,
    });
    expect(inEnglish(result.problems)[0]!.message).toContain("'小区名称', '户数'");
  });

  it('refuses an unclosed quote at the line where it opens', async () => {
    const result = await importLayer(fixture('csv-unclosed-quote.csv'), 'csv-unclosed-quote.csv', {
      role: 'households',
      crs: 'wgs84',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      {
        where: 'line 2',
        message: expect.stringContaining('quoted value that starts on this line is never closed') as string,
      },
    ]);
  });

  it('refuses a line with more values than the header has columns', async () => {
    const result = await importLayer(encode('lon,lat,name\n121.44,31.22,静安寺,小区\n'), 'extra.csv', {
      role: 'households',
      crs: 'wgs84',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'line 2', message: expect.stringContaining('4 values but the header has 3 columns') as string },
    ]);
  });

  it('refuses degrees-and-minutes coordinates with a hint', async () => {
    const result = await importLayer(encode('经度,纬度\n121°26′,31°13′\n'), 'dms.csv', {
      role: 'households',
      crs: 'wgs84',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]).toEqual({
      where: 'line 2',
      message: expect.stringContaining('use decimal degrees') as string,
    });
  });

  it('refuses a header-only file', async () => {
    const result = await importLayer(encode('lon,lat\n'), 'header.csv', { role: 'households', crs: 'wgs84' });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'file', message: 'the file has a header line but no data lines' },
    ]);
  });

  it('refuses CSV for polygon roles', async () => {
    const result = await importLayer(fixture('households-utf8-bom.csv'), 'a.csv', {
      role: 'communities',
      crs: 'wgs84',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]!.message).toContain('a CSV file holds points');
  });

  it('keeps codes with leading zeros and long numbers as text', async () => {
    const result = await importLayer(encode('lon,lat,code,card\n121.44,31.22,0571,110101199003074512\n'), 'codes.csv', {
      role: 'households',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.layer.households.properties?.[0]).toEqual({
      lon: 121.44,
      lat: 31.22,
      code: '0571',
      card: '110101199003074512',
    });
  });
});

describe('inspectFile on CSV', () => {
  it('offers the columns, which of them are numeric, and a sample', async () => {
    const result = await inspectFile(fixture('households-gbk.csv'), 'households-gbk.csv');
    if (!result.ok) return expect.unreachable();
    expect(result.summary).toMatchObject({
      format: 'csv',
      featureCount: 4,
      fields: ['经度', '纬度', '户数', '小区名称', '地址'],
      numericFields: ['经度', '纬度', '户数'],
      geometryTypes: ['Point'],
      encoding: 'gb18030',
    });
    expect(result.summary.sample?.[0]?.['小区名称']).toBe('静安寺小区');
  });
});

describe('hostile CSV', () => {
  it('refuses a 300,000-digit longitude ending in a letter at once (the number pattern backtracked for minutes)', () => {
    const bytes = new TextEncoder().encode(`lon,lat\n${'1'.repeat(300_000)}x,31.2\n`);
    const r = readCsv(bytes, {});
    expect(r.ok && r.problems.length).toBe(1);
  });
});
