// Reads the Overpass XML extract (nodes with lat/lon, ways with nd refs and tags) without an XML
// dependency: the file is flat and machine-written, so a few regular expressions are enough.

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
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
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
