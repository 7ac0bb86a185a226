// Reads OpenStreetMap XML (.osm, as Overpass or JOSM write it) into road lines for the walking
// network. The format is flat and machine-written, so a small tokenizer is enough: no XML
// dependency. Ways keep their shared nodes, which is how OSM says two streets meet.
import type { Feature, FeatureCollection, LineString } from 'geojson';

export interface OsmWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
}

export interface OsmData {
  /** Node id → [lon, lat]. */
  nodes: Map<number, [number, number]>;
  ways: OsmWay[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

export function looksLikeOsmXml(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<osm[\s>]/.test(text.slice(0, 2000));
}

export function parseOsmXml(xml: string): OsmData {
  const nodes = new Map<number, [number, number]>();
  for (const m of xml.matchAll(/<node\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.id === undefined || a.lat === undefined || a.lon === undefined) continue;
    nodes.set(Number(a.id), [Number(a.lon), Number(a.lat)]);
  }
  const ways: OsmWay[] = [];
  for (const m of xml.matchAll(/<way\b([^>]*)>([\s\S]*?)<\/way>/g)) {
    const a = attributes(m[1]!);
    const body = m[2]!;
    const refs = [...body.matchAll(/<nd\b([^>]*?)\/?>/g)].map((r) => Number(attributes(r[1]!).ref));
    const tags: Record<string, string> = {};
    for (const t of body.matchAll(/<tag\b([^>]*?)\/?>/g)) {
      const ta = attributes(t[1]!);
      if (ta.k !== undefined) tags[ta.k] = ta.v ?? '';
    }
    ways.push({ id: Number(a.id), refs, tags });
  }
  ways.sort((x, y) => x.id - y.id);
  return { nodes, ways };
}

/** Highways a person cannot walk along (or that do not exist yet). */
const NOT_WALKABLE = new Set([
  'motorway',
  'motorway_link',
  'construction',
  'proposed',
  'abandoned',
  'raceway',
  'bus_guideway',
  'escape',
  'razed',
]);

export function isWalkable(tags: Record<string, string>): boolean {
  const h = tags.highway;
  if (!h || NOT_WALKABLE.has(h)) return false;
  if (tags.foot === 'no' || tags.access === 'no' || tags.area === 'yes') return false;
  return true;
}

export interface OsmRoadsResult {
  roads: FeatureCollection<LineString>;
  /** Ways dropped: not walkable, or with missing nodes. */
  skippedWays: number;
  missingNodes: number;
}

/** Walkable highway ways as LineStrings (properties: id "w…", highway, name). */
export function osmRoads(data: OsmData): OsmRoadsResult {
  const features: Feature<LineString>[] = [];
  let skippedWays = 0;
  let missingNodes = 0;
  for (const way of data.ways) {
    if (!isWalkable(way.tags)) {
      skippedWays++;
      continue;
    }
    const coordinates: [number, number][] = [];
    for (const ref of way.refs) {
      const p = data.nodes.get(ref);
      if (p) coordinates.push(p);
      else missingNodes++;
    }
    if (coordinates.length < 2) {
      skippedWays++;
      continue;
    }
    features.push({
      type: 'Feature',
      id: `w${way.id}`,
      properties: { id: `w${way.id}`, highway: way.tags.highway ?? null, name: way.tags.name ?? null },
      geometry: { type: 'LineString', coordinates },
    });
  }
  return { roads: { type: 'FeatureCollection', features }, skippedWays, missingNodes };
}
