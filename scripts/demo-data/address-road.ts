// Estimates compound positions from their address. The Lianjia crawl's 经纬度 is mostly the
// position of the listing's nearest Lianjia store (附近门店), not of the compound, so many compounds
// share one point. The first road named in the address (地址) is nearly always a real street close
// to that store. This module parses that road name and places the compound beside the nearest
// point of the road, spreading compounds that would otherwise sit on one point along the road.
// The result is an ESTIMATE, not a surveyed position. All geometry here is planar, in metres.

/** "(普陀中远两湾城)远景路97弄、…" → "远景路97弄、…": drops the leading "(区 商圈)" parenthesis. */
export function stripAreaPrefix(address: string): string {
  return address.replace(/^\s*[(（][^()（）]*[)）]\s*/, '');
}

// A road name: a run of CJK characters ending in a road suffix, followed by a house/lane number
// (97弄, 1482号, 1-995号, 一弄) or the end of the part. The lazy match takes the
// shortest name that is followed by such a number, so "浦东南路1475弄" gives "浦东南路".
const ROAD =
  /^([\u3400-\u9fff]{1,20}?(?:大道|公路|路|街|巷|浜|道))(?=[0-9０-９]|[一二三四五六七八九十]+[弄号支]|[号弄]|$)/u;

// Prefixes some addresses carry before the road: 上海市, 浦东新区 / 奉贤区, 泗泾镇, a phase (三期).
const ADMIN_PREFIX = /^(?:上海市)?(?:[\u4e00-\u9fff]{2,3}区)?(?:[\u4e00-\u9fff]{2}镇)?(?:[一二三四五六七八九十]+期)?/u;

/**
 * The first road named in a Lianjia address, or null when no part of it names a road (e.g.
 * "(闵行古美)平南一村, 平南二村"). Parts are separated by commas, 、, semicolons and brackets;
 * the first part that starts with a road name wins, so "延吉七村,营口路113弄" gives "营口路" and
 * "东安四村（宛平南路727弄）" gives "宛平南路".
 */
export function firstRoadName(address: string | null | undefined): string | null {
  if (!address) return null;
  const rest = stripAreaPrefix(address);
  for (const rawPart of rest.split(/[,，、;；/()（）]+/)) {
    const part = rawPart.replace(/\s+/g, '');
    if (!part) continue;
    // "上海市浦东新区海霞路685弄" → "海霞路"; the prefix is dropped only if a road name follows it.
    const bare = part.replace(ADMIN_PREFIX, '');
    const m = (bare !== part && bare ? ROAD.exec(bare) : null) ?? ROAD.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * "淮海中路" → "淮海路"; null when the name has no 东/西/南/北/中 just before its suffix, or when
 * fewer than two characters would be left before it (河南路 is not a direction of 河路).
 */
export function withoutDirection(name: string): string | null {
  const m = /^(.{2,})[东西南北中](大道|公路|路|街)$/u.exec(name);
  return m ? m[1]! + m[2]! : null;
}

/**
 * The conservative fallback when no road of the exact name is near: the two names differ only by
 * one direction character (淮海路 ↔ 淮海中路). Two different directions (河南南路 vs 河南北路) are
 * different roads, so they never match.
 */
export function isDirectionVariant(addressName: string, roadName: string): boolean {
  return withoutDirection(roadName) === addressName || withoutDirection(addressName) === roadName;
}

export type XY = [number, number];

export interface RoadLine {
  name: string;
  /** Polyline vertices in metres. */
  coords: XY[];
}

export interface CompoundToPlace {
  /** Sort key for the spreading order (the compound id). */
  id: string;
  /** Listed position, in metres. */
  x: number;
  y: number;
  /** First road of the address, or null. */
  road: string | null;
}

export interface Placement {
  x: number;
  y: number;
  source: 'address-road' | 'listed';
  /** The OSM road name used, or null when the listed position was kept. */
  road: string | null;
}

export interface PlacementOptions {
  /** Largest distance from the listed point to the named road (m). */
  maxDistance: number;
  /** Distance along the road between compounds that share a listed point and road (m). */
  spacing: number;
  /** Distance from the road centreline into the block (m). */
  offset: number;
  /** Whether a point lies inside a street block; the placement tries the other side when it does not. */
  inBlock: (x: number, y: number) => boolean;
}

export const DEFAULT_PLACEMENT = { maxDistance: 1500, spacing: 100, offset: 35 } as const;

interface OnLine {
  line: number;
  seg: number;
  /** Distance from the segment's start vertex (m). */
  t: number;
}

interface Nearest extends OnLine {
  dist: number;
}

const segLength = (a: XY, b: XY) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Spatial lookup of named road polylines by name, with walking along same-name ways. */
export class RoadNetwork {
  private readonly byName = new Map<string, number[]>();
  private readonly byVariant = new Map<string, number[]>();
  /** "x,y|name" of a line end → lines of that name ending there. */
  private readonly ends = new Map<string, number[]>();

  constructor(readonly lines: readonly RoadLine[]) {
    lines.forEach((l, i) => {
      if (l.coords.length < 2) return;
      push(this.byName, l.name, i);
      const bare = withoutDirection(l.name);
      if (bare) push(this.byVariant, bare, i);
      push(this.ends, endKey(l.coords[0]!, l.name), i);
      push(this.ends, endKey(l.coords[l.coords.length - 1]!, l.name), i);
    });
  }

  /** Nearest point on any line of exactly this name, or null when none is within maxDistance. */
  nearest(name: string, x: number, y: number, maxDistance: number): Nearest | null {
    return this.nearestOf(this.byName.get(name) ?? [], x, y, maxDistance);
  }

  /** The nearest road matching the address name: exact first, then a one-direction variant. */
  match(name: string, x: number, y: number, maxDistance: number): { name: string; at: Nearest } | null {
    const exact = this.nearest(name, x, y, maxDistance);
    if (exact) return { name, at: exact };
    const candidates = new Set<number>(this.byVariant.get(name) ?? []);
    const bare = withoutDirection(name);
    if (bare) for (const i of this.byName.get(bare) ?? []) candidates.add(i);
    const at = this.nearestOf(
      [...candidates].sort((a, b) => a - b).filter((i) => isDirectionVariant(name, this.lines[i]!.name)),
      x,
      y,
      maxDistance,
    );
    return at ? { name: this.lines[at.line]!.name, at } : null;
  }

  private nearestOf(indices: readonly number[], x: number, y: number, maxDistance: number): Nearest | null {
    let best: Nearest | null = null;
    for (const li of indices) {
      const c = this.lines[li]!.coords;
      for (let s = 0; s + 1 < c.length; s++) {
        const [ax, ay] = c[s]!;
        const [bx, by] = c[s + 1]!;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        const d = Math.hypot(ax + u * dx - x, ay + u * dy - y);
        if (d <= maxDistance && (best === null || d < best.dist))
          best = { line: li, seg: s, t: u * Math.sqrt(len2), dist: d };
      }
    }
    return best;
  }

  pointAt(p: OnLine): { x: number; y: number; tx: number; ty: number } {
    const c = this.lines[p.line]!.coords;
    const a = c[p.seg]!;
    const b = c[p.seg + 1]!;
    const len = segLength(a, b) || 1;
    const tx = (b[0] - a[0]) / len;
    const ty = (b[1] - a[1]) / len;
    return { x: a[0] + tx * p.t, y: a[1] + ty * p.t, tx, ty };
  }

  /**
   * The point `distance` metres along the road from `start`, forwards (dir 1, the way's own
   * direction) or backwards (dir -1). At a way's end it continues on another way of the same name
   * that ends there and turns least (under 90°). null when the road ends first.
   */
  walk(start: OnLine, dir: 1 | -1, distance: number): OnLine | null {
    let { line, seg, t } = start;
    let d = distance;
    const visited = new Set<number>([line]);
    for (;;) {
      const c = this.lines[line]!.coords;
      const len = segLength(c[seg]!, c[seg + 1]!);
      const room = dir === 1 ? len - t : t;
      if (d <= room) return { line, seg, t: dir === 1 ? t + d : t - d };
      d -= room;
      if (dir === 1 ? seg + 2 < c.length : seg > 0) {
        seg += dir;
        t = dir === 1 ? 0 : segLength(c[seg]!, c[seg + 1]!);
        continue;
      }
      // At the end of this way: heading is the direction of travel on the last segment.
      const a = c[seg]!;
      const b = c[seg + 1]!;
      const end = dir === 1 ? b : a;
      const hx = (dir === 1 ? b[0] - a[0] : a[0] - b[0]) / (len || 1);
      const hy = (dir === 1 ? b[1] - a[1] : a[1] - b[1]) / (len || 1);
      let next: { line: number; dir: 1 | -1; cos: number } | null = null;
      for (const other of this.ends.get(endKey(end, this.lines[line]!.name)) ?? []) {
        if (visited.has(other)) continue;
        const oc = this.lines[other]!.coords;
        const fromStart = oc[0]![0] === end[0] && oc[0]![1] === end[1];
        const p = fromStart ? oc[1]! : oc[oc.length - 2]!;
        const l = segLength(end, p) || 1;
        const cos = (hx * (p[0] - end[0]) + hy * (p[1] - end[1])) / l;
        if (cos > 0 && (next === null || cos > next.cos)) next = { line: other, dir: fromStart ? 1 : -1, cos };
      }
      if (!next) return null;
      visited.add(next.line);
      line = next.line;
      dir = next.dir;
      const nc = this.lines[line]!.coords;
      seg = dir === 1 ? 0 : nc.length - 2;
      t = dir === 1 ? 0 : segLength(nc[seg]!, nc[seg + 1]!);
    }
  }
}

function push<K>(m: Map<K, number[]>, k: K, v: number) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

const endKey = (p: XY, name: string) => `${p[0]},${p[1]}|${name}`;

/**
 * Places each compound beside the first road of its address, or keeps its listed position when no
 * road of that name is within `maxDistance`. Compounds whose nearest point on the road is the same
 * (to 1 m; always so when they share a listed point and road) are spread along the road in id order: the nearest point, then +spacing, −spacing, +2·spacing, …
 * (skipping any step past the road's end). Each is set `offset` metres off the centreline, on the
 * side facing the listed point; if that point is in no block the other side is tried, and if that
 * is in no block either the first side is kept. Deterministic: depends only on the inputs.
 */
export function placeCompounds(
  compounds: readonly CompoundToPlace[],
  network: RoadNetwork,
  options: PlacementOptions,
): Placement[] {
  const out: Placement[] = compounds.map((c) => ({ x: c.x, y: c.y, source: 'listed', road: null }));
  const nearest: (Nearest | null)[] = compounds.map(() => null);
  const groups = new Map<string, number[]>();
  compounds.forEach((c, i) => {
    if (!c.road) return;
    const m = network.match(c.road, c.x, c.y, options.maxDistance);
    if (!m) return;
    // Compounds that share a listed point and road share the nearest point; so can compounds of
    // two nearby listed points (e.g. both nearest to a road's end). Either way they are spread.
    const p = network.pointAt(m.at);
    const key = `${Math.round(p.x)},${Math.round(p.y)}|${m.name}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
    nearest[i] = m.at;
    out[i]!.road = m.name;
  });
  for (const members of groups.values()) {
    members.sort((a, b) => (compounds[a]!.id < compounds[b]!.id ? -1 : compounds[a]!.id > compounds[b]!.id ? 1 : 0));
    // The spread starts at the first compound's nearest point (the others' are within 1 m of it).
    const slots = spreadSlots(network, nearest[members[0]!]!, members.length, options.spacing);
    members.forEach((ci, k) => {
      const c = compounds[ci]!;
      const slot = slots[k % slots.length]!;
      // When the road is too short for every compound, later rounds use the far side first.
      const flip = Math.floor(k / slots.length) % 2 === 1;
      const p = network.pointAt(slot);
      const nx = -p.ty;
      const ny = p.tx;
      const facing = nx * (c.x - p.x) + ny * (c.y - p.y) < 0 ? -1 : 1;
      const first = flip ? -facing : facing;
      const a: XY = [p.x + first * nx * options.offset, p.y + first * ny * options.offset];
      const b: XY = [p.x - first * nx * options.offset, p.y - first * ny * options.offset];
      const chosen = options.inBlock(a[0], a[1]) || !options.inBlock(b[0], b[1]) ? a : b;
      out[ci] = { x: chosen[0], y: chosen[1], source: 'address-road', road: out[ci]!.road };
    });
  }
  return out;
}

/** Up to `count` distinct points along the road: 0, +s, −s, +2s, −2s, … until both ends are reached. */
function spreadSlots(network: RoadNetwork, at: OnLine, count: number, spacing: number): OnLine[] {
  const slots: OnLine[] = [at];
  let forward = true;
  let backward = true;
  for (let k = 1; slots.length < count && (forward || backward); k++) {
    for (const dir of [1, -1] as const) {
      if (slots.length >= count) break;
      if (dir === 1 ? !forward : !backward) continue;
      const p = network.walk(at, dir, k * spacing);
      if (p) slots.push(p);
      else if (dir === 1) forward = false;
      else backward = false;
    }
  }
  return slots;
}
