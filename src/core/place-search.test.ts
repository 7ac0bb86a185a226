import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { foldName, planPlaces, PlaceIndex } from './place-search';
import type { AreaUnit } from './model';

const square = (x: number, y: number, d = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const unit = (kind: 'community' | 'grid', id: string, name: string, x: number): AreaUnit => ({
  id,
  kind,
  name,
  geometry: square(x, 31),
  properties: {},
});

const layers = {
  communities: [
    unit('community', 'C1', '宜川六村', 121.4),
    unit('community', 'C2', '宜川三村', 121.42),
    unit('community', 'C3', '南京东路社区', 121.48),
    unit('community', 'C4', '新宜川', 121.5),
  ],
  grids: [unit('grid', 'G1', '网格 C001-G01', 121.4)],
  households: {
    coordinates: new Float64Array([121.41, 31.005, 121.43, 31.006, 121.44, 31.007]),
    households: new Float64Array([100, 200, 300]),
    names: ['宜川', null, 'ＡＢＣ花园'],
    properties: null,
  },
  facilities: [{ id: 'F1', name: '南京东路(地铁站)', category: 'metro', lon: 121.48, lat: 31.23, properties: {} }],
  roads: {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { name: '南京东路' },
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [121.47, 31.23],
            [121.48, 31.235],
          ],
        },
      },
      {
        type: 'Feature' as const,
        properties: { name: '南京东路' },
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [121.48, 31.235],
            [121.49, 31.24],
          ],
        },
      },
      {
        type: 'Feature' as const,
        properties: {},
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [121.4, 31.2],
            [121.41, 31.2],
          ],
        },
      },
    ],
  },
};

describe('place search', () => {
  const index = new PlaceIndex(planPlaces(layers));

  it('collects every named place once, a road as one place over all its ways', () => {
    const kinds = planPlaces(layers).map((p) => `${p.kind}:${p.name}`);
    expect(kinds).toEqual([
      'community:宜川六村',
      'community:宜川三村',
      'community:南京东路社区',
      'community:新宜川',
      'grid:网格 C001-G01',
      'road:南京东路',
      'household:宜川',
      'household:ＡＢＣ花园',
      'facility:南京东路(地铁站)',
    ]);
    const road = planPlaces(layers).find((p) => p.kind === 'road')!;
    expect(road.bbox).toEqual([121.47, 31.23, 121.49, 31.24]);
  });

  it('finds plain Chinese substrings, exact names first, then prefixes, then the rest', () => {
    expect(index.search('宜川').map((p) => `${p.kind}:${p.name}`)).toEqual([
      'household:宜川',
      'community:宜川六村',
      'community:宜川三村',
      'community:新宜川',
    ]);
  });

  it('ranks an exact road name above the communities and facilities that contain it', () => {
    expect(index.search('南京东路').map((p) => p.kind)).toEqual(['road', 'community', 'facility']);
  });

  it('folds full-width letters, case, spaces and separators', () => {
    expect(foldName('ＡＢＣ 花园')).toBe('abc花园');
    expect(index.search('abc').map((p) => p.name)).toEqual(['ＡＢＣ花园']);
    expect(index.search('c001g01').map((p) => p.id)).toEqual(['G1']);
    expect(index.search('  ')).toEqual([]);
    expect(index.search('不存在')).toEqual([]);
  });

  it('gives a compound its point index and a point-sized box', () => {
    const [hit] = index.search('ABC花园');
    expect(hit).toMatchObject({ kind: 'household', index: 2, bbox: [121.44, 31.007, 121.44, 31.007] });
  });

  it('keeps to the limit', () => {
    expect(index.search('村', 1)).toHaveLength(1);
  });
});
