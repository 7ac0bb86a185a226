import type { Polygon } from 'geojson';
import { difference, intersection } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { divideIntoGrids } from './divide-into-grids';
import { type AreaGeometry, clipAreaM2, localProjection, polygonsOf, toClip } from './geometry';
import { certainlyDisjoint, certainlyWithin, planarBoundary } from './polygon-relation';
import {
  SHANGHAI,
  offset,
  randomBlock,
  randomCrossingLine,
  randomHouseholds,
  rectangle,
  seededRandom,
} from './random-geometries.testing';
import { splitPolygon } from './split-community';

const proj = localProjection(SHANGHAI[0], SHANGHAI[1]);
const planar = (g: AreaGeometry) => planarBoundary(polygonsOf(g), proj);
const overlapM2 = (a: AreaGeometry, b: AreaGeometry) => clipAreaM2(intersection(toClip(a), toClip(b)));
const outsideM2 = (a: AreaGeometry, b: AreaGeometry) => clipAreaM2(difference(toClip(a), toClip(b)));

describe('polygon relations', () => {
  it('never calls overlapping areas disjoint, and settles split parts (which share edges) itself', () => {
    const rnd = seededRandom(11);
    let settled = 0;
    let pairs = 0;
    for (let n = 0; n < 60; n++) {
      const block = randomBlock(rnd, SHANGHAI, { hole: n % 5 === 0 });
      const split = splitPolygon(block, randomCrossingLine(rnd));
      const others: AreaGeometry[] = split.ok ? split.parts : [];
      // A random neighbour that may or may not overlap, and the block itself.
      others.push(randomBlock(rnd, offset(SHANGHAI, (rnd() - 0.5) * 1200, (rnd() - 0.5) * 1200)), block);
      for (let i = 0; i < others.length; i++) {
        for (let j = i + 1; j < others.length; j++) {
          const a = others[i] as AreaGeometry;
          const b = others[j] as AreaGeometry;
          pairs++;
          if (certainlyDisjoint(planar(a), planar(b))) {
            expect(overlapM2(a, b)).toBeLessThan(1);
            if (split.ok && i < split.parts.length && j < split.parts.length) settled++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
    expect(settled).toBeGreaterThan(40);
  });

  it('calls identical areas not disjoint', () => {
    const a = rectangle(SHANGHAI, 0, 0, 300, 300);
    expect(certainlyDisjoint(planar(a), planar(a))).toBe(false);
  });

  it('never calls a grid within a community it sticks out of, and settles proposed grids itself', () => {
    const rnd = seededRandom(12);
    let within = 0;
    let grids = 0;
    for (let n = 0; n < 8; n++) {
      const community = randomBlock(rnd, SHANGHAI, { hole: n % 3 === 0 });
      const neighbour = randomBlock(rnd, offset(SHANGHAI, (rnd() - 0.5) * 900, (rnd() - 0.5) * 900));
      const proposal = divideIntoGrids(community, randomHouseholds(rnd, 200), { min: 200, max: 400 });
      for (const g of proposal.grids) {
        grids++;
        const inOwn = certainlyWithin(planar(g.geometry), planar(community));
        if (inOwn) within++;
        for (const c of [community, neighbour]) {
          if (certainlyWithin(planar(g.geometry), planar(c))) expect(outsideM2(g.geometry, c)).toBeLessThan(1);
        }
      }
    }
    expect(within / grids).toBeGreaterThan(0.9);
  });

  it('calls a grid filling a hole exactly, or sticking out, not within', () => {
    const hole = rectangle(SHANGHAI, 100, 100, 200, 200);
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        rectangle(SHANGHAI, 0, 0, 300, 300).coordinates[0] ?? [],
        [...(hole.coordinates[0] ?? [])].reverse(),
      ],
    };
    expect(certainlyWithin(planar(hole), planar(holed))).toBe(false);
    expect(certainlyWithin(planar(rectangle(SHANGHAI, 250, 0, 350, 100)), planar(holed))).toBe(false);
    expect(certainlyWithin(planar(rectangle(SHANGHAI, 0, 0, 100, 100)), planar(holed))).toBe(true);
  });
});
