// What successful imports produce: WGS84 coordinates from BD-09/GCJ-02, household sets, areas with
// ids, names, types and parents, facilities with categories, roads; long text cut down.
import { readFileSync } from 'node:fs';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToGcj02 } from '../core/coordinates';
import { importLayer } from './index';
import { ProblemList } from './problem-list';
import { MAX_POINTS_WITH_PROPERTIES, toModel } from './to-model';
import { inEnglish } from './problems.testing';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));
const fixtureJson = (name: string): { features: Feature<Geometry>[] } =>
  JSON.parse(new TextDecoder().decode(fixture(name))) as { features: Feature<Geometry>[] };

describe('households', () => {
  it('converts BD-09 points with a households field to WGS84', async () => {
    const result = await importLayer(fixture('households-bd09.geojson'), 'households-bd09.geojson', {
      role: 'households',
      crs: 'bd09',
      householdsField: 'households',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    const source = fixtureJson('households-bd09.geojson').features;
    const set = result.layer.households;
    expect(result.layer.count).toBe(5);
    expect(set.coordinates).toBeInstanceOf(Float64Array);
    source.forEach((f, i) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      const [wLon, wLat] = bd09ToWgs84(lon!, lat!);
      expect(set.coordinates[2 * i]).toBeCloseTo(wLon, 10);
      expect(set.coordinates[2 * i + 1]).toBeCloseTo(wLat, 10);
      // BD-09 sits several hundred metres from WGS84 in Shanghai; make sure it moved.
      expect(Math.abs(set.coordinates[2 * i]! - lon!)).toBeGreaterThan(0.005);
    });
    expect([...set.households]).toEqual([1285, 642, 318, 905, 1530]);
    expect(set.names).toEqual(['静安寺小区', '华山公寓', '愚园路一弄', '常德名园', '南京西路新村']);
    expect(set.properties?.[0]).toEqual({ name: '静安寺小区', households: 1285, district: '静安区' });
  });

  it('counts 1 per point without a households field and has no names without a name field', async () => {
    const text = JSON.stringify({
      type: 'Feature',
      properties: { 地址: '华山路 1 号' },
      geometry: { type: 'Point', coordinates: [121.44, 31.22] },
    });
    const result = await importLayer(new TextEncoder().encode(text), 'one.geojson', {
      role: 'households',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect([...result.layer.households.households]).toEqual([1]);
    expect(result.layer.households.names).toBeNull();
    expect(result.notes).toEqual(['1 households (1 per point) at 1 point']);
  });

  it('drops per-point properties above the memory threshold, keeping coordinates and names', () => {
    const n = MAX_POINTS_WITH_PROPERTIES + 1;
    const features: Feature<Geometry>[] = Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { name: `p${i}` },
      geometry: { type: 'Point', coordinates: [121 + i * 1e-6, 31] },
    }));
    const layer = toModel(
      { features, counts: new Float64Array(n).fill(2), ids: null },
      { role: 'households', crs: 'wgs84', where: (i) => ({ kind: 'feature', n: i + 1 }), warnings: new ProblemList() },
    );
    if (layer.role !== 'households') return expect.unreachable();
    expect(layer.households.properties).toBeNull();
    expect(layer.households.names?.[n - 1]).toBe(`p${n - 1}`);
    expect(layer.count).toBe(n);
  });

  it('keeps names with HTML as plain text and warns', async () => {
    const result = await importLayer(fixture('html-in-names.geojson'), 'html.geojson', {
      role: 'households',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.layer.households.names?.[0]).toBe("<script>alert('静安')</script>静安寺小区");
    expect(inEnglish(result.warnings).map((w) => w.where)).toEqual(['feature 1', 'feature 2', 'feature 3']);
    expect(inEnglish(result.warnings)[0]!.message).toContain('contains HTML markup; it is kept as plain text');
  });
});

describe('communities and grids', () => {
  it('takes ids, names and community types from properties and converts GCJ-02 rings', async () => {
    const result = await importLayer(fixture('communities.geojson'), 'communities.geojson', {
      role: 'communities',
      crs: 'gcj02',
    });
    if (!result.ok || result.layer.role !== 'communities') return expect.unreachable();
    const [first, second, third] = result.layer.units;
    expect(first).toMatchObject({ id: 'C001', kind: 'community', name: '静安寺社区', communityType: 'urban' });
    expect(second).toMatchObject({ id: 'C002', communityType: 'urban' }); // from "type"
    expect(third!.geometry.type).toBe('MultiPolygon');
    expect(first!.properties).toEqual({ id: 'C001', name: '静安寺社区', communityType: 'urban', 街道: '静安寺街道' });
    const ring = (first!.geometry.coordinates as number[][][])[0]!;
    const [wLon, wLat] = gcj02ToWgs84(121.44, 31.22);
    expect(ring[0]![0]).toBeCloseTo(wLon, 10);
    expect(ring[0]![1]).toBeCloseTo(wLat, 10);
    // and back again within a millimetre
    const [gLon, gLat] = wgs84ToGcj02(ring[0]![0]!, ring[0]![1]!);
    expect(gLon).toBeCloseTo(121.44, 8);
    expect(gLat).toBeCloseTo(31.22, 8);
    // the hole survives
    expect((second!.geometry.coordinates as number[][][]).length).toBe(2);
  });

  it('gives grids their parent and generates ids that skip ones in use', async () => {
    const result = await importLayer(fixture('grids.geojson'), 'grids.geojson', { role: 'grids', crs: 'wgs84' });
    if (!result.ok || result.layer.role !== 'grids') return expect.unreachable();
    expect(result.layer.units.map((u) => [u.id, u.kind, u.parentId, u.name])).toEqual([
      ['G001-1', 'grid', 'C001', '静安寺社区第1网格'],
      ['G001-2', 'grid', 'C001', '静安寺社区第2网格'],
      ['G1', 'grid', 'C001', '静安寺社区第3网格'],
    ]);
  });

  it('uses the GeoJSON feature id when there is no id property, and the id when there is no name', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 7,
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.44, 31.22],
                [121.45, 31.22],
                [121.45, 31.23],
                [121.44, 31.22],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { C1: 'x' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.46, 31.22],
                [121.47, 31.22],
                [121.47, 31.23],
                [121.46, 31.22],
              ],
            ],
          },
        },
      ],
    });
    const result = await importLayer(new TextEncoder().encode(text), 'c.geojson', {
      role: 'communities',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'communities') return expect.unreachable();
    expect(result.layer.units.map((u) => [u.id, u.name])).toEqual([
      ['7', '7'],
      ['C1', 'C1'],
    ]);
  });
});

describe('facilities and roads', () => {
  it('reads categories, falls back to the source type, splits MultiPoints and parses floor area', async () => {
    const result = await importLayer(fixture('facilities.geojson'), 'facilities.geojson', {
      role: 'facilities',
      crs: 'wgs84',
    });
    if (!result.ok || result.layer.role !== 'facilities') return expect.unreachable();
    expect(result.layer.facilities.map((f) => [f.id, f.category, f.sourceType, f.floorArea])).toEqual([
      ['F-KG-01', 'kindergarten', undefined, 2400],
      ['F-CH-01', 'community-health-centre', undefined, undefined],
      ['F-AM-01', '交通设施服务;地铁站;地铁站', '交通设施服务;地铁站;地铁站', undefined],
      ['F-BS-1', 'other', undefined, undefined],
      ['F-BS-2', 'other', undefined, undefined],
    ]);
    expect(inEnglish(result.warnings)).toEqual([
      { where: 'file', message: expect.stringContaining("1 facility has no 'category' or 'type' property") as string },
      // Unmapped (mapAmapTypes is off), AMap's type is no category a rule counts.
      {
        where: 'file',
        message: expect.stringContaining(
          "the category '交通设施服务;地铁站;地铁站', which is not in the current rules",
        ) as string,
      },
    ]);
  });

  it('keeps roads as WGS84 lines with their ids and properties', async () => {
    const result = await importLayer(fixture('roads.geojson'), 'roads.geojson', { role: 'roads', crs: 'wgs84' });
    if (!result.ok || result.layer.role !== 'roads') return expect.unreachable();
    expect(result.layer.roads.features.map((f) => [f.id, f.geometry.type, f.properties?.['name'] as unknown])).toEqual([
      ['way/1', 'LineString', '南京西路'],
      ['way/2', 'MultiLineString', '华山路'],
    ]);
  });
});

describe('AMap type mapping for facilities', () => {
  it('maps AMap types onto project categories and leaves pet clinics out, only when asked', async () => {
    const { importLayer } = await import('./index');
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '某某幼儿园', type: '科教文化服务;学校;幼儿园' },
          geometry: { type: 'Point', coordinates: [121.47, 31.23] },
        },
        {
          type: 'Feature',
          properties: { name: '爱宠动物医院', type: '医疗保健服务;动物医疗场所;宠物诊所' },
          geometry: { type: 'Point', coordinates: [121.48, 31.23] },
        },
        {
          type: 'Feature',
          properties: { name: '社区服务中心', category: 'community-service-station', 建筑面积: '650' },
          geometry: { type: 'Point', coordinates: [121.49, 31.23] },
        },
      ],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(fc));
    const mapped = await importLayer(bytes, 'f.geojson', { role: 'facilities', crs: 'wgs84', mapAmapTypes: true });
    if (!mapped.ok || mapped.layer.role !== 'facilities') throw new Error('import failed');
    expect(mapped.layer.facilities.map((f) => f.category)).toEqual(['kindergarten', 'community-service-station']);
    expect(mapped.layer.facilities[1]!.floorArea).toBe(650);
    expect(inEnglish(mapped.warnings).some((w) => /not a service facility/.test(w.message))).toBe(true);
    const raw = await importLayer(bytes, 'f.geojson', { role: 'facilities', crs: 'wgs84' });
    if (!raw.ok || raw.layer.role !== 'facilities') throw new Error('import failed');
    expect(raw.layer.facilities).toHaveLength(3);
    expect(raw.layer.facilities[0]!.category).toBe('科教文化服务;学校;幼儿园');
  });
});
