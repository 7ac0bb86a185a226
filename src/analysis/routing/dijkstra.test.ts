import { describe, expect, it } from 'vitest';
import { IndexedMinHeap, searchFromSeeds, type Seeds } from './dijkstra';
import type { RoutingGraph } from './walking-network';
import { seededRandom } from './random-networks.testing';

interface TestGraph extends RoutingGraph {
  arcFrom: Int32Array;
}

/** CSR from an undirected edge list (parallel edges and loops allowed). */
function csr(nodeCount: number, edges: [number, number, number][]): TestGraph {
  const offsets = new Int32Array(nodeCount + 1);
  for (const [a, b] of edges) {
    offsets[a + 1]!++;
    offsets[b + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Int32Array(edges.length * 2);
  const weights = new Float64Array(edges.length * 2);
  const arcFrom = new Int32Array(edges.length * 2);
  for (const [a, b, w] of edges) {
    let i = cursor[a]!++;
    targets[i] = b;
    weights[i] = w;
    arcFrom[i] = a;
    i = cursor[b]!++;
    targets[i] = a;
    weights[i] = w;
    arcFrom[i] = b;
  }
  return { nodeCount, offsets, targets, weights, arcFrom };
}

/** A random graph in two halves that never connect, with some parallel edges, loops and zero weights. */
function randomGraph(rand: () => number, n: number, m: number): TestGraph {
  const half = n >> 1;
  const edges: [number, number, number][] = [];
  for (let k = 0; k < m; k++) {
    const side = rand() < 0.5 ? 0 : half;
    const size = side ? n - half : half;
    const a = side + Math.floor(rand() * size);
    const b = rand() < 0.05 ? a : side + Math.floor(rand() * size);
    const w = rand() < 0.05 ? 0 : Math.round(rand() * 1000) / 10;
    edges.push([a, b, w]);
    if (rand() < 0.05) edges.push([a, b, w * rand()]);
  }
  return csr(n, edges);
}

function floydWarshall(g: TestGraph): Float64Array[] {
  const n = g.nodeCount;
  const d = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n).fill(Infinity);
    row[i] = 0;
    return row;
  });
  for (let a = 0; a < g.targets.length; a++) {
    const u = g.arcFrom[a]!;
    const v = g.targets[a]!;
    d[u]![v] = Math.min(d[u]![v]!, g.weights[a]!);
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      const dik = d[i]![k]!;
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j++) if (dik + d[k]![j]! < d[i]![j]!) d[i]![j] = dik + d[k]![j]!;
    }
  return d;
}

function randomSeeds(rand: () => number, n: number, sources: number): Seeds {
  const node: number[] = [];
  const distance: number[] = [];
  const source: number[] = [];
  for (let s = 0; s < sources; s++) {
    // Like a snapped facility: two seeds (the ends of its edge) with their own start distances.
    for (let k = 0; k < 2; k++) {
      node.push(Math.floor(rand() * n));
      distance.push(Math.round(rand() * 500) / 10);
      source.push(s);
    }
  }
  return { node: Int32Array.from(node), distance: Float64Array.from(distance), source: Int32Array.from(source) };
}

/** Brute force: per node, min over seeds of start distance + all-pairs distance. */
function expectedDistances(
  all: Float64Array[],
  seeds: Seeds,
  n: number,
): { dist: Float64Array; perSource: Map<number, Float64Array> } {
  const dist = new Float64Array(n).fill(Infinity);
  const perSource = new Map<number, Float64Array>();
  for (let i = 0; i < seeds.node.length; i++) {
    const s = seeds.source[i]!;
    let row = perSource.get(s);
    if (!row) perSource.set(s, (row = new Float64Array(n).fill(Infinity)));
    for (let v = 0; v < n; v++) {
      const d = seeds.distance[i]! + all[seeds.node[i]!]![v]!;
      if (d < row[v]!) row[v] = d;
      if (d < dist[v]!) dist[v] = d;
    }
  }
  return { dist, perSource };
}

describe('IndexedMinHeap', () => {
  it('pops in key order with decrease-key, matching a sort', () => {
    const rand = seededRandom(7);
    const n = 500;
    const heap = new IndexedMinHeap(n);
    const key = new Float64Array(n).fill(Infinity);
    for (let k = 0; k < 2000; k++) {
      const node = Math.floor(rand() * n);
      const value = rand() * 100;
      heap.push(node, value);
      key[node] = Math.min(key[node]!, value); // a higher key never raises a queued one
    }
    const expected = Array.from(key.entries())
      .filter(([, v]) => v < Infinity)
      .sort((a, b) => a[1] - b[1]);
    const popped: number[] = [];
    while (heap.size > 0) popped.push(key[heap.pop()]!);
    expect(popped).toEqual(expected.map(([, v]) => v));
    expect(heap.contains(expected[0]![0])).toBe(false);
  });
});

describe('searchFromSeeds (multi-source Dijkstra)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`matches Floyd–Warshall on random graph #${seed}`, () => {
      const rand = seededRandom(seed);
      const n = 40 + Math.floor(rand() * 60);
      const g = randomGraph(rand, n, Math.floor(n * (0.8 + rand())));
      const seeds = randomSeeds(rand, n, 1 + Math.floor(rand() * 6));
      const all = floydWarshall(g);
      const { dist: expected, perSource } = expectedDistances(all, seeds, n);
      const result = searchFromSeeds(g, seeds);

      for (let v = 0; v < n; v++) {
        expect(result.distance[v]).toBeCloseTo(expected[v]!, 9);
        if (expected[v] === Infinity) {
          expect(result.source[v]).toBe(-1);
          continue;
        }
        // The nearest-source label is a true argmin.
        expect(perSource.get(result.source[v]!)![v]).toBeCloseTo(expected[v]!, 9);
        // Following predecessor arcs back to a seed adds up to the distance.
        let node = v;
        let walked = 0;
        for (let a = result.predecessorArc[node]!; a >= 0; a = result.predecessorArc[node]!) {
          expect(g.targets[a]).toBe(node);
          walked += g.weights[a]!;
          node = g.arcFrom[a]!;
        }
        expect(walked + result.distance[node]!).toBeCloseTo(result.distance[v]!, 9);
        expect(result.source[node]).toBe(result.source[v]);
      }
    });
  }

  it('leaves nodes past the cutoff at +Infinity and the rest exact', () => {
    const rand = seededRandom(11);
    const n = 80;
    const g = randomGraph(rand, n, 140);
    const seeds = randomSeeds(rand, n, 3);
    const { dist: expected } = expectedDistances(floydWarshall(g), seeds, n);
    const finite = Array.from(expected)
      .filter((d) => d < Infinity)
      .sort((a, b) => a - b);
    const cutoff = finite[Math.floor(finite.length / 2)]!;
    const result = searchFromSeeds(g, seeds, { cutoff });
    for (let v = 0; v < n; v++)
      if (expected[v]! <= cutoff) expect(result.distance[v]).toBeCloseTo(expected[v]!, 9);
      else expect(result.distance[v]).toBe(Infinity);
  });

  it('stops early once the requested nodes are settled, with exact values for them', () => {
    const rand = seededRandom(12);
    const n = 90;
    const g = randomGraph(rand, n, 200);
    const seeds: Seeds = { node: Int32Array.of(0), distance: Float64Array.of(0), source: Int32Array.of(0) };
    const { dist: expected } = expectedDistances(floydWarshall(g), seeds, n);
    const reachable = Array.from(expected.keys()).filter((v) => expected[v]! < Infinity && v !== 0);
    const stopAt = [reachable[0]!, reachable[reachable.length - 1]!];
    const result = searchFromSeeds(g, seeds, { stopAt });
    for (const v of stopAt) expect(result.distance[v]).toBeCloseTo(expected[v]!, 9);
    // Every value it does return is exact (queued upper bounds are dropped).
    for (let v = 0; v < n; v++)
      if (result.distance[v]! < Infinity) expect(result.distance[v]).toBeCloseTo(expected[v]!, 9);
    const full = searchFromSeeds(g, seeds);
    expect(result.settled).toBeLessThanOrEqual(full.settled);
  });

  it('handles no seeds and an empty graph', () => {
    const g = csr(3, [[0, 1, 1]]);
    const none = searchFromSeeds(g, {
      node: new Int32Array(0),
      distance: new Float64Array(0),
      source: new Int32Array(0),
    });
    expect(Array.from(none.distance)).toEqual([Infinity, Infinity, Infinity]);
    const empty = searchFromSeeds(csr(0, []), {
      node: new Int32Array(0),
      distance: new Float64Array(0),
      source: new Int32Array(0),
    });
    expect(empty.distance.length).toBe(0);
  });
});
