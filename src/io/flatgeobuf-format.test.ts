// FlatGeobuf: the committed fixture is what writeFlatGeobuf makes of communities.geojson (REGEN=1
// rewrites it), polygons survive the round trip, and damaged files are refused without hanging.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importLayer, inspectFile, writeFlatGeobuf } from './index';
import { inEnglish } from './problems.testing';

const fixtureUrl = (name: string): URL => new URL(`../../test/fixtures/import/${name}`, import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixtureUrl(name)));
const communitiesGeoJson = (): FeatureCollection =>
  JSON.parse(new TextDecoder().decode(fixture('communities.geojson'))) as FeatureCollection;

describe('FlatGeobuf', () => {
  it('the committed communities.fgb is writeFlatGeobuf(communities.geojson)', async () => {
    const fresh = await writeFlatGeobuf(communitiesGeoJson());
    if (process.env['REGEN'] === '1' || !existsSync(fixtureUrl('communities.fgb')))
      writeFileSync(fixtureUrl('communities.fgb'), fresh);
    expect(Buffer.from(fixture('communities.fgb')).equals(Buffer.from(fresh))).toBe(true);
  });

  it('round-trips polygons, a hole and a MultiPolygon to the same communities as the GeoJSON', async () => {
    const options = { role: 'communities', crs: 'wgs84' } as const;
    const fromFgb = await importLayer(fixture('communities.fgb'), 'communities.fgb', options);
    const fromJson = await importLayer(fixture('communities.geojson'), 'communities.geojson', options);
    if (!fromFgb.ok || !fromJson.ok || fromFgb.layer.role !== 'communities' || fromJson.layer.role !== 'communities')
      return expect.unreachable();
    expect(fromFgb.format).toBe('flatgeobuf');
    expect(fromFgb.layer.units).toEqual(fromJson.layer.units);
    expect(fromFgb.layer.units.map((u) => [u.id, u.name, u.communityType, u.geometry.type])).toEqual([
      ['C001', '静安寺社区', 'urban', 'Polygon'],
      ['C002', '南京西路社区', 'urban', 'Polygon'],
      ['C003', '华山社区', 'urban', 'MultiPolygon'],
    ]);
  });

  it('reads bytes that are not 8-byte aligned (a Node Buffer from the pool, a subarray)', async () => {
    const bytes = fixture('communities.fgb');
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const result = await importLayer(shifted.subarray(3), 'communities.fgb', { role: 'communities', crs: 'wgs84' });
    expect(result.ok).toBe(true);
  });

  it('is found by its magic bytes whatever the file is called', async () => {
    const result = await inspectFile(fixture('communities.fgb'), 'download');
    if (!result.ok) return expect.unreachable();
    expect(result.summary).toMatchObject({
      format: 'flatgeobuf',
      featureCount: 3,
      geometryTypes: ['Polygon', 'MultiPolygon'],
    });
    expect(result.summary.fields).toEqual(['id', 'name', 'communityType', '街道', 'type']);
  });

  it('refuses every truncation of a file with a reason, and never hangs', async () => {
    const bytes = fixture('communities.fgb');
    for (let length = 0; length < bytes.length; length++) {
      const result = await importLayer(bytes.slice(0, length), 'communities.fgb', {
        role: 'communities',
        crs: 'wgs84',
      });
      if (result.ok) return expect.unreachable(`a file cut to ${length} bytes was accepted`);
      expect(result.problems.length).toBeGreaterThan(0);
      expect(inEnglish(result.problems)[0]!.where).toBe('file');
    }
  });

  it('says a .fgb file that is something else is not FlatGeobuf', async () => {
    const result = await importLayer(fixture('communities.geojson'), 'communities.fgb', {
      role: 'communities',
      crs: 'wgs84',
    });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]!.message).toContain('does not start like a FlatGeobuf file');
  });

  it('refuses a header that puts a spatial index over zero features (the library would loop forever)', async () => {
    const bytes = fixture('communities.fgb').slice();
    const view = new DataView(bytes.buffer);
    // Find the header's index_node_size field (written as 0 by the serializer) via the vtable.
    const table = 12 + view.getUint32(12, true);
    const vtable = table - view.getInt32(table, true);
    const countOffset = view.getUint16(vtable + 4 + 2 * 8, true);
    const nodeSizeOffset = view.getUint16(vtable + 4 + 2 * 9, true);
    expect(nodeSizeOffset).toBeGreaterThan(0);
    view.setBigUint64(table + countOffset, 0n, true);
    view.setUint16(table + nodeSizeOffset, 16, true);
    const result = await importLayer(bytes, 'broken.fgb', { role: 'communities', crs: 'wgs84' });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]!.message).toContain('spatial index over zero features');
  });

  it('writes properties missing from the first feature (as text: the first feature sets column types), and mixed types as text', async () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'a', code: 1 },
          geometry: { type: 'Point', coordinates: [121.44, 31.22] },
        },
        {
          type: 'Feature',
          properties: { id: 'b', code: 'X-2', extra: true },
          geometry: { type: 'Point', coordinates: [121.45, 31.23] },
        },
      ],
    };
    const result = await importLayer(await writeFlatGeobuf(fc), 'points.fgb', { role: 'facilities', crs: 'wgs84' });
    if (!result.ok || result.layer.role !== 'facilities') return expect.unreachable();
    expect(result.layer.facilities.map((f) => f.properties)).toEqual([
      { id: 'a', code: '1' }, // FlatGeobuf stores no value for null
      { id: 'b', code: 'X-2', extra: 'true' },
    ]);
  });

  it('declares the coordinate system of a projected file in the refusal', async () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [13519217.8, 3661887.1] } },
      ],
    };
    const { serialize } = await import('flatgeobuf/lib/mjs/geojson.js');
    const result = await importLayer(serialize(fc, 3857), 'mercator.fgb', { role: 'households', crs: 'wgs84' });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)[0]!.message).toContain('the file itself declares EPSG:3857');
  });
});
