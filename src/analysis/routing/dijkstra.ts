// Shortest walking distances from many sources at once. All facilities of a category seed one
// search (each at its distance from the two ends of its edge), so one pass over the network gives
// every node its distance to the nearest facility — instead of one full search per facility.
// Everything lives in typed arrays and an indexed binary heap (decrease-key, no stale entries), so a
// search over 200,000 nodes allocates a handful of arrays and no objects.
import type { Snapped, SnappedPoint } from './snap';
import type { RoutingGraph, WalkingNetwork } from './walking-network';

/** A binary min-heap of node ids keyed by distance, with each node's heap position for decrease-key. */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly keys: Float64Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(nodeCount: number) {
    this.heap = new Int32Array(nodeCount);
    this.keys = new Float64Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  contains(node: number): boolean {
    return this.position[node]! >= 0;
  }

  /** Inserts a node, or lowers its key when it is already queued (a higher key is ignored). */
  push(node: number, key: number): void {
    let i = this.position[node]!;
    if (i < 0) i = this.size++;
    else if (key >= this.keys[i]!) return;
    const { heap, keys, position } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      const pn = heap[parent]!;
      heap[i] = pn;
      keys[i] = pk;
      position[pn] = i;
      i = parent;
    }
    heap[i] = node;
    keys[i] = key;
    position[node] = i;
  }

  /** Removes and returns the node with the smallest key; the heap must not be empty. */
  pop(): number {
    const { heap, keys, position } = this;
    const top = heap[0]!;
    position[top] = -1;
    const size = --this.size;
    if (size > 0) {
      const node = heap[size]!;
      const key = keys[size]!;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && keys[right]! < keys[left]! ? right : left;
        const ck = keys[child]!;
        if (ck >= key) break;
        const cn = heap[child]!;
        heap[i] = cn;
        keys[i] = ck;
        position[cn] = i;
        i = child;
      }
      heap[i] = node;
      keys[i] = key;
      position[node] = i;
    }
    return top;
  }
}

export interface SearchOptions {
  /** Stop expanding past this distance (metres); nodes farther away keep +Infinity. */
  cutoff?: number;
  /** Stop as soon as all of these nodes are settled (e.g. the two ends of a target's edge). */
  stopAt?: ArrayLike<number>;
}

export interface SearchResult {
  /** Per node: metres to the nearest source; +Infinity when unreachable or beyond the cutoff. */
  distance: Float64Array;
  /**
   * Per node: the arc (CSR index) it was reached by, -1 at seeds and unreached nodes. An arc and
   * not a node, so a path over one of two parallel edges rebuilds over the right one; the previous
   * node is the other end of network.arcEdge[arc].
   */
  predecessorArc: Int32Array;
  /** Per node: the index of its nearest source, -1 when unreached. */
  source: Int32Array;
  /** Nodes settled (popped from the heap). */
  settled: number;
}

/** Seeds: start nodes with their initial distances and the source each belongs to. */
export interface Seeds {
  node: Int32Array;
  distance: Float64Array;
  source: Int32Array;
}

/**
 * Dijkstra from many seeds. Distances are exact for every node it returns a finite value for: with
 * a cutoff or an early stop, nodes still queued are reset to +Infinity rather than left tentative.
 */
export function searchFromSeeds(graph: RoutingGraph, seeds: Seeds, options: SearchOptions = {}): SearchResult {
  const { nodeCount, offsets, targets, weights } = graph;
  const cutoff = options.cutoff ?? Infinity;
  const distance = new Float64Array(nodeCount).fill(Infinity);
  const predecessorArc = new Int32Array(nodeCount).fill(-1);
  const source = new Int32Array(nodeCount).fill(-1);
  const heap = new IndexedMinHeap(nodeCount);

  for (let i = 0; i < seeds.node.length; i++) {
    const n = seeds.node[i]!;
    const d = seeds.distance[i]!;
    if (d < distance[n]! && d <= cutoff) {
      distance[n] = d;
      source[n] = seeds.source[i]!;
      heap.push(n, d);
    }
  }

  let waiting = 0;
  let stopMark: Uint8Array | null = null;
  if (options.stopAt && options.stopAt.length > 0) {
    stopMark = new Uint8Array(nodeCount);
    for (let i = 0; i < options.stopAt.length; i++) {
      const n = options.stopAt[i]!;
      if (n >= 0 && n < nodeCount && !stopMark[n]) {
        stopMark[n] = 1;
        waiting++;
      }
    }
  }

  let settled = 0;
  while (heap.size > 0) {
    const n = heap.pop();
    settled++;
    if (stopMark && stopMark[n] && --waiting === 0) break;
    const dn = distance[n]!;
    const sn = source[n]!;
    for (let a = offsets[n]!, end = offsets[n + 1]!; a < end; a++) {
      const m = targets[a]!;
      const d = dn + weights[a]!;
      if (d < distance[m]! && d <= cutoff) {
        distance[m] = d;
        predecessorArc[m] = a;
        source[m] = sn;
        heap.push(m, d);
      }
    }
  }
  // After an early stop the queued nodes hold upper bounds, not distances: drop them.
  while (heap.size > 0) {
    const n = heap.pop();
    distance[n] = Infinity;
    predecessorArc[n] = -1;
    source[n] = -1;
  }
  return { distance, predecessorArc, source, settled };
}

/** Seeds for snapped points: each point enters at both ends of its edge (access leg included). */
export function seedsFromSnapped(snapped: Snapped): Seeds {
  let count = 0;
  for (let i = 0; i < snapped.count; i++) if (snapped.edge[i]! >= 0) count++;
  const node = new Int32Array(count * 2);
  const distance = new Float64Array(count * 2);
  const source = new Int32Array(count * 2);
  let j = 0;
  for (let i = 0; i < snapped.count; i++) {
    if (snapped.edge[i]! < 0) continue;
    const access = snapped.access[i]!;
    node[j] = snapped.u[i]!;
    distance[j] = access + snapped.toU[i]!;
    source[j++] = i;
    node[j] = snapped.v[i]!;
    distance[j] = access + snapped.toV[i]!;
    source[j++] = i;
  }
  return { node, distance, source };
}

/** Seeds for one snapped point (source index 0); empty when the point is unreachable. */
export function seedsFromPoint(network: WalkingNetwork, p: SnappedPoint): Seeds {
  if (p.edge < 0) return { node: new Int32Array(0), distance: new Float64Array(0), source: new Int32Array(0) };
  const e = p.edge;
  return {
    node: Int32Array.of(network.edgeFrom[e]!, network.edgeTo[e]!),
    distance: Float64Array.of(p.access + p.along, p.access + network.edgeLength[e]! - p.along),
    source: Int32Array.of(0, 0),
  };
}

/** Multi-source search from a batch of snapped points (facilities); unreachable ones are skipped. */
export function multiSourceSearch(
  network: WalkingNetwork,
  sources: Snapped,
  options: SearchOptions = {},
): SearchResult {
  return searchFromSeeds(network, seedsFromSnapped(sources), options);
}
