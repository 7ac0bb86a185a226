// Turns OSM highway ways into the planar street graph that street blocks are cut from: keeps the
// ground-level streets, joins them at shared nodes and at unnoded crossings, and lets a bridge in
// only when it crosses no other street (a short bridge over a creek still closes a block; an
// overpass crossing streets without a junction would make the graph non-planar).
import Flatbush from 'flatbush';
import type { OsmData } from './osm-xml';
import type { Position } from './geometry';
import { roundCoord } from './geometry';

export interface StreetGraph {
  /** Vertex positions [lon, lat], rounded to 1e-7°. */
  positions: Position[];
  /** Undirected edges as vertex index pairs, deduplicated, without zero-length edges. */
  edges: [number, number][];
  stats: {
    waysUsed: number;
    waysExcluded: { motorway: number; tunnel: number; crossingBridge: number; noGeometry: number };
    bridgesKept: number;
    crossingsNoded: number;
    /** Streets cut where they cross the study-area boundary. */
    boundaryCrossings: number;
  };
}

type WayClass = 'ground' | 'layered' | 'tunnel' | 'motorway';

export function classifyWay(tags: Record<string, string>): WayClass {
  const hw = tags.highway ?? '';
  if (hw === 'motorway' || hw === 'motorway_link') return 'motorway';
  const tunnel = tags.tunnel;
  if (tunnel !== undefined && tunnel !== 'no') return 'tunnel';
  if (tags.covered === 'yes') return 'tunnel';
  const bridge = tags.bridge;
  const layer = tags.layer === undefined ? 0 : Number(tags.layer);
  if ((bridge !== undefined && bridge !== 'no') || (Number.isFinite(layer) && layer !== 0)) return 'layered';
  return 'ground';
}

interface Segment {
  a: number;
  b: number;
  way: number;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Parameter t along s1 where s1 and s2 cross in their interiors, or null. */
function properCrossing(p: Position[], s1: Segment, s2: Segment): number | null {
  if (s1.a === s2.a || s1.a === s2.b || s1.b === s2.a || s1.b === s2.b) return null;
  const [ax, ay] = p[s1.a]!;
  const [bx, by] = p[s1.b]!;
  const [cx, cy] = p[s2.a]!;
  const [dx, dy] = p[s2.b]!;
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (!(((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))) return null;
  return d1 / (d1 - d2);
}

function segmentIndex(p: Position[], segs: Segment[]): Flatbush {
  const index = new Flatbush(Math.max(1, segs.length));
  for (const s of segs) {
    const [ax, ay] = p[s.a]!;
    const [bx, by] = p[s.b]!;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  if (segs.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/**
 * `boundary` (a closed ring) closes the network along the study-area edge, so a river or creek that
 * leaves the extract becomes a face instead of part of the unbounded outside.
 */
export function buildStreetGraph(osm: OsmData, boundary?: readonly Position[]): StreetGraph {
  const positions: Position[] = [];
  const vertexByKey = new Map<string, number>();
  const vertex = (lon: number, lat: number): number => {
    const x = roundCoord(lon);
    const y = roundCoord(lat);
    const key = `${x},${y}`;
    let v = vertexByKey.get(key);
    if (v === undefined) {
      v = positions.length;
      positions.push([x, y]);
      vertexByKey.set(key, v);
    }
    return v;
  };

  const excluded = { motorway: 0, tunnel: 0, crossingBridge: 0, noGeometry: 0 };
  const ground: Segment[] = [];
  const layered: Segment[] = [];
  for (let w = 0; w < osm.ways.length; w++) {
    const way = osm.ways[w]!;
    if (way.tags.highway === undefined) continue;
    const cls = classifyWay(way.tags);
    if (cls === 'motorway' || cls === 'tunnel') {
      excluded[cls]++;
      continue;
    }
    const verts: number[] = [];
    for (const ref of way.refs) {
      const ll = osm.nodes.get(ref);
      if (ll) verts.push(vertex(ll[0], ll[1]));
    }
    if (verts.length < 2) {
      excluded.noGeometry++;
      continue;
    }
    const target = cls === 'ground' ? ground : layered;
    for (let i = 1; i < verts.length; i++) {
      if (verts[i - 1] !== verts[i]) target.push({ a: verts[i - 1]!, b: verts[i]!, way: w });
    }
  }

  // A layered way that crosses a ground street (or another layered way) without a junction is an
  // overpass, not a block edge.
  const groundIndex = segmentIndex(positions, ground);
  const crossingWays = new Set<number>();
  const crosses = (s: Segment, index: Flatbush, pool: Segment[]): boolean => {
    const [ax, ay] = positions[s.a]!;
    const [bx, by] = positions[s.b]!;
    const hits = index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    return hits.some(
      (h) => pool[h] !== undefined && pool[h].way !== s.way && properCrossing(positions, s, pool[h]) !== null,
    );
  };
  for (const s of layered) if (crosses(s, groundIndex, ground)) crossingWays.add(s.way);
  const layeredIndex = segmentIndex(positions, layered);
  for (const s of layered) if (!crossingWays.has(s.way) && crosses(s, layeredIndex, layered)) crossingWays.add(s.way);
  excluded.crossingBridge = crossingWays.size;
  const keptLayered = layered.filter((s) => !crossingWays.has(s.way));
  const bridgesKept = new Set(keptLayered.map((s) => s.way)).size;
  const waysUsed = new Set(ground.map((s) => s.way)).size + bridgesKept;

  const edgeOfArea: Segment[] = [];
  if (boundary) {
    for (let i = 1; i < boundary.length; i++) {
      const a = vertex(boundary[i - 1]![0], boundary[i - 1]![1]);
      const b = vertex(boundary[i]![0], boundary[i]![1]);
      if (a !== b) edgeOfArea.push({ a, b, way: -1 });
    }
  }

  // Streets that cross without a shared node (mapping errors, or the study-area edge) are noded at
  // the crossing so the face walk sees a planar graph.
  const all = [...ground, ...keptLayered, ...edgeOfArea];
  const index = segmentIndex(positions, all);
  const cuts = new Map<number, { t: number; v: number }[]>();
  let crossingsNoded = 0;
  let boundaryCrossings = 0;
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    const [ax, ay] = positions[s.a]!;
    const [bx, by] = positions[s.b]!;
    for (const j of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      if (j <= i) continue;
      const o = all[j]!;
      const t = properCrossing(positions, s, o);
      if (t === null) continue;
      const x = ax + t * (bx - ax);
      const y = ay + t * (by - ay);
      const v = vertex(x, y);
      const [cx, cy] = positions[o.a]!;
      const [dx, dy] = positions[o.b]!;
      const u = Math.abs(dx - cx) > Math.abs(dy - cy) ? (x - cx) / (dx - cx) : (y - cy) / (dy - cy);
      if (!cuts.has(i)) cuts.set(i, []);
      if (!cuts.has(j)) cuts.set(j, []);
      cuts.get(i)!.push({ t, v });
      cuts.get(j)!.push({ t: u, v });
      if (s.way === -1 || o.way === -1) boundaryCrossings++;
      else crossingsNoded++;
    }
  }

  const edgeKeys = new Set<string>();
  const edges: [number, number][] = [];
  const addEdge = (a: number, b: number) => {
    if (a === b) return;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push(a < b ? [a, b] : [b, a]);
  };
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    const c = cuts.get(i);
    if (!c) {
      addEdge(s.a, s.b);
      continue;
    }
    c.sort((p, q) => p.t - q.t);
    let prev = s.a;
    for (const { v } of c) {
      addEdge(prev, v);
      prev = v;
    }
    addEdge(prev, s.b);
  }
  return {
    positions,
    edges,
    stats: { waysUsed, waysExcluded: excluded, bridgesKept, crossingsNoded, boundaryCrossings },
  };
}
