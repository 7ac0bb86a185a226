// Proposes grids (网格) for a community: pieces that tile it exactly and hold a number of households
// within the grid band wherever the data allows.
//
// Recursive bisection: a piece holding H households will need k = ceil(H / max) grids, so it is cut
// near where floor(k/2)/k of its households lie on one side, by a straight cut across its longer
// axis (compact pieces are easier to walk than strips); see bestCut for how the exact place is
// chosen. Recursion stops when a piece holds at most `max`, or only one cluster of points. Each side is the piece intersected with a
// rectangle whose cut edge is the same segment for both sides, so the two sides share the cut
// vertex for vertex and the grids tile the community with no gaps or overlaps.
//
// `divideBlocksIntoGrids` does the same over planning units (blocks, compounds) when grids must
// follow existing boundaries: it groups whole blocks instead of cutting geometry.
import type { MultiPolygon, Polygon } from 'geojson';
import { intersection } from 'polyclip-ts';
import type { HouseholdSet } from '../model';
import {
  type AreaGeometry,
  type Pair,
  OUTPUT_DECIMALS,
  fromClip,
  fromWork,
  geometryBbox,
  metresPerDegree,
  pointInPolygons,
  polygonsOf,
  ringsBbox,
  roundGeometry,
  signedArea2,
  toClip,
  toWork,
} from './geometry';

/** Households per grid, as a rule profile sets it. */
export interface GridBand {
  min: number;
  max: number;
}

export type HouseholdPoints = Pick<HouseholdSet, 'coordinates' | 'households'>;

export interface DivideOptions {
  /** Points closer together than this (metres) along a cut are one compound and never cut apart (default 1). */
  clusterMetres?: number;
  /** Safety stop for the recursion (default 24 levels, i.e. far more grids than any community has). */
  maxDepth?: number;
  /** Decimals of the output coordinates (default 9). */
  decimals?: number;
}

export interface GridProposal {
  geometry: Polygon | MultiPolygon;
  households: number;
  /** Household points inside this grid (indices into the household set). */
  pointIndices: number[];
}

export interface GridDivision {
  /** Grids in cut order, which keeps neighbours next to each other in the list. */
  grids: GridProposal[];
  /** Households of the set that lie outside the community and were ignored. */
  householdsOutside: number;
}

/** How far the cutting rectangles reach beyond the piece, so no rectangle edge runs along a piece edge. */
const RECT_MARGIN = 1e-4;

/** The fraction of households to put on the first side: floor(k/2) of k grids. */
export function firstSideFraction(total: number, max: number): number {
  const k = Math.max(1, Math.ceil(total / max));
  return k < 2 ? 0.5 : Math.floor(k / 2) / k;
}

type CutScore = [grids: number, shortfall: number, offTarget: number];

const better = (a: CutScore, b: CutScore) => (a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]);

/**
 * Where to cut a sorted run of weighted positions: the first side is items 0..index. Candidates are
 * ranked by, in order: the fewest grids the two sides will need (ceil(w / max) each); how far those
 * grids fall below the band's minimum (root of the summed squares, in whole households, so tiny
 * differences tie); and closeness to the floor(k/2)/k quantile. A plain quantile cut goes wrong
 * next to a point too big to cut (a tower): it peels off slivers of a few dozen households around
 * it, where squaring prefers to share the shortfall. Returns null when no two positions differ.
 */
function bestCut(
  positions: number[],
  weights: number[],
  band: GridBand,
  distinct: (i: number) => boolean,
): { index: number; score: CutScore } | null {
  const max = Math.max(1, band.max);
  const total = weights.reduce((s, w) => s + w, 0);
  const target = firstSideFraction(total, max) * total;
  const shortfall2 = (w: number) => {
    const k = Math.max(1, Math.ceil(w / max));
    return k * Math.max(0, band.min - w / k) ** 2;
  };
  let cumulative = 0;
  let best: { index: number; score: CutScore } | null = null;
  for (let i = 0; i + 1 < positions.length; i++) {
    cumulative += weights[i] as number;
    if (!distinct(i)) continue;
    const rest = total - cumulative;
    const score: CutScore = [
      Math.max(1, Math.ceil(cumulative / max)) + Math.max(1, Math.ceil(rest / max)),
      Math.round(Math.sqrt(shortfall2(cumulative) + shortfall2(rest))),
      Math.abs(cumulative - target),
    ];
    if (!best || better(score, best.score)) best = { index: i, score };
  }
  return best;
}

type ClipPolys = Pair[][][];

/**
 * Divides a community into grids of about `band` households each. Every household point inside the
 * community lands in exactly one grid, and the grids' union is the community.
 */
export function divideIntoGrids(
  community: AreaGeometry,
  households: HouseholdPoints,
  band: GridBand,
  options: DivideOptions = {},
): GridDivision {
  const clusterMetres = options.clusterMetres ?? 1;
  const maxDepth = options.maxDepth ?? 24;
  const decimals = options.decimals ?? OUTPUT_DECIMALS;
  const max = Math.max(1, band.max);
  const polys = polygonsOf(community);
  const [bx0, by0, bx1, by1] = geometryBbox(community);
  const k = metresPerDegree((by0 + by1) / 2);
  const xy = households.coordinates;
  const weight = households.households;

  const inside: number[] = [];
  // Cuts are placed in work space (geometry.ts), where the pieces are cut, so a point's side of a
  // cut is decided in the same coordinates as the cut itself.
  const work = new Float64Array(xy.length);
  let householdsOutside = 0;
  for (let i = 0; i < weight.length; i++) {
    const x = xy[2 * i] as number;
    const y = xy[2 * i + 1] as number;
    if (x >= bx0 && x <= bx1 && y >= by0 && y <= by1 && pointInPolygons(x, y, polys)) {
      inside.push(i);
      const [wx, wy] = toWork([x, y]);
      work[2 * i] = wx;
      work[2 * i + 1] = wy;
    } else householdsOutside += weight[i] as number;
  }

  // Cuts run midway between neighbouring points at least clusterMetres apart along the cut axis, so
  // a compound's points stay together and no cut passes right beside a household.
  const metresAlong = (axis: 0 | 1, a: number, b: number) =>
    axis === 0 ? (b - a) * k.x : (fromWork([0, b])[1] - fromWork([0, a])[1]) * k.y;

  const leaves: { clip: ClipPolys; idx: number[] }[] = [];
  const sum = (idx: number[]) => idx.reduce((s, i) => s + (weight[i] as number), 0);

  const divide = (clip: ClipPolys, idx: number[], depth: number): void => {
    const total = sum(idx);
    if (total <= max || depth >= maxDepth || idx.length < 2) {
      leaves.push({ clip, idx });
      return;
    }
    // Points within clusterMetres of each other are one building or compound: nothing to cut between.
    let px0 = Infinity;
    let py0 = Infinity;
    let px1 = -Infinity;
    let py1 = -Infinity;
    for (const i of idx) {
      const x = xy[2 * i] as number;
      const y = xy[2 * i + 1] as number;
      px0 = Math.min(px0, x);
      py0 = Math.min(py0, y);
      px1 = Math.max(px1, x);
      py1 = Math.max(py1, y);
    }
    if ((px1 - px0) * k.x <= clusterMetres && (py1 - py0) * k.y <= clusterMetres) {
      leaves.push({ clip, idx });
      return;
    }
    const [x0, y0, x1, y1] = ringsBbox(clip.flat());
    const height = (fromWork([x0, y1])[1] - fromWork([x0, y0])[1]) * k.y;
    const axes: (0 | 1)[] = (x1 - x0) * k.x >= height ? [0, 1] : [1, 0];
    // The longer axis keeps pieces compact; the other one is used only when it needs fewer grids or
    // leaves less shortfall, never just for landing nearer the quantile.
    const comparable = (s: CutScore): CutScore => [s[0], s[1], 0];
    let chosen: { axis: 0 | 1; sorted: number[]; index: number; score: CutScore } | null = null;
    for (const axis of axes) {
      const coord = (i: number) => work[2 * i + axis] as number;
      const other = (i: number) => work[2 * i + 1 - axis] as number;
      const sorted = [...idx].sort((p, q) => coord(p) - coord(q) || other(p) - other(q) || p - q);
      const positions = sorted.map(coord);
      const cut = bestCut(
        positions,
        sorted.map((i) => weight[i] as number),
        band,
        (i) => metresAlong(axis, positions[i] as number, positions[i + 1] as number) > clusterMetres,
      );
      if (cut && (!chosen || better(comparable(cut.score), comparable(chosen.score))))
        chosen = { axis, sorted, ...cut };
    }
    if (!chosen) {
      leaves.push({ clip, idx });
      return;
    }
    const { axis, sorted, index } = chosen;
    const positions = sorted.map((i) => work[2 * i + axis] as number);
    const cut = ((positions[index] as number) + (positions[index + 1] as number)) / 2;
    const lo = (axis === 0 ? x0 : y0) - RECT_MARGIN;
    const hi = (axis === 0 ? x1 : y1) + RECT_MARGIN;
    const a0 = (axis === 0 ? y0 : x0) - RECT_MARGIN;
    const a1 = (axis === 0 ? y1 : x1) + RECT_MARGIN;
    // Rectangles in (along, across) order, mapped to (x, y) for the axis being cut; both contain the
    // same cut segment (cut, a0)–(cut, a1).
    const at = (along: number, across: number): Pair => (axis === 0 ? [along, across] : [across, along]);
    const rect = (from: number, to: number): ClipPolys => {
      const ring = [at(from, a0), at(to, a0), at(to, a1), at(from, a1), at(from, a0)];
      // Keep rings counter-clockwise whichever axis is cut; polyclip does not care, readers do.
      return [[signedArea2(ring) < 0 ? ring.reverse() : ring]];
    };
    divide(intersection(clip, rect(lo, cut)), sorted.slice(0, index + 1), depth + 1);
    divide(intersection(clip, rect(cut, hi)), sorted.slice(index + 1), depth + 1);
  };

  divide(toClip(community), inside, 0);

  const grids: GridProposal[] = [];
  for (const leaf of leaves) {
    const geometry = fromClip(leaf.clip);
    if (!geometry) continue;
    grids.push({
      geometry: roundGeometry(geometry, decimals),
      households: sum(leaf.idx),
      pointIndices: [...leaf.idx].sort((p, q) => p - q),
    });
  }
  return { grids, householdsOutside };
}

/** A planning unit (block, compound, 小区) that grids are built from. */
export interface PlanningBlock {
  id: string;
  geometry: AreaGeometry;
  households: number;
}

export interface BlockGroup {
  blockIds: string[];
  households: number;
}

/** The area-weighted centre of a geometry's shells (holes ignored: it only orders blocks). */
function centreOf(geom: AreaGeometry): Pair {
  let sx = 0;
  let sy = 0;
  let sa = 0;
  for (const rings of polygonsOf(geom)) {
    const shell = rings[0] as Pair[];
    const o = shell[0] as Pair;
    for (let i = 1; i + 1 < shell.length; i++) {
      const a = shell[i] as Pair;
      const b = shell[i + 1] as Pair;
      const w = (a[0] - o[0]) * (b[1] - o[1]) - (b[0] - o[0]) * (a[1] - o[1]);
      sx += w * (o[0] + a[0] + b[0]);
      sy += w * (o[1] + a[1] + b[1]);
      sa += w;
    }
  }
  if (sa === 0) {
    const [x0, y0, x1, y1] = geometryBbox(geom);
    return [(x0 + x1) / 2, (y0 + y1) / 2];
  }
  return [sx / (3 * sa), sy / (3 * sa)];
}

/**
 * Groups blocks into grids by the same bisection, over block centres weighted by households. Blocks
 * are never cut, so a grid can exceed the band when one block alone does.
 */
export function divideBlocksIntoGrids(
  blocks: PlanningBlock[],
  band: GridBand,
  options: Pick<DivideOptions, 'maxDepth'> = {},
): { groups: BlockGroup[] } {
  const maxDepth = options.maxDepth ?? 24;
  const max = Math.max(1, band.max);
  const centres = blocks.map((b) => centreOf(b.geometry));
  const boxes = blocks.map((b) => geometryBbox(b.geometry));
  const groups: BlockGroup[] = [];
  const sum = (idx: number[]) => idx.reduce((s, i) => s + Math.max(0, (blocks[i] as PlanningBlock).households), 0);

  const divide = (idx: number[], depth: number): void => {
    const total = sum(idx);
    if (total <= max || idx.length < 2 || depth >= maxDepth) {
      groups.push({ blockIds: idx.map((i) => (blocks[i] as PlanningBlock).id), households: total });
      return;
    }
    const [x0, y0, x1, y1] = ringsBbox(
      idx.map((i) => {
        const b = boxes[i] as [number, number, number, number];
        return [
          [b[0], b[1]],
          [b[2], b[3]],
        ] as Pair[];
      }),
    );
    const k = metresPerDegree((y0 + y1) / 2);
    const axis: 0 | 1 = (x1 - x0) * k.x >= (y1 - y0) * k.y ? 0 : 1;
    const coord = (i: number) => (centres[i] as Pair)[axis];
    const other = (i: number) => (centres[i] as Pair)[axis === 0 ? 1 : 0];
    const sorted = [...idx].sort((p, q) => coord(p) - coord(q) || other(p) - other(q) || p - q);
    const cut = bestCut(
      sorted.map(coord),
      sorted.map((i) => Math.max(0, (blocks[i] as PlanningBlock).households)),
      band,
      () => true, // blocks are discrete: any two can be told apart, even with the same centre
    );
    const index = cut ? cut.index : 0;
    divide(sorted.slice(0, index + 1), depth + 1);
    divide(sorted.slice(index + 1), depth + 1);
  };

  if (blocks.length > 0)
    divide(
      blocks.map((_, i) => i),
      0,
    );
  return { groups };
}
