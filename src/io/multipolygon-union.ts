// A MultiPolygon whose parts overlap means the union of its parts (GeoJSON calls overlapping parts
// invalid; GIS exports make them anyway, e.g. a community drawn as two squares). The counting
// engine is even-odd over every ring of an area, so a point in two parts was outside: a community
// of two overlapping squares got 7 households instead of 57. Import therefore replaces such a
// geometry by the union of its parts (polyclip-ts, exact) and warns once, naming the feature. The
// engine is left alone: it stays even-odd, which its fuzz oracle checks, and sees only valid parts.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { union, type Geom } from 'polyclip-ts';
import turfArea from '@turf/area';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { errorText } from './text-decoding';

/** Overlaps smaller than this (m²) are digitising noise: even-odd and union differ only inside them. */
export const MIN_OVERLAP_M2 = 0.001;

export type PartsResult =
  { geometry: Polygon | MultiPolygon; warning: null } | { geometry: Polygon | MultiPolygon; warning: Message };

type Box = [number, number, number, number];

function boxOf(rings: Position[][]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of rings[0] ?? []) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/** True when the outer rings' boxes of two parts meet with area: only then can the parts overlap. */
function someBoxesOverlap(parts: Position[][][]): boolean {
  const boxes = parts.map(boxOf).sort((a, b) => a[0] - b[0]);
  // Sweep by west edge; a part's box can only overlap those that start before it ends.
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length && boxes[j]![0] < boxes[i]![2]; j++)
      if (boxes[j]![1] < boxes[i]![3] && boxes[i]![1] < boxes[j]![3]) return true;
  return false;
}

function areaOf(geometry: Polygon | MultiPolygon): number {
  return turfArea(geometry);
}

/**
 * The geometry with overlapping parts merged, and the warning to give (null when nothing changed).
 * Parts that only touch, and holes filled by an island, are left exactly as they are.
 */
export function unionOverlappingParts(geometry: Polygon | MultiPolygon, name: string): PartsResult {
  if (geometry.type !== 'MultiPolygon' || geometry.coordinates.length < 2) return { geometry, warning: null };
  const parts = geometry.coordinates;
  if (!someBoxesOverlap(parts)) return { geometry, warning: null };
  let merged: Position[][][];
  try {
    const [first, ...rest] = parts as Geom[];
    merged = union(first!, ...rest);
  } catch (error) {
    return { geometry, warning: msg('io.partsUnionFailed', { name, error: errorText(error) }) };
  }
  const result: Polygon | MultiPolygon =
    merged.length === 1 ? { type: 'Polygon', coordinates: merged[0]! } : { type: 'MultiPolygon', coordinates: merged };
  // The sum of the parts' areas less the union's is what they share.
  const overlap = areaOf(geometry) - areaOf(result);
  if (!(overlap > MIN_OVERLAP_M2)) return { geometry, warning: null };
  return { geometry: result, warning: msg('io.partsUnioned', { name }) };
}
