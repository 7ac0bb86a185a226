import { describe, expect, it } from 'vitest';
import turfLength from '@turf/length';
import type { LineString } from 'geojson';
import { buildWalkingNetwork } from './walking-network';
import { selectSnapped, snappedPoint, snapPoint, snapPoints } from './snap';
import { distanceToNearest, nearestFacility } from './coverage';
import { nearestFacilityPath, shortestPath } from './path';
import { line, randomPoints, randomStreets, seededRandom } from './random-networks.testing';

const metres = (g: LineString) =>
  turfLength({ type: 'Feature', properties: {}, geometry: g }, { units: 'kilometers' }) * 1000;

describe('shortestPath', () => {
  // A plus sign: two streets crossing at a shared vertex (121.005, 31.005).
  const net = buildWalkingNetwork([
    line([
      [121.0, 31.005],
      [121.005, 31.005],
      [121.01, 31.005],
    ]),
    line([
      [121.005, 31.0],
      [121.005, 31.005],
      [121.005, 31.01],
    ]),
  ]);

  it('walks from arm to arm through the crossing, access legs included', () => {
    const from = snapPoint(net, 121.002, 31.0052); // west arm, 22 m north of it
    const to = snapPoint(net, 121.0048, 31.008); // north arm, 19 m west of it
    const path = shortestPath(net, from, to)!;
    const coords = path.geometry.coordinates;
    expect(coords[0]).toEqual([121.002, 31.0052]);
    expect(coords[coords.length - 1]).toEqual([121.0048, 31.008]);
    expect(coords).toContainEqual([121.005, 31.005]);
    expect(metres(path.geometry) / path.length).toBeCloseTo(1, 3);
    const alone = distanceToNearest(
      net,
      snapPoints(net, Float64Array.of(121.002, 31.0052)),
      snapPoints(net, Float64Array.of(121.0048, 31.008)),
    );
    expect(path.length).toBeCloseTo(alone[0]!, 6);
  });

  it('walks straight along the edge when both points are on it', () => {
    const from = snapPoint(net, 121.001, 31.0051);
    const to = snapPoint(net, 121.003, 31.0049);
    const path = shortestPath(net, from, to)!;
    expect(path.geometry.coordinates.length).toBe(4);
    expect(path.length).toBeCloseTo(from.access + Math.abs(to.along - from.along) + to.access, 9);
  });

  it('returns null for points off the network or not connected to each other', () => {
    const island = buildWalkingNetwork([
      line([
        [121, 31],
        [121.001, 31],
      ]),
      line([
        [121.002, 31],
        [121.003, 31],
      ]),
    ]);
    expect(shortestPath(island, snapPoint(island, 121.0005, 31), snapPoint(island, 121.0025, 31))).toBeNull();
    expect(shortestPath(island, snapPoint(island, 121.0005, 31), snapPoint(island, 122, 31))).toBeNull();
  });

  it('agrees with distanceToNearest on random streets, and its line is as long as it says', () => {
    const rand = seededRandom(41);
    const streets = randomStreets(rand, 2, 6, 10);
    const w = buildWalkingNetwork(streets.lines);
    const pts = snapPoints(w, randomPoints(rand, streets, 200), { maxDistance: 200 });
    let checked = 0;
    for (let i = 0; i + 1 < pts.count; i += 2) {
      const expected = distanceToNearest(w, selectSnapped(pts, [i]), selectSnapped(pts, [i + 1]))[0]!;
      const path = shortestPath(w, snappedPoint(pts, i), snappedPoint(pts, i + 1));
      if (expected === Infinity) {
        expect(path).toBeNull();
        continue;
      }
      expect(path!.length).toBeCloseTo(expected, 6);
      expect(Math.abs(metres(path!.geometry) - path!.length)).toBeLessThan(0.005 * path!.length + 0.01);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('nearestFacilityPath', () => {
  it('rebuilds each household’s walk to its nearest facility from one multi-source search', () => {
    const rand = seededRandom(42);
    const streets = randomStreets(rand, 2, 6, 10);
    const w = buildWalkingNetwork(streets.lines);
    const facilityCoords = randomPoints(rand, streets, 4);
    const facilities = snapPoints(w, facilityCoords, { maxDistance: 200 });
    // Households include one beside each facility, to go through the same-edge case.
    const homeCoords = Float64Array.from([
      ...randomPoints(rand, streets, 40),
      ...Array.from(facilityCoords, (c) => c + 1e-6),
    ]);
    const homes = snapPoints(w, homeCoords, { maxDistance: 200 });
    const nearest = nearestFacility(w, facilities, homes);
    for (let t = 0; t < homes.count; t++) {
      const path = nearestFacilityPath(w, nearest.search, facilities, snappedPoint(homes, t));
      if (nearest.distance[t] === Infinity) {
        expect(path).toBeNull();
        continue;
      }
      expect(path!.length).toBeCloseTo(nearest.distance[t]!, 6);
      const s = path!.sourceIndex;
      // The path starts at that facility and ends at the household.
      const coords = path!.geometry.coordinates;
      expect(coords[0]).toEqual([facilities.lon[s], facilities.lat[s]]);
      expect(coords[coords.length - 1]).toEqual([homes.lon[t], homes.lat[t]]);
      expect(Math.abs(metres(path!.geometry) - path!.length)).toBeLessThan(0.005 * path!.length + 0.01);
    }
  });
});
