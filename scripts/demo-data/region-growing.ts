// Draws a DRAFT community layout over street blocks. Blocks without households are first shared out
// to the nearest block with households (a Voronoi partition along the block adjacency graph), so
// that sparse household data still gives compact, contiguous cells; the cells are then grown into
// groups, seeds sweeping from the north-west and each group taking the adjacent cell nearest its
// centre until it reaches the household band. It proposes a starting point, not official boundaries.

export interface GrowthBlock {
  households: number;
  /** Centroid in a metric projection (x east, y north). */
  x: number;
  y: number;
  /** Area in m², used to weight centres. */
  area: number;
}

export interface GrowthOptions {
  /** Lower end of the household band (e.g. 2,000). */
  min: number;
  /** Upper end of the household band (e.g. 3,000). */
  max: number;
  /** A group still below the band but at least this big may stand alone rather than overfill a neighbour. */
  minStandalone: number;
}

export interface GrowthResult {
  /** Groups of block indices, each sorted ascending, in seed order. */
  groups: number[][];
  stats: {
    /** Cells: one per block with households, plus the empty blocks nearest to it. */
    cells: number;
    emptyBlocksInCells: number;
    /** Blocks with no path through adjacent blocks to any household, attached to the nearest cell by distance. */
    attachedByDistance: number;
    mergedSmall: number;
  };
}

/** faceIndex → (neighbour → shared boundary length); must be symmetric. */
export type Adjacency = ReadonlyMap<number, ReadonlyMap<number, number>>;

const dist = (a: GrowthBlock, b: GrowthBlock) => Math.hypot(a.x - b.x, a.y - b.y);

/** Binary min-heap keyed by (distance, tie), enough for Dijkstra on a few thousand blocks. */
class Heap {
  private items: [number, number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(d: number, tie: number, v: number): void {
    const a = this.items;
    a.push([d, tie, v]);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): [number, number, number] {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
  private less(p: [number, number, number], q: [number, number, number]): boolean {
    return p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
  }
}

/** For each block, the block with households it is nearest to along the adjacency graph (-1 if none reachable). */
export function nearestPopulated(blocks: readonly GrowthBlock[], adjacency: Adjacency): Int32Array {
  const cellOf = new Int32Array(blocks.length).fill(-1);
  const best = new Float64Array(blocks.length).fill(Infinity);
  const heap = new Heap();
  blocks.forEach((b, i) => {
    if (b.households > 0) {
      best[i] = 0;
      heap.push(0, i, i);
    }
  });
  const done = new Uint8Array(blocks.length);
  while (heap.size) {
    const [d, source, v] = heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    cellOf[v] = source;
    for (const nb of (adjacency.get(v) ?? new Map<number, number>()).keys()) {
      if (done[nb] || blocks[nb]!.households > 0) continue;
      const nd = d + dist(blocks[v]!, blocks[nb]!);
      if (nd < best[nb]!) {
        best[nb] = nd;
        heap.push(nd, source, nb);
      }
    }
  }
  return cellOf;
}

export function growCommunities(
  blocks: readonly GrowthBlock[],
  adjacency: Adjacency,
  options: GrowthOptions,
): GrowthResult {
  const { min, max, minStandalone } = options;
  const seedOf = nearestPopulated(blocks, adjacency);

  // Blocks cut off from every household still have to belong somewhere: nearest reachable block.
  let attachedByDistance = 0;
  const reachable = blocks.map((_, i) => i).filter((i) => seedOf[i] !== -1);
  for (let b = 0; b < blocks.length; b++) {
    if (seedOf[b] !== -1 || reachable.length === 0) continue;
    let nearest = reachable[0]!;
    for (const r of reachable) if (dist(blocks[r]!, blocks[b]!) < dist(blocks[nearest]!, blocks[b]!)) nearest = r;
    seedOf[b] = seedOf[nearest]!;
    attachedByDistance++;
  }

  // Cells: one per populated block (or one holding everything when there are no households at all).
  const cellIndex = new Map<number, number>();
  const cellBlocks: number[][] = [];
  for (let b = 0; b < blocks.length; b++) {
    const s = seedOf[b] === -1 ? -1 : seedOf[b]!;
    if (!cellIndex.has(s)) {
      cellIndex.set(s, cellBlocks.length);
      cellBlocks.push([]);
    }
    cellBlocks[cellIndex.get(s)!]!.push(b);
  }
  const cellOfBlock = new Int32Array(blocks.length);
  cellBlocks.forEach((bs, c) => bs.forEach((b) => (cellOfBlock[b] = c)));
  const cells: GrowthBlock[] = cellBlocks.map((bs) => {
    let area = 0;
    let x = 0;
    let y = 0;
    let households = 0;
    for (const b of bs) {
      const k = blocks[b]!;
      area += k.area;
      x += k.x * k.area;
      y += k.y * k.area;
      households += k.households;
    }
    return { households, x: area > 0 ? x / area : blocks[bs[0]!]!.x, y: area > 0 ? y / area : blocks[bs[0]!]!.y, area };
  });
  const cellAdjacency = new Map<number, Map<number, number>>();
  for (const [b, nbs] of adjacency) {
    const c = cellOfBlock[b]!;
    for (const [nb, len] of nbs) {
      const d = cellOfBlock[nb]!;
      if (c === d) continue;
      if (!cellAdjacency.has(c)) cellAdjacency.set(c, new Map());
      const m = cellAdjacency.get(c)!;
      m.set(d, (m.get(d) ?? 0) + len);
    }
  }
  const neighbours = (c: number): Iterable<number> => cellAdjacency.get(c)?.keys() ?? [];

  const owner = new Int32Array(cells.length).fill(-1);
  const members: number[][] = [];
  const sums: number[] = [];
  const seeds = cells.map((_, i) => i).sort((p, q) => cells[p]!.x - cells[p]!.y - (cells[q]!.x - cells[q]!.y) || p - q);
  for (const seed of seeds) {
    if (owner[seed] !== -1) continue;
    const g = members.length;
    const group = [seed];
    owner[seed] = g;
    const s = cells[seed]!;
    let sum = s.households;
    let ax = s.x * s.area;
    let ay = s.y * s.area;
    let aw = s.area;
    const frontier = new Set<number>();
    const extend = (c: number) => {
      for (const nb of neighbours(c)) if (owner[nb] === -1) frontier.add(nb);
    };
    extend(seed);
    while (sum < min) {
      const cx = aw > 0 ? ax / aw : s.x;
      const cy = aw > 0 ? ay / aw : s.y;
      let best = -1;
      let bestD = Infinity;
      for (const c of frontier) {
        if (owner[c] !== -1 || sum + cells[c]!.households > max) continue;
        const d = (cells[c]!.x - cx) ** 2 + (cells[c]!.y - cy) ** 2;
        if (d < bestD || (d === bestD && c < best)) [best, bestD] = [c, d];
      }
      if (best === -1) break;
      frontier.delete(best);
      owner[best] = g;
      group.push(best);
      const b = cells[best]!;
      sum += b.households;
      ax += b.x * b.area;
      ay += b.y * b.area;
      aw += b.area;
      extend(best);
    }
    members.push(group);
    sums.push(sum);
  }

  // Groups left below the band join the smallest neighbouring group they fit with; a group too small
  // to stand alone joins its smallest neighbour even if that overfills it.
  let mergedSmall = 0;
  const alive = members.map(() => true);
  const settled = new Set<number>();
  for (;;) {
    let g = -1;
    for (let k = 0; k < members.length; k++) {
      if (!alive[k] || settled.has(k) || sums[k]! >= min) continue;
      if (g === -1 || sums[k]! < sums[g]!) g = k;
    }
    if (g === -1) break;
    const adjacent = new Set<number>();
    for (const c of members[g]!) for (const nb of neighbours(c)) if (owner[nb] !== g) adjacent.add(owner[nb]!);
    const candidates = [...adjacent].sort((p, q) => sums[p]! - sums[q]! || p - q);
    let target = candidates.find((o) => sums[g]! + sums[o]! <= max) ?? -1;
    if (target === -1 && sums[g]! < minStandalone && candidates.length) target = candidates[0]!;
    if (target === -1) {
      settled.add(g);
      continue;
    }
    for (const c of members[g]!) owner[c] = target;
    members[target]!.push(...members[g]!);
    sums[target]! += sums[g]!;
    members[g] = [];
    alive[g] = false;
    settled.delete(target);
    mergedSmall++;
  }

  const groups = members.filter((_, k) => alive[k]).map((m) => m.flatMap((c) => cellBlocks[c]!).sort((p, q) => p - q));
  return {
    groups,
    stats: {
      cells: cells.length,
      emptyBlocksInCells: blocks.length - cellBlocks.length - attachedByDistance,
      attachedByDistance,
      mergedSmall,
    },
  };
}
