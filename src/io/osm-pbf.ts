// Reads OpenStreetMap PBF (.osm.pbf) into the same nodes-and-ways form as the XML reader, for
// the walking network: blobs (raw or zlib), string tables, dense and plain nodes, ways with their
// tags and node references. Relations and metadata are skipped.
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { PbfReader } from 'pbf';
import { unzlibSync } from 'fflate';
import type { OsmData, OsmWay } from './osm-xml';

const decoder = new TextDecoder();

/** A PBF file starts with a big-endian length and a BlobHeader whose type is "OSMHeader". */
export function looksLikeOsmPbf(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const len = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (len === 0 || len > 64 * 1024 || bytes[4] !== 0x0a) return false;
  const n = bytes[5]!;
  return decoder.decode(bytes.subarray(6, 6 + n)) === 'OSMHeader';
}

interface Blob {
  raw: Uint8Array | null;
  zlib: Uint8Array | null;
  /** The inflated size the writer declares (raw_size). */
  rawSize: number | null;
  other: boolean;
}

/**
 * The format's own limit on an inflated block (OSM PBF: 32 MiB). A block declaring more is refused
 * before inflating, and inflating writes into a buffer of the declared size, so a block that
 * inflates to more (a zip bomb: 1.2 GB from a few MB) can never take more memory than that.
 */
export const MAX_PBF_BLOCK_BYTES = 32 * 1024 * 1024;

interface Block {
  strings: string[];
  groups: Uint8Array[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

/** A damaged PBF, with what to tell the person; the Error's message is its English text. */
export class OsmPbfError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

export function parseOsmPbf(bytes: Uint8Array): OsmData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nodes = new Map<number, [number, number]>();
  const ways: OsmWay[] = [];
  let pos = 0;
  while (pos + 4 <= bytes.length) {
    const headerLength = view.getUint32(pos);
    pos += 4;
    if (headerLength > 64 * 1024 || pos + headerLength > bytes.length)
      throw new OsmPbfError(msg('io.pbf.blobHeader', { at: String(pos - 4) }));
    const header = new PbfReader(bytes.subarray(pos, pos + headerLength)).readFields(
      (tag, h: { type: string; size: number }, pbf) => {
        if (tag === 1) h.type = pbf.readString();
        else if (tag === 3) h.size = pbf.readVarint();
      },
      { type: '', size: 0 },
    );
    pos += headerLength;
    if (pos + header.size > bytes.length) throw new OsmPbfError(msg('io.pbf.endsInBlock'));
    const blobBytes = bytes.subarray(pos, pos + header.size);
    pos += header.size;
    if (header.type !== 'OSMData') continue;
    const blob = new PbfReader(blobBytes).readFields(
      (tag, b: Blob, pbf) => {
        if (tag === 1) b.raw = pbf.readBytes();
        else if (tag === 2) b.rawSize = pbf.readVarint();
        else if (tag === 3) b.zlib = pbf.readBytes();
        else if (tag >= 4) b.other = true;
      },
      { raw: null, zlib: null, rawSize: null, other: false },
    );
    let data: Uint8Array;
    if (blob.raw) data = blob.raw;
    else if (blob.zlib) data = inflateBlock(blob.zlib, blob.rawSize);
    else throw new OsmPbfError(msg(blob.other ? 'io.pbf.compression' : 'io.pbf.emptyBlock'));
    readBlock(data, nodes, ways);
  }
  ways.sort((a, b) => a.id - b.id);
  return { nodes, ways };
}

function inflateBlock(zlib: Uint8Array, rawSize: number | null): Uint8Array {
  if (rawSize !== null && rawSize > MAX_PBF_BLOCK_BYTES)
    throw new OsmPbfError(msg('io.pbf.blockTooBig', { mb: String(Math.round(rawSize / 1048576)) }));
  // Without a declared size, one byte past the limit tells a block that inflates too far.
  const out = unzlibSync(zlib, { out: new Uint8Array(rawSize ?? MAX_PBF_BLOCK_BYTES + 1) });
  if (out.length > MAX_PBF_BLOCK_BYTES) throw new OsmPbfError(msg('io.pbf.blockTooBig', { mb: '32+' }));
  return out;
}

function readBlock(data: Uint8Array, nodes: OsmData['nodes'], ways: OsmWay[]): void {
  const block = new PbfReader(data).readFields(
    (tag, b: Block, pbf) => {
      if (tag === 1)
        pbf.readFields(
          (t, strings: string[], p) => {
            if (t === 1) strings.push(decoder.decode(p.readBytes()));
          },
          b.strings,
          pbf.readVarint() + pbf.pos,
        );
      else if (tag === 2) b.groups.push(pbf.readBytes());
      else if (tag === 17) b.granularity = pbf.readVarint();
      else if (tag === 19) b.latOffset = pbf.readVarint(true);
      else if (tag === 20) b.lonOffset = pbf.readVarint(true);
    },
    { strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 },
  );
  const lonOf = (v: number) => (block.lonOffset + block.granularity * v) * 1e-9;
  const latOf = (v: number) => (block.latOffset + block.granularity * v) * 1e-9;
  for (const group of block.groups)
    new PbfReader(group).readFields((tag, _: null, pbf) => {
      const end = pbf.readVarint() + pbf.pos;
      if (tag === 2) {
        // Dense nodes: ids, latitudes and longitudes are delta-coded.
        const d = pbf.readFields(
          (t, acc: { ids: number[]; lats: number[]; lons: number[] }, p) => {
            if (t === 1) p.readPackedSVarint(acc.ids);
            else if (t === 8) p.readPackedSVarint(acc.lats);
            else if (t === 9) p.readPackedSVarint(acc.lons);
          },
          { ids: [], lats: [], lons: [] },
          end,
        );
        let id = 0;
        let lat = 0;
        let lon = 0;
        for (let i = 0; i < d.ids.length; i++) {
          id += d.ids[i]!;
          lat += d.lats[i]!;
          lon += d.lons[i]!;
          nodes.set(id, [lonOf(lon), latOf(lat)]);
        }
      } else if (tag === 1) {
        const n = pbf.readFields(
          (t, acc: { id: number; lat: number; lon: number }, p) => {
            if (t === 1) acc.id = p.readSVarint();
            else if (t === 8) acc.lat = p.readSVarint();
            else if (t === 9) acc.lon = p.readSVarint();
          },
          { id: 0, lat: 0, lon: 0 },
          end,
        );
        nodes.set(n.id, [lonOf(n.lon), latOf(n.lat)]);
      } else if (tag === 3) {
        const w = pbf.readFields(
          (t, acc: { id: number; keys: number[]; vals: number[]; refs: number[] }, p) => {
            if (t === 1) acc.id = p.readVarint();
            else if (t === 2) p.readPackedVarint(acc.keys);
            else if (t === 3) p.readPackedVarint(acc.vals);
            else if (t === 8) p.readPackedSVarint(acc.refs);
          },
          { id: 0, keys: [], vals: [], refs: [] },
          end,
        );
        const tags = new Map<string, string>();
        w.keys.forEach((k, i) => tags.set(block.strings[k] ?? '', block.strings[w.vals[i]!] ?? ''));
        let ref = 0;
        // From entries, so a key "__proto__" is a tag, not the record's prototype.
        ways.push({ id: w.id, refs: w.refs.map((d) => (ref += d)), tags: Object.fromEntries(tags) });
      } else pbf.pos = end;
    }, null);
}
