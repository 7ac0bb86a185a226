// Bounding boxes of GeoJSON geometries without pulling in Turf, for zooming and indexing.
import type { Geometry } from 'geojson';

export type BBox = [number, number, number, number];

export function geometryBBox(geometry: Geometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const x = c[0];
      const y = c[1] as number;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (geometry.type === 'GeometryCollection')
    for (const g of geometry.geometries) {
      const b = geometryBBox(g);
      walk([b[0], b[1]]);
      walk([b[2], b[3]]);
    }
  else walk(geometry.coordinates);
  return box;
}

export function pointsBBox(coordinates: Float64Array): BBox | null {
  if (coordinates.length < 2) return null;
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < coordinates.length; i += 2) {
    const x = coordinates[i]!;
    const y = coordinates[i + 1]!;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}
