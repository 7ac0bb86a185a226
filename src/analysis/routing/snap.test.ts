import { describe, expect, it } from 'vitest';
import { buildWalkingNetwork } from './walking-network';
import { selectSnapped, snapPoint, snapPoints } from './snap';
import { haversine, METRES_PER_DEGREE } from '../../core/geodesy';
import { line, randomPoints, randomStreets, seededRandom } from './random-networks.testing';

describe('snapPoints', () => {
  // One straight west–east street of 0.01° at 31° N (about 953 m) and a short north–south one
  // east of it, not connected.
  const street = line([
    [121.0, 31.0],
    [121.01, 31.0],
  ]);
  const side = line([
    [121.02, 31.0],
    [121.02, 31.002],
  ]);
  const net = buildWalkingNetwork([street, side]);
  const len = haversine(121, 31, 121.01, 31);

  it('joins a point at the foot of the perpendicular, with its access leg', () => {
    const s = snapPoints(net, Float64Array.of(121.005, 31.001));
    expect(s.edge[0]).toBe(0);
    expect(s.access[0]! / 111.195).toBeCloseTo(1, 3); // 0.001° of latitude
    expect(s.fraction[0]).toBeCloseTo(0.5, 6);
    expect(s.along[0]).toBeCloseTo(len / 2, 3);
    expect(s.toU[0]! + s.toV[0]!).toBeCloseTo(len, 6);
    expect(s.snapLon[0]).toBeCloseTo(121.005, 9);
    expect(s.snapLat[0]).toBeCloseTo(31.0, 9);
    expect([s.u[0], s.v[0]]).toEqual([net.edgeFrom[0], net.edgeTo[0]]);
    expect(s.unreachable).toBe(0);
  });

  it('joins a point beyond a street end at that end', () => {
    const s = snapPoints(net, Float64Array.of(121.012, 31.0));
    expect(s.edge[0]).toBe(0);
    expect(s.fraction[0]).toBe(1);
    expect(s.toV[0]).toBeCloseTo(0, 9);
    expect(s.access[0]).toBeCloseTo(haversine(121.01, 31, 121.012, 31), 1);
  });

  it('picks the nearer of two streets', () => {
    const s = snapPoints(net, Float64Array.of(121.0185, 31.001));
    expect(s.edge[0]).toBe(1);
    expect(s.access[0]).toBeCloseTo(haversine(121.0185, 31.001, 121.02, 31.001), 0);
  });

  it('reports points past the snap distance (default 500 m) and invalid points as unreachable', () => {
    const s = snapPoints(net, Float64Array.of(121.005, 31.006, NaN, 31, 121.005, 31.004));
    expect(Array.from(s.edge)).toEqual([-1, -1, 0]); // 667 m, invalid, 445 m
    expect(s.access[0]).toBe(Infinity);
    expect(s.unreachable).toBe(2);
    const wider = snapPoints(net, Float64Array.of(121.005, 31.006), { maxDistance: 1000 });
    expect(wider.edge[0]).toBe(0);
    expect(wider.access[0]! / 667.17).toBeCloseTo(1, 2);
  });

  it('finds the right segment of a bent street', () => {
    const bent = buildWalkingNetwork([
      line([
        [121.0, 31.0],
        [121.001, 31.001],
        [121.002, 31.0],
      ]),
    ]);
    const p = snapPoint(bent, 121.0017, 31.0005);
    expect(p.segment).toBe(1);
    expect(p.along).toBeGreaterThan(bent.geometryAlong[1]!);
  });

  it('matches an exhaustive scan of every segment on random streets', () => {
    const rand = seededRandom(21);
    const streets = randomStreets(rand, 2, 7, 12);
    const w = buildWalkingNetwork(streets.lines);
    const pts = randomPoints(rand, streets, 300);
    const s = snapPoints(w, pts, { maxDistance: 100 });
    for (let i = 0; i < 300; i++) {
      const lon = pts[2 * i]!;
      const lat = pts[2 * i + 1]!;
      const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
      const ky = METRES_PER_DEGREE;
      let best = Infinity;
      for (let k = 0; k < w.geometryLon.length - 1; k++) {
        const e = w.geometryOffsets.findIndex((o) => o > k) - 1;
        if (k + 1 >= w.geometryOffsets[e + 1]!) continue; // last vertex of an edge: no segment
        const ax = (w.geometryLon[k]! - lon) * kx;
        const ay = (w.geometryLat[k]! - lat) * ky;
        const bx = (w.geometryLon[k + 1]! - lon) * kx;
        const by = (w.geometryLat[k + 1]! - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
      if (best > 100) expect(s.access[i]).toBe(Infinity);
      else expect(s.access[i]).toBeCloseTo(best, 4);
    }
    expect(s.unreachable).toBeGreaterThan(0);
    expect(s.unreachable).toBeLessThan(300);
    expect(Array.from(s.access).some((a) => a > 64 && a < 100)).toBe(true); // found after widening the search
  });

  it('selects a subset of a batch', () => {
    const s = snapPoints(net, Float64Array.of(121.005, 31.001, 121.005, 31.006, 121.0185, 31.001));
    const sub = selectSnapped(s, [2, 1]);
    expect(sub.count).toBe(2);
    expect(Array.from(sub.edge)).toEqual([1, -1]);
    expect(sub.unreachable).toBe(1);
    expect(sub.access[0]).toBe(s.access[2]);
  });
});
