import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import turfArea from '@turf/area';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buildWalkingNetwork, pointAlongEdge } from './walking-network';
import { snappedPoint, snapPoint, snapPoints } from './snap';
import { distanceToNearest } from './coverage';
import { walkingArea } from './isochrone';
import { outlineLines } from './area-outline';
import { east, north, plusSign, randomStreets, seededRandom } from './random-networks.testing';
import { METRES_PER_DEGREE } from '../../core/geodesy';

const inside = (area: Polygon | MultiPolygon | null, p: Position) =>
  area !== null && booleanPointInPolygon(p, { type: 'Feature', properties: {}, geometry: area });
const areaOf = (g: Polygon | MultiPolygon) => turfArea({ type: 'Feature', properties: {}, geometry: g });
/** Signed area of a lon/lat ring (positive counter-clockwise). */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
  return s / 2;
}

describe('outlineLines', () => {
  const kx = METRES_PER_DEGREE * Math.cos((31 * Math.PI) / 180);
  const dLon = (m: number) => m / kx;
  const dLat = (m: number) => m / METRES_PER_DEGREE;

  it('buffers a street into one valid counter-clockwise polygon of about the right area', () => {
    const street = [
      [121, 31],
      [121 + dLon(500), 31],
    ];
    const g = outlineLines([street], { buffer: 40 })!;
    expect(g.type).toBe('Polygon');
    const ring = (g as Polygon).coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    const expected = 2 * 40 * 500 + Math.PI * 40 * 40;
    expect(Math.abs(areaOf(g) - expected) / expected).toBeLessThan(0.08);
    expect(inside(g, [121 + dLon(250), 31 + dLat(30)])).toBe(true);
    expect(inside(g, [121 + dLon(250), 31 + dLat(55)])).toBe(false);
    expect(kinks(g).features.length).toBe(0);
  });

  it('gives a MultiPolygon for streets far apart, keeps large holes and fills small ones', () => {
    const far = outlineLines([
      [
        [121, 31],
        [121 + dLon(100), 31],
      ],
      [
        [121, 31 + dLat(500)],
        [121 + dLon(100), 31 + dLat(500)],
      ],
    ]);
    expect(far!.type).toBe('MultiPolygon');
    expect((far as MultiPolygon).coordinates.length).toBe(2);

    const square = (m: number) => [
      [121, 31],
      [121 + dLon(m), 31],
      [121 + dLon(m), 31 + dLat(m)],
      [121, 31 + dLat(m)],
      [121, 31],
    ];
    const big = outlineLines([square(400)]) as Polygon; // 320 m × 320 m block inside
    expect(big.type).toBe('Polygon');
    expect(big.coordinates.length).toBe(2);
    expect(signedArea(big.coordinates[1]!)).toBeLessThan(0); // holes run clockwise
    expect(inside(big, [121 + dLon(200), 31 + dLat(200)])).toBe(false);
    expect(kinks(big).features.length).toBe(0);
    const small = outlineLines([square(150)]) as Polygon; // 70 m × 70 m: filled
    expect(small.coordinates.length).toBe(1);
    expect(inside(small, [121 + dLon(75), 31 + dLat(75)])).toBe(true);
    expect((outlineLines([square(150)], { minHoleArea: 0 }) as Polygon).coordinates.length).toBe(2);
    expect(outlineLines([])).toBeNull();
  });

  it('stays valid where cells touch only at corners (random short lines, buffer as small as a cell)', () => {
    const rand = seededRandom(61);
    for (let trial = 0; trial < 5; trial++) {
      const lines: Position[][] = [];
      for (let k = 0; k < 60; k++) {
        const x = 121 + dLon(rand() * 600);
        const y = 31 + dLat(rand() * 600);
        lines.push([
          [x, y],
          [x + dLon((rand() - 0.5) * 60), y + dLat((rand() - 0.5) * 60)],
        ]);
      }
      const g = outlineLines(lines, { buffer: 8, cell: 8, minHoleArea: 0 })!;
      expect(kinks(g).features.length).toBe(0);
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const rings of polygons) {
        expect(signedArea(rings[0]!)).toBeGreaterThan(0);
        for (const ring of rings) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
        for (const hole of rings.slice(1)) expect(signedArea(hole)).toBeLessThan(0);
      }
      for (const l of lines) expect(inside(g, l[0]!)).toBe(true);
    }
  });
});

describe('walkingArea', () => {
  // A plus sign of 500 m arms around a crossing at (121, 31).
  const net = buildWalkingNetwork(plusSign());

  it('cuts the arms at the exact distance and outlines them', () => {
    const [a100, a300] = walkingArea(net, snapPoint(net, 121, 31), [100, 300]);
    expect(a100!.streetLength).toBeCloseTo(400, 3);
    expect(a300!.streetLength).toBeCloseTo(1200, 3);
    expect(a300!.streets.coordinates.length).toBe(4);
    expect(inside(a300!.area, [east(250), 31])).toBe(true);
    expect(inside(a300!.area, [east(250), north(20)])).toBe(true);
    expect(inside(a300!.area, [east(400), 31])).toBe(false);
    expect(inside(a300!.area, [east(200), north(200)])).toBe(false);
  });

  it('spends the access leg first, and reaches both ways along the facility’s own edge', () => {
    const source = snapPoint(net, east(200), north(50)); // 50 m north of the east arm
    expect(source.access).toBeCloseTo(50, 1);
    expect(walkingArea(net, source, [30])[0]!.area).toBeNull();
    const [r] = walkingArea(net, source, [150]);
    expect(r!.streetLength).toBeCloseTo(200, 2); // 100 m each way from (200 m E)
    expect(inside(r!.area, [east(200), north(50)])).toBe(true); // the facility itself
    expect(inside(r!.area, [121, 31])).toBe(false);
  });

  it('matches densely sampled network distances on random streets', () => {
    const rand = seededRandom(51);
    const streets = randomStreets(rand, 1, 7, 12);
    const w = buildWalkingNetwork(streets.lines);
    const source = snapPoints(w, Float64Array.of(streets.clusters[0]![0] + 0.003, streets.clusters[0]![1] + 0.003));
    const D = 350;
    const [r] = walkingArea(w, snappedPoint(source, 0), [D]);
    // Reachable length by sampling 200 positions per edge and measuring each one's distance.
    const samples = 200;
    const coords: number[] = [];
    for (let e = 0; e < w.edgeCount; e++)
      for (let k = 0; k < samples; k++) coords.push(...pointAlongEdge(w, e, ((k + 0.5) / samples) * w.edgeLength[e]!));
    const targets = snapPoints(w, Float64Array.from(coords), { maxDistance: 0.01 });
    const d = distanceToNearest(w, source, targets);
    let sampled = 0;
    let slack = 0;
    for (let e = 0; e < w.edgeCount; e++) {
      for (let k = 0; k < samples; k++)
        if (d[e * samples + k]! - targets.access[e * samples + k]! <= D) sampled += w.edgeLength[e]! / samples;
      slack += (w.edgeLength[e]! / samples) * 3; // a few boundary samples per edge may fall either way
    }
    expect(r!.streetLength).toBeGreaterThan(100);
    expect(Math.abs(r!.streetLength - sampled)).toBeLessThan(slack);
    expect(kinks(r!.area!).features.length).toBe(0);
    // Every reachable street is inside the area.
    for (const piece of r!.streets.coordinates) for (const p of piece) expect(inside(r!.area, p)).toBe(true);
  });
});
