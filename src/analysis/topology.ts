// Topology checks over a plan's communities and grids: overlaps, communities in several pieces,
// grids that cross community boundaries (STANDARDS.md S1), and households that fall in the gaps
// (in no community, or in a community but in none of its grids). Each flag carries a bbox and a
// location so the UI can zoom straight to the problem.
//
// Candidate pairs come from a flatbush index over bounding boxes: with 300 communities only the few
// hundred pairs whose boxes meet are looked at, not all 45,000. Of those, polygon-relation.ts settles
// the usual cases (neighbours that only share edges, grids inside their community) in floating
// point; only the rest reach polyclip, which is exact but slow.
import Flatbush from 'flatbush';
import { intersection, union } from 'polyclip-ts';
import { FIXED_SOURCES, makeFlag } from '../core/flag-registry';
import type { AreaUnit, Flag, Message } from '../core/model';
import {
  type AreaGeometry,
  type Bbox,
  type LocalProjection,
  type Pair,
  type PolygonRings,
  SLIVER_AREA_M2,
  areaM2,
  clipAreaM2,
  fromClip,
  geometryBbox,
  localProjection,
  metresPerDegree,
  padBbox,
  pointInPolygons,
  pointOnSurface,
  polygonAreaM2,
  polygonsFromWork,
  polygonsOf,
  ringsBbox,
  toClip,
} from '../core/edit/geometry';
import type { HouseholdPoints } from '../core/edit/divide-into-grids';
import { type PlanarBoundary, certainlyDisjoint, certainlyWithin, planarBoundary } from '../core/edit/polygon-relation';

/** A flag with the place the UI zooms to. */
export type TopologyFlag = Flag & { location?: [number, number]; bbox?: [number, number, number, number] };

export interface TopologyOptions {
  /** Overlaps smaller than this (m²) are digitising noise (default 1). */
  overlapMinArea_m2?: number;
  /** A grid is inside a community when at least this share of its area is (default 0.999). */
  nestingShare?: number;
  /** Households in no community closer than this (metres) are one gap (default 200). */
  gapClusterMetres?: number;
}

/** Padding for zoom boxes, so a box around one point still shows the streets around it. */
const ZOOM_PAD_M = 30;

const label = (u: AreaUnit) => u.name || u.id;
const both = (text: string): Message => ({ zh: text, en: text });
const round1 = (v: number) => Math.round(v * 10) / 10;

interface Prepared {
  unit: AreaUnit;
  /** Lon/lat rings, for point-in-polygon. */
  polys: PolygonRings[];
  /** The same in polyclip's work space. */
  clip: Pair[][][];
  /** The boundary in local metres, for the quick tests that spare most polyclip calls. */
  planar: PlanarBoundary;
  bbox: Bbox;
  area: number;
}

function prepare(units: AreaUnit[], proj: LocalProjection): Prepared[] {
  return units.map((unit) => {
    const polys = polygonsOf(unit.geometry);
    return {
      unit,
      polys,
      clip: toClip(unit.geometry),
      planar: planarBoundary(polys, proj),
      bbox: geometryBbox(unit.geometry),
      area: areaM2(unit.geometry),
    };
  });
}

function indexBboxes(items: { bbox: Bbox }[]): Flatbush | null {
  if (items.length === 0) return null;
  const index = new Flatbush(items.length);
  for (const { bbox } of items) index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
  index.finish();
  return index;
}

/** Ids (indices) of the prepared areas containing the point. */
function containing(index: Flatbush | null, areas: Prepared[], x: number, y: number): number[] {
  if (!index) return [];
  return index.search(x, y, x, y).filter((i) => pointInPolygons(x, y, (areas[i] as Prepared).polys));
}

const snap = (v: number) => Math.round(v * 1e9) / 1e9;

/** Attaches where to zoom, at the same 9-decimal precision as the edited geometries. */
function withPlace(flag: Flag, bbox: Bbox, location: Pair): TopologyFlag {
  const [x0, y0, x1, y1] = padBbox(bbox, ZOOM_PAD_M).map(snap) as Bbox;
  return { ...flag, bbox: [x0, y0, x1, y1], location: [snap(location[0]), snap(location[1])] };
}

/** Area of the intersection of two bboxes in m²: an upper bound on any overlap of what they hold. */
function bboxOverlapM2(a: Bbox, b: Bbox): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  // Longitude scaled at the box edge nearer the equator, where a degree is widest: an upper bound.
  const k = metresPerDegree(Math.min(Math.abs(a[1]), Math.abs(a[3])));
  return w * h * k.x * k.y;
}

function overlapFlags(communities: Prepared[], index: Flatbush | null, minArea: number): TopologyFlag[] {
  const flags: TopologyFlag[] = [];
  if (!index) return flags;
  communities.forEach((a, i) => {
    const others = index
      .search(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3])
      .filter((j) => j > i)
      .sort((p, q) => p - q);
    for (const j of others) {
      const b = communities[j] as Prepared;
      // Neighbours that share an edge have boxes that meet along a line: no overlap can fit there.
      if (bboxOverlapM2(a.bbox, b.bbox) <= minArea) continue;
      if (certainlyDisjoint(a.planar, b.planar)) continue;
      const shared = intersection(a.clip, b.clip);
      const area = clipAreaM2(shared);
      if (area <= minArea) continue;
      const geometry = fromClip(shared) as AreaGeometry;
      flags.push(
        withPlace(
          makeFlag('topology.overlap', FIXED_SOURCES.coverage, [a.unit.id, b.unit.id], {
            subject: label(a.unit),
            measured: round1(area),
            detail: both(label(b.unit)),
          }),
          geometryBbox(geometry),
          pointOnSurface(geometry),
        ),
      );
    }
  });
  return flags;
}

function multiPartFlags(communities: Prepared[]): TopologyFlag[] {
  const flags: TopologyFlag[] = [];
  for (const c of communities) {
    if (c.polys.length === 0) continue;
    // Parts that touch or overlap are one piece; only the union knows.
    const parts = c.polys.length > 1 ? polygonsFromWork(union(c.clip)) : c.polys;
    if (parts.length < 2) continue;
    // Zoom to the whole community but point at its smallest piece: that is usually the stray one.
    const smallest = [...parts].sort((p, q) => polygonAreaM2(p) - polygonAreaM2(q))[0] as PolygonRings;
    flags.push(
      withPlace(
        makeFlag('topology.multi-part', FIXED_SOURCES.contiguous, [c.unit.id], {
          subject: label(c.unit),
          measured: parts.length,
        }),
        c.bbox,
        pointOnSurface({ type: 'Polygon', coordinates: smallest }),
      ),
    );
  }
  return flags;
}

/** For each grid: the community holding most of it, or -1 (also used to say which communities have grids). */
function gridNestingFlags(
  grids: Prepared[],
  communities: Prepared[],
  index: Flatbush | null,
  share: number,
  minArea: number,
): { flags: TopologyFlag[]; owner: number[] } {
  const flags: TopologyFlag[] = [];
  const owner: number[] = [];
  const byId = new Map(communities.map((c, i) => [c.unit.id, i]));
  for (const g of grids) {
    const candidates = index ? index.search(g.bbox[0], g.bbox[1], g.bbox[2], g.bbox[3]).sort((p, q) => p - q) : [];
    // Try the community the grid names as its parent first: it is almost always the one holding it.
    const parent = g.unit.parentId === undefined ? undefined : byId.get(g.unit.parentId);
    if (parent !== undefined && candidates.includes(parent))
      candidates.sort((p, q) => Number(q === parent) - Number(p === parent));
    const holder = candidates.find((i) => certainlyWithin(g.planar, (communities[i] as Prepared).planar));
    if (holder !== undefined) {
      owner.push(holder);
      continue;
    }
    const shares: { i: number; area: number }[] = [];
    let best = -1;
    let bestArea = 0;
    for (const i of candidates) {
      const area = clipAreaM2(intersection(g.clip, (communities[i] as Prepared).clip));
      if (area > minArea) shares.push({ i, area });
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
      if (g.area > 0 && area >= share * g.area) break;
    }
    owner.push(best >= 0 ? best : (parent ?? -1));
    const bestShare = g.area > 0 ? bestArea / g.area : 0;
    if (bestShare >= share) continue;
    const names = shares.sort((p, q) => q.area - p.area).map((s) => label((communities[s.i] as Prepared).unit));
    const outsidePct = g.area > 0 ? Math.max(0, 100 * (1 - shares.reduce((s, x) => s + x.area, 0) / g.area)) : 0;
    const detail: Message = {
      zh: [names.join('、'), outsidePct >= 0.1 ? `${round1(outsidePct)}% 在所有社区之外` : '']
        .filter(Boolean)
        .join('；'),
      en: [names.join(', '), outsidePct >= 0.1 ? `${round1(outsidePct)}% outside every community` : '']
        .filter(Boolean)
        .join('; '),
    };
    flags.push(
      withPlace(
        makeFlag('topology.grid-crosses-community', FIXED_SOURCES.gridNesting, [g.unit.id], {
          subject: label(g.unit),
          measured: round1(100 * bestShare),
          limit: 100 * share,
          detail,
        }),
        g.bbox,
        pointOnSurface(g.unit.geometry),
      ),
    );
  }
  return { flags, owner };
}

/** Single-linkage clusters of points within `radius` metres, via a hash grid of radius-sized cells. */
function clusterPoints(points: number[], xy: Float64Array, radius: number): number[][] {
  if (points.length === 0) return [];
  const k = metresPerDegree(xy[2 * (points[0] as number) + 1] as number);
  const cellOf = (i: number) => [
    Math.floor(((xy[2 * i] as number) * k.x) / radius),
    Math.floor(((xy[2 * i + 1] as number) * k.y) / radius),
  ];
  const cells = new Map<string, number[]>();
  points.forEach((p, n) => {
    const [cx, cy] = cellOf(p) as [number, number];
    const key = `${cx},${cy}`;
    const list = cells.get(key);
    if (list) list.push(n);
    else cells.set(key, [n]);
  });
  const parent = points.map((_, n) => n);
  const find = (n: number): number => {
    while (parent[n] !== n) {
      parent[n] = parent[parent[n] as number] as number;
      n = parent[n] as number;
    }
    return n;
  };
  points.forEach((p, n) => {
    const [cx, cy] = cellOf(p) as [number, number];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const m of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (m <= n) continue;
          const q = points[m] as number;
          const ex = ((xy[2 * p] as number) - (xy[2 * q] as number)) * k.x;
          const ey = ((xy[2 * p + 1] as number) - (xy[2 * q + 1] as number)) * k.y;
          if (ex * ex + ey * ey <= radius * radius) parent[find(n)] = find(m);
        }
      }
    }
  });
  const groups = new Map<number, number[]>();
  points.forEach((p, n) => {
    const root = find(n);
    const list = groups.get(root);
    if (list) list.push(p);
    else groups.set(root, [p]);
  });
  return [...groups.values()];
}

/** The bbox of some points and the point nearest their household-weighted mean (a mean can land in a community). */
function placeOfPoints(points: number[], xy: Float64Array, weight: Float64Array): { bbox: Bbox; location: Pair } {
  const ring: Pair[] = points.map((i) => [xy[2 * i] as number, xy[2 * i + 1] as number]);
  let sx = 0;
  let sy = 0;
  let sw = 0;
  points.forEach((i, n) => {
    const w = Math.max(weight[i] as number, 1e-9);
    sx += (ring[n] as Pair)[0] * w;
    sy += (ring[n] as Pair)[1] * w;
    sw += w;
  });
  const mx = sx / sw;
  const my = sy / sw;
  let location = ring[0] as Pair;
  let best = Infinity;
  for (const p of ring) {
    const d = (p[0] - mx) ** 2 + (p[1] - my) ** 2;
    if (d < best) {
      best = d;
      location = p;
    }
  }
  return { bbox: ringsBbox([ring]), location };
}

/**
 * Checks a plan's topology and returns flags: topology.overlap (pairs of communities),
 * topology.multi-part, topology.grid-crosses-community, topology.gap-with-households (one per
 * cluster of households in no community, ids "gap-1", "gap-2"… largest first) and
 * topology.households-outside-grids (per community that has grids).
 */
export function checkTopology(
  communities: AreaUnit[],
  grids: AreaUnit[],
  households: HouseholdPoints,
  options: TopologyOptions = {},
): TopologyFlag[] {
  const minArea = options.overlapMinArea_m2 ?? SLIVER_AREA_M2;
  const share = options.nestingShare ?? 0.999;
  const gapRadius = options.gapClusterMetres ?? 200;
  // One projection for the whole plan: it only has to keep edges straight and millimetres meaningful.
  const extent =
    communities.length > 0
      ? geometryBbox({ type: 'MultiPolygon', coordinates: communities.flatMap((c) => polygonsOf(c.geometry)) })
      : null;
  const proj = localProjection(extent ? (extent[0] + extent[2]) / 2 : 0, extent ? (extent[1] + extent[3]) / 2 : 0);
  const cs = prepare(communities, proj);
  const gs = prepare(grids, proj);
  const cIndex = indexBboxes(cs);
  const gIndex = indexBboxes(gs);

  const flags: TopologyFlag[] = [...overlapFlags(cs, cIndex, minArea), ...multiPartFlags(cs)];
  const nesting = gridNestingFlags(gs, cs, cIndex, share, minArea);
  flags.push(...nesting.flags);

  const xy = households.coordinates;
  const weight = households.households;
  const hasGrids = new Set(nesting.owner.filter((i) => i >= 0));
  const unassigned: number[] = [];
  const outsideGrids = new Map<number, number[]>();
  for (let p = 0; p < weight.length; p++) {
    const x = xy[2 * p] as number;
    const y = xy[2 * p + 1] as number;
    const inCommunities = containing(cIndex, cs, x, y);
    if (inCommunities.length === 0) {
      unassigned.push(p);
      continue;
    }
    const gridded = inCommunities.filter((c) => hasGrids.has(c));
    if (gridded.length === 0 || containing(gIndex, gs, x, y).length > 0) continue;
    for (const c of gridded) {
      const list = outsideGrids.get(c);
      if (list) list.push(p);
      else outsideGrids.set(c, [p]);
    }
  }

  const householdsIn = (pts: number[]) => pts.reduce((s, i) => s + (weight[i] as number), 0);
  const gaps = clusterPoints(unassigned, xy, gapRadius)
    .map((pts) => ({ pts, total: householdsIn(pts) }))
    .filter((g) => g.total > 0)
    .sort((p, q) => q.total - p.total || (p.pts[0] as number) - (q.pts[0] as number));
  gaps.forEach((g, n) => {
    const place = placeOfPoints(g.pts, xy, weight);
    flags.push(
      withPlace(
        makeFlag('topology.gap-with-households', FIXED_SOURCES.coverage, [`gap-${n + 1}`], { measured: g.total }),
        place.bbox,
        place.location,
      ),
    );
  });

  for (const [c, pts] of [...outsideGrids.entries()].sort((p, q) => p[0] - q[0])) {
    const total = householdsIn(pts);
    if (total <= 0) continue;
    const community = cs[c] as Prepared;
    const place = placeOfPoints(pts, xy, weight);
    flags.push(
      withPlace(
        makeFlag('topology.households-outside-grids', FIXED_SOURCES.gridCoverage, [community.unit.id], {
          subject: label(community.unit),
          measured: total,
        }),
        place.bbox,
        place.location,
      ),
    );
  }
  return flags;
}
