import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaM2, fromWork, pointInGeometry, pointOnSurface, roundGeometry, toWork } from './geometry';

describe('roundGeometry', () => {
  it('rounds to 8 decimals by default and to any other count asked', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.123456789012, 31.1],
          [121.2, 31.1],
          [121.2, 31.2],
          [121.123456789012, 31.1],
        ],
      ],
    };
    expect(roundGeometry(g).coordinates[0]?.[0]).toEqual([121.12345679, 31.1]);
    expect(roundGeometry(g, 9).coordinates[0]?.[0]).toEqual([121.123456789, 31.1]);
  });

  it('drops vertices that rounding makes repeat, and holes that collapse', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1e-10, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
          [
            [0.5, 0.5],
            [0.5 + 1e-10, 0.5],
            [0.5, 0.5 + 1e-10],
            [0.5, 0.5],
          ],
        ],
      ],
    };
    const r = roundGeometry(g, 9);
    expect(r.type).toBe('MultiPolygon');
    expect(r.coordinates[0]).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]);
  });
});

describe('pointOnSurface', () => {
  it('lands inside a U, where the centroid would not', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ].map((ring) => ring.map(([x, y]) => [121.47 + (x as number) * 1e-3, 31.23 + (y as number) * 1e-3])),
    };
    const [x, y] = pointOnSurface(u);
    expect(pointInGeometry(x, y, u)).toBe(true);
  });
});

describe('work space', () => {
  it('round-trips coordinates to far below a millimetre', () => {
    const [x, y] = fromWork(toWork([121.4737, 31.2304]));
    expect(x).toBe(121.4737);
    expect(Math.abs(y - 31.2304)).toBeLessThan(1e-12);
  });

  it('is the space in which turf area adds up: a vertex on a work-space edge leaves the area unchanged', () => {
    const a = toWork([121.47, 31.22]);
    const b = toWork([121.48, 31.24]);
    const mid = fromWork([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    const triangle: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.47, 31.22],
          [121.48, 31.24],
          [121.47, 31.24],
          [121.47, 31.22],
        ],
      ],
    };
    const withMid: Polygon = {
      type: 'Polygon',
      coordinates: [[[121.47, 31.22], mid, [121.48, 31.24], [121.47, 31.24], [121.47, 31.22]]],
    };
    expect(Math.abs(areaM2(withMid) - areaM2(triangle))).toBeLessThan(1e-4);
  });
});
