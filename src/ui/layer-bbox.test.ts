import { describe, expect, it } from 'vitest';
import { layerBBox } from './layer-bbox';

describe('the extent of an imported layer', () => {
  it('covers every facility, unit or household, and is null for an empty layer', () => {
    const f = (lon: number, lat: number) => ({ id: `${lon}`, name: '', category: 'x', lon, lat, properties: {} });
    expect(layerBBox({ layer: 'facilities', value: [f(121.4, 31.2), f(121.5, 31.1)] })).toEqual([
      121.4, 31.1, 121.5, 31.2,
    ]);
    expect(layerBBox({ layer: 'facilities', value: [] })).toBeNull();
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [1, 2],
          [3, 2],
          [3, 5],
          [1, 5],
          [1, 2],
        ],
      ],
    };
    expect(
      layerBBox({ layer: 'grids', value: [{ id: 'g', kind: 'grid', name: '', geometry: square, properties: {} }] }),
    ).toEqual([1, 2, 3, 5]);
    expect(
      layerBBox({
        layer: 'households',
        value: {
          coordinates: Float64Array.of(5, 6, 7, 8),
          households: Float64Array.of(1, 1),
          names: null,
          properties: null,
        },
      }),
    ).toEqual([5, 6, 7, 8]);
    expect(layerBBox({ layer: 'roads', value: null })).toBeNull();
  });
});
