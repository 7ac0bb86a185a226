import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { intersection, xor } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { areaM2, clipAreaM2, polygonsOf, toClip } from './geometry';
import {
  randomBlock,
  randomCrossingLine,
  rectangle,
  seededRandom,
  SHANGHAI,
  offset,
} from './random-geometries.testing';
import { SPLIT_REASONS, splitPolygon } from './split-community';

const line = (...pts: [number, number][]): LineString => ({
  type: 'LineString',
  coordinates: pts.map(([e, n]) => offset(SHANGHAI, e, n)),
});
const square = rectangle(SHANGHAI, 0, 0, 400, 400);

function decimalsOf(v: number): number {
  const s = String(v);
  return s.includes('.') ? (s.split('.')[1] as string).length : 0;
}

describe('splitPolygon', () => {
  it('parts of random blocks and lines add up to the original and do not overlap', () => {
    const rnd = seededRandom(1);
    let splits = 0;
    for (let n = 0; n < 150; n++) {
      const block = randomBlock(rnd, SHANGHAI, { hole: n % 3 === 0 });
      const result = splitPolygon(block, randomCrossingLine(rnd));
      if (!result.ok) {
        expect(Object.values(SPLIT_REASONS)).toContain(result.reason);
        continue;
      }
      splits++;
      const original = areaM2(block);
      const areas = result.parts.map(areaM2);
      expect(result.parts.length).toBeGreaterThanOrEqual(2);
      expect(Math.abs(areas.reduce((s, a) => s + a, 0) - original) / original).toBeLessThan(1e-6);
      expect(areas).toEqual([...areas].sort((p, q) => q - p));
      for (let i = 0; i < result.parts.length; i++) {
        for (let j = i + 1; j < result.parts.length; j++) {
          const shared = clipAreaM2(
            intersection(toClip(result.parts[i] as Polygon), toClip(result.parts[j] as Polygon)),
          );
          expect(shared).toBeLessThan(1e-3);
        }
      }
      // Together the parts are the block: nothing lost, nothing added (beyond rounding new vertices to 1e-9°).
      const [first, ...rest] = result.parts.map(toClip);
      expect(clipAreaM2(xor(toClip(block), first as never, ...rest)) / original).toBeLessThan(1e-6);
    }
    // The generator is meant to cross most blocks; if it stops doing so the test proves little.
    expect(splits).toBeGreaterThan(100);
  });

  it('cuts a square through two opposite vertices into two triangles', () => {
    const ring = square.coordinates[0] ?? [];
    const result = splitPolygon(square, { type: 'LineString', coordinates: [ring[0] ?? [], ring[2] ?? []] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts).toHaveLength(2);
    // Equal up to the curvature of the earth: the southern triangle is a hair wider.
    const [a, b] = result.parts.map(areaM2) as [number, number];
    expect(Math.abs(a - b) / a).toBeLessThan(1e-4);
    for (const p of result.parts) expect((p as Polygon).coordinates[0]).toHaveLength(4);
  });

  it('does not cut a splinter off a vertex the line misses by half a millimetre', () => {
    // Coordinates rounded to 8 decimals put the diagonal up to 0.5 mm off the corners.
    const result = splitPolygon(square, line([-100, -100], [500, 500]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts).toHaveLength(2);
    for (const area of result.parts.map(areaM2)) expect(area).toBeGreaterThan(0.4 * areaM2(square));
  });

  it('ignores the end of a line that stops inside after crossing', () => {
    const straight = splitPolygon(square, line([-50, 200], [450, 200]));
    const hooked = splitPolygon(square, line([-50, 200], [450, 200], [450, 300], [200, 300]));
    expect(hooked).toEqual(straight);
  });

  it('refuses a line that crosses the boundary once, or not at all', () => {
    expect(splitPolygon(square, line([-50, 200], [200, 200]))).toEqual({ ok: false, reason: SPLIT_REASONS.crossTwice });
    expect(splitPolygon(square, line([-50, -50], [450, -50]))).toEqual({ ok: false, reason: SPLIT_REASONS.crossTwice });
    expect(splitPolygon(square, line([100, 100], [300, 300]))).toEqual({ ok: false, reason: SPLIT_REASONS.crossTwice });
  });

  it('refuses a line drawn along the boundary, which divides nothing', () => {
    expect(splitPolygon(square, line([-50, 0], [450, 0]))).toEqual({ ok: false, reason: SPLIT_REASONS.noSplit });
  });

  it('refuses a line with a single point', () => {
    expect(splitPolygon(square, line([10, 10], [10, 10]))).toEqual({ ok: false, reason: SPLIT_REASONS.invalidLine });
  });

  it('keeps a hole the line misses in the part around it', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0] ?? [],
        (rectangle(SHANGHAI, 100, 100, 200, 200).coordinates[0] ?? []).slice().reverse(),
      ],
    };
    const result = splitPolygon(withHole, line([-50, 300], [450, 300]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const holed = result.parts.filter((p) => (p as Polygon).coordinates.length === 2);
    expect(holed).toHaveLength(1);
    expect(Math.abs(result.parts.map(areaM2).reduce((s, a) => s + a, 0) - areaM2(withHole))).toBeLessThan(0.01);
  });

  it('makes the faces a line enclosing a loop of its own cuts out', () => {
    // Crosses the square, loops round and crosses itself, then leaves through the south edge: the
    // south-west corner, the loop, and the rest around the loop.
    const result = splitPolygon(square, line([-50, 100], [300, 100], [300, 300], [200, 300], [200, -50]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts).toHaveLength(3);
    const loop = result.parts
      .map(areaM2)
      .find((a) => Math.abs(a - areaM2(rectangle(SHANGHAI, 200, 100, 300, 300))) < 1);
    expect(loop).toBeDefined();
    expect(
      Math.abs(result.parts.map(areaM2).reduce((s, a) => s + a, 0) - areaM2(square)) / areaM2(square),
    ).toBeLessThan(1e-6);
  });

  it('gives an island the line does not reach to the nearest part', () => {
    const island = rectangle(SHANGHAI, 500, 250, 600, 350).coordinates;
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, island] };
    const result = splitPolygon(multi, line([-50, 200], [450, 200]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts).toHaveLength(2);
    const north = result.parts.find((p) => p.type === 'MultiPolygon');
    expect(north && polygonsOf(north).length).toBe(2);
    // The island is nearer the northern half (y 200..400) than the southern one.
    expect(
      north && polygonsOf(north).some((rings) => (rings[0] ?? []).some(([, y]) => y > offset(SHANGHAI, 0, 390)[1])),
    ).toBe(true);
  });

  it('writes at most 9 decimals', () => {
    const result = splitPolygon(randomBlock(seededRandom(9)), randomCrossingLine(seededRandom(10)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const part of result.parts) {
      for (const rings of polygonsOf(part))
        for (const ring of rings)
          for (const [x, y] of ring) {
            expect(Math.max(decimalsOf(x), decimalsOf(y))).toBeLessThanOrEqual(9);
          }
    }
  });
});
