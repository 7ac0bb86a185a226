import { intersection } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { CLIP_REASONS, clipToNeighbours, findOverlaps } from './clip-to-neighbours';
import { areaM2, clipAreaM2, polygonsOf, toClip } from './geometry';
import { SHANGHAI, randomBlock, rectangle, seededRandom } from './random-geometries.testing';

describe('clipToNeighbours and findOverlaps', () => {
  it('the clipped community and its overlaps add up to the edited one, and the clipped one overlaps nothing', () => {
    const rnd = seededRandom(4);
    // Neighbours tiling the ground around the middle, as adjacent communities do.
    const neighbours = [
      rectangle(SHANGHAI, -900, -900, 0, 0),
      rectangle(SHANGHAI, 0, -900, 900, 0),
      rectangle(SHANGHAI, -900, 0, 0, 900),
    ];
    for (let n = 0; n < 30; n++) {
      const edited = randomBlock(rnd);
      const clipped = clipToNeighbours(edited, neighbours);
      const overlaps = findOverlaps(edited, neighbours);
      expect(clipped.ok).toBe(true);
      if (!clipped.ok) continue;
      const total = areaM2(clipped.geometry) + overlaps.reduce((s, o) => s + o.area_m2, 0);
      expect(Math.abs(total - areaM2(edited)) / areaM2(edited)).toBeLessThan(1e-6);
      expect(Math.abs(clipped.removedArea_m2 - (areaM2(edited) - areaM2(clipped.geometry)))).toBeLessThan(1e-6);
      for (const neighbour of neighbours) {
        expect(clipAreaM2(intersection(toClip(clipped.geometry), toClip(neighbour)))).toBeLessThan(1e-3);
      }
    }
  });

  it('reports overlaps largest first with the neighbour they are with', () => {
    const edited = rectangle(SHANGHAI, 0, 0, 300, 300);
    const small = rectangle(SHANGHAI, 290, 0, 600, 300); // 10 m strip
    const large = rectangle(SHANGHAI, 0, 250, 300, 600); // 50 m strip
    const far = rectangle(SHANGHAI, 1000, 1000, 1200, 1200);
    const overlaps = findOverlaps(edited, [small, far, large]);
    expect(overlaps.map((o) => o.neighbourIndex)).toEqual([2, 0]);
    expect(overlaps[0]?.area_m2).toBeCloseTo(areaM2(rectangle(SHANGHAI, 0, 250, 300, 300)), 0);
  });

  it('drops slivers: an edge dragged 2 mm over a shared edge (0.6 m²) is no overlap and leaves no splinter', () => {
    const edited = rectangle(SHANGHAI, 0, 0, 300.002, 300);
    const neighbour = rectangle(SHANGHAI, 300, -50, 600, 350);
    expect(findOverlaps(edited, [neighbour])).toEqual([]);
    const clipped = clipToNeighbours(edited, [neighbour]);
    expect(clipped.ok && polygonsOf(clipped.geometry)).toHaveLength(1);
  });

  it('fails with a reason when the neighbours cover the community', () => {
    const edited = rectangle(SHANGHAI, 0, 0, 100, 100);
    expect(clipToNeighbours(edited, [rectangle(SHANGHAI, -10, -10, 110, 110)])).toEqual({
      ok: false,
      reason: CLIP_REASONS.nothingLeft,
    });
  });

  it('returns the community unchanged when nothing overlaps it', () => {
    const edited = rectangle(SHANGHAI, 0, 0, 100, 100);
    const clipped = clipToNeighbours(edited, [rectangle(SHANGHAI, 100, 0, 200, 100)]);
    expect(clipped.ok && clipped.removedArea_m2).toBeLessThan(1e-6);
    expect(clipped.ok && Math.abs(areaM2(clipped.geometry) - areaM2(edited))).toBeLessThan(1e-6);
  });
});
