import { describe, expect, it } from 'vitest';
import { buildWalkingNetwork, type WalkingNetwork } from './walking-network';
import { selectSnapped, snapPoints, type Snapped } from './snap';
import { distanceToNearest, nearestFacility, straightLineDistanceToNearest } from './coverage';
import { haversine } from '../../core/geodesy';
import { randomPoints, randomStreets, seededRandom } from './random-networks.testing';

/**
 * Brute force on an expanded graph: every snapped point becomes a node on its edge (edges are cut
 * at those positions) plus a node for the point itself, joined by its access leg; then a plain
 * O(V²) Dijkstra from all source points at once. No same-edge special case is needed here, which
 * is what makes it a check on the one in nearestFacility.
 */
function bruteForce(net: WalkingNetwork, sources: Snapped, targets: Snapped): Float64Array {
  const adj: [number, number][][] = Array.from({ length: net.nodeCount }, () => []);
  const addNode = () => adj.push([]) - 1;
  const link = (a: number, b: number, w: number) => {
    adj[a]!.push([b, w]);
    adj[b]!.push([a, w]);
  };
  const onEdge = new Map<number, { along: number; node: number }[]>();
  const pointNode = (batch: Snapped, i: number): number => {
    const point = addNode();
    const e = batch.edge[i]!;
    if (e < 0) return point;
    const pos = addNode();
    link(point, pos, batch.access[i]!);
    const list = onEdge.get(e) ?? [];
    list.push({ along: batch.along[i]!, node: pos });
    onEdge.set(e, list);
    return point;
  };
  const sourceNodes = Array.from({ length: sources.count }, (_, i) => pointNode(sources, i));
  const targetNodes = Array.from({ length: targets.count }, (_, i) => pointNode(targets, i));
  for (let e = 0; e < net.edgeCount; e++) {
    const stops = [{ along: 0, node: net.edgeFrom[e]! }, ...(onEdge.get(e) ?? []).sort((a, b) => a.along - b.along)];
    stops.push({ along: net.edgeLength[e]!, node: net.edgeTo[e]! });
    for (let k = 0; k + 1 < stops.length; k++)
      link(stops[k]!.node, stops[k + 1]!.node, stops[k + 1]!.along - stops[k]!.along);
  }
  const n = adj.length;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  for (const s of sourceNodes) dist[s] = 0;
  for (;;) {
    let best = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (best < 0 || dist[v]! < dist[best]!)) best = v;
    if (best < 0) break;
    done[best] = 1;
    for (const [m, w] of adj[best]!) if (dist[best]! + w < dist[m]!) dist[m] = dist[best]! + w;
  }
  return Float64Array.from(targetNodes, (t) => dist[t]!);
}

/** Targets: random points, plus points a metre or so from each source (so on its edge), plus copies. */
function targetsAround(
  rand: () => number,
  streets: ReturnType<typeof randomStreets>,
  sourceCoords: Float64Array,
  n: number,
) {
  const extra: number[] = [];
  for (let i = 0; i < sourceCoords.length; i += 2) {
    extra.push(sourceCoords[i]!, sourceCoords[i + 1]!);
    extra.push(sourceCoords[i]! + (rand() - 0.5) * 2e-5, sourceCoords[i + 1]! + (rand() - 0.5) * 2e-5);
  }
  return Float64Array.from([...randomPoints(rand, streets, n), ...extra]);
}

describe('distanceToNearest', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`matches a brute force on random streets #${seed}`, () => {
      const rand = seededRandom(100 + seed);
      const streets = randomStreets(rand, 2, 6, 8);
      const net = buildWalkingNetwork(streets.lines);
      // Sources only in the first cluster on odd seeds: the second is then unreachable.
      const onlyFirst = seed % 2 === 1;
      const sourceStreets = onlyFirst ? { ...streets, clusters: [streets.clusters[0]!] } : streets;
      const sourceCoords = randomPoints(rand, sourceStreets, 2 + Math.floor(rand() * 5));
      const sources = snapPoints(net, sourceCoords, { maxDistance: 200 });
      const targets = snapPoints(net, targetsAround(rand, streets, sourceCoords, 80), { maxDistance: 200 });

      const got = nearestFacility(net, sources, targets);
      const expected = bruteForce(net, sources, targets);
      let sameEdge = 0;
      let disconnected = 0;
      for (let t = 0; t < targets.count; t++) {
        if (expected[t] === Infinity) {
          expect(got.distance[t]).toBe(Infinity);
          expect(got.source[t]).toBe(-1);
          if (targets.edge[t]! >= 0) disconnected++;
        } else {
          expect(got.distance[t]).toBeCloseTo(expected[t]!, 6);
          expect(sources.edge[got.source[t]!]).toBeGreaterThanOrEqual(0);
        }
        for (let s = 0; s < sources.count; s++)
          if (sources.edge[s]! >= 0 && sources.edge[s] === targets.edge[t]) sameEdge++;
      }
      expect(sameEdge).toBeGreaterThan(0);
      if (onlyFirst) expect(disconnected).toBeGreaterThan(0);

      // The reported nearest source really is at that distance.
      for (let t = 0; t < targets.count; t += 7) {
        const s = got.source[t]!;
        if (s < 0) continue;
        const alone = bruteForce(net, selectSnapped(sources, [s]), selectSnapped(targets, [t]));
        expect(alone[0]).toBeCloseTo(got.distance[t]!, 6);
      }

      // With a cutoff: exact up to it, +Infinity past it.
      const cutoff = 400;
      const cut = distanceToNearest(net, sources, targets, { cutoff });
      for (let t = 0; t < targets.count; t++)
        if (expected[t]! <= cutoff) expect(cut[t]).toBeCloseTo(expected[t]!, 6);
        else expect(cut[t]).toBe(Infinity);
    });
  }

  it('returns +Infinity for unsnapped targets and when no source is on the network', () => {
    const rand = seededRandom(9);
    const streets = randomStreets(rand, 1, 5, 6);
    const net = buildWalkingNetwork(streets.lines);
    const far = snapPoints(net, Float64Array.of(120, 30)); // ~100 km away
    const targets = snapPoints(net, Float64Array.of(120, 30, ...randomPoints(rand, streets, 3)));
    const d = distanceToNearest(net, far, targets);
    expect(Array.from(d)).toEqual([Infinity, Infinity, Infinity, Infinity]);
  });
});

describe('straightLineDistanceToNearest', () => {
  it('matches a brute-force haversine minimum', () => {
    const rand = seededRandom(31);
    const sources = new Float64Array(60);
    for (let i = 0; i < 30; i++) {
      sources[2 * i] = 116 + rand() * 0.3;
      sources[2 * i + 1] = 39.7 + rand() * 0.4;
    }
    const targets = new Float64Array(1000);
    for (let i = 0; i < 500; i++) {
      targets[2 * i] = 115.8 + rand() * 0.7;
      targets[2 * i + 1] = 39.5 + rand() * 0.8;
    }
    const d = straightLineDistanceToNearest(sources, targets);
    for (let t = 0; t < 500; t++) {
      let best = Infinity;
      for (let s = 0; s < 30; s++)
        best = Math.min(best, haversine(targets[2 * t]!, targets[2 * t + 1]!, sources[2 * s]!, sources[2 * s + 1]!));
      expect(d[t]).toBeCloseTo(best, 6);
    }
  });

  it('gives +Infinity without sources and skips invalid ones', () => {
    expect(Array.from(straightLineDistanceToNearest(new Float64Array(0), Float64Array.of(1, 2)))).toEqual([Infinity]);
    const d = straightLineDistanceToNearest(Float64Array.of(NaN, 0, 121, 31), Float64Array.of(121, 31.001));
    expect(d[0]! / 111.195).toBeCloseTo(1, 3);
  });
});
