import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import turfLength from '@turf/length';
import { lineString } from '@turf/helpers';
import { buildWalkingNetwork, edgeStretch, pointAlongEdge, type WalkingNetwork } from './walking-network';
import { line } from './random-networks.testing';
import { searchFromSeeds } from './dijkstra';

const LON = 121;
const LAT = 31;
const S = 0.001;
/** Lattice position (i, j) in steps of 0.001° from (121° E, 31° N). */
const p = (i: number, j: number) => [LON + i * S, LAT + j * S];

// A: west–east through the middle, with a bend vertex; B: south–north crossing A at a shared vertex;
// C: south–north through A's east end; D: crosses B with no shared vertex (a bridge).
const A = line([p(0, 1), p(0.5, 1.2), p(1, 1), p(2, 1)]);
const B = line([p(1, 0), p(1, 1), p(1, 2)]);
const C = line([p(2, 0), p(2, 1), p(2, 2)]);
const D = line([p(0.5, 0.5), p(1.5, 0.5)]);

function nodeAt(net: WalkingNetwork, lonLat: number[]): number {
  for (let n = 0; n < net.nodeCount; n++)
    if (Math.abs(net.nodeLon[n]! - lonLat[0]!) < 1e-9 && Math.abs(net.nodeLat[n]! - lonLat[1]!) < 1e-9) return n;
  throw new Error(`no node at ${lonLat.join(',')}`);
}

function edgeBetween(net: WalkingNetwork, a: number, b: number): number {
  for (let e = 0; e < net.edgeCount; e++)
    if ((net.edgeFrom[e] === a && net.edgeTo[e] === b) || (net.edgeFrom[e] === b && net.edgeTo[e] === a)) return e;
  return -1;
}

function turfMetres(coords: number[][]): number {
  return turfLength(lineString(coords), { units: 'kilometers' }) * 1000;
}

describe('buildWalkingNetwork', () => {
  const net = buildWalkingNetwork([A, B, C, D]);

  it('puts nodes at line ends and shared vertices only', () => {
    // A: 2 ends; B: 2 ends + the shared (1,1); C: 2 ends + (2,1), which is A's end; D: 2 ends.
    expect(net.nodeCount).toBe(9);
    expect(net.edgeCount).toBe(7);
    expect(() => nodeAt(net, p(0.5, 1.2))).toThrow(); // the bend is geometry, not a node
    const centre = nodeAt(net, p(1, 1));
    expect(net.offsets[centre + 1]! - net.offsets[centre]!).toBe(4);
  });

  it('measures edges in metres, matching haversine within 0.5 %', () => {
    const south = nodeAt(net, p(1, 0));
    const centre = nodeAt(net, p(1, 1));
    const e = edgeBetween(net, south, centre);
    // 0.001° of latitude on a 6,371,008.8 m sphere.
    expect(net.edgeLength[e]! / 111.19508).toBeCloseTo(1, 2);
    expect(Math.abs(net.edgeLength[e]! - turfMetres([p(1, 0), p(1, 1)]))).toBeLessThan(111.2 * 0.005);
    // The bent edge of A follows its bend.
    const bent = edgeBetween(net, nodeAt(net, p(0, 1)), centre);
    const expected = turfMetres([p(0, 1), p(0.5, 1.2), p(1, 1)]);
    expect(Math.abs(net.edgeLength[bent]! - expected) / expected).toBeLessThan(0.005);
    // All edges together are all the lines.
    const total = net.edgeLength.reduce((s, x) => s + x, 0);
    const lines = [A, B, C, D].reduce((s, f) => s + turfMetres(f.geometry.coordinates), 0);
    expect(Math.abs(total - lines) / lines).toBeLessThan(1e-9);
  });

  it('keeps crossings without a shared vertex apart, and finds components', () => {
    expect(net.components.count).toBe(2);
    const sizes = Array.from(net.components.sizes).sort();
    expect(sizes).toEqual([2, 7]);
    expect(net.components.sizes[net.components.largest]).toBe(7);
    const d0 = nodeAt(net, p(0.5, 0.5));
    expect(net.components.id[d0]).not.toBe(net.components.id[nodeAt(net, p(1, 1))]);
  });

  it('builds a consistent CSR: both directions, weights equal to edge lengths, arcs to their edge', () => {
    expect(net.offsets[net.nodeCount]).toBe(net.edgeCount * 2);
    for (let n = 0; n < net.nodeCount; n++)
      for (let a = net.offsets[n]!; a < net.offsets[n + 1]!; a++) {
        const e = net.arcEdge[a]!;
        const ends = [net.edgeFrom[e], net.edgeTo[e]];
        expect(ends).toContain(n);
        expect(ends).toContain(net.targets[a]);
        expect(net.weights[a]).toBe(net.edgeLength[e]);
      }
    expect(Array.from(net.edgeLine).sort()).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('gives the same distances with every vertex as a node, on more nodes', () => {
    const full = buildWalkingNetwork([A, B, C, D], { collapseChains: false });
    expect(full.nodeCount).toBe(10);
    expect(full.edgeCount).toBe(8);
    const from = (w: WalkingNetwork) => {
      const start = nodeAt(w, p(0, 1));
      return searchFromSeeds(w, { node: Int32Array.of(start), distance: Float64Array.of(0), source: Int32Array.of(0) });
    };
    const a = from(net);
    const b = from(full);
    for (const q of [p(1, 0), p(1, 2), p(2, 2), p(2, 0)])
      expect(b.distance[nodeAt(full, q)]).toBeCloseTo(a.distance[nodeAt(net, q)]!, 9);
  });

  it('merges vertices equal after rounding to 1e-7°, ignores repeats, reads MultiLineStrings and skips non-lines', () => {
    const features: Feature[] = [
      line([p(0, 0), p(0, 0), p(1, 0)]), // a repeated vertex
      line([[LON + S + 3e-8, LAT - 2e-8], p(1, 1)]), // starts at (1,0) within rounding
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiLineString', coordinates: [[p(1, 1), p(2, 1)], [p(5, 5)]] },
      },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p(3, 3) } },
      line([p(4, 4)]),
      line([p(6, 6), [LON + 6 * S + 1e-8, LAT + 6 * S]]), // one point after merging: no node, no edge
    ];
    const w = buildWalkingNetwork({ type: 'FeatureCollection', features });
    expect(w.nodeCount).toBe(4);
    expect(w.edgeCount).toBe(3);
    expect(w.components.count).toBe(1);
    expect(w.skippedFeatures).toBe(2);
    expect(Array.from(w.edgeLine).sort()).toEqual([0, 1, 2]);
  });

  it('cuts a closed ring and a self-crossing line at their repeated vertex', () => {
    const ring = buildWalkingNetwork([line([p(0, 0), p(1, 0), p(1, 1), p(0, 1), p(0, 0)])]);
    expect(ring.nodeCount).toBe(1);
    expect(ring.edgeCount).toBe(1);
    expect(ring.edgeFrom[0]).toBe(ring.edgeTo[0]);
    expect(ring.edgeLength[0]).toBeGreaterThan(400);
    // A figure of eight through its middle vertex: ends + the middle (visited twice).
    const eight = buildWalkingNetwork([line([p(0, 0), p(1, 1), p(2, 0), p(2, 2), p(1, 1), p(0, 2)])]);
    expect(eight.nodeCount).toBe(3);
    expect(eight.edgeCount).toBe(3);
  });

  it('cuts stretches out of edge geometry in either direction', () => {
    const bent = edgeBetween(net, nodeAt(net, p(0, 1)), nodeAt(net, p(1, 1)));
    const len = net.edgeLength[bent]!;
    const forward = edgeStretch(net, bent, 0, len);
    expect(forward.length).toBe(3);
    expect(edgeStretch(net, bent, len, 0)).toEqual([...forward].reverse());
    const mid = edgeStretch(net, bent, len * 0.25, len * 0.75);
    expect(mid.length).toBe(3); // through the bend
    expect(turfMetres(mid) / (len * 0.5)).toBeCloseTo(1, 3);
    expect(pointAlongEdge(net, bent, len)).toEqual(forward[2]);
  });
});
