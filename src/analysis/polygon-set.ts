// Polygons flattened into typed arrays, so point-in-polygon tests over a million points run
// without allocating or chasing GeoJSON arrays. Even-odd over all rings of a unit handles holes
// and multipolygons alike.
import type { MultiPolygon, Polygon } from 'geojson';

export interface PolygonSet {
  /** Interleaved x,y of every ring vertex of every unit. */
  coords: Float64Array;
  /** Ring r spans vertices ringStart[r] .. ringStart[r+1]-1 (closing vertex included). */
  ringStart: Int32Array;
  /** Unit u owns rings unitRingStart[u] .. unitRingStart[u+1]-1. */
  unitRingStart: Int32Array;
  /** Bounding box per unit: minX, minY, maxX, maxY. */
  bbox: Float64Array;
  count: number;
}

export function buildPolygonSet(geometries: readonly (Polygon | MultiPolygon | null)[]): PolygonSet {
  let vertexCount = 0;
  let ringCount = 0;
  for (const g of geometries) {
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys)
      for (const ring of poly) {
        ringCount++;
        vertexCount += ring.length;
      }
  }
  const coords = new Float64Array(vertexCount * 2);
  const ringStart = new Int32Array(ringCount + 1);
  const unitRingStart = new Int32Array(geometries.length + 1);
  const bbox = new Float64Array(geometries.length * 4);
  let v = 0;
  let r = 0;
  geometries.forEach((g, u) => {
    unitRingStart[u] = r;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    if (g) {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const poly of polys)
        for (const ring of poly) {
          ringStart[r++] = v;
          for (const p of ring) {
            const x = p[0]!;
            const y = p[1]!;
            coords[v * 2] = x;
            coords[v * 2 + 1] = y;
            v++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
    }
    bbox[u * 4] = minX;
    bbox[u * 4 + 1] = minY;
    bbox[u * 4 + 2] = maxX;
    bbox[u * 4 + 3] = maxY;
  });
  unitRingStart[geometries.length] = r;
  ringStart[ringCount] = v;
  return { coords, ringStart, unitRingStart, bbox, count: geometries.length };
}

/** Even-odd point-in-polygon over every ring of unit u. */
export function pointInUnit(set: PolygonSet, u: number, x: number, y: number): boolean {
  const b = u * 4;
  if (x < set.bbox[b]! || x > set.bbox[b + 2]! || y < set.bbox[b + 1]! || y > set.bbox[b + 3]!) return false;
  const c = set.coords;
  let inside = false;
  for (let r = set.unitRingStart[u]!; r < set.unitRingStart[u + 1]!; r++) {
    const start = set.ringStart[r]!;
    const end = set.ringStart[r + 1]!;
    let j = end - 1;
    for (let i = start; i < end; j = i++) {
      const yi = c[i * 2 + 1]!;
      const yj = c[j * 2 + 1]!;
      if (yi > y !== yj > y) {
        const xi = c[i * 2]!;
        const xj = c[j * 2]!;
        if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
