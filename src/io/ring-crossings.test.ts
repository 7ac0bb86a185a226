// Self-intersection finding: the sweep used for big rings agrees with @turf/kinks, finds crossings
// past the kinks threshold, and gives up within its budget.
import kinks from '@turf/kinks';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findRingCrossing, KINKS_MAX_VERTICES, sweepRing } from './ring-crossings';
import { seededRandom } from '../core/seeded-random';

const random = seededRandom;

/** A star-shaped ring around (121.44, 31.22), optionally with random jitter that may make it cross. */
function ring(n: number, jitter: number, rand: () => number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI + (rand() - 0.5) * jitter;
    const r = 0.001 * (1 + 0.3 * rand());
    out.push([121.44 + r * Math.cos(a), 31.22 + r * Math.sin(a)]);
  }
  out.push(out[0]!);
  return out;
}

describe('ring crossings', () => {
  it('the sweep agrees with @turf/kinks on whether 400 random rings cross themselves', () => {
    const rand = random(7);
    let crossing = 0;
    for (let k = 0; k < 400; k++) {
      const r = ring(5 + Math.floor(rand() * 40), rand() * 0.6, rand);
      const byKinks = kinks({ type: 'Polygon', coordinates: [r] }).features.length > 0;
      const bySweep = sweepRing(r, 1e9) !== null;
      expect(bySweep).toBe(byKinks);
      if (byKinks) crossing++;
    }
    // the jitter must produce both kinds for the comparison to mean anything
    expect(crossing).toBeGreaterThan(40);
    expect(crossing).toBeLessThan(360);
  });

  it('finds the crossing of a bow tie at its centre', () => {
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(findRingCrossing(bowTie, 1e6)).toEqual({ x: 1, y: 1 });
  });

  it('finds a crossing in a ring too big for kinks', () => {
    const r = ring(KINKS_MAX_VERTICES * 20, 0, () => 0.5); // a circle
    expect(findRingCrossing(r, 1e7)).toBeNull();
    // swap two neighbouring corners of the circle: the chords either side of them now cross
    const crossed = r.slice();
    [crossed[100], crossed[101]] = [crossed[101]!, crossed[100]!];
    const found = findRingCrossing(crossed, 1e7);
    expect(found).not.toBeNull();
    expect(found).not.toBe('too-complex');
  });

  it('ignores repeated consecutive positions, which are not crossings', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(findRingCrossing(square, 1e6)).toBeNull();
  });

  it('reports too-complex when the budget runs out', () => {
    const r = ring(KINKS_MAX_VERTICES * 20, 0, random(2));
    expect(sweepRing(r, 10)).toBe('too-complex');
  });
});
