// File-level GeoJSON problems (empty, not JSON, truncated, not GeoJSON, no features) on fixtures,
// the shapes of GeoJSON real tools write, and the RFC 7946 writer.
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importLayer, type ImportOptions, writeGeoJson } from './index';
import { inEnglish, type EnglishProblem } from './problems.testing';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));
const households: ImportOptions = { role: 'households', crs: 'wgs84', householdsField: 'households' };
const encode = (value: unknown): Uint8Array =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

async function refusedFile(
  bytes: Uint8Array,
  name: string,
  options: ImportOptions = households,
): Promise<EnglishProblem> {
  const result = await importLayer(bytes, name, options);
  if (result.ok) return expect.unreachable(`${name} should have been refused`);
  expect(inEnglish(result.problems)).toHaveLength(1);
  expect(inEnglish(result.problems)[0]!.where).toBe('file');
  return inEnglish(result.problems)[0]!;
}

describe('file-level problems', () => {
  it('refuses an empty file', async () => {
    expect((await refusedFile(fixture('empty.geojson'), 'empty.geojson')).message).toBe('the file is empty');
  });

  it('refuses a file of only whitespace', async () => {
    expect((await refusedFile(encode('  \n\r\n\t'), 'blank.geojson')).message).toBe('the file is empty');
  });

  it('refuses an HTML error page saved as .geojson, saying what it looks like', async () => {
    const { message } = await refusedFile(fixture('not-json.geojson'), 'not-json.geojson');
    expect(message).toContain('the file is not valid JSON: unexpected "<!DOCTYPE ht" at position 0 (line 1, column 1)');
    expect(message).toContain('looks like an HTML or XML page');
  });

  it('refuses a truncated file with the position of the end', async () => {
    const bytes = fixture('truncated.geojson');
    const characters = new TextDecoder().decode(bytes).length; // positions count characters, not bytes
    const { message } = await refusedFile(bytes, 'truncated.geojson');
    expect(message).toBe(
      `the file is not valid JSON: unexpected end at position ${characters} (line 5, column 38) — is it truncated?`,
    );
  });

  it('refuses NaN written by Python and says how to fix it', async () => {
    const { message } = await refusedFile(fixture('python-nan.geojson'), 'python-nan.geojson');
    expect(message).toContain('at position 112 (line 2, column 69)');
    expect(message).toContain('JSON has no NaN or Infinity');
  });

  it('refuses JSON that is not GeoJSON, listing what it has', async () => {
    const { message } = await refusedFile(fixture('not-geojson.json'), 'not-geojson.json');
    expect(message).toContain('the file is JSON but not GeoJSON: it has no "type" member');
    expect(message).toContain("'code', 'msg', 'data'");
  });

  it('recognises TopoJSON', async () => {
    expect((await refusedFile(fixture('topojson.json'), 'topojson.json')).message).toContain(
      'the file is TopoJSON, not GeoJSON',
    );
  });

  it('recognises Esri JSON', async () => {
    const esri = {
      geometryType: 'esriGeometryPoint',
      spatialReference: { wkid: 4326 },
      features: [{ attributes: {}, geometry: { x: 121.4, y: 31.2 } }],
    };
    expect((await refusedFile(encode(esri), 'arcgis.json')).message).toContain('Esri JSON');
  });

  it('refuses a FeatureCollection with no features', async () => {
    expect((await refusedFile(fixture('no-features.geojson'), 'no-features.geojson')).message).toContain(
      'the file has no features',
    );
  });

  it('refuses a FeatureCollection whose "features" is not a list', async () => {
    const { message } = await refusedFile(encode({ type: 'FeatureCollection', features: {} }), 'odd.geojson');
    expect(message).toContain('has no "features" list');
  });

  it('refuses a top-level GeometryCollection', async () => {
    const gc = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [121.4, 31.2] }] };
    expect((await refusedFile(encode(gc), 'gc.geojson')).message).toContain(
      "single GeometryCollection, which can't be imported",
    );
  });

  it('reads a GBK-encoded GeoJSON and warns about the encoding', async () => {
    // GB18030 bytes of {"type":"Feature","properties":{"name":"静安"},...}: built by hand since
    // TextEncoder only writes UTF-8.
    const head = encode('{"type":"Feature","properties":{"households":1,"name":"');
    const name = new Uint8Array([0xbe, 0xb2, 0xb0, 0xb2]); // 静安 in GBK
    const tail = encode('"},"geometry":{"type":"Point","coordinates":[121.44,31.22]}}');
    const bytes = new Uint8Array([...head, ...name, ...tail]);
    const result = await importLayer(bytes, 'gbk.geojson', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.encoding).toBe('gb18030');
    expect(result.layer.households.names).toEqual(['静安']);
    expect(inEnglish(result.warnings)[0]!.message).toContain('read as Chinese GBK/GB18030');
  });
});

describe('shapes of GeoJSON in the wild', () => {
  const point = { type: 'Point', coordinates: [121.4452, 31.2241] };
  const feature = { type: 'Feature', properties: { households: 12 }, geometry: point };

  it.each([
    ['a single Feature', feature],
    ['a bare geometry', point],
    ['a JSON list of features', [feature]],
  ])('accepts %s', async (_label, root) => {
    const result = await importLayer(encode(root), 'one.geojson', { role: 'households', crs: 'wgs84' });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect([...result.layer.households.coordinates]).toEqual([121.4452, 31.2241]);
  });

  it('treats a missing "properties" member as empty rather than refusing', async () => {
    const result = await importLayer(encode({ type: 'Feature', geometry: point }), 'bare.geojson', {
      role: 'households',
      crs: 'wgs84',
    });
    expect(result.ok).toBe(true);
  });

  it('refuses list items that are not features, naming them', async () => {
    const result = await importLayer(encode([feature, 42, { type: 'Feat' }]), 'list.geojson', households);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'feature 2', message: expect.stringContaining('not a GeoJSON Feature') as string },
      { where: 'feature 3', message: expect.stringContaining('"type": \'Feat\'') as string },
    ]);
  });

  it('keeps a "__proto__" property as data, not as a prototype', async () => {
    const text =
      '{"type":"Feature","properties":{"__proto__":{"polluted":true},"households":3},"geometry":{"type":"Point","coordinates":[121.44,31.22]}}';
    const result = await importLayer(encode(text), 'proto.geojson', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    const props = result.layer.households.properties![0]!;
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.hasOwn(props, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('writeGeoJson', () => {
  it('writes UTF-8 that reads back to the same features, dropping the obsolete crs member', () => {
    const fc = JSON.parse(new TextDecoder().decode(fixture('communities.geojson'))) as FeatureCollection;
    const bytes = writeGeoJson({
      ...fc,
      crs: { type: 'name', properties: { name: 'EPSG:4326' } },
      metadata: { plan: '静安' },
    });
    const back = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
    expect(back['crs']).toBeUndefined();
    expect(back['metadata']).toEqual({ plan: '静安' });
    expect(back['features']).toEqual(fc.features);
  });
});
