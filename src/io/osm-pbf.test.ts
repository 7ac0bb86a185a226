import { describe, expect, it } from 'vitest';
import { PbfWriter } from 'pbf';
import { zlibSync } from 'fflate';
import { looksLikeOsmPbf, parseOsmPbf } from './osm-pbf';
import { osmRoads, parseOsmXml } from './osm-xml';
import { inEnglish } from './problems.testing';

// A tiny OSM extract written both as XML and as PBF (dense nodes in one zlib block, ways in a
// raw block with plain nodes), so the two readers can be compared.
const nodes: [number, number, number][] = [
  [101, 121.47, 31.23],
  [102, 121.48, 31.23],
  [103, 121.48, 31.24],
  [104, 121.47, 31.24],
  [7_000_000_001, 121.475, 31.235],
];
const ways: { id: number; refs: number[]; tags: Record<string, string> }[] = [
  { id: 11, refs: [101, 102, 103], tags: { highway: 'primary', name: '南京东路' } },
  { id: 12, refs: [103, 104, 101], tags: { highway: 'residential' } },
  { id: 13, refs: [101, 7_000_000_001], tags: { highway: 'motorway' } },
];

function xml(): string {
  return `<osm version="0.6">${nodes.map(([id, lon, lat]) => `<node id="${id}" lat="${lat}" lon="${lon}"/>`).join('')}${ways
    .map(
      (w) =>
        `<way id="${w.id}">${w.refs.map((r) => `<nd ref="${r}"/>`).join('')}${Object.entries(w.tags)
          .map(([k, v]) => `<tag k="${k}" v="${v}"/>`)
          .join('')}</way>`,
    )
    .join('')}</osm>`;
}

function blob(type: string, payload: Uint8Array, compress: boolean): Uint8Array[] {
  const b = new PbfWriter();
  if (compress) {
    b.writeVarintField(2, payload.length);
    b.writeBytesField(3, zlibSync(payload));
  } else b.writeBytesField(1, payload);
  const blobBytes = b.finish();
  const h = new PbfWriter();
  h.writeStringField(1, type);
  h.writeVarintField(3, blobBytes.length);
  const headerBytes = h.finish();
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, headerBytes.length);
  return [len, headerBytes, blobBytes];
}

function pbf(): Uint8Array {
  const strings = ['', 'highway', 'primary', 'name', '南京东路', 'residential', 'motorway'];
  const stringTable = (w: PbfWriter) =>
    w.writeMessage(1, (_: null, p) => strings.forEach((s) => p.writeBytesField(1, new TextEncoder().encode(s))), null);
  // Block 1: dense nodes (granularity 100 nanodegrees, delta-coded).
  const b1 = new PbfWriter();
  stringTable(b1);
  b1.writeMessage(
    2,
    (_: null, g) =>
      g.writeMessage(
        2,
        (__: null, d) => {
          let [pid, plat, plon] = [0, 0, 0];
          const ids: number[] = [];
          const lats: number[] = [];
          const lons: number[] = [];
          for (const [id, lon, lat] of nodes.slice(0, 3)) {
            const la = Math.round(lat * 1e7);
            const lo = Math.round(lon * 1e7);
            ids.push(id - pid);
            lats.push(la - plat);
            lons.push(lo - plon);
            [pid, plat, plon] = [id, la, lo];
          }
          d.writePackedSVarint(1, ids);
          d.writePackedSVarint(8, lats);
          d.writePackedSVarint(9, lons);
        },
        null,
      ),
    null,
  );
  // Block 2: plain nodes and the ways, uncompressed.
  const b2 = new PbfWriter();
  stringTable(b2);
  b2.writeMessage(
    2,
    (_: null, g) => {
      for (const [id, lon, lat] of nodes.slice(3))
        g.writeMessage(
          1,
          (__: null, n) => {
            n.writeSVarintField(1, id);
            n.writeSVarintField(8, Math.round(lat * 1e7));
            n.writeSVarintField(9, Math.round(lon * 1e7));
          },
          null,
        );
      for (const w of ways)
        g.writeMessage(
          3,
          (__: null, m) => {
            m.writeVarintField(1, w.id);
            m.writePackedVarint(
              2,
              Object.keys(w.tags).map((k) => strings.indexOf(k)),
            );
            m.writePackedVarint(
              3,
              Object.values(w.tags).map((v) => strings.indexOf(v)),
            );
            let prev = 0;
            m.writePackedSVarint(
              8,
              w.refs.map((r) => {
                const d = r - prev;
                prev = r;
                return d;
              }),
            );
          },
          null,
        );
    },
    null,
  );
  const header = new PbfWriter();
  header.writeStringField(4, 'OsmSchema-V0.6');
  const parts = [
    ...blob('OSMHeader', header.finish(), false),
    ...blob('OSMData', b1.finish(), true),
    ...blob('OSMData', b2.finish(), false),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('OSM PBF', () => {
  it('reads the same nodes and ways as the XML of the same extract', () => {
    const bytes = pbf();
    expect(looksLikeOsmPbf(bytes)).toBe(true);
    expect(looksLikeOsmPbf(new TextEncoder().encode(xml()))).toBe(false);
    const fromPbf = parseOsmPbf(bytes);
    const fromXml = parseOsmXml(xml());
    expect(fromPbf.ways).toEqual(fromXml.ways);
    for (const [id, [lon, lat]] of fromXml.nodes) {
      const p = fromPbf.nodes.get(id)!;
      expect(p[0]).toBeCloseTo(lon, 7);
      expect(p[1]).toBeCloseTo(lat, 7);
    }
    expect(osmRoads(fromPbf).roads.features.map((f) => f.properties?.['id'] as unknown)).toEqual(['w11', 'w12']);
  });

  it('imports a PBF as the roads layer and refuses a truncated one', async () => {
    const { importLayer, detectFormat } = await import('./index');
    const bytes = pbf();
    expect(detectFormat('city.osm.pbf', bytes)).toBe('osm');
    const r = await importLayer(bytes, 'city.osm.pbf', { role: 'roads', crs: 'wgs84' });
    expect(r.ok).toBe(true);
    const cut = await importLayer(bytes.subarray(0, bytes.length - 10), 'city.osm.pbf', {
      role: 'roads',
      crs: 'wgs84',
    });
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(inEnglish(cut.problems)[0]!.message).toMatch(/truncated|damaged/);
  });
});

describe('OSM PBF, hostile', () => {
  // A block of zeros compresses about a thousand to one: 40 MiB inflated is 40 kB on disk.
  const zeros = new Uint8Array(40 * 1024 * 1024);
  const bomb = (declared: number | null) => {
    const b = new PbfWriter();
    if (declared !== null) b.writeVarintField(2, declared);
    b.writeBytesField(3, zlibSync(zeros));
    const blobBytes = b.finish();
    const h = new PbfWriter();
    h.writeStringField(1, 'OSMData');
    h.writeVarintField(3, blobBytes.length);
    const headerBytes = h.finish();
    const out = new Uint8Array(4 + headerBytes.length + blobBytes.length);
    new DataView(out.buffer).setUint32(0, headerBytes.length);
    out.set(headerBytes, 4);
    out.set(blobBytes, 4 + headerBytes.length);
    return out;
  };

  it('refuses a block that declares more than the format allows, before inflating it', () => {
    expect(() => parseOsmPbf(bomb(zeros.length))).toThrow(
      'an OSM data block declares 40 MB inflated, over the format’s 32 MB limit — the file is damaged or hostile; it was not inflated',
    );
  });

  it('refuses a block that inflates past the limit when it declares no size', () => {
    expect(() => parseOsmPbf(bomb(null))).toThrow(/over the format’s 32 MB limit/);
  });

  it('never inflates past the size a block declares', () => {
    // It claims 1 kB and holds 40 MiB of zeros: only the first kilobyte is ever written (and
    // read, as a block with nothing in it).
    const read = parseOsmPbf(bomb(1024));
    expect([read.nodes.size, read.ways.length]).toEqual([0, 0]);
  });
});
