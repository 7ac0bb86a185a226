// Serialises FeatureCollections the same way every run: coordinates rounded to 1e-7°, key order as
// built, one feature per line so a rebuild diffs line by line.
import type { Feature, Geometry } from 'geojson';
import { roundCoord } from './geometry';

function roundDeep(c: unknown): unknown {
  if (typeof c === 'number') return roundCoord(c);
  return Array.isArray(c) ? c.map(roundDeep) : c;
}

export function roundGeometry<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(roundGeometry) };
  return { ...g, coordinates: roundDeep(g.coordinates) };
}

export function featureCollectionText(features: readonly Feature[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  const lines = features.map((f) =>
    JSON.stringify({
      type: 'Feature',
      properties: f.properties ?? {},
      geometry: f.geometry ? roundGeometry(f.geometry) : null,
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
