// Every file of test/fixtures/hostile/ is imported as its README says and must be refused with its
// reason, or accepted (with its warning). Files in the folder, rows here and the README must agree.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLayer, type ImportOptions } from './index';
import { inEnglish } from './problems.testing';
import { generatedHostileCases } from '../../test/hostile-corpus-table';

const dir = new URL('../../test/fixtures/hostile/', import.meta.url);
const hostile = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));

const households: ImportOptions = { role: 'households', crs: 'wgs84', householdsField: 'households' };
const communities: ImportOptions = { role: 'communities', crs: 'wgs84' };
const roads: ImportOptions = { role: 'roads', crs: 'wgs84' };

interface Case {
  file: string;
  options: ImportOptions;
  /** Expected problems (refused) or warnings (accepted): where, and a part of the message. */
  expect: 'refused' | 'accepted';
  reasons: [where: string, part: string][];
  encoding?: string;
}

const CASES: Case[] = [
  { file: 'empty.geojson', options: households, expect: 'refused', reasons: [['file', 'the file is empty']] },
  {
    file: 'not-json.geojson',
    options: households,
    expect: 'refused',
    reasons: [['file', 'looks like an HTML or XML page']],
  },
  { file: 'truncated.geojson', options: households, expect: 'refused', reasons: [['file', 'is it truncated?']] },
  {
    file: 'truncated.fgb',
    options: communities,
    expect: 'refused',
    reasons: [['file', 'the FlatGeobuf file is damaged']],
  },
  {
    file: 'wrong-geometry-polygons-as-households.geojson',
    options: households,
    expect: 'refused',
    reasons: [['file', 'use a point layer — or did you mean to import it as communities?']],
  },
  {
    file: 'wrong-geometry-points-as-communities.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['file', 'every feature is a Point, but communities must be polygons']],
  },
  {
    file: 'wrong-geometry-line-among-communities.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['feature 3', 'is a LineString, but communities must be polygons']],
  },
  {
    file: 'geometry-collection.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['feature 2', "GeometryCollection, which can't be imported"]],
  },
  {
    file: 'swapped-lonlat.geojson',
    options: households,
    expect: 'refused',
    reasons: [['file', 'longitude and latitude are swapped in every feature']],
  },
  {
    file: 'web-mercator.geojson',
    options: households,
    expect: 'refused',
    reasons: [['file', 'coordinates look projected']],
  },
  {
    file: 'gauss-kruger.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['file', 'Gauss-Krüger zone 40']],
  },
  {
    file: 'unclosed-ring.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['feature 2', 'ring 1 is not closed (first and last positions differ)']],
  },
  {
    file: 'self-intersecting.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['feature 1', 'ring 1 crosses itself near lon 121.44400, lat 31.22300']],
  },
  {
    file: 'duplicate-ids.geojson',
    options: communities,
    expect: 'refused',
    reasons: [['feature 7', "id 'C003' is used by feature 2 too"]],
  },
  {
    file: 'negative-households.geojson',
    options: households,
    expect: 'refused',
    reasons: [['feature 2', 'household count -5 is negative']],
  },
  {
    file: 'non-numeric-households.geojson',
    options: households,
    expect: 'refused',
    reasons: [
      ['feature 2', "'abc' is not a number"],
      ['feature 3', "'Infinity' is not a finite number"],
    ],
  },
  {
    file: 'gbk.csv',
    options: { ...households, householdsField: '户数' },
    expect: 'accepted',
    reasons: [['file', 'read as Chinese GBK/GB18030']],
    encoding: 'gb18030',
  },
  {
    file: 'gbk.source-utf8.csv',
    options: { ...households, householdsField: '户数' },
    expect: 'accepted',
    reasons: [],
    encoding: 'utf-8',
  },
  { file: 'utf8-bom.csv', options: households, expect: 'accepted', reasons: [], encoding: 'utf-8-bom' },
  {
    file: 'enormous-property.geojson',
    options: households,
    expect: 'accepted',
    reasons: [['feature 1', "property 'description' is 20,000 characters long; only the first 10,000 were kept"]],
  },
  {
    file: 'html-in-names.geojson',
    options: households,
    expect: 'accepted',
    reasons: [
      ['feature 1', 'contains HTML markup; it is kept as plain text'],
      ['feature 2', 'contains HTML markup; it is kept as plain text'],
      ['feature 3', 'contains HTML markup; it is kept as plain text'],
    ],
  },
  {
    file: 'prototype-keys.geojson',
    options: households,
    expect: 'refused',
    reasons: [['feature 2', "the geometry type 'constructor' is not a GeoJSON geometry type"]],
  },
  {
    file: 'osm-bad-character.osm',
    options: roads,
    expect: 'refused',
    reasons: [['line 9', "'&#99999999;' is not a character (XML character references go up to &#x10FFFF;"]],
  },
  { file: 'osm-doctype.osm', options: roads, expect: 'accepted', reasons: [] },
  {
    file: 'fractional-households.geojson',
    options: households,
    expect: 'refused',
    reasons: [
      ['feature 2', "household count '2.5' is not a whole number"],
      ['feature 3', "household count '1,234.5' is not a whole number"],
    ],
  },
  {
    file: 'huge-households.geojson',
    options: households,
    expect: 'refused',
    reasons: [
      ['feature 1', 'is more than the 1,000,000 households one point can stand for'],
      ['feature 2', 'is more than the 1,000,000 households one point can stand for'],
    ],
  },
  { file: 'written-counts.geojson', options: households, expect: 'accepted', reasons: [] },
  {
    file: 'written-counts.csv',
    options: households,
    expect: 'refused',
    reasons: [
      ['line 4', "household count '2.5' is not a whole number"],
      ['line 5', 'household count -4 is negative'],
      ['line 6', "household count 'NaN' is not a finite number"],
      ['line 7', "household count 'Infinity' is not a finite number"],
    ],
  },
];

describe('hostile corpus', () => {
  it.each(CASES)('$file is $expect', async ({ file, options, expect: outcome, reasons, encoding }) => {
    const result = await importLayer(hostile(file), file, options);
    const listed = inEnglish(result.ok ? result.warnings : result.problems);
    expect(result.ok ? 'accepted' : 'refused').toBe(outcome);
    expect(listed).toHaveLength(reasons.length);
    reasons.forEach(([where, part], i) => {
      expect(listed[i]!.where).toBe(where);
      expect(listed[i]!.message).toContain(part);
    });
    if (encoding) expect(result.ok && result.encoding).toBe(encoding);
  });

  it('keeps the BOM out of the first column name and quoted values intact', async () => {
    const result = await importLayer(hostile('utf8-bom.csv'), 'utf8-bom.csv', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(Object.keys(result.layer.households.properties![0]!)[0]).toBe('lon');
    expect(result.layer.households.names).toEqual(['静安寺小区', '华山"公寓"', '愚园路一弄']);
  });

  it('keeps HTML names as the exact text', async () => {
    const result = await importLayer(hostile('html-in-names.geojson'), 'html-in-names.geojson', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.layer.households.names).toEqual([
      "<script>alert('静安')</script>静安寺小区",
      '华山公寓 <b>新</b>',
      '<img src=x onerror=alert(1)>',
    ]);
  });

  it('truncates a generated 5 MB property without trouble', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const text = JSON.stringify({
      type: 'Feature',
      properties: { households: 1, name: huge, note: huge },
      geometry: { type: 'Point', coordinates: [121.44, 31.22] },
    });
    const result = await importLayer(new TextEncoder().encode(text), 'enormous.geojson', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.layer.households.names![0]).toHaveLength(10_000);
    expect(result.layer.households.properties![0]!['note']).toHaveLength(10_000);
    expect(inEnglish(result.warnings).map((w) => w.message)).toEqual([
      "property 'name' is 5,242,880 characters long; only the first 10,000 were kept",
      "property 'note' is 5,242,880 characters long; only the first 10,000 were kept",
    ]);
  });

  it('refuses JSON nested a million levels deep without overflowing the stack', async () => {
    const deep = `{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}}`;
    const result = await importLayer(new TextEncoder().encode(deep), 'deep.geojson', households);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  });

  it('drops a property nested 100,000 levels deep, which would break saving later', async () => {
    const deep = `{"type":"Feature","properties":{"households":1,"a":${'['.repeat(100_000)}${']'.repeat(100_000)}},"geometry":{"type":"Point","coordinates":[121.44,31.22]}}`;
    const result = await importLayer(new TextEncoder().encode(deep), 'deep.geojson', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(inEnglish(result.warnings)).toEqual([
      { where: 'feature 1', message: "property 'a' is nested more than 32 levels deep and was dropped" },
    ]);
    const properties = result.layer.households.properties;
    expect(() => JSON.stringify(properties)).not.toThrow();
  });

  it('never lets a "__proto__" property reach a prototype', async () => {
    await importLayer(hostile('prototype-keys.geojson'), 'prototype-keys.geojson', households);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads the counts people write as what they mean', async () => {
    for (const file of ['written-counts.geojson', 'written-counts.csv']) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      // The CSV's refused lines dropped: what is left must read exactly.
      const kept = file.endsWith('.csv')
        ? text
            .split('\n')
            .filter((_, i) => ![3, 4, 5, 6].includes(i))
            .join('\n')
        : text;
      const result = await importLayer(new TextEncoder().encode(kept), file, households);
      if (!result.ok || result.layer.role !== 'households') return expect.unreachable(file);
      expect([...result.layer.households.households], file).toEqual(
        file.endsWith('.csv') ? [1234, 123, 1000] : [1234, 123, 1000, 89],
      );
    }
  });

  it('keeps a tag named "__proto__" as a tag and never expands a DOCTYPE entity', async () => {
    const { parseOsmXml } = await import('./osm-xml');
    const data = parseOsmXml(readFileSync(new URL('osm-doctype.osm', dir), 'utf8'));
    expect(Object.getPrototypeOf(data.ways[0]!.tags)).toBe(Object.prototype);
    expect(Object.entries(data.ways[0]!.tags)).toContainEqual(['__proto__', 'x']);
    expect(data.ways[0]!.tags['name']).toBe('&road; 南京路');
  });

  it.each(generatedHostileCases().map((c) => [c.file, c] as const))('generated %s: %s', async (_file, c) => {
    const bytes = c.bytes();
    const result = await importLayer(bytes, c.file, { role: c.role, crs: 'wgs84', householdsField: c.field });
    expect(result.ok ? 'accepted' : 'refused').toBe(c.refused ? 'refused' : 'accepted');
    const listed = inEnglish(result.ok ? result.warnings : result.problems);
    if (c.phrase === '') expect(listed).toEqual([]);
    else {
      expect(listed[0]!.where).toBe(c.where);
      expect(listed[0]!.message).toContain(c.phrase);
    }
    expect(JSON.stringify(listed)).not.toContain('error in the importer');
  });

  it('refuses fractional and enormous counts in a FlatGeobuf too (its fast point reader skipped the checks)', async () => {
    const { writeFlatGeobuf } = await import('./index');
    const point = (households: number, i: number) => ({
      type: 'Feature' as const,
      properties: { households },
      geometry: { type: 'Point' as const, coordinates: [121.44 + i * 1e-4, 31.22] },
    });
    const bytes = await writeFlatGeobuf({ type: 'FeatureCollection', features: [3, 2.5, 1e308, 1e308].map(point) });
    const result = await importLayer(bytes, 'counts.fgb', households);
    const listed = inEnglish(result.ok ? [] : result.problems).map((p) => `${p.where}: ${p.message}`);
    expect(listed).toEqual([
      expect.stringContaining("feature 2: household count '2.5' is not a whole number"),
      expect.stringContaining("feature 3: household count '1e+308' is more than the 1,000,000"),
      expect.stringContaining("feature 4: household count '1e+308' is more than the 1,000,000"),
    ]);
  });

  it('refuses an entity declared after a DOCTYPE in a KML, past the first 100 kB too', async () => {
    // The check was `<!DOCTYPE[^>]*\[`, which scanned on from every "<!DOCTYPE" of a run (100 kB of
    // them took 2.4 s, 300 kB 22 s); now any DOCTYPE with an entity declaration anywhere is refused.
    const { readKml } = await import('./kml-format');
    const text = `<?xml version="1.0"?><!DOCTYPE kml><kml>${' '.repeat(100_000)}<!ENTITY a "b"></kml>`;
    const result = await readKml(new TextEncoder().encode(text));
    expect(inEnglish(result.ok ? [] : result.problems)[0]?.message).toContain('the file declares XML entities');
  });

  it('has a row here and in the README for every file in the folder', () => {
    const files = readdirSync(dir)
      .filter((f) => f !== 'README.md')
      .sort();
    expect(CASES.map((c) => c.file).sort()).toEqual(files);
    const readme = readFileSync(new URL('README.md', dir), 'utf8');
    const listed = [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(files);
  });
});
