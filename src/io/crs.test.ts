// The CRS registry and conversions against GDAL/PROJ: every reference below was computed with
// GDAL 3.6.2 (`echo "X Y" | gdaltransform -s_srs EPSG:CODE -t_srs EPSG:GEOG`), to the system's own
// geographic CRS (CGCS2000 4490, Xi'an 1980 4610, Beijing 1954 4214, or WGS84), since without a
// datum shift given the app converts Xi'an 1980 and Beijing 1954 on their own ellipsoids.
// The .prj and .wkt fixtures were written by `gdalsrsinfo -o wkt_esri|wkt1 EPSG:CODE`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsByCode, KNOWN_CRS, resolveCrs, searchCrs, suggestCrs, toWgs84 } from './crs';

const GDAL: [code: number, x: number, y: number, lon: number, lat: number][] = [
  [4528, 40550000, 3456000, 120.524767659466, 31.2246474439012],
  [4549, 550000, 3456000, 120.524767659466, 31.2246474439012],
  [4491, 13500000, 4400000, 75, 39.7340495593666],
  [4502, 300000, 4400000, 72.6678460634657, 39.7106197428624],
  [4513, 25500000, 4000000, 75, 36.1302929206961],
  [4554, 600000, 5000000, 136.271124252376, 45.1283995625425],
  [2364, 40550000, 3456000, 120.524767332035, 31.2246329185973],
  [2385, 550000, 3456000, 120.524767332035, 31.2246329185973],
  [2333, 19400000, 3100000, 109.983279801714, 28.0102878818186],
  [2416, 40550000, 3456000, 120.524755782842, 31.2240938170426],
  [2437, 550000, 3456000, 120.524755782842, 31.2240938170426],
  [21419, 19500000, 3000000, 111, 27.1111537259479],
  [21459, 500000, 3000000, 111, 27.1111537259479],
  [32651, 350000, 3456000, 121.425084550941, 31.2285459139088],
  [3857, 13450000, 3650000, 120.823405714076, 31.1327401201493],
];

describe('coordinate systems', () => {
  for (const [code, x, y, lon, lat] of GDAL)
    it(`converts EPSG:${code} as GDAL does (to 1e-9°)`, async () => {
      const crs = crsByCode(`EPSG:${code}`)!;
      expect(crs).toBeDefined();
      const xy = new Float64Array([x, y]);
      await toWgs84(crs, xy);
      expect(xy[0]).toBeCloseTo(lon, 9);
      expect(xy[1]).toBeCloseTo(lat, 9);
    });

  it('knows every CGCS2000 Gauss-Krüger zone 4491–4554 by the name EPSG gives it', () => {
    for (let code = 4491; code <= 4554; code++) expect(crsByCode(`EPSG:${code}`)?.name).toMatch(/^CGCS2000 \//);
    expect(crsByCode('EPSG:4528')!.name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 40');
    expect(crsByCode('EPSG:4549')!.name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 120E');
    expect(crsByCode('EPSG:4502')!.name).toBe('CGCS2000 / Gauss-Kruger CM 75E');
    expect(crsByCode('EPSG:2385')!.datumShiftMissing).toBe(true);
    expect(new Set(KNOWN_CRS.map((c) => c.code)).size).toBe(KNOWN_CRS.length);
  });

  it('finds systems by code and by words of their name', () => {
    expect(searchCrs('4528').map((c) => c.code)).toEqual(['EPSG:4528']);
    expect(searchCrs('cgcs2000 3-degree zone 40').map((c) => c.code)).toEqual(['EPSG:4528']);
    expect(searchCrs('xian 120E').map((c) => c.code)).toEqual(['EPSG:2385']);
    expect(searchCrs('mercator').map((c) => c.code)).toEqual(['EPSG:3857']);
    expect(searchCrs('CGCS2000 3度带 40').map((c) => c.code)).toEqual(['EPSG:4528']);
    expect(searchCrs('西安80 3度带 40').map((c) => c.code)).toEqual(['EPSG:2364']);
    expect(searchCrs('Web 墨卡托').map((c) => c.code)).toEqual(['EPSG:3857']);
    expect(searchCrs('utm 50n').map((c) => c.code)).toEqual(['EPSG:32650']);
  });

  it('reads an ArcGIS .prj (ESRI WKT, Gauss_Kruger, no EPSG code) as the EPSG system it is, and converts as it does', async () => {
    const r = await resolveCrs(readFileSync('test/fixtures/crs/cgcs2000-3-degree-zone-40.prj', 'utf8'));
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.crs).toMatchObject({
      code: 'EPSG:4528',
      name: 'CGCS2000 / 3-degree Gauss-Kruger zone 40',
      datum: 'cgcs2000',
      datumShiftMissing: false,
    });
    const xy = [40550000, 3456000];
    await toWgs84(r.crs, xy);
    expect(xy[0]).toBeCloseTo(120.524767659466, 9);
    expect(xy[1]).toBeCloseTo(31.2246474439012, 9);
  });

  it('says when a Xian 1980 .prj brings no datum shift', async () => {
    const r = await resolveCrs(readFileSync('test/fixtures/crs/xian1980-3-degree-cm-120e.prj', 'utf8'));
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.crs).toMatchObject({ datum: 'xian1980', datumShiftMissing: true });
    const shifted = await resolveCrs(
      '+proj=tmerc +lon_0=120 +x_0=500000 +a=6378140 +rf=298.257 +towgs84=24,-123,-94,0,0,0,0',
    );
    expect(shifted.ok && shifted.crs.datumShiftMissing).toBe(false);
  });

  it('takes a WKT with an EPSG authority as the system it names, codes with or without EPSG:', async () => {
    const wkt = await resolveCrs(readFileSync('test/fixtures/crs/cgcs2000-cm-120e.wkt', 'utf8'));
    expect(wkt.ok && wkt.crs.code).toBe('EPSG:4549');
    for (const text of ['EPSG:4528', 'epsg:4528', '4528', ' EPSG: 4528 ']) {
      const r = await resolveCrs(text);
      expect(r.ok && r.crs.code).toBe('EPSG:4528');
    }
  });

  it('refuses what it cannot read in one line', async () => {
    const unknown = await resolveCrs('EPSG:9999');
    expect(!unknown.ok && unknown.reason.en).toBe(
      'EPSG:9999 is not one this tool knows; give its proj string or WKT instead',
    );
    const words = await resolveCrs('gauss');
    expect(!words.ok && words.reason.en).toBe('"gauss" is not an EPSG code, a proj string or WKT');
    const broken = await resolveCrs('PROJCS["x",GEOGCS[');
    expect(broken.ok).toBe(false);
    expect((await resolveCrs('+' + 'x'.repeat(30_000))).ok).toBe(false);
  });

  it('suggests the zone from eastings that carry it, in either axis order', async () => {
    const [first] = await suggestCrs([
      [40512345, 3456789],
      [40523456, 3467890],
    ]);
    expect(first).toMatchObject({ swapped: false, crs: { code: 'EPSG:4528' } });
    expect(first!.reason).toBe(
      'eastings like 40 512 345 look like CGCS2000 / 3-degree Gauss-Kruger zone 40, EPSG:4528',
    );
    const [swapped] = await suggestCrs([[3456789, 40512345]]);
    expect(swapped).toMatchObject({ swapped: true, crs: { code: 'EPSG:4528' } });
    // Without a zone number only a hint of where the data lies picks the central meridian.
    expect((await suggestCrs([[512345, 3456789]])).map((s) => s.crs.code)).toEqual([]);
    expect((await suggestCrs([[512345, 3456789]], 121.4)).map((s) => s.crs.code)).toEqual(['EPSG:4549']);
    expect((await suggestCrs([[13450000, 3650000]])).map((s) => s.crs.code)).toContain('EPSG:3857');
    // Eastings of zone 40 that fall outside zone 40 (a typo, or another system) suggest nothing.
    expect(await suggestCrs([[40990000, 3456789]])).toEqual([]);
  });
});
