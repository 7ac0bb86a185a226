// Finding a place of the plan by name: communities, grids, compounds (household points' names),
// facilities and roads. Plain substring matching on the written name (Chinese needs no pinyin to
// find 宜川 in 宜川六村), after folding full-width forms and case (NFKC) and dropping spaces and
// separators. Exact names come first, then names that start with the query, then the rest; a
// road is one place however many OSM ways carry its name.
import type { BBox } from './geometry-bbox';
import { geometryBBox } from './geometry-bbox';
import type { PlanLayers } from './transaction';

export type PlaceKind = 'community' | 'grid' | 'household' | 'facility' | 'road';

export interface Place {
  kind: PlaceKind;
  /** The unit or facility id; the road's name for a road; the point index (as text) for a compound. */
  id: string;
  name: string;
  bbox: BBox;
  /** For a compound: its index in the household arrays. */
  index?: number;
}

/** Which kind comes first among names that match equally well. */
const KIND_ORDER: Record<PlaceKind, number> = { community: 0, grid: 1, road: 2, household: 3, facility: 4 };

/** The form names and queries are compared in. */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・•\-_,，、()（）[\]【】]+/g, '');
}

export class PlaceIndex {
  private readonly places: Place[];
  private readonly folded: string[];

  constructor(places: Place[]) {
    this.places = places;
    this.folded = places.map((p) => foldName(p.name));
  }

  get size(): number {
    return this.places.length;
  }

  /** The best `limit` matches: exact, then prefix, then substring; by kind, shorter name, then order. */
  search(query: string, limit = 12): Place[] {
    const q = foldName(query);
    if (!q) return [];
    const hits: { place: Place; rank: number; length: number; order: number }[] = [];
    for (let i = 0; i < this.places.length; i++) {
      const name = this.folded[i]!;
      const at = name.indexOf(q);
      if (at < 0) continue;
      const rank = name.length === q.length ? 0 : at === 0 ? 1 : 2;
      hits.push({ place: this.places[i]!, rank, length: name.length, order: i });
    }
    hits.sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_ORDER[a.place.kind] - KIND_ORDER[b.place.kind] ||
        a.length - b.length ||
        a.order - b.order,
    );
    return hits.slice(0, limit).map((h) => h.place);
  }
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Every named place of a plan, in plan order within each layer. */
export function planPlaces(
  layers: Pick<PlanLayers, 'communities' | 'grids' | 'households' | 'facilities' | 'roads'>,
): Place[] {
  const places: Place[] = [];
  for (const u of layers.communities)
    if (u.name) places.push({ kind: 'community', id: u.id, name: u.name, bbox: geometryBBox(u.geometry) });
  for (const u of layers.grids)
    if (u.name) places.push({ kind: 'grid', id: u.id, name: u.name, bbox: geometryBBox(u.geometry) });
  const roads = new Map<string, BBox>();
  for (const f of layers.roads?.features ?? []) {
    const name: unknown = f.properties?.name;
    if (typeof name !== 'string' || !name.trim()) continue;
    const b = geometryBBox(f.geometry);
    const seen = roads.get(name);
    roads.set(name, seen ? union(seen, b) : b);
  }
  for (const [name, bbox] of roads) places.push({ kind: 'road', id: name, name, bbox });
  const { names, coordinates } = layers.households;
  if (names)
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (!name) continue;
      const x = coordinates[i * 2]!;
      const y = coordinates[i * 2 + 1]!;
      places.push({ kind: 'household', id: String(i), index: i, name, bbox: [x, y, x, y] });
    }
  for (const f of layers.facilities)
    if (f.name) places.push({ kind: 'facility', id: f.id, name: f.name, bbox: [f.lon, f.lat, f.lon, f.lat] });
  return places;
}
