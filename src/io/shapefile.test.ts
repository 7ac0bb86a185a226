// Shapefiles as a bureau hands them over, written by GDAL 3.6 (`ogr2ogr -f "ESRI Shapefile"
// -t_srs EPSG:4528 -lco ENCODING=GBK` from twelve demo communities with Chinese field names): GBK
// attributes, CGCS2000 3-degree Gauss-Krüger zone 40. Checked against GDAL's own reading of the same
// files (`ogr2ogr -f GeoJSON -t_srs EPSG:4326`): the same names, the same values, the same
// coordinates to 1e-8° once the .prj is resolved and the points converted.
import type { FeatureCollection, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inEnglish } from './problems.testing';
import { resolveCrs, toWgs84 } from './crs';
import { readShapefile, shapefilesInZip, type ShapefileParts } from './shapefile';

const DIR = 'test/fixtures/shapefile';
const part = (ext: string) => new Uint8Array(readFileSync(`${DIR}/communities-gk40.${ext}`));
const parts = (): ShapefileParts => ({ shp: part('shp'), dbf: part('dbf'), prj: part('prj'), cpg: part('cpg') });
const gdal = JSON.parse(
  readFileSync(`${DIR}/communities-gk40.gdal-wgs84.geojson`, 'utf8'),
) as FeatureCollection<Polygon>;

describe('Shapefile', () => {
  it('reads GBK attributes and Gauss-Krüger shapes as GDAL does', async () => {
    const r = readShapefile('communities-gk40', parts());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.layer).toMatchObject({ encoding: 'gbk', encodingFrom: 'cpg', warnings: [] });
    expect(r.layer.features.map((f) => f.properties)).toEqual(gdal.features.map((f) => f.properties));
    expect(Object.keys(r.layer.features[0]!.properties)).toEqual(['社区编号', '名称', '户数', '__proto__']);
    const crs = await resolveCrs(r.layer.prj!);
    if (!crs.ok) throw new Error(crs.reason.en);
    r.layer.features.forEach((f, i) => {
      const ours = (f.geometry as Polygon).coordinates;
      const theirs = gdal.features[i]!.geometry.coordinates;
      expect(ours.map((ring) => ring.length)).toEqual(theirs.map((ring) => ring.length));
    });
    for (const [i, f] of r.layer.features.entries()) {
      const ring = (f.geometry as Polygon).coordinates[0]!;
      const xy = ring.flat();
      await toWgs84(crs.crs, xy);
      const expected = gdal.features[i]!.geometry.coordinates[0]!.flat();
      xy.forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThan(1e-8));
    }
  });

  it('works out GBK from the text when no .cpg came with the files', () => {
    const { cpg: _cpg, ...withoutCpg } = parts();
    const r = readShapefile('communities-gk40', withoutCpg);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.layer).toMatchObject({ encoding: 'gbk', encodingFrom: 'detected' });
    expect(r.layer.features[0]!.properties['名称']).toBe('草案社区 C001 · 宜川六村');
    expect(inEnglish(r.layer.warnings).map((w) => w.message)).toEqual([
      'no .cpg says the encoding; the attributes were read as Chinese GBK',
    ]);
  });

  it('takes the language-driver byte of the .dbf when there is no .cpg', () => {
    const { cpg: _cpg, ...p } = parts();
    const dbf = p.dbf!.slice();
    dbf[29] = 0x4d; // ArcGIS's id for code page 936 (GBK)
    const r = readShapefile('x', { ...p, dbf });
    expect(r.ok && [r.layer.encoding, r.layer.encodingFrom]).toEqual(['gbk', 'language driver']);
  });

  it('finds the parts in a zip, in a folder, by layer name', () => {
    const z = shapefilesInZip(new Uint8Array(readFileSync(`${DIR}/communities-gk40.zip`)));
    if (!z.ok) throw new Error(JSON.stringify(z.problems));
    expect([...z.layers.keys()]).toEqual(['communities-gk40']);
    expect(Object.keys(z.layers.get('communities-gk40')!).sort()).toEqual(['cpg', 'dbf', 'prj', 'shp']);
  });

  it('never trusts a header: a table declaring 4 billion records, a cut .shp, not a Shapefile', () => {
    const p = parts();
    const dbf = p.dbf!.slice();
    new DataView(dbf.buffer).setUint32(4, 0xffffffff, true);
    const r = readShapefile('x', { ...p, dbf });
    expect(r.ok && r.layer.features.length).toBe(12);
    expect(r.ok && r.layer.warnings[0]!.message.en).toBe(
      'the attribute table declares 4294967295 records but holds 12; the features after that have no attributes — is it truncated?',
    );
    const cut = readShapefile('x', { shp: p.shp.slice(0, 5000), dbf: p.dbf! });
    expect(cut.ok).toBe(true); // the shapes whole in the first 5,000 bytes, paired with their rows
    expect(cut.ok && cut.layer.features.length).toBeLessThan(12);
    const notShp = readShapefile('x', { shp: new Uint8Array(200) });
    expect(!notShp.ok && inEnglish(notShp.problems)).toEqual([
      { where: '.shp', message: 'this is not a Shapefile (.shp): its first bytes are not the Shapefile mark' },
    ]);
    const zip = shapefilesInZip(new TextEncoder().encode('PK\u0003\u0004 not really a zip'));
    expect(zip.ok).toBe(false);
  });
});
