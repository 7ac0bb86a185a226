// A GeoPackage GDAL 3.6 wrote (`ogr2ogr -f GPKG -t_srs EPSG:4549`, then a second table in
// EPSG:4490) from ten demo grids with Chinese column names and eight facilities: every feature
// table is offered with its SRS, and the grids read back as GDAL reads them
// (`ogr2ogr -f GeoJSON -t_srs EPSG:4326`), to 1e-8° once converted through src/io/crs.ts.
import type { FeatureCollection, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inEnglish } from './problems.testing';
import { crsByCode, toWgs84 } from './crs';
import { geoPackageTables, readGeoPackage, readGeoPackageGeometry } from './geopackage';

const DIR = 'test/fixtures/geopackage';
const gpkg = new Uint8Array(readFileSync(`${DIR}/grids.gpkg`));
const gdal = JSON.parse(readFileSync(`${DIR}/grids.gdal-wgs84.geojson`, 'utf8')) as FeatureCollection<Polygon>;

describe('GeoPackage', () => {
  it('offers every feature table with its SRS', async () => {
    const r = await geoPackageTables(gpkg);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.tables.map((t) => [t.name, t.geometryType, t.srs.code, t.rows])).toEqual([
      ['网格', 'POLYGON', 'EPSG:4549', 10],
      ['设施', 'POINT', 'EPSG:4490', 8],
    ]);
    expect(r.tables[0]!.srs.definition).toMatch(/^PROJCS\["CGCS2000 \/ 3-degree Gauss-Kruger CM 120E"/);
  });

  it('reads a table as GDAL does, coordinates converted from its SRS', async () => {
    const r = await readGeoPackage(gpkg, '网格');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.layer.warnings).toEqual([]);
    expect(r.layer.features.map(({ properties: { fid: _fid, ...rest } }) => rest)).toEqual(
      gdal.features.map((f) => f.properties),
    );
    const crs = crsByCode(r.layer.table.srs.code!)!;
    for (const [i, f] of r.layer.features.entries()) {
      const xy = (f.geometry as Polygon).coordinates.flat(2);
      await toWgs84(crs, xy);
      const expected = gdal.features[i]!.geometry.coordinates.flat(2);
      expect(xy).toHaveLength(expected.length);
      xy.forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThan(1e-8));
    }
  });

  it('names the tables when the one asked for is not there, and refuses what is not a GeoPackage', async () => {
    const missing = await readGeoPackage(gpkg, 'grids');
    expect(!missing.ok && inEnglish(missing.problems)).toEqual([
      { where: 'file', message: 'the GeoPackage has no feature table named "grids"; its tables are "网格", "设施"' },
    ]);
    expect(!missing.ok && missing.problems[0]!.message.zh).toBe(
      'GeoPackage 中没有名为"grids"的要素表；它的表为 "网格"、"设施"',
    );
    const notGpkg = await readGeoPackage(new TextEncoder().encode('not sqlite at all, just some text '.repeat(5)));
    expect(!notGpkg.ok && inEnglish(notGpkg.problems)).toEqual([
      { where: 'file', message: 'this is not a GeoPackage (an SQLite file)' },
    ]);
    const cut = await readGeoPackage(gpkg.slice(0, 4096));
    expect(cut.ok).toBe(false);
  });

  it('never allocates what a damaged geometry declares', () => {
    // "GP", version 0, flags: no envelope, little endian; srs 4326; WKB polygon claiming 2^31 rings.
    const blob = new Uint8Array([0x47, 0x50, 0, 1, 0xe6, 0x10, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0x80]);
    const r = readGeoPackageGeometry(blob);
    expect(!r.ok && r.reason.en).toBe('the geometry is damaged (it declares 2147483648 items in 0 bytes)');
  });
});
