// The bureau formats through the one front door (importLayer / inspectFile): a GBK Shapefile in
// CGCS2000 Gauss-Krüger (as a zip and as its parts given together), a GeoPackage table, an Excel
// sheet of BD-09 compounds, KML / KMZ placemarks, and the coordinate systems a file declares or
// the person picks. Every expected position comes from GDAL's own conversion of the same file.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bd09ToWgs84 } from '../core/coordinates';
import { importLayer, inspectFile, type NamedBytes } from './index';
import { inEnglish } from './problems.testing';

const bytes = (path: string) => new Uint8Array(readFileSync(`test/fixtures/${path}`));
const json = <T>(path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8')) as T;
const SHP = 'shapefile/communities-gk40';
const parts = (...exts: string[]): NamedBytes[] =>
  exts.map((ext) => ({ name: `communities-gk40.${ext}`, bytes: bytes(`${SHP}.${ext}`) }));

function expectClose(ours: number[][], gdal: number[][], tolerance = 1e-7) {
  expect(ours).toHaveLength(gdal.length);
  ours.forEach((p, i) => {
    expect(Math.abs(p[0]! - gdal[i]![0]!)).toBeLessThan(tolerance);
    expect(Math.abs(p[1]! - gdal[i]![1]!)).toBeLessThan(tolerance);
  });
}

describe('Shapefiles', () => {
  const gdal = json<FeatureCollection<Polygon>>(`${SHP}.gdal-wgs84.geojson`);

  it('imports a zipped GBK Shapefile in EPSG:4528 by its .prj, with Chinese names and the 社区编号 ids', async () => {
    const r = await importLayer(bytes(`${SHP}.zip`), 'communities-gk40.zip', { role: 'communities' });
    if (!r.ok || r.layer.role !== 'communities') throw new Error(JSON.stringify(!r.ok && inEnglish(r.problems)));
    expect(r.format).toBe('shapefile');
    expect(r.layer.units.map((u) => u.name)).toEqual(gdal.features.map((f) => f.properties!['名称'] as string));
    expect(r.layer.units.map((u) => u.id)).toEqual(
      gdal.features.map((f) => String(f.properties!['社区编号'] as number)),
    );
    r.layer.units.forEach((u, i) => {
      const ours = u.geometry.type === 'Polygon' ? u.geometry.coordinates[0]! : u.geometry.coordinates[0]![0]!;
      expectClose(ours, gdal.features[i]!.geometry.coordinates[0]!);
    });
    expect(r.notes).toContain('coordinates converted from EPSG:4528 to WGS84');
  });

  it('imports the parts given together exactly as the zip', async () => {
    const zipped = await importLayer(bytes(`${SHP}.zip`), 'communities-gk40.zip', { role: 'communities' });
    const given = await importLayer(parts('shp', 'shx', 'dbf', 'prj', 'cpg'), 'communities-gk40.shp', {
      role: 'communities',
    });
    expect(given.ok).toBe(true);
    expect(given.ok && given.layer).toEqual(zipped.ok && zipped.layer);
  });

  it('names the missing part: a .shp without its .dbf, a .dbf without its .shp', async () => {
    const noDbf = await importLayer(parts('shp', 'shx', 'prj'), 'communities-gk40.shp', { role: 'communities' });
    expect(!noDbf.ok && inEnglish(noDbf.problems)).toEqual([
      {
        where: 'file',
        message:
          'the Shapefile communities-gk40 is missing its .dbf — drop or pick it together with "communities-gk40.shp", "communities-gk40.shx", "communities-gk40.prj"',
      },
    ]);
    const noShp = await importLayer(parts('dbf', 'prj'), 'communities-gk40.dbf', { role: 'communities' });
    expect(!noShp.ok && inEnglish(noShp.problems)[0]!.message).toContain('is missing its .shp');
    const alone = await importLayer(bytes(`${SHP}.shp`), 'communities-gk40.shp', { role: 'communities' });
    expect(!alone.ok && inEnglish(alone.problems)[0]!.message).toContain('is missing its .dbf');
  });

  it('inspects the parts: fields in GBK read right, the declared system resolved', async () => {
    const r = await inspectFile(parts('shp', 'dbf', 'prj'), 'communities-gk40.shp');
    if (!r.ok) throw new Error('not inspected');
    expect(r.summary.format).toBe('shapefile');
    expect(r.summary.fields).toEqual(['社区编号', '名称', '户数', '__proto__']);
    expect(r.summary.declaredCrs).toMatchObject({ code: 'EPSG:4528', crs: { proj: 'EPSG:4528' } });
  });

  it('refuses files given together that are not one Shapefile', async () => {
    const r = await importLayer(
      [...parts('shp', 'dbf'), { name: 'notes.txt', bytes: new TextEncoder().encode('x') }],
      'communities-gk40.shp',
      { role: 'communities' },
    );
    expect(!r.ok && inEnglish(r.problems)[0]!.message).toContain('one file is imported at a time');
  });
});

describe('GeoPackage', () => {
  it('offers every feature table and imports the one picked, in its SRS', async () => {
    const gpkg = bytes('geopackage/grids.gpkg');
    const inspected = await inspectFile(gpkg, 'grids.gpkg', { table: '网格' });
    if (!inspected.ok) throw new Error('not inspected');
    expect(inspected.summary.tables?.map((t) => t.name)).toEqual(['网格', '设施']);
    const r = await importLayer(gpkg, 'grids.gpkg', { role: 'grids', table: '网格' });
    if (!r.ok || r.layer.role !== 'grids') throw new Error(JSON.stringify(!r.ok && inEnglish(r.problems)));
    const gdal = json<FeatureCollection<Polygon>>('geopackage/grids.gdal-wgs84.geojson');
    expect(r.layer.units).toHaveLength(gdal.features.length);
    r.layer.units.forEach((u, i) => {
      const ours = u.geometry.type === 'Polygon' ? u.geometry.coordinates[0]! : u.geometry.coordinates[0]![0]!;
      expectClose(ours, gdal.features[i]!.geometry.coordinates[0]!);
    });
    const wrong = await importLayer(gpkg, 'grids.gpkg', { role: 'grids', table: 'nope' });
    expect(!wrong.ok && inEnglish(wrong.problems)[0]!.message).toContain('its tables are "网格", "设施"');
  });
});

describe('Excel', () => {
  it('imports the compounds sheet of BD-09 points with 户数 as households', async () => {
    const workbook = bytes('excel/compounds-bd09.xlsx');
    const inspected = await inspectFile(workbook, 'compounds.xlsx');
    expect(inspected.ok && [inspected.summary.sheets, inspected.summary.sheet]).toEqual([['说明', '小区'], '小区']);
    const r = await importLayer(workbook, 'compounds.xlsx', {
      role: 'households',
      crs: 'bd09',
      householdsField: '房屋总数',
    });
    if (!r.ok || r.layer.role !== 'households') throw new Error(JSON.stringify(!r.ok && inEnglish(r.problems)));
    expect(r.format).toBe('xlsx');
    const source = readFileSync('test/fixtures/excel/compounds-bd09.source.csv', 'utf8').trim().split('\n').slice(1);
    expect(r.layer.count).toBe(source.length);
    const { coordinates, households } = r.layer.households;
    source.forEach((line, i) => {
      const [, lon, lat, count] = line.split(',');
      const [x, y] = bd09ToWgs84(Number(lon), Number(lat));
      expect(coordinates[2 * i]).toBeCloseTo(x, 9);
      expect(coordinates[2 * i + 1]).toBeCloseTo(y, 9);
      expect(households[i]).toBe(Number(count!.replace('户', '')));
    });
  });

  it('refuses a workbook as communities: a table holds points only', async () => {
    const r = await importLayer(bytes('excel/compounds-bd09.xlsx'), 'compounds.xlsx', { role: 'communities' });
    expect(!r.ok && inEnglish(r.problems)[0]!.message).toContain('holds points only');
  });
});

describe('KML and KMZ', () => {
  it('imports the same placemarks from the KML and the KMZ as facilities', async () => {
    const kml = await importLayer(bytes('kml/facilities.kml'), 'facilities.kml', { role: 'facilities' });
    const kmz = await importLayer(bytes('kml/facilities.kmz'), 'facilities.kmz', { role: 'facilities' });
    if (!kml.ok || kml.layer.role !== 'facilities') throw new Error('not imported');
    expect(kml.format).toBe('kml');
    expect(kml.layer.facilities.length).toBeGreaterThan(0);
    expect(kml.layer.facilities[0]).toMatchObject({ name: '弈通康普陀东新融声点', category: 'kindergarten' });
    expect(kmz.ok && kmz.layer).toEqual(kml.layer);
  });
});

describe('coordinate systems', () => {
  const gk40 = (coordinates: number[]) =>
    new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } }],
      }),
    );

  it('honours a legacy GeoJSON crs member, urn:ogc:def:crs:EPSG::4528 or EPSG:4490', async () => {
    const gdal = json<FeatureCollection<Polygon>>(`${SHP}.gdal-wgs84.geojson`);
    const zipped = await importLayer(bytes(`${SHP}.zip`), 'c.zip', { role: 'communities' });
    if (!zipped.ok || zipped.layer.role !== 'communities') throw new Error('not imported');
    const r = await importLayer(
      new TextEncoder().encode(
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } },
          features: [
            {
              type: 'Feature',
              properties: { name: 'a' },
              geometry: { type: 'Point', coordinates: [40_512_345, 3_460_000] },
            },
          ],
        }),
      ),
      'p.geojson',
      { role: 'facilities' },
    );
    if (!r.ok || r.layer.role !== 'facilities') throw new Error(JSON.stringify(!r.ok && inEnglish(r.problems)));
    const { lon, lat } = r.layer.facilities[0]!;
    expect(lon).toBeGreaterThan(119.5);
    expect(lon).toBeLessThan(120.5);
    expect(lat).toBeGreaterThan(31);
    expect(lat).toBeLessThan(31.5);
    expect(gdal.features.length).toBe(zipped.layer.units.length);
  });

  it('suggests the Gauss-Krüger zone for projected points that name no system, and takes it when chosen', async () => {
    const file = gk40([40_512_345, 3_460_000]);
    const r = await importLayer(file, 'p.geojson', { role: 'facilities' });
    if (r.ok) return expect.unreachable();
    expect(r.suggestedCrs).toMatchObject({ code: 'EPSG:4528', crs: { proj: 'EPSG:4528' } });
    expect(inEnglish(r.problems)[0]!.message).toBe(
      'the coordinates are projected (metres), not longitude/latitude, and the file names no coordinate system: eastings like 40 512 345 look like CGCS2000 / 3-degree Gauss-Kruger zone 40, EPSG:4528 — use it?',
    );
    const taken = await importLayer(file, 'p.geojson', { role: 'facilities', crs: r.suggestedCrs!.crs });
    expect(taken.ok).toBe(true);
    const inspected = await inspectFile(file, 'p.geojson');
    expect(inspected.ok && inspected.summary.suggestedCrs?.code).toBe('EPSG:4528');
  });

  it('says a longitude of 1e308 is out of range, not projected', async () => {
    const r = await importLayer(gk40([1e308, 31]), 'p.geojson', { role: 'facilities' });
    if (r.ok) return expect.unreachable();
    const messages = inEnglish(r.problems).map((p) => p.message);
    expect(messages.join('\n')).not.toContain('projected');
    expect(messages.join('\n')).toContain('1e+308');
    expect(r.suggestedCrs).toBeUndefined();
  });

  it("warns that Xi'an 1980 without towgs84 may be off, and takes a proj string with one", async () => {
    const file = gk40([40_512_345, 3_460_000]);
    const bare = await importLayer(file, 'p.geojson', { role: 'facilities', crs: { proj: 'EPSG:2364' } });
    if (!bare.ok) throw new Error(JSON.stringify(inEnglish(bare.problems)));
    expect(
      inEnglish(bare.warnings)
        .map((w) => w.message)
        .join('\n'),
    ).toContain('comes without a datum shift');
    const shifted = await importLayer(file, 'p.geojson', {
      role: 'facilities',
      crs: {
        proj: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +a=6378140 +rf=298.257 +towgs84=24,-123,-94,0.02,-0.25,-0.13,1.1 +units=m +no_defs',
      },
    });
    if (!shifted.ok || shifted.layer.role !== 'facilities' || bare.layer.role !== 'facilities') throw new Error('no');
    expect(
      inEnglish(shifted.warnings)
        .map((w) => w.message)
        .join('\n'),
    ).not.toContain('datum shift');
    expect(shifted.layer.facilities[0]!.lon).not.toBe(bare.layer.facilities[0]!.lon);
  });

  it('refuses a system it cannot read in one line', async () => {
    const r = await importLayer(gk40([121, 31]), 'p.geojson', { role: 'facilities', crs: { proj: 'EPSG:9999' } });
    expect(!r.ok && inEnglish(r.problems)).toEqual([
      {
        where: 'file',
        message:
          'the coordinate system EPSG:9999 cannot be used: EPSG:9999 is not one this tool knows; give its proj string or WKT instead — choose one from the list, or give an EPSG code or a proj string',
      },
    ]);
  });
});
