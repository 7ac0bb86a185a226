// The faces of a planar graph by a half-edge walk, shared by splitting a community along a line
// (core/edit/split-community.ts) and cutting the demo's streets into blocks
// (scripts/demo-data/polygonize.ts). Linear in the number of edges once each vertex's edges are
// sorted by angle. Half-edge 2e runs from edge e's start to its end, 2e+1 back. Each face is traced
// with its interior on the left (at the head vertex, taking the first half-edge clockwise from the
// way back), so bounded faces come out counter-clockwise and the outer boundary of each connected
// piece of the graph clockwise.

export interface PlanarGraph {
  vertexCount: number;
  edgeCount: number;
  start: (edge: number) => number;
  end: (edge: number) => number;
  /** Removed edges are left out of the walk; their half-edges get face -1. */
  alive: (edge: number) => boolean;
  x: (vertex: number) => number;
  y: (vertex: number) => number;
}

export interface PlanarFaces {
  /** The face (index into `cycles`) on the left of each half-edge. */
  faceOf: Int32Array;
  /** Each face as its half-edges in walking order. */
  cycles: number[][];
  /** The half-edges leaving each vertex, counter-clockwise by angle. */
  around: number[][];
  /** The vertex a half-edge leaves from. */
  origin: (halfEdge: number) => number;
}

export function walkFaces(g: PlanarGraph): PlanarFaces {
  const origin = (h: number) => (h & 1 ? g.end(h >> 1) : g.start(h >> 1));
  const around: number[][] = Array.from({ length: g.vertexCount }, () => []);
  const angle = new Float64Array(g.edgeCount * 2);
  for (let e = 0; e < g.edgeCount; e++) {
    if (!g.alive(e)) continue;
    const a = g.start(e);
    const b = g.end(e);
    const dx = g.x(b) - g.x(a);
    const dy = g.y(b) - g.y(a);
    angle[2 * e] = Math.atan2(dy, dx);
    angle[2 * e + 1] = Math.atan2(-dy, -dx);
    around[a]!.push(2 * e);
    around[b]!.push(2 * e + 1);
  }
  const slot = new Int32Array(g.edgeCount * 2);
  for (const list of around) {
    list.sort((p, q) => angle[p]! - angle[q]! || p - q);
    list.forEach((h, i) => (slot[h] = i));
  }
  const next = (h: number): number => {
    const twin = h ^ 1;
    const list = around[origin(twin)]!;
    return list[(slot[twin]! - 1 + list.length) % list.length]!;
  };
  const faceOf = new Int32Array(g.edgeCount * 2).fill(-1);
  const cycles: number[][] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    if (!g.alive(e)) continue;
    for (const start of [2 * e, 2 * e + 1]) {
      if (faceOf[start] !== -1) continue;
      const cycle: number[] = [];
      let h = start;
      do {
        faceOf[h] = cycles.length;
        cycle.push(h);
        h = next(h);
      } while (h !== start && cycle.length <= g.edgeCount * 2);
      cycles.push(cycle);
    }
  }
  return { faceOf, cycles, around, origin };
}
