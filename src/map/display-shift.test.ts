import { describe, expect, it } from 'vitest';
import { DisplayShift, NO_SHIFT } from './display-shift';
import { displayCrsOf, tileLayerIds, tileLayers } from './basemaps';
import { wgs84ToGcj02, wgs84ToBd09 } from '../core/coordinates';
import { TILE_PRESETS } from '../state/settings-store.svelte';

const PEOPLE_SQUARE: [number, number] = [121.4737, 31.2304];

describe('drawing shifted over a Chinese basemap', () => {
  it('draws WGS84 data at its GCJ-02 position and turns a click back into WGS84', () => {
    const shift = new DisplayShift('gcj02');
    const drawn = shift.toDisplay(...PEOPLE_SQUARE);
    expect(drawn).toEqual(wgs84ToGcj02(...PEOPLE_SQUARE));
    // The offset in Shanghai is hundreds of metres: it must not be lost.
    expect(Math.hypot(drawn[0] - PEOPLE_SQUARE[0], drawn[1] - PEOPLE_SQUARE[1])).toBeGreaterThan(0.003);
    const back = shift.toData(...drawn);
    expect(Math.abs(back[0] - PEOPLE_SQUARE[0])).toBeLessThan(1e-9);
    expect(Math.abs(back[1] - PEOPLE_SQUARE[1])).toBeLessThan(1e-9);
    expect(new DisplayShift('bd09').toDisplay(...PEOPLE_SQUARE)).toEqual(wgs84ToBd09(...PEOPLE_SQUARE));
  });

  it('shifts geometries, collections and point arrays without touching the originals', () => {
    const shift = new DisplayShift('gcj02');
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121.47, 31.23],
          [121.48, 31.23],
          [121.48, 31.24],
          [121.47, 31.23],
        ],
      ],
    };
    const drawn = shift.geometry(polygon);
    expect(drawn.coordinates[0]![1]).toEqual(wgs84ToGcj02(121.48, 31.23));
    expect(polygon.coordinates[0]![1]).toEqual([121.48, 31.23]);
    const back = shift.geometry(drawn, 'data');
    back.coordinates[0]!.forEach((p, i) => {
      expect(p[0]!).toBeCloseTo(polygon.coordinates[0]![i]![0]!, 9);
      expect(p[1]!).toBeCloseTo(polygon.coordinates[0]![i]![1]!, 9);
    });
    const points = new Float64Array([...PEOPLE_SQUARE, 121.5, 31.3]);
    const shifted = shift.points(points);
    expect(shifted).not.toBe(points);
    expect([shifted[2], shifted[3]]).toEqual(wgs84ToGcj02(121.5, 31.3));
    expect(points[2]).toBe(121.5);
    const fc = shift.collection({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [121.5, 31.3] }, properties: {} }],
    });
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: wgs84ToGcj02(121.5, 31.3) });
  });

  it('is the identity (same objects) over a WGS84 basemap', () => {
    const points = new Float64Array([1, 2]);
    expect(NO_SHIFT.points(points)).toBe(points);
    expect(NO_SHIFT.toData(121, 31)).toEqual([121, 31]);
  });

  it('takes the tiles’ system only while the tiles are shown', () => {
    const amap = TILE_PRESETS.find((p) => p.id === 'amap')!.source;
    const osm = TILE_PRESETS.find((p) => p.id === 'osm')!.source;
    expect(displayCrsOf(amap, true)).toBe('gcj02');
    expect(displayCrsOf(amap, false)).toBe('wgs84');
    expect(displayCrsOf(osm, true)).toBe('wgs84');
    expect(displayCrsOf(null, true)).toBe('wgs84');
  });

  it('draws 天地图 as base tiles with its annotation over them', () => {
    const tdt = TILE_PRESETS.find((p) => p.id === 'tianditu')!.source;
    expect(tileLayerIds(tdt)).toEqual(['tiles', 'tiles-overlay-0']);
    const { sources, layers } = tileLayers(tdt);
    expect(sources.tiles!.tiles![0]).toContain('T=vec_w');
    expect(sources['tiles-overlay-0']!.tiles![0]).toContain('T=cva_w');
    expect(layers.map((l) => l.id)).toEqual(['tiles', 'tiles-overlay-0']);
    expect(tileLayers(null).layers).toEqual([]);
  });
});
