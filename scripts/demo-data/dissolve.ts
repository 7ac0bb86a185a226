// Dissolves groups of street blocks into one community or grid outline. Blocks come from one noded
// street graph, so shared edges coincide exactly once snapped to the 1e-7° output grid.
import type { MultiPolygon, Polygon } from 'geojson';
import { union, type Geom } from 'polyclip-ts';
import type { PolygonRings } from './geometry';
import { roundCoord } from './geometry';

function snap(poly: PolygonRings): [number, number][][] {
  return poly.map((ring) => ring.map(([x, y]) => [roundCoord(x), roundCoord(y)] as [number, number]));
}

export function dissolvePolygons(polygons: readonly PolygonRings[]): Polygon | MultiPolygon {
  const geoms: Geom[] = polygons.map(snap);
  const [first, ...rest] = geoms;
  if (!first) throw new Error('dissolvePolygons: nothing to dissolve');
  const out = union(first, ...rest).map((poly) =>
    poly.map((ring) => ring.map(([x, y]) => [roundCoord(x), roundCoord(y)])),
  );
  if (out.length === 1) return { type: 'Polygon', coordinates: out[0]! };
  return { type: 'MultiPolygon', coordinates: out };
}
