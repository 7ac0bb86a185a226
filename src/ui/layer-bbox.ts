// The extent of a layer just imported, so the map can go to it.
import type { Geometry } from 'geojson';
import { geometryBBox, pointsBBox, type BBox } from '../core/geometry-bbox';
import type { LayerReplacement } from '../core/plan-lifecycle';

function collectionBBox(geometries: Geometry[]): BBox | null {
  const box = geometryBBox({ type: 'GeometryCollection', geometries });
  return Number.isFinite(box[0]) ? box : null;
}

export function layerBBox(r: LayerReplacement): BBox | null {
  if (r.layer === 'households') return pointsBBox(r.value.coordinates);
  if (r.layer === 'facilities')
    return collectionBBox(r.value.map((f) => ({ type: 'Point', coordinates: [f.lon, f.lat] })));
  if (r.layer === 'roads') return r.value ? collectionBBox(r.value.features.map((f) => f.geometry)) : null;
  return collectionBBox(r.value.map((u) => u.geometry));
}
