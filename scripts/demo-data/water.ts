// Extracts the water polygons from the Nextzen vector-tile dump (features are cut at tile edges and
// repeated in tile buffers), deduplicates them and dissolves each named water body into one shape (unnamed ones stay one
// feature per dissolved part).
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { union, type Geom } from 'polyclip-ts';
import { roundCoord } from './geometry';

export interface WaterFeature {
  name: string | null;
  kind: string;
  geometry: Polygon | MultiPolygon;
}

type Snapped = [number, number][][];

function polygonsOf(g: Polygon | MultiPolygon): Snapped[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((p) => p.map((r) => r.map((c) => [roundCoord(c[0]!), roundCoord(c[1]!)] as [number, number])));
}

export function extractWater(tiles: readonly Record<string, { features?: Feature[] }>[]): {
  water: WaterFeature[];
  duplicates: number;
  pieces: number;
} {
  const groups = new Map<string, { name: string | null; kind: string; polys: Snapped[] }>();
  const seen = new Set<string>();
  let duplicates = 0;
  let pieces = 0;
  for (const tile of tiles) {
    for (const f of tile.water?.features ?? []) {
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
      const name = typeof f.properties?.name === 'string' ? f.properties.name : null;
      const kind = typeof f.properties?.kind === 'string' ? f.properties.kind : 'water';
      for (const poly of polygonsOf(g)) {
        const key = `${name}|${kind}|${JSON.stringify(poly)}`;
        if (seen.has(key)) {
          duplicates++;
          continue;
        }
        seen.add(key);
        pieces++;
        const gk = `${kind}|${name ?? ''}`;
        if (!groups.has(gk)) groups.set(gk, { name, kind, polys: [] });
        groups.get(gk)!.polys.push(poly);
      }
    }
  }
  const water: WaterFeature[] = [];
  for (const gk of [...groups.keys()].sort()) {
    const { name, kind, polys } = groups.get(gk)!;
    const [first, ...rest] = polys as Geom[];
    if (!first) continue;
    const merged = union(first, ...rest).map((p) => p.map((r) => r.map(([x, y]) => [roundCoord(x), roundCoord(y)])));
    if (merged.length === 0) continue;
    if (name === null) {
      // Unnamed ponds and pools are separate bodies: one feature per dissolved part.
      for (const part of merged) water.push({ name, kind, geometry: { type: 'Polygon', coordinates: part } });
      continue;
    }
    water.push({
      name,
      kind,
      geometry:
        merged.length === 1
          ? { type: 'Polygon', coordinates: merged[0]! }
          : { type: 'MultiPolygon', coordinates: merged },
    });
  }
  return { water, duplicates, pieces };
}
