// The extent of a layer just imported, so the map can go to it.
import { geometryBBox, pointsBBox, type BBox } from '../core/geometry-bbox';
import type { LayerReplacement } from '../core/plan-lifecycle';

function merge(boxes: Iterable<BBox>): BBox | null {
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return Number.isFinite(out[0]) ? out : null;
}

export function layerBBox(r: LayerReplacement): BBox | null {
  if (r.layer === 'households') return pointsBBox(r.value.coordinates);
  if (r.layer === 'facilities') return merge(r.value.map((f): BBox => [f.lon, f.lat, f.lon, f.lat]));
  if (r.layer === 'roads') return r.value ? merge(r.value.features.map((f) => geometryBBox(f.geometry))) : null;
  return merge(r.value.map((u) => geometryBBox(u.geometry)));
}
