// The front door: format detection, refusals before reading (size, unsupported formats), the
// problem cap, and inspectFile for the import dialog.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importLayer, inspectFile, MAX_FILE_BYTES } from './index';
import { inEnglish } from './problems.testing';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it.each([
    ['a.geojson', '', 'geojson'],
    ['A.JSON', '{}', 'geojson'],
    ['a.fgb', '', 'flatgeobuf'],
    ['a.csv', 'lon,lat', 'csv'],
    ['a.txt', 'lon\tlat', 'csv'],
    ['download', '  {"type":"FeatureCollection"}', 'geojson'],
    ['download', '\ufeff[{"type":"Feature"}]', 'geojson'],
    ['download', 'lon,lat\n1,2', 'csv'],
    ['data.xlsx', 'PK', 'xlsx'],
    ['a.shp', 'anything', 'shapefile'],
    ['a.gpkg', '', 'geopackage'],
    ['a.kmz', '', 'kml'],
    ['download', '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">', 'kml'],
    ['points.csv', '<?xml version="1.0"?><gpx version="1.1">', 'gpx'],
    ['a.dbf', 'anything', null],
    ['download', '', null],
  ])('%s starting %j → %s', (name, text, expected) => {
    expect(detectFormat(name, encode(text))).toBe(expected);
  });

  it('trusts FlatGeobuf magic bytes over the name', () => {
    expect(detectFormat('communities.geojson', fixture('communities.fgb'))).toBe('flatgeobuf');
  });

  it('reads the content before the name: a workbook, a GeoPackage or a Shapefile renamed .csv', () => {
    const bureau = (path: string) =>
      new Uint8Array(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url)));
    expect(detectFormat('households.csv', bureau('excel/compounds-bd09.xlsx'))).toBe('xlsx');
    expect(detectFormat('grids.csv', bureau('geopackage/grids.gpkg'))).toBe('geopackage');
    expect(detectFormat('communities.csv', bureau('shapefile/communities-gk40.zip'))).toBe('shapefile');
    expect(detectFormat('communities.csv', bureau('shapefile/communities-gk40.shp'))).toBe('shapefile');
    expect(detectFormat('pois.csv', bureau('kml/facilities.kmz'))).toBe('kml');
  });

  it('takes binary bytes without a known name for no format', () => {
    expect(detectFormat('download', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeNull();
    expect(detectFormat('download', new Uint8Array([1, 2, 0, 4]))).toBeNull();
  });
});

describe('refusals before reading', () => {
  it('refuses files over 1 GB by size alone', async () => {
    // Zero-filled and never touched, so the operating system does not actually commit the memory.
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    const result = await importLayer(huge, 'huge.geojson', { role: 'households', crs: 'wgs84' });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'file', message: expect.stringContaining('files over 1 GB are refused') as string },
    ]);
  });

  it('says what a Shapefile part alone, an old .xls or an unknown zip is', async () => {
    for (const [name, bytes, hint] of [
      ['communities.dbf', encode('anything'), 'is only one part of a Shapefile — drop or pick the .shp'],
      ['communities.shx', encode('anything'), 'is only one part of a Shapefile'],
      ['households.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'save it as .xlsx'],
      ['households.zip', new Uint8Array([0x50, 0x4b, 3, 4]), 'holds no Shapefile (.shp), KML or Excel workbook'],
    ] as const) {
      const result = await importLayer(bytes, name, { role: 'households', crs: 'wgs84' });
      if (result.ok) return expect.unreachable();
      expect(result.format).toBeNull();
      expect(inEnglish(result.problems)).toEqual([{ where: 'file', message: expect.stringContaining(hint) as string }]);
    }
  });

  it('says a PNG is an image, even renamed .csv, and never asks to save it as UTF-8', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    for (const name of ['photo', 'households.csv']) {
      const result = await importLayer(png, name, { role: 'households', crs: 'wgs84' });
      if (result.ok) return expect.unreachable();
      const [problem] = inEnglish(result.problems);
      expect(problem!.message).toContain('is a PNG image, not a data file');
      expect(problem!.message).not.toContain('UTF-8');
    }
  });

  it('refuses a binary file with an unknown name', async () => {
    const result = await importLayer(new Uint8Array([1, 2, 0, 4, 0, 0, 0, 0]), 'photo', {
      role: 'households',
      crs: 'wgs84',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]!.message).toContain('looks like a binary file');
  });
});

describe('problem lists', () => {
  const manyBadPoints = (n: number): Uint8Array =>
    encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: Array.from({ length: n }, (_, i) => ({
          type: 'Feature',
          properties: { households: i % 2 ? 'many' : 3 },
          geometry: { type: 'Point', coordinates: [121.4 + i * 1e-4, 31.2] },
        })),
      }),
    );

  it('lists the first 50 problems and says how many more there are', async () => {
    const result = await importLayer(manyBadPoints(240), 'bad.geojson', {
      role: 'households',
      crs: 'wgs84',
      householdsField: 'households',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toHaveLength(51);
    expect(inEnglish(result.problems)[0]).toEqual({
      where: 'feature 2',
      message: "household count 'many' is not a number",
    });
    expect(inEnglish(result.problems)[50]).toEqual({ where: 'file', message: 'and 70 more not listed' });
  });

  it('honours maxProblems', async () => {
    const result = await importLayer(manyBadPoints(10), 'bad.geojson', {
      role: 'households',
      crs: 'wgs84',
      householdsField: 'households',
      maxProblems: 2,
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems).map((p) => p.where)).toEqual(['feature 2', 'feature 4', 'file']);
    expect(inEnglish(result.problems)[2]!.message).toBe('and 3 more not listed');
  });

  it('lists problems of different kinds together and imports nothing', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'A' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.44, 31.22],
                [121.45, 31.22],
                [121.45, 31.23],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { id: 'A' }, geometry: null },
        {
          type: 'Feature',
          properties: { id: 'B' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.44, 131.22],
                [121.45, 31.22],
                [121.45, 31.23],
                [121.44, 131.22],
              ],
            ],
          },
        },
      ],
    });
    const result = await importLayer(encode(text), 'mixed.geojson', { role: 'communities', crs: 'wgs84' });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems).map((p) => p.where)).toEqual([
      'feature 1',
      'feature 2',
      'feature 2',
      'feature 3',
    ]);
    expect(inEnglish(result.problems).map((p) => p.message)).toEqual([
      expect.stringContaining('ring 1 has only 3 positions') as string,
      expect.stringContaining('the geometry is null') as string,
      "id 'A' is used by feature 1 too",
      expect.stringContaining('latitude 131.22 is out of range (it must be between -90 and 90)') as string,
    ]);
  });
});

describe('inspectFile', () => {
  it('summarises a GeoJSON file for the import dialog', async () => {
    const result = await inspectFile(fixture('households-formatted-counts.geojson'), 'counts.geojson');
    if (!result.ok) return expect.unreachable();
    expect(result.summary).toMatchObject({
      format: 'geojson',
      featureCount: 4,
      fields: ['name', '户数'],
      numericFields: ['户数'],
      geometryTypes: ['Point'],
      encoding: 'utf-8',
    });
    expect(result.summary.sample).toHaveLength(4);
  });

  it('returns the reading problem for a broken file', async () => {
    const result = await inspectFile(fixture('truncated.geojson'), 'truncated.geojson');
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]!.message).toContain('is it truncated?');
  });
});
