import { describe, expect, it } from 'vitest';
import { walkFaces } from './planar-faces';

// A unit square 0-1-2-3 (counter-clockwise) with the diagonal 0-2, and a dead edge 1-3.
const xs = [0, 1, 1, 0];
const ys = [0, 0, 1, 1];
const edges: [number, number][] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 0],
  [0, 2],
  [1, 3],
];
const graph = {
  vertexCount: 4,
  edgeCount: edges.length,
  start: (e: number) => edges[e]![0],
  end: (e: number) => edges[e]![1],
  alive: (e: number) => e !== 5,
  x: (v: number) => xs[v]!,
  y: (v: number) => ys[v]!,
};

const signedArea = (ring: number[]) =>
  ring.reduce((s, v, i) => {
    const w = ring[(i + 1) % ring.length]!;
    return s + xs[v]! * ys[w]! - xs[w]! * ys[v]!;
  }, 0) / 2;

describe('walkFaces', () => {
  it('traces bounded faces counter-clockwise and the outer boundary clockwise, each half-edge once', () => {
    const { faceOf, cycles, origin } = walkFaces(graph);
    const rings = cycles.map((c) => c.map(origin));
    expect(rings.map(signedArea).sort()).toEqual([-1, 0.5, 0.5]);
    expect(cycles.flat().sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    // The diagonal has a triangle on each side; the dead edge has no face.
    expect(faceOf[8]).not.toBe(faceOf[9]);
    expect([faceOf[10], faceOf[11]]).toEqual([-1, -1]);
  });
});
