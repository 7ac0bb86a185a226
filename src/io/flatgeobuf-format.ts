// FlatGeobuf reading and writing through the `flatgeobuf` package, loaded on first use so the app's
// first paint does not pay for it. Before handing bytes to the library the layout is walked with
// bounds checks: the library trusts its input, and a truncated or corrupted file can otherwise send
// it into a loop that never ends (a short header, an index over zero features) or a vector length
// of four billion.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { FieldSummary } from './field-summary';
import type { FormatHandler, InspectResult, Problem, RawFeature, ReadResult } from './format';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { FILE, formatCount } from './problem-list';
import { setOwn, valueText } from './records';
import { errorText } from './text-decoding';

export const flatgeobufFormat: FormatHandler = {
  format: 'flatgeobuf',
  read: async (bytes) => readFlatGeobuf(bytes),
  inspect: async (bytes) => inspectFlatGeobuf(bytes),
  write: async (fc) => writeFlatGeobuf(fc),
};

const MAGIC = [0x66, 0x67, 0x62]; // "fgb"; byte 3 is the major version, then "fgb" again
const HEADER_START = 8;
const MAX_HEADER_BYTES = 10 * 1024 * 1024; // what the reference implementation accepts
const MAX_GEOMETRY_DEPTH = 4; // GeometryCollection > MultiPolygon > Polygon is as deep as it goes

/** True when the bytes start with FlatGeobuf's magic: "fgb", a version byte, "fgb". */
export function hasFlatGeobufMagic(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 &&
    MAGIC.every((b, i) => bytes[i] === b) &&
    bytes[4] === MAGIC[0] &&
    bytes[5] === MAGIC[1] &&
    bytes[6] === MAGIC[2]
  );
}

export async function readFlatGeobuf(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return fail(msg('io.fileEmpty'));
  if (!hasFlatGeobufMagic(bytes)) return fail(msg('io.fgb.notFgb'));
  // The library makes Float64Array views straight onto the bytes, which needs 8-byte alignment;
  // a Node Buffer from a pool or a subarray may not have it.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  let layout: Layout;
  try {
    layout = checkLayout(aligned);
  } catch (error) {
    if (error instanceof LayoutError) return fail(msg('io.fgb.damaged', { detail: error.message }));
    throw error;
  }
  if (layout.featureCount === 0) return fail(msg('io.fgb.noFeatures'));
  if (layout.declaredCount > 0 && layout.featureCount !== layout.declaredCount)
    return fail(msg('io.fgb.countMismatch', { declared: layout.declaredCount, found: layout.featureCount }));

  const { deserialize } = await import('flatgeobuf/lib/mjs/geojson.js');
  const features: RawFeature[] = [];
  try {
    for await (const f of deserialize(aligned)) {
      // The library numbers features itself; those are not the source's ids, so they are dropped.
      features.push({ type: 'Feature', geometry: f.geometry, properties: f.properties ?? {} });
    }
  } catch (error) {
    return fail(msg('io.fgb.damagedNear', { n: String(features.length + 1), detail: errorText(error) }));
  }
  return {
    ok: true,
    features,
    where: (i) => ({ kind: 'feature', n: i + 1 }),
    problems: [],
    warnings: [],
    declaredCrs: layout.declaredCrs,
  };
}

function fail(message: Message): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where: FILE, message }] };
}

async function inspectFlatGeobuf(bytes: Uint8Array): Promise<InspectResult> {
  const read = await readFlatGeobuf(bytes);
  if (!read.ok) return read;
  const fields = new FieldSummary();
  const types = new Set<string>();
  for (const raw of read.features) {
    const f = raw as Feature<Geometry | null>;
    fields.add(f.properties);
    types.add(f.geometry?.type ?? 'none');
  }
  return {
    ok: true,
    summary: {
      format: 'flatgeobuf',
      featureCount: read.features.length,
      fields: fields.fields,
      numericFields: fields.numericFields,
      geometryTypes: [...types],
      sample: fields.sample,
    },
  };
}

/**
 * Writes a FeatureCollection as FlatGeobuf declaring EPSG:4326. The library's serializer writes no
 * spatial index, takes its columns and their types from the first feature and writes a missing
 * value as garbage, so every feature is given every property (missing → null) and a property whose
 * values mix types is written as text; a property null or absent in the first feature becomes a
 * text column too. Throws on an empty collection or a feature without geometry.
 */
export async function writeFlatGeobuf(fc: FeatureCollection): Promise<Uint8Array> {
  if (fc.features.length === 0) throw new Error('writeFlatGeobuf: the collection has no features');
  const keys: string[] = [];
  const kinds = new Map<string, Set<string>>();
  for (const f of fc.features) {
    if (!f.geometry) throw new Error('writeFlatGeobuf: every feature needs a geometry');
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      let set = kinds.get(k);
      if (!set) {
        set = new Set();
        kinds.set(k, set);
        keys.push(k);
      }
      if (v !== null && v !== undefined) set.add(typeof v);
    }
  }
  const asText = new Set(keys.filter((k) => (kinds.get(k)?.size ?? 0) > 1));
  const features = fc.features.map((f) => {
    const properties: Record<string, unknown> = {};
    for (const k of keys) {
      const v: unknown = f.properties?.[k];
      let value: unknown = v === undefined ? null : v;
      if (value !== null && asText.has(k)) value = valueText(value);
      setOwn(properties, k, value);
    }
    return { type: 'Feature' as const, geometry: f.geometry, properties };
  });
  const { serialize } = await import('flatgeobuf/lib/mjs/geojson.js');
  return serialize({ type: 'FeatureCollection', features }, 4326);
}

// ---------------------------------------------------------------------------------------------
// Layout check: a bounds-checked walk of the FlatBuffers tables the library will read.

class LayoutError extends Error {}

interface Layout {
  featureCount: number;
  /** Features the header announces; 0 when the writer did not know (streamed output). */
  declaredCount: number;
  declaredCrs?: string;
}

interface Table {
  pos: number;
  vtable: number;
  vtableSize: number;
  tableSize: number;
}

class BoundedReader {
  private readonly view: DataView;
  constructor(
    bytes: Uint8Array,
    /** Reads must stay inside [start, end): the header's or the current feature's bytes. */
    public start: number,
    public end: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  within(pos: number, size: number, what: string): void {
    if (!(pos >= this.start && size >= 0 && pos + size <= this.end))
      throw new LayoutError(`${what} lies outside its block`);
  }

  u16(pos: number, what: string): number {
    this.within(pos, 2, what);
    return this.view.getUint16(pos, true);
  }

  u32(pos: number, what: string): number {
    this.within(pos, 4, what);
    return this.view.getUint32(pos, true);
  }

  u64(pos: number, what: string): number {
    this.within(pos, 8, what);
    return Number(this.view.getBigUint64(pos, true));
  }

  table(pos: number, what: string): Table {
    this.within(pos, 4, what);
    const vtable = pos - this.view.getInt32(pos, true);
    const vtableSize = this.u16(vtable, `${what} field table`);
    const tableSize = this.u16(vtable + 2, `${what} field table`);
    if (vtableSize < 4 || vtableSize % 2 !== 0) throw new LayoutError(`${what} has a malformed field table`);
    this.within(vtable, vtableSize, `${what} field table`);
    this.within(pos, tableSize, what);
    return { pos, vtable, vtableSize, tableSize };
  }

  /** Absolute position of field `index`, or 0 when absent. */
  field(t: Table, index: number, size: number, what: string): number {
    const slot = 4 + 2 * index;
    if (slot + 2 > t.vtableSize) return 0;
    const offset = this.u16(t.vtable + slot, what);
    if (offset === 0) return 0;
    if (offset + size > t.tableSize) throw new LayoutError(`${what} lies outside its table`);
    return t.pos + offset;
  }

  /** Checks a vector field lies inside the block; returns its length and where its items start. */
  vector(t: Table, index: number, itemSize: number, what: string): { length: number; items: number } {
    const at = this.field(t, index, 4, what);
    if (!at) return { length: 0, items: 0 };
    const vector = at + this.u32(at, what);
    const length = this.u32(vector, what);
    this.within(vector + 4, length * itemSize, what);
    // Views of doubles need their items 8-byte aligned, which valid files always are.
    return { length, items: vector + 4 };
  }

  subtable(t: Table, index: number, what: string): Table | null {
    const at = this.field(t, index, 4, what);
    return at ? this.table(at + this.u32(at, what), what) : null;
  }

  strings(t: Table, indices: number[], what: string): void {
    for (const i of indices) this.vector(t, i, 1, what);
  }
}

function checkLayout(bytes: Uint8Array): Layout {
  const r = new BoundedReader(bytes, 0, bytes.length);
  const headerLength = r.u32(HEADER_START, 'the header size');
  if (headerLength < 4 || headerLength > MAX_HEADER_BYTES)
    throw new LayoutError(`its header size ${headerLength} is impossible`);
  const headerEnd = HEADER_START + 4 + headerLength;
  if (headerEnd > bytes.length) throw new LayoutError('the header runs past the end of the file');
  r.start = HEADER_START + 4;
  r.end = headerEnd;
  const header = r.table(r.start + r.u32(r.start, 'the header'), 'the header');
  r.strings(header, [0, 11, 12, 13], 'a header text');
  r.vector(header, 1, 8, 'the header envelope');
  const columns = r.vector(header, 7, 4, 'the column list');
  for (let c = 0; c < columns.length; c++) {
    const at = columns.items + 4 * c;
    const column = r.table(at + r.u32(at, 'a column'), 'a column');
    if (!r.field(column, 0, 4, 'a column name')) throw new LayoutError(`column ${c + 1} has no name`);
    r.strings(column, [0, 2, 3, 10], 'a column text');
  }
  const crs = r.subtable(header, 10, 'the coordinate system');
  let declaredCrs: string | undefined;
  if (crs) {
    r.strings(crs, [0, 2, 3, 4, 5], 'a coordinate system text');
    const codeAt = r.field(crs, 1, 4, 'the coordinate system code');
    const code = codeAt ? r.u32(codeAt, 'the coordinate system code') : 0;
    if (code !== 0 && code !== 4326 && code !== 4490) declaredCrs = `EPSG:${code}`;
  }
  const countAt = r.field(header, 8, 8, 'the feature count');
  const declaredCount = countAt ? r.u64(countAt, 'the feature count') : 0;
  const nodeSizeAt = r.field(header, 9, 2, 'the index node size');
  const nodeSize = nodeSizeAt ? r.u16(nodeSizeAt, 'the index node size') : 16;

  let offset = headerEnd;
  if (nodeSize > 0) {
    // The library computes the index size by dividing the count down to one node, which never ends
    // for a count of zero.
    if (declaredCount < 1) throw new LayoutError('it has a spatial index over zero features');
    offset += indexBytes(declaredCount, nodeSize);
    if (offset > bytes.length) throw new LayoutError('the spatial index runs past the end of the file');
  }

  let featureCount = 0;
  r.start = 0;
  r.end = bytes.length;
  while (offset < bytes.length) {
    const what = `feature ${formatCount(featureCount + 1)}`;
    const length = r.u32(offset, what);
    const start = offset + 4;
    if (start + length > bytes.length) throw new LayoutError(`${what} runs past the end of the file`);
    r.start = start;
    r.end = start + length;
    const feature = r.table(start + r.u32(start, what), what);
    const geometry = r.subtable(feature, 0, `the geometry of ${what}`);
    if (geometry) checkGeometry(r, geometry, `the geometry of ${what}`, 0);
    r.vector(feature, 1, 1, `the properties of ${what}`);
    r.vector(feature, 2, 4, `the columns of ${what}`);
    r.start = 0;
    r.end = bytes.length;
    offset = start + length;
    featureCount++;
  }
  return { featureCount, declaredCount, declaredCrs };
}

function checkGeometry(r: BoundedReader, g: Table, what: string, depth: number): void {
  if (depth > MAX_GEOMETRY_DEPTH) throw new LayoutError(`${what} is nested too deeply`);
  const ends = r.vector(g, 0, 4, what);
  const xy = r.vector(g, 1, 8, what);
  if (xy.length % 2 !== 0) throw new LayoutError(`${what} has an odd number of coordinates`);
  if (xy.length && xy.items % 8 !== 0) throw new LayoutError(`${what} has misaligned coordinates`);
  for (const i of [2, 3, 4]) {
    const v = r.vector(g, i, 8, what);
    if (v.length && v.items % 8 !== 0) throw new LayoutError(`${what} has misaligned coordinates`);
  }
  if (ends.length && ends.items % 4 !== 0) throw new LayoutError(`${what} has misaligned ring ends`);
  r.vector(g, 5, 8, what);
  const parts = r.vector(g, 7, 4, what);
  for (let p = 0; p < parts.length; p++) {
    const at = parts.items + 4 * p;
    checkGeometry(r, r.table(at + r.u32(at, what), what), what, depth + 1);
  }
}

/** Bytes of a packed Hilbert R-tree over `count` items, as the format defines it. */
function indexBytes(count: number, nodeSize: number): number {
  const size = Math.min(Math.max(nodeSize, 2), 65535);
  let n = count;
  let nodes = n;
  do {
    n = Math.ceil(n / size);
    nodes += n;
  } while (n > 1);
  return nodes * 40;
}
