import { describe, expect, it } from 'vitest';
import { householdLabels, labelPoint, loadBundledGlyphs } from './labels';

describe('bundled glyphs', () => {
  it('refuses every range but 0-255 without a request, so MapLibre draws those characters locally', async () => {
    const calls: unknown[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (...args: unknown[]) => {
      calls.push(args);
      return Promise.reject(new Error('no network in tests'));
    };
    try {
      await expect(
        loadBundledGlyphs({ url: 'bundled-glyphs://Noto Sans Regular/8192-8447' }, new AbortController()),
      ).rejects.toThrow('8192-8447 is not bundled');
      expect(calls).toEqual([]);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('label placement', () => {
  it('puts the label of a U-shaped community inside it, not in the hollow', () => {
    // A U: the vertex centroid's x (0.5) lies in the hollow between the arms.
    const u = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0.8, 1],
          [0.8, 0.2],
          [0.2, 0.2],
          [0.2, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const [x, y] = labelPoint(u)!;
    const inArm = (x! > 0 && x! < 0.2) || (x! > 0.8 && x! < 1);
    expect(y! > 0.2 ? inArm : x! > 0 && x! < 1).toBe(true);
  });

  it('labels the largest part of a multipolygon and only named compounds', () => {
    const sq = (x: number, d: number) => [
      [
        [x, 0],
        [x + d, 0],
        [x + d, d],
        [x, d],
        [x, 0],
      ],
    ];
    const p = labelPoint({ type: 'MultiPolygon', coordinates: [sq(0, 1), sq(10, 3)] })!;
    expect(p[0]!).toBeGreaterThan(10);
    const labels = householdLabels({
      coordinates: new Float64Array([1, 2, 3, 4]),
      households: new Float64Array([5, 6]),
      names: [null, '万业新阶'],
      properties: null,
    });
    expect(labels.features.map((f) => [f.properties?.name as string, f.geometry.coordinates])).toEqual([
      ['万业新阶', [3, 4]],
    ]);
  });
});
