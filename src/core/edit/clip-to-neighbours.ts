// Keeps an edited community from overlapping its neighbours: the UI shows `findOverlaps` while the
// user drags a vertex and applies `clipToNeighbours` when they accept the edit. Neighbours win: the
// edited boundary gives way, because the neighbours' boundaries were agreed before this edit.
import type { MultiPolygon, Polygon } from 'geojson';
import { msg } from '../i18n';
import type { Message } from '../model';
import { difference, intersection, type Geom } from 'polyclip-ts';
import {
  type AreaGeometry,
  type Bbox,
  OUTPUT_DECIMALS,
  SLIVER_AREA_M2,
  areaM2,
  clipAreaM2,
  fromClip,
  geometryBbox,
  roundGeometry,
  toClip,
} from './geometry';

export interface ClipOptions {
  /** Pieces and holes smaller than this (m²) are dropped as slivers (default 1). */
  minArea_m2?: number;
  /** Decimals of the output coordinates (default 9). */
  decimals?: number;
}

export type ClipResult =
  { ok: true; geometry: Polygon | MultiPolygon; removedArea_m2: number } | { ok: false; reason: Message };

export interface Overlap {
  neighbourIndex: number;
  area_m2: number;
  geometry: Polygon | MultiPolygon;
}

export const CLIP_REASONS = {
  nothingLeft: msg('edit.reason.clip.nothingLeft'),
} as const satisfies Record<string, Message>;

const bboxesMeet = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Neighbours whose bbox meets the edited one: the only ones worth a polyclip call. */
function candidates(edited: AreaGeometry, neighbours: AreaGeometry[]): number[] {
  const box = geometryBbox(edited);
  const out: number[] = [];
  neighbours.forEach((n, i) => {
    if (bboxesMeet(box, geometryBbox(n))) out.push(i);
  });
  return out;
}

/**
 * The edited community minus every neighbour. Slivers under `minArea_m2` are dropped, so a vertex
 * dragged a hair past a shared edge does not leave a splinter behind. Fails with a reason when
 * nothing is left.
 */
export function clipToNeighbours(
  edited: AreaGeometry,
  neighbours: AreaGeometry[],
  options: ClipOptions = {},
): ClipResult {
  const minArea = options.minArea_m2 ?? SLIVER_AREA_M2;
  const decimals = options.decimals ?? OUTPUT_DECIMALS;
  const near = candidates(edited, neighbours);
  const before = areaM2(edited);
  const clipped: Geom[] = near.map((i) => toClip(neighbours[i] as AreaGeometry));
  const result = clipped.length > 0 ? difference(toClip(edited), ...clipped) : toClip(edited);
  const geometry = fromClip(result, minArea);
  if (!geometry) return { ok: false, reason: CLIP_REASONS.nothingLeft };
  const rounded = roundGeometry(geometry, decimals);
  return { ok: true, geometry: rounded, removedArea_m2: Math.max(0, before - areaM2(rounded)) };
}

/** Where the edited community overlaps each neighbour, largest first; overlaps under `minArea_m2` are ignored. */
export function findOverlaps(edited: AreaGeometry, neighbours: AreaGeometry[], options: ClipOptions = {}): Overlap[] {
  const minArea = options.minArea_m2 ?? SLIVER_AREA_M2;
  const decimals = options.decimals ?? OUTPUT_DECIMALS;
  const subject = toClip(edited);
  const out: Overlap[] = [];
  for (const i of candidates(edited, neighbours)) {
    const shared = intersection(subject, toClip(neighbours[i] as AreaGeometry));
    if (clipAreaM2(shared) < minArea) continue;
    const geometry = fromClip(shared, minArea);
    if (!geometry) continue;
    out.push({ neighbourIndex: i, area_m2: areaM2(geometry), geometry: roundGeometry(geometry, decimals) });
  }
  return out.sort((p, q) => q.area_m2 - p.area_m2 || p.neighbourIndex - q.neighbourIndex);
}
