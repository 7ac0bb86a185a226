// A fast path for big household layers in FlatGeobuf: reads Point features straight from the
// flatbuffers into typed arrays (coordinates and one numeric count column), without building a
// GeoJSON object per point. A million points load in a fraction of the generic reader's time,
// report progress and can be cancelled. Anything unusual falls back to the generic reader.
import * as flatbuffers from 'flatbuffers';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { Geometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { convertInterleavedInPlace } from '../core/coordinates';
import type { Crs, HouseholdSet } from '../core/model';
import { msg } from '../core/i18n';
import type { Problem } from './format';
import { parseHouseholdCount } from './household-count';
import { FILE } from './problem-list';

const MAGIC = [0x66, 0x67, 0x62];
const NODE_ITEM_BYTES = 40;

/** Column types (FlatGeobuf ColumnType) and their fixed byte sizes; -1 = length-prefixed. */
const SIZES = [1, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8, -1, -1, -1, -1];

/** A size prefix, a feature table and a geometry with one x,y pair take at least this much. */
const MIN_POINT_FEATURE_BYTES = 24;

function packedTreeBytes(count: number, nodeSize: number): number {
  if (nodeSize < 2 || count === 0) return 0;
  let n = count;
  let nodes = n;
  do {
    n = Math.ceil(n / nodeSize);
    nodes += n;
  } while (n !== 1);
  return nodes * NODE_ITEM_BYTES;
}

export type FastPointsResult =
  | { ok: true; households: HouseholdSet; count: number; total: number }
  | { ok: false; problems: Problem[] }
  /** Not a plain point layer this reader handles: use the generic reader. */
  | { ok: 'fallback' };

export interface FastPointsOptions {
  crs: Crs;
  householdsField: string | null;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Features between progress reports and cancellation checks. */
  chunk?: number;
}

/** Bytes a property value takes (after its column index): fixed by type, or length-prefixed. */
function valueSize(view: DataView, at: number, type: number): number {
  const size = SIZES[type] ?? -1;
  return size === -1 ? 4 + view.getUint32(at, true) : size;
}

/** A numeric property value, or null for text and binary types. */
function valueAt(view: DataView, at: number, type: number): number | null {
  switch (type) {
    case 0:
      return view.getInt8(at);
    case 1:
    case 2:
      return view.getUint8(at);
    case 3:
      return view.getInt16(at, true);
    case 4:
      return view.getUint16(at, true);
    case 5:
      return view.getInt32(at, true);
    case 6:
      return view.getUint32(at, true);
    case 7:
      return Number(view.getBigInt64(at, true));
    case 8:
      return Number(view.getBigUint64(at, true));
    case 9:
      return view.getFloat32(at, true);
    case 10:
      return view.getFloat64(at, true);
    default:
      return null;
  }
}

export async function readFlatGeobufPoints(bytes: Uint8Array, options: FastPointsOptions): Promise<FastPointsResult> {
  if (bytes.length < 12 || MAGIC.some((b, i) => bytes[i] !== b)) return { ok: 'fallback' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(8, true);
  if (12 + headerSize > bytes.length) return { ok: 'fallback' };
  let header: Header;
  try {
    header = Header.getRootAsHeader(new flatbuffers.ByteBuffer(bytes.subarray(12, 12 + headerSize)));
  } catch {
    return { ok: 'fallback' };
  }
  // 1 is FlatGeobuf's GeometryType.Point.
  if (Number(header.geometryType()) !== 1) return { ok: 'fallback' };
  // A declared CRS other than WGS84 gets the generic reader's explanation.
  const code = header.crs()?.code() ?? 0;
  if (code !== 0 && code !== 4326) return { ok: 'fallback' };
  const columns: { name: string; type: number }[] = [];
  // Each column takes at least a 4-byte offset in the header: a damaged count of 2^31 columns
  // looped for minutes allocating until the process ran out of memory.
  const columnCount = header.columnsLength();
  if (columnCount > headerSize / 4) return { ok: 'fallback' };
  for (let i = 0; i < columnCount; i++) {
    const c = header.columns(i);
    columns.push({ name: c?.name() ?? '', type: c?.type() ?? 11 });
  }
  const countColumn =
    options.householdsField === null ? -1 : columns.findIndex((c) => c.name === options.householdsField);
  if (options.householdsField !== null) {
    if (countColumn < 0) return { ok: 'fallback' }; // let the generic reader explain the missing field
    if ((SIZES[columns[countColumn]!.type] ?? -1) === -1) return { ok: 'fallback' }; // text counts ("1,234户")
  }
  const declared = Number(header.featuresCount());
  let offset = 12 + headerSize + packedTreeBytes(declared, header.indexNodeSize());
  // The header's count is a hint, never an allocation: 2^40 threw "Invalid typed array length" and
  // 10^8 allocated 2.4 GB. No point feature is smaller than MIN_POINT_FEATURE_BYTES; the arrays grow.
  const capacity =
    declared > 0 ? Math.max(1, Math.min(declared, Math.floor(bytes.length / MIN_POINT_FEATURE_BYTES))) : 1024;
  let coordinates = new Float64Array(capacity * 2);
  let households = new Float64Array(capacity);
  const problems: Problem[] = [];
  let n = 0;
  let total = 0;
  const chunk = options.chunk ?? 100_000;
  // Besides every `chunk` features, yield whenever this much time has passed: the reader runs on
  // the page's thread, and the map and the cancel button must stay responsive meanwhile.
  const sliceMs = 25;
  let sliceStart = performance.now();
  const feature = new Feature();
  const geometry = new Geometry();
  const columnTypes = columns.map((c) => c.type);
  while (offset + 4 <= bytes.length) {
    const size = view.getUint32(offset, true);
    if (size === 0 || offset + 4 + size > bytes.length) {
      problems.push({ where: { kind: 'feature', n: n + 1 }, message: msg('io.fgb.endsInFeature') });
      break;
    }
    // A buffer bounded by the feature: a damaged offset inside it cannot read its neighbours.
    const bb = new flatbuffers.ByteBuffer(bytes.subarray(offset + 4, offset + 4 + size));
    Feature.getRootAsFeature(bb, feature);
    const g = feature.geometry(geometry);
    if (n === coordinates.length / 2) {
      const c = new Float64Array(coordinates.length * 2);
      c.set(coordinates);
      coordinates = c;
      const h = new Float64Array(households.length * 2);
      h.set(households);
      households = h;
    }
    // Odd geometry (missing, swapped, projected) gets the generic reader's fuller diagnosis.
    if (!g || g.xyLength() < 2) return { ok: 'fallback' };
    const x = g.xy(0)!;
    const y = g.xy(1)!;
    if (!(Math.abs(y) <= 90 && Math.abs(x) <= 180)) return { ok: 'fallback' };
    coordinates[n * 2] = x;
    coordinates[n * 2 + 1] = y;
    let h = 1;
    if (countColumn >= 0) {
      h = NaN;
      let props: Uint8Array | null;
      try {
        props = feature.propertiesArray();
      } catch {
        // A damaged vector length (the library allocates it: "Invalid typed array length"); the
        // generic reader names the feature.
        return { ok: 'fallback' };
      }
      if (props) {
        let p = 0;
        while (p + 2 <= props.length) {
          const col = view.getUint16(props.byteOffset + p, true);
          const type = columnTypes[col] ?? 11;
          const at = props.byteOffset + p + 2;
          if (col === countColumn) {
            h = valueAt(view, at, type) ?? NaN;
            break;
          }
          p += 2 + valueSize(view, at, type);
        }
      }
      if (!Number.isFinite(h))
        problems.push({
          where: { kind: 'feature', n: n + 1 },
          message: msg('io.fgb.countFieldBad', { field: options.householdsField ?? '' }),
        });
      else if (h < 0)
        problems.push({
          where: { kind: 'feature', n: n + 1 },
          message: msg('io.fgb.countNegative', { count: String(h) }),
        });
      else {
        // The same rules as every other reader: whole, and at most a million for one point.
        const parsed = parseHouseholdCount(h);
        if (!parsed.ok) problems.push({ where: { kind: 'feature', n: n + 1 }, message: parsed.message });
      }
    }
    households[n] = h;
    total += Number.isFinite(h) ? h : 0;
    n++;
    offset += 4 + size;
    if (problems.length >= 50) break;
    if (n % chunk === 0 || ((n & 1023) === 0 && performance.now() - sliceStart > sliceMs)) {
      options.onProgress?.(offset / bytes.length);
      // Yield so a cancel (and the UI) can get in between slices.
      await new Promise((r) => setTimeout(r, 0));
      sliceStart = performance.now();
      if (options.signal?.aborted) return { ok: false, problems: [{ where: FILE, message: msg('io.cancelled') }] };
    }
  }
  if (problems.length) return { ok: false, problems };
  if (n === 0) return { ok: false, problems: [{ where: FILE, message: msg('io.noFeaturesHeld') }] };
  // A file that ends cleanly after fewer features than its header declares was cut short.
  if (declared > 0 && n !== declared)
    return {
      ok: false,
      problems: [{ where: FILE, message: msg('io.fgb.countMismatch', { declared, found: n }) }],
    };
  coordinates = coordinates.slice(0, n * 2);
  households = households.slice(0, n);
  convertInterleavedInPlace(coordinates, options.crs, 'wgs84');
  options.onProgress?.(1);
  return { ok: true, households: { coordinates, households, names: null, properties: null }, count: n, total };
}
