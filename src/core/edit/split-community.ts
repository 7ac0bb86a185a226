// Splits a community along a line the user draws (a road, a river, a wall).
//
// polyclip-ts cannot cut by a line, and the usual trick (a huge half-plane polygon built from the line
// extended at both ends) cuts too much: an extended line also cuts where the user stopped drawing.
// So this is an exact planar split instead: the polygon's rings and the line are noded against each
// other, the pieces of line that run strictly inside the polygon are kept (dangling ends pruned),
// and the faces of that planar graph are walked. Every face is one part, so the parts share their
// cut edges vertex for vertex and their areas add up to the original (noding is done in the
// equal-area work space described in geometry.ts, so that holds for turf's areas too).
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { msg } from '../i18n';
import type { Message } from '../model';
import { walkFaces } from '../planar-faces';
import {
  type AreaGeometry,
  type Pair,
  type PolygonRings,
  OUTPUT_DECIMALS,
  SLIVER_AREA_M2,
  areaM2,
  geometryFromPolygons,
  metresPerDegree,
  pointInRings,
  pointSegmentDistance,
  polygonsFromWork,
  polygonsOf,
  polygonsToWork,
  roundGeometry,
  signedArea2,
  toWork,
} from './geometry';

export type SplitResult = { ok: true; parts: (Polygon | MultiPolygon)[] } | { ok: false; reason: Message };

export interface SplitOptions {
  /** Decimals of the output coordinates (default 9, the most terra-draw accepts). */
  decimals?: number;
}

export const SPLIT_REASONS = {
  invalidLine: msg('edit.reason.split.invalidLine'),
  crossTwice: msg('edit.reason.split.crossTwice'),
  noSplit: msg('edit.reason.split.noSplit'),
} as const satisfies Record<string, Message>;

/**
 * Points closer than this (work-space degrees, about 0.1 mm) are one node. Intersections computed in floating
 * point land a few ulps off the edges they lie on; without snapping, a line snapped to a vertex would
 * create a second node next to it and a face of zero area. It stays this small because snapping
 * a crossing onto a nearby line vertex bends the boundary by up to this much.
 */
const NODE_EPS = 1e-9;
/** Faces smaller than this (m²) are splinters from a line drawn a hair off a vertex, not parts. */
const MIN_PART_M2 = SLIVER_AREA_M2;

/** Nodes with tolerance: a hash of EPS-sized cells, searched with their neighbours. */
class NodeSet {
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  private readonly cells = new Map<string, number[]>();

  add(x: number, y: number): number {
    const cx = Math.floor(x / NODE_EPS);
    const cy = Math.floor(y / NODE_EPS);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const id of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.abs((this.xs[id] as number) - x) <= NODE_EPS && Math.abs((this.ys[id] as number) - y) <= NODE_EPS) {
            return id;
          }
        }
      }
    }
    const id = this.xs.length;
    this.xs.push(x);
    this.ys.push(y);
    const key = `${cx},${cy}`;
    const cell = this.cells.get(key);
    if (cell) cell.push(id);
    else this.cells.set(key, [id]);
    return id;
  }
}

interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  a: number;
  b: number;
  /** Nodes on the segment with their parameter along it; the end nodes are added when it is cut. */
  cuts: { t: number; node: number }[];
}

interface Edge {
  a: number;
  b: number;
  /** Ring edges run in ring order with the polygon interior on their left (shell CCW, holes CW). */
  ring: boolean;
  alive: boolean;
}

const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

/** Records where two segments meet as cuts on both (and, for the line against a ring, as a contact). */
function nodeCrossing(nodes: NodeSet, p: Segment, q: Segment, collinearToo: boolean, contacts?: Set<number>): void {
  const rx = p.bx - p.ax;
  const ry = p.by - p.ay;
  const sx = q.bx - q.ax;
  const sy = q.by - q.ay;
  const lenR = Math.hypot(rx, ry);
  const lenS = Math.hypot(sx, sy);
  if (lenR === 0 || lenS === 0) return;
  const qpx = q.ax - p.ax;
  const qpy = q.ay - p.ay;
  const denom = rx * sy - ry * sx;
  const tolT = NODE_EPS / lenR;
  const tolU = NODE_EPS / lenS;
  if (Math.abs(denom) > 1e-12 * lenR * lenS) {
    const t = (qpx * sy - qpy * sx) / denom;
    const u = (qpx * ry - qpy * rx) / denom;
    if (t < -tolT || t > 1 + tolT || u < -tolU || u > 1 + tolU) return;
    const tc = clamp01(t);
    const node = nodes.add(p.ax + tc * rx, p.ay + tc * ry);
    p.cuts.push({ t: tc, node });
    q.cuts.push({ t: clamp01(u), node });
    contacts?.add(node);
    return;
  }
  if (!collinearToo) return;
  // Parallel: only a collinear overlap matters (a line drawn along the boundary). Each segment is
  // cut where the other one's end points lie on it.
  if (Math.abs(qpx * ry - qpy * rx) / lenR > NODE_EPS) return;
  const lenR2 = lenR * lenR;
  const lenS2 = lenS * lenS;
  for (const [x, y, node] of [
    [q.ax, q.ay, q.a],
    [q.bx, q.by, q.b],
  ] as const) {
    const t = ((x - p.ax) * rx + (y - p.ay) * ry) / lenR2;
    if (t >= -tolT && t <= 1 + tolT) {
      p.cuts.push({ t: clamp01(t), node });
      contacts?.add(node);
    }
  }
  for (const [x, y, node] of [
    [p.ax, p.ay, p.a],
    [p.bx, p.by, p.b],
  ] as const) {
    const u = ((x - q.ax) * sx + (y - q.ay) * sy) / lenS2;
    if (u >= -tolU && u <= 1 + tolU) {
      q.cuts.push({ t: clamp01(u), node });
      contacts?.add(node);
    }
  }
}

/** Consecutive node pairs along a segment after all its cuts. */
function pieces(s: Segment): [number, number][] {
  const cuts = [{ t: 0, node: s.a }, ...s.cuts, { t: 1, node: s.b }].sort((p, q) => p.t - q.t);
  const out: [number, number][] = [];
  let prev = cuts[0]?.node ?? s.a;
  for (const c of cuts) {
    if (c.node === prev) continue;
    out.push([prev, c.node]);
    prev = c.node;
  }
  return out;
}

const segmentsBboxOverlap = (p: Segment, q: Segment) =>
  Math.min(p.ax, p.bx) - NODE_EPS <= Math.max(q.ax, q.bx) &&
  Math.min(q.ax, q.bx) - NODE_EPS <= Math.max(p.ax, p.bx) &&
  Math.min(p.ay, p.by) - NODE_EPS <= Math.max(q.ay, q.by) &&
  Math.min(q.ay, q.by) - NODE_EPS <= Math.max(p.ay, p.by);

interface MemberSplit {
  /** Faces as polygons (shell CCW, holes CW); one face means the member was not divided. */
  faces: PolygonRings[];
  /** Distinct points where the line meets this member's boundary. */
  contacts: number;
}

/** Splits one polygon (shell and holes) by the line. */
function splitMember(rings: PolygonRings, line: Pair[]): MemberSplit {
  const nodes = new NodeSet();
  // Orientation decides which side of a ring edge is inside, so normalise it.
  const oriented = rings.map((ring, i) => {
    const ccw = signedArea2(ring) > 0;
    return ccw === (i === 0) ? ring : [...ring].reverse();
  });
  // Vertices someone drew, as opposed to crossing points the noding added.
  const vertices = new Set<number>();
  const ringSegs: Segment[] = [];
  for (const ring of oriented) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as Pair;
      const [bx, by] = ring[i + 1] as Pair;
      const a = nodes.add(ax, ay);
      const b = nodes.add(bx, by);
      vertices.add(a);
      if (a !== b) ringSegs.push({ ax, ay, bx, by, a, b, cuts: [] });
    }
  }
  const lineSegs: Segment[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i] as Pair;
    const [bx, by] = line[i + 1] as Pair;
    const a = nodes.add(ax, ay);
    const b = nodes.add(bx, by);
    vertices.add(a).add(b);
    if (a !== b) lineSegs.push({ ax, ay, bx, by, a, b, cuts: [] });
  }

  const contacts = new Set<number>();
  for (const l of lineSegs) {
    for (const r of ringSegs) if (segmentsBboxOverlap(l, r)) nodeCrossing(nodes, l, r, true, contacts);
  }
  // A line that crosses itself inside the polygon encloses faces of its own.
  for (let i = 0; i < lineSegs.length; i++) {
    for (let j = i + 2; j < lineSegs.length; j++) {
      const p = lineSegs[i] as Segment;
      const q = lineSegs[j] as Segment;
      if (segmentsBboxOverlap(p, q)) nodeCrossing(nodes, p, q, false);
    }
  }

  const edges: Edge[] = [];
  const seen = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a}_${b}` : `${b}_${a}`);
  for (const s of ringSegs) {
    for (const [a, b] of pieces(s)) {
      if (seen.has(key(a, b))) continue;
      seen.add(key(a, b));
      edges.push({ a, b, ring: true, alive: true });
    }
  }
  const xs = nodes.xs;
  const ys = nodes.ys;
  const strictlyInside = (x: number, y: number) => {
    if (!pointInRings(x, y, oriented)) return false;
    for (const s of ringSegs) if (pointSegmentDistance(x, y, s.ax, s.ay, s.bx, s.by) <= NODE_EPS) return false;
    return true;
  };
  for (const s of lineSegs) {
    for (const [a, b] of pieces(s)) {
      // Ring edges win over line pieces drawn along the boundary: cutting along an edge cuts nothing.
      if (seen.has(key(a, b))) continue;
      seen.add(key(a, b));
      const mx = ((xs[a] as number) + (xs[b] as number)) / 2;
      const my = ((ys[a] as number) + (ys[b] as number)) / 2;
      if (strictlyInside(mx, my)) edges.push({ a, b, ring: false, alive: true });
    }
  }

  const faces = walkSplitFaces(edges, xs, ys, vertices);
  return { faces, contacts: contacts.size };
}

/** Removes line edges that end in a node no other edge reaches: a cut has to go from edge to edge. */
function pruneDangles(edges: Edge[], nodeCount: number): void {
  const degree = new Int32Array(nodeCount);
  for (const e of edges) {
    if (!e.alive) continue;
    degree[e.a] = (degree[e.a] as number) + 1;
    degree[e.b] = (degree[e.b] as number) + 1;
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of edges) {
      if (!e.alive || e.ring) continue;
      if (degree[e.a] === 1 || degree[e.b] === 1) {
        e.alive = false;
        degree[e.a] = (degree[e.a] as number) - 1;
        degree[e.b] = (degree[e.b] as number) - 1;
        changed = true;
      }
    }
  }
}

/**
 * Walks the faces of the planar graph (core/planar-faces.ts: bounded faces counter-clockwise, the
 * outer boundary of each connected piece clockwise) and returns the ones inside the polygon.
 */
function walkSplitFaces(edges: Edge[], xs: number[], ys: number[], vertices: Set<number>): PolygonRings[] {
  // Work space is equal-area: one square unit is the same number of m² at every latitude.
  const kx = metresPerDegree(0).x;
  const ky = kx;
  for (;;) {
    pruneDangles(edges, xs.length);
    const {
      faceOf,
      cycles,
      around: out,
      origin,
    } = walkFaces({
      vertexCount: xs.length,
      edgeCount: edges.length,
      start: (e) => (edges[e] as Edge).a,
      end: (e) => (edges[e] as Edge).b,
      alive: (e) => (edges[e] as Edge).alive,
      x: (v) => xs[v] as number,
      y: (v) => ys[v] as number,
    });

    // A line edge with the same face on both sides does not separate anything (a cut from the shell
    // into a hole, say); left in, it would become a zero-width bridge inside a ring. Drop and re-walk.
    let bridges = false;
    for (let e = 0; e < edges.length; e++) {
      const edge = edges[e] as Edge;
      if (edge.alive && !edge.ring && faceOf[2 * e] === faceOf[2 * e + 1]) {
        edge.alive = false;
        bridges = true;
      }
    }
    if (bridges) continue;

    // A line drawn a hair off a vertex cuts a splinter off the corner. Remove the splinter's longest
    // cut edge so it rejoins its neighbour, and walk again.
    let splinters = false;
    for (const cycle of cycles) {
      if (cycle.some((h) => (edges[h >> 1] as Edge).ring && (h & 1) === 1)) continue;
      const raw = cycle.map((h) => [xs[origin(h)] as number, ys[origin(h)] as number] as Pair);
      const area2 = signedArea2([...raw, raw[0] as Pair]);
      if (area2 <= 0 || (area2 / 2) * kx * ky >= MIN_PART_M2) continue;
      let longest = -1;
      let longestLength = -1;
      for (const h of cycle) {
        const edge = edges[h >> 1] as Edge;
        if (edge.ring) continue;
        const length = Math.hypot(
          ((xs[edge.b] as number) - (xs[edge.a] as number)) * kx,
          ((ys[edge.b] as number) - (ys[edge.a] as number)) * ky,
        );
        if (length > longestLength) {
          longestLength = length;
          longest = h >> 1;
        }
      }
      if (longest >= 0) {
        (edges[longest] as Edge).alive = false;
        splinters = true;
      }
    }
    if (splinters) continue;

    const ringOf = (cycle: number[]): Pair[] => {
      // A crossing whose line pieces were all pruned is left as a vertex in the middle of a straight
      // boundary edge; drop it so an unchanged edge stays as it was drawn.
      const kept = cycle.filter((h) => vertices.has(origin(h)) || (out[origin(h)] as number[]).length > 2);
      const ring = (kept.length >= 3 ? kept : cycle).map(
        (h) => [xs[origin(h)] as number, ys[origin(h)] as number] as Pair,
      );
      const first = ring[0] as Pair;
      ring.push([first[0], first[1]]);
      return ring;
    };
    const shells: { ring: Pair[]; area: number; holes: Pair[][] }[] = [];
    const holes: Pair[][] = [];
    for (const cycle of cycles) {
      // Reverse ring half-edges have the outside of the polygon on their left: the unbounded face,
      // or the inside of a hole.
      const outside = cycle.some((h) => (edges[h >> 1] as Edge).ring && (h & 1) === 1);
      if (outside) continue;
      const ring = ringOf(cycle);
      const area = signedArea2(ring);
      if (area > 0) shells.push({ ring, area, holes: [] });
      else if (area < 0) holes.push(ring);
    }
    // A clockwise cycle not touching the unbounded face is a hole the line never reached: it belongs
    // to the smallest face around it.
    for (const hole of holes) {
      const [hx, hy] = hole[0] as Pair;
      let owner: (typeof shells)[number] | undefined;
      for (const s of shells) {
        if (pointInRings(hx, hy, [s.ring]) && (!owner || s.area < owner.area)) owner = s;
      }
      owner?.holes.push(hole);
    }
    return shells.map((s) => [s.ring, ...s.holes]);
  }
}

/** Smallest distance in metres between the vertices of `from` and the edges of `to`. */
function gapMetres(from: PolygonRings, to: PolygonRings, kx: number, ky: number): number {
  let best = Infinity;
  for (const ring of from) {
    for (const [px, py] of ring) {
      for (const other of to) {
        for (let i = 0; i + 1 < other.length; i++) {
          const [ax, ay] = other[i] as Pair;
          const [bx, by] = other[i + 1] as Pair;
          const d = pointSegmentDistance(px, py, ax, ay, bx, by, kx, ky);
          if (d < best) best = d;
        }
      }
    }
  }
  return best;
}

/**
 * Splits a community along a drawn line. Each face the line cuts off is one part (a line through both
 * arms of a U gives three). Parts of a MultiPolygon the line does not divide stay whole and go with
 * the nearest part, so an island keeps belonging to the side it lies on. Parts are ordered by area,
 * largest first.
 */
export function splitPolygon(geom: AreaGeometry, line: LineString, options: SplitOptions = {}): SplitResult {
  const decimals = options.decimals ?? OUTPUT_DECIMALS;
  const pts: Pair[] = [];
  for (const p of line.coordinates) {
    const q: Pair = [p[0] as number, p[1] as number];
    const prev = pts[pts.length - 1];
    if (!Number.isFinite(q[0]) || !Number.isFinite(q[1])) continue;
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) pts.push(q);
  }
  if (pts.length < 2) return { ok: false, reason: SPLIT_REASONS.invalidLine };

  const members = polygonsOf(geom);
  // Noding happens in work space, so each new vertex lies on its edges as turf's area sees them.
  const workLine = pts.map(toWork);
  const splits = polygonsToWork(members).map((m) => splitMember(m, workLine));
  const contacts = splits.reduce((s, m) => s + m.contacts, 0);
  if (contacts < 2) return { ok: false, reason: SPLIT_REASONS.crossTwice };

  const parts: PolygonRings[][] = [];
  const whole: PolygonRings[] = [];
  splits.forEach((s, i) => {
    if (s.faces.length >= 2) for (const f of polygonsFromWork(s.faces)) parts.push([f]);
    else whole.push(members[i] as PolygonRings);
  });
  if (parts.length < 2) return { ok: false, reason: SPLIT_REASONS.noSplit };

  const k = metresPerDegree(pts[0]?.[1] ?? 0);
  for (const member of whole) {
    let bestPart = parts[0] as PolygonRings[];
    let best = Infinity;
    for (const part of parts) {
      const d = gapMetres(member, part[0] as PolygonRings, k.x, k.y);
      if (d < best) {
        best = d;
        bestPart = part;
      }
    }
    bestPart.push(member);
  }

  const out = parts
    .map((p) => roundGeometry(geometryFromPolygons(p) as AreaGeometry, decimals))
    .map((g) => ({ g, area: areaM2(g) }))
    .sort((p, q) => q.area - p.area)
    .map((p) => p.g);
  return { ok: true, parts: out };
}
