// Cuts a planar street graph into its faces (street blocks) with a half-edge face walk, which is
// linear in the number of edges and, unlike a generic polygonizer, also tells which blocks share a
// street segment. Dangling streets and bridges between separate networks are pruned first; a network
// lying inside another's block (a loop road in a compound) becomes a hole of that block.
import type { PolygonRings, Position, Ring } from './geometry';
import { LocalProjection, pointInRing, signedArea } from './geometry';
import { walkFaces } from '../../src/core/planar-faces';

export interface Face {
  /** One or more polygons (more when a block is pinched at a single vertex), lon/lat, closed rings. */
  polygons: PolygonRings[];
  /** Planar area in m² (shells minus holes) in the local projection. */
  areaM2: number;
}

export interface PolygonizeResult {
  faces: Face[];
  /** faceIndex → (neighbour faceIndex → shared boundary length in metres). */
  adjacency: Map<number, Map<number, number>>;
  stats: { danglingEdgesRemoved: number; cutEdgesRemoved: number; components: number; nestedComponents: number };
}

/** Polygonizes the graph given by `positions` (lon/lat) and undirected `edges` (vertex index pairs). */
export function polygonize(positions: readonly Position[], edges: readonly [number, number][]): PolygonizeResult {
  const n = positions.length;
  let lon0 = 0;
  let lat0 = 0;
  for (const [x, y] of positions) {
    lon0 += x;
    lat0 += y;
  }
  const proj = new LocalProjection(lon0 / Math.max(1, n), lat0 / Math.max(1, n));
  const xy: Position[] = positions.map(([lon, lat]) => [proj.x(lon), proj.y(lat)]);

  const alive = edges.map(() => true);
  const incident: number[][] = Array.from({ length: n }, () => []);
  edges.forEach(([a, b], e) => {
    incident[a]!.push(e);
    incident[b]!.push(e);
  });
  const degree = incident.map((l) => l.length);
  const kill = (e: number) => {
    alive[e] = false;
    degree[edges[e]![0]]!--;
    degree[edges[e]![1]]!--;
  };
  const pruneDangles = (): number => {
    let removed = 0;
    const stack: number[] = [];
    for (let v = 0; v < n; v++) if (degree[v] === 1) stack.push(v);
    while (stack.length) {
      const v = stack.pop()!;
      if (degree[v] !== 1) continue;
      const e = incident[v]!.find((k) => alive[k])!;
      kill(e);
      removed++;
      const other = edges[e]![0] === v ? edges[e]![1] : edges[e]![0];
      if (degree[other] === 1) stack.push(other);
    }
    return removed;
  };

  let danglingEdgesRemoved = pruneDangles();
  let cutEdgesRemoved = 0;
  let faceOf: Int32Array;
  let cycles: number[][];
  for (;;) {
    ({ faceOf, cycles } = walkFaces({
      vertexCount: n,
      edgeCount: edges.length,
      start: (e) => edges[e]![0],
      end: (e) => edges[e]![1],
      alive: (e) => alive[e]!,
      x: (v) => xy[v]![0],
      y: (v) => xy[v]![1],
    }));
    // An edge with the same face on both sides separates nothing: a bridge between two networks.
    let removedNow = 0;
    for (let e = 0; e < edges.length; e++) {
      if (alive[e] && faceOf[2 * e] === faceOf[2 * e + 1]) {
        kill(e);
        removedNow++;
      }
    }
    if (removedNow === 0) break;
    cutEdgesRemoved += removedNow;
    danglingEdgesRemoved += pruneDangles();
  }

  const tailOf = (h: number) => (h & 1 ? edges[h >> 1]![1] : edges[h >> 1]![0]);

  // Connected components, to find each network's outer face and networks nested inside blocks.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  edges.forEach(([a, b], e) => {
    if (alive[e]) parent[find(a)] = find(b);
  });

  const cycleArea = cycles.map((c) => signedArea(c.map((h) => xy[tailOf(h)]!)));
  const outerOfComponent = new Map<number, number>();
  cycles.forEach((c, f) => {
    const comp = find(tailOf(c[0]!));
    const cur = outerOfComponent.get(comp);
    if (cur === undefined || cycleArea[f]! < cycleArea[cur]!) outerOfComponent.set(comp, f);
  });
  const isOuter = new Set(outerOfComponent.values());
  const bounded = cycles.map((_, f) => f).filter((f) => !isOuter.has(f) && cycleArea[f]! > 0);

  // Decompose each bounded cycle into simple loops (a block can touch itself at a vertex).
  const shellsAndHoles = new Map<number, { shells: Ring[]; holes: Ring[] }>();
  for (const f of bounded) {
    const loops: number[][] = [];
    const stack: number[] = [];
    const at = new Map<number, number>();
    for (const h of cycles[f]!) {
      const v = tailOf(h);
      const i = at.get(v);
      if (i !== undefined) {
        const loop = stack.splice(i);
        for (const w of loop) at.delete(w);
        loops.push(loop);
      }
      at.set(v, stack.length);
      stack.push(v);
    }
    if (stack.length) loops.push(stack);
    const shells: Ring[] = [];
    const holes: Ring[] = [];
    for (const loop of loops) {
      if (loop.length < 3) continue;
      const a = signedArea(loop.map((v) => xy[v]!));
      const ring = loop.map((v) => positions[v]!);
      ring.push(ring[0]!);
      if (a > 0) shells.push(ring);
      else if (a < 0) holes.push(ring);
    }
    shellsAndHoles.set(f, { shells, holes });
  }

  // Networks lying inside another network's block become holes of the smallest block holding them.
  const containerOf = new Map<number, number>();
  let nestedComponents = 0;
  for (const [comp, outer] of outerOfComponent) {
    const probe = xy[tailOf(cycles[outer]![0]!)]!;
    let best = -1;
    for (const f of bounded) {
      if (find(tailOf(cycles[f]![0]!)) === comp) continue;
      if (best !== -1 && cycleArea[f]! >= cycleArea[best]!) continue;
      if (
        pointInRing(
          probe[0],
          probe[1],
          cycles[f]!.map((h) => xy[tailOf(h)]!),
        )
      )
        best = f;
    }
    if (best === -1) continue;
    nestedComponents++;
    containerOf.set(outer, best);
    const ring = cycles[outer]!.map((h) => positions[tailOf(h)]!);
    ring.push(ring[0]!);
    shellsAndHoles.get(best)!.holes.push(ring);
  }

  const faceIndex = new Map<number, number>();
  const faces: Face[] = [];
  for (const f of bounded) {
    const { shells, holes } = shellsAndHoles.get(f)!;
    if (shells.length === 0) continue;
    const polygons: PolygonRings[] = shells.map((s) => [s]);
    for (const hole of holes) {
      const [px, py] = hole[0]!;
      // A hole touching its shell at a vertex would test ambiguous there, so probe a hole edge midpoint.
      const mx = (hole[0]![0] + hole[1]![0]) / 2;
      const my = (hole[0]![1] + hole[1]![1]) / 2;
      const target =
        polygons.find((p) => pointInRing(mx, my, p[0]!)) ??
        polygons.find((p) => pointInRing(px, py, p[0]!)) ??
        polygons[0]!;
      target.push(hole);
    }
    let area = 0;
    for (const p of polygons)
      for (const r of p) area += signedArea(r.map(([lon, lat]) => [proj.x(lon), proj.y(lat)] as Position));
    faceIndex.set(f, faces.length);
    faces.push({ polygons, areaM2: Math.abs(area) === 0 ? 0 : area });
  }

  const adjacency = new Map<number, Map<number, number>>();
  const resolve = (f: number): number | undefined => faceIndex.get(containerOf.get(f) ?? f);
  edges.forEach(([a, b], e) => {
    if (!alive[e]) return;
    const f1 = resolve(faceOf[2 * e]!);
    const f2 = resolve(faceOf[2 * e + 1]!);
    if (f1 === undefined || f2 === undefined || f1 === f2) return;
    const len = Math.hypot(xy[a]![0] - xy[b]![0], xy[a]![1] - xy[b]![1]);
    for (const [p, q] of [
      [f1, f2],
      [f2, f1],
    ] as const) {
      if (!adjacency.has(p)) adjacency.set(p, new Map());
      const m = adjacency.get(p)!;
      m.set(q, (m.get(q) ?? 0) + len);
    }
  });

  return {
    faces,
    adjacency,
    stats: { danglingEdgesRemoved, cutEdgesRemoved, components: outerOfComponent.size, nestedComponents },
  };
}
