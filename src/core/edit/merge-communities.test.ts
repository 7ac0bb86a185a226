import type { Polygon } from 'geojson';
import { xor } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { areaM2, clipAreaM2, polygonsOf, toClip } from './geometry';
import { MERGE_REASONS, areasTouch, mergePolygons } from './merge-communities';
import { SHANGHAI, randomBlock, randomCrossingLine, rectangle, seededRandom } from './random-geometries.testing';
import { splitPolygon } from './split-community';

describe('mergePolygons', () => {
  it('merging the two parts of a split gives back the block, with area a + b', () => {
    const rnd = seededRandom(2);
    let merged = 0;
    for (let n = 0; n < 80; n++) {
      const block = randomBlock(rnd);
      const split = splitPolygon(block, randomCrossingLine(rnd));
      if (!split.ok || split.parts.length !== 2) continue;
      const [a, b] = split.parts as [Polygon, Polygon];
      const result = mergePolygons(a, b);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      merged++;
      expect(result.geometry.type).toBe('Polygon');
      const sum = areaM2(a) + areaM2(b);
      expect(Math.abs(areaM2(result.geometry) - sum) / sum).toBeLessThan(1e-6);
      expect(clipAreaM2(xor(toClip(result.geometry), toClip(block))) / areaM2(block)).toBeLessThan(1e-6);
    }
    expect(merged).toBeGreaterThan(40);
  });

  it('random rectangles sharing part of an edge merge to area a + b', () => {
    const rnd = seededRandom(3);
    for (let n = 0; n < 40; n++) {
      const w = 100 + rnd() * 300;
      const a = rectangle(SHANGHAI, 0, 0, w, 100 + rnd() * 300);
      const south = rnd() * 80;
      const b = rectangle(SHANGHAI, w, south, w + 50 + rnd() * 300, south + 50 + rnd() * 200);
      const result = mergePolygons(a, b);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.geometry.type).toBe('Polygon');
      const sum = areaM2(a) + areaM2(b);
      expect(Math.abs(areaM2(result.geometry) - sum) / sum).toBeLessThan(1e-6);
    }
  });

  it('counts an overlap once', () => {
    const a = rectangle(SHANGHAI, 0, 0, 300, 300);
    const b = rectangle(SHANGHAI, 200, 0, 500, 300);
    const result = mergePolygons(a, b);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = areaM2(rectangle(SHANGHAI, 0, 0, 500, 300));
    expect(Math.abs(areaM2(result.geometry) - expected) / expected).toBeLessThan(1e-6);
  });

  it('refuses communities 30 m apart, unless adjacency is not required', () => {
    const a = rectangle(SHANGHAI, 0, 0, 300, 300);
    const b = rectangle(SHANGHAI, 330, 0, 600, 300);
    expect(mergePolygons(a, b)).toEqual({ ok: false, reason: MERGE_REASONS.notTouching });
    const loose = mergePolygons(a, b, { requireAdjacent: false });
    expect(loose.ok && loose.geometry.type).toBe('MultiPolygon');
  });

  it('closes a 0.3 m digitising gap but not a 0.8 m one', () => {
    const a = rectangle(SHANGHAI, 0, 0, 300, 300);
    const near = rectangle(SHANGHAI, 300.3, 20, 600, 280);
    expect(areasTouch(a, near)).toBe(true);
    const result = mergePolygons(a, near);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // One piece and no sliver hole along the old gap.
    expect(polygonsOf(result.geometry)).toHaveLength(1);
    expect(polygonsOf(result.geometry)[0]).toHaveLength(1);
    expect(mergePolygons(a, rectangle(SHANGHAI, 300.8, 20, 600, 280))).toEqual({
      ok: false,
      reason: MERGE_REASONS.notTouching,
    });
  });

  it('merges a community with one inside it', () => {
    const outer = rectangle(SHANGHAI, 0, 0, 600, 600);
    const inner = rectangle(SHANGHAI, 200, 200, 300, 300);
    const result = mergePolygons(outer, inner);
    expect(result.ok && Math.abs(areaM2(result.geometry) - areaM2(outer))).toBeLessThan(1e-3);
  });
});
