// Shapefiles as bureaus hand them over: a .zip, or the .shp, .dbf, .prj and .cpg dropped together.
// Geometry comes from shpjs's parser (well kept, and it turns rings into GeoJSON polygons by their
// winding); the attribute table is read here, because the DBF readers on npm trust the header
// (a table declaring 4 billion records loops for ever), put field names from the file on plain
// objects, and keep deleted records. The text encoding comes from the .cpg, else the DBF's
// language-driver byte, else the text itself (strict UTF-8, then GBK). The .prj is returned as
// text for the caller to resolve (src/io/crs.ts); coordinates are left as they are.
import { parseShp } from 'shpjs';
import { listMessage, msg } from '../core/i18n';
import type { Message } from '../core/model';
import { featureHandler } from './field-summary';
import type { FormatHandler, Problem, ReadOptions, ReadResult, Where } from './format';
import { FILE } from './problem-list';
import { unzipChecked } from './zip-entries';

const DBF: Where = { kind: 'entry', name: '.dbf' };
const SHP: Where = { kind: 'entry', name: '.shp' };
const CPG: Where = { kind: 'entry', name: '.cpg' };

function failure(message: Message, where: Where = FILE): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where, message }] };
}
import { errorText, megabytes } from './text-decoding';

export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

export interface ShapefileLayer {
  /** The layer's file name without extension. */
  name: string;
  features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
  /** The .prj's WKT, when there is one. */
  prj?: string;
  /** The encoding the attributes were read in, and how it was decided. */
  encoding: string;
  encodingFrom: 'cpg' | 'language driver' | 'detected' | 'none';
  warnings: Problem[];
}

export type ShapefileResult = { ok: true; layer: ShapefileLayer } | { ok: false; problems: Problem[] };

/** DBF language-driver ids (byte 29) for the code pages Chinese data comes in. */
const LANGUAGE_DRIVERS = new Map<number, string>([
  [0x4d, 'gbk'], // 936, PRC GBK (ArcGIS writes this for GBK tables)
  [0x7a, 'gbk'], // 936, PRC GBK
  [0x78, 'big5'], // 950, Taiwan Big 5
  [0x57, 'windows-1252'], // ANSI
  [0x03, 'windows-1252'],
  [0x01, 'ibm437'],
]);

/** A .cpg holds a code page name or number: "UTF-8", "GBK", "936", "ANSI 936", "65001". */
function encodingFromCpg(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  const number = /^(?:ansi\s*|cp\s*)?(\d+)$/.exec(t)?.[1];
  const label = number === '65001' ? 'utf-8' : number === '936' ? 'gbk' : number ? `windows-${number}` : t;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

interface DbfField {
  /** The name's bytes, decoded once the table's encoding is known. */
  nameBytes: Uint8Array;
  name: string;
  type: string;
  length: number;
}

/** Longest attribute table read: as any import, 1 GiB. */
const MAX_DBF_BYTES = 1024 * 1024 * 1024;

function readDbf(
  bytes: Uint8Array,
  cpg: string | null,
):
  | {
      records: Record<string, unknown>[];
      encoding: string;
      encodingFrom: ShapefileLayer['encodingFrom'];
      warnings: Problem[];
    }
  | { problems: Problem[] } {
  const fail = (message: Message) => ({ problems: [{ where: DBF, message }] });
  if (bytes.length < 33) return fail(msg('io.shapefile.dbfTooShort'));
  if (bytes.length > MAX_DBF_BYTES)
    return fail(msg('io.shapefile.dbfTooLarge', { mb: String(megabytes(bytes.length)) }));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) return fail(msg('io.shapefile.dbfBadHeader'));
  const fields: DbfField[] = [];
  const names = new Set<string>();
  for (let o = 32; o + 32 <= headerLength && bytes[o] !== 0x0d; o += 32) {
    let end = o;
    while (end < o + 11 && bytes[end] !== 0) end++;
    fields.push({
      nameBytes: bytes.subarray(o, end),
      name: '',
      type: String.fromCharCode(bytes[o + 11]!),
      length: bytes[o + 16]!,
    });
  }
  const fieldBytes = fields.reduce((s, f) => s + f.length, 1);
  if (recordLength < fieldBytes) return fail(msg('io.shapefile.dbfShortRecords'));
  const warnings: Problem[] = [];
  // Never trust the declared count: read the records the file really holds.
  const held = Math.floor((bytes.length - headerLength) / recordLength);
  const count = Math.min(declared, held);
  if (declared > held)
    warnings.push({
      where: DBF,
      message: msg('io.shapefile.dbfTruncated', { declared: String(declared), held: String(held) }),
    });

  let encoding = cpg;
  let encodingFrom: ShapefileLayer['encodingFrom'] = cpg ? 'cpg' : 'none';
  if (!encoding) {
    const driver = LANGUAGE_DRIVERS.get(bytes[29]!);
    if (driver && driver !== 'windows-1252') {
      encoding = driver;
      encodingFrom = 'language driver';
    } else {
      // Strict UTF-8 over the records' bytes; anything else from Chinese tools is GBK.
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(
          bytes.subarray(headerLength, headerLength + count * recordLength),
        );
        encoding = 'utf-8';
      } catch {
        encoding = 'gbk';
      }
      encodingFrom = 'detected';
    }
  }
  const decoder = new TextDecoder(encoding);
  // Field names are bytes in the table's encoding too (中文 names in GBK tables).
  for (const f of fields) {
    const name = decoder.decode(f.nameBytes).trim();
    let unique = name || 'field';
    for (let k = 2; names.has(unique); k++) unique = `${name}_${k}`;
    names.add(unique);
    f.name = unique;
  }
  const records: Record<string, unknown>[] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    if (bytes[start] === 0x2a) {
      // A deleted record ("*") still has its shape in the .shp: keep its slot, with no attributes.
      records.push({});
      continue;
    }
    const entries: [string, unknown][] = [];
    let o = start + 1;
    for (const f of fields) {
      const text = decoder
        .decode(bytes.subarray(o, o + f.length))
        .replace(/\0/g, '')
        .trim();
      o += f.length;
      entries.push([f.name, fieldValue(f.type, text)]);
    }
    // Entries, not assignment: a field named "__proto__" stays a field.
    records.push(Object.fromEntries(entries));
  }
  return { records, encoding, encodingFrom, warnings };
}

function fieldValue(type: string, text: string): unknown {
  if (text === '') return null;
  if (type === 'N' || type === 'F') {
    // A null number is written as asterisks (GDAL, ArcGIS).
    if (/^\*+$/.test(text)) return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'L') return /^[yt]/i.test(text) ? true : /^[nf]/i.test(text) ? false : null;
  if (type === 'D' && /^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return text;
}

/** Reads one Shapefile from its parts. Never throws. */
export function readShapefile(name: string, parts: ShapefileParts): ShapefileResult {
  const where = SHP;
  if (parts.shp.length < 100) return failure(msg('io.shapefile.shpTooShort'), where);
  const view = new DataView(parts.shp.buffer, parts.shp.byteOffset, parts.shp.byteLength);
  if (view.getInt32(0) !== 9994)
    return {
      ok: false,
      problems: [
        {
          where,
          message: msg('io.shapefile.notShp'),
        },
      ],
    };
  let geometries: unknown[];
  try {
    geometries = parseShp(view, false);
  } catch (error) {
    return failure(msg('io.shapefile.shpDamaged', { error: errorText(error) }), where);
  }
  const warnings: Problem[] = [];
  let records: Record<string, unknown>[] = [];
  let encoding = 'none';
  let encodingFrom: ShapefileLayer['encodingFrom'] = 'none';
  if (parts.dbf) {
    const cpg = parts.cpg ? encodingFromCpg(new TextDecoder().decode(parts.cpg.subarray(0, 200))) : null;
    if (parts.cpg && !cpg)
      warnings.push({
        where: CPG,
        message: msg('io.shapefile.cpgUnknown'),
      });
    const dbf = readDbf(parts.dbf, cpg);
    if ('problems' in dbf) return { ok: false, problems: dbf.problems };
    ({ records, encoding, encodingFrom } = dbf);
    warnings.push(...dbf.warnings);
    if (records.length !== geometries.length && !dbf.warnings.length)
      warnings.push({
        where: FILE,
        message: msg('io.shapefile.countMismatch', {
          shapes: String(geometries.length),
          records: String(records.length),
        }),
      });
  } else
    warnings.push({
      where: FILE,
      message: msg('io.shapefile.noDbf'),
    });
  if (encodingFrom === 'detected' && encoding === 'gbk')
    warnings.push({
      where: DBF,
      message: msg('io.shapefile.noCpg'),
    });
  const prj = parts.prj ? new TextDecoder().decode(parts.prj.subarray(0, 20_000)).trim() : undefined;
  return {
    ok: true,
    layer: {
      name,
      features: geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: records[i] ?? {} })),
      ...(prj ? { prj } : {}),
      encoding,
      encodingFrom,
      warnings,
    },
  };
}

/** What a zip of Shapefiles may unpack to, at most: as any import, 1 GiB; and 1,000 entries. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 1000;
const PART_EXTENSIONS = new Set(['shp', 'dbf', 'prj', 'cpg']);

/**
 * The Shapefiles in a zip, by layer name. Declared sizes are checked before anything is inflated,
 * and only Shapefile parts are inflated at all.
 */
export function shapefilesInZip(
  bytes: Uint8Array,
): { ok: true; layers: Map<string, ShapefileParts> } | { ok: false; problems: Problem[] } {
  const read = unzipChecked(bytes, {
    wanted: (name) => PART_EXTENSIONS.has(name.split('.').pop()?.toLowerCase() ?? '') && !name.includes('__MACOSX/'),
    maxEntries: MAX_ZIP_ENTRIES,
    maxTotalBytes: MAX_ZIP_UNCOMPRESSED_BYTES,
  });
  if (!read.ok) {
    if (read.reason === 'too-big') return failure(msg('io.shapefile.zipTooLarge'), { kind: 'entry', name: read.entry });
    if (read.reason === 'too-many')
      return failure(msg('io.shapefile.zipTooManyEntries', { max: String(MAX_ZIP_ENTRIES) }));
    return failure(msg('io.shapefile.zipDamaged', { error: errorText(read.error) }));
  }
  const layers = new Map<string, ShapefileParts>();
  const pending = new Map<string, Partial<ShapefileParts>>();
  for (const [name, data] of read.entries) {
    const dot = name.lastIndexOf('.');
    const base = name.slice(0, dot).split('/').pop()!;
    const ext = name.slice(dot + 1).toLowerCase() as keyof ShapefileParts;
    const parts = pending.get(base) ?? {};
    parts[ext] = data;
    pending.set(base, parts);
  }
  for (const [base, parts] of pending) if (parts.shp) layers.set(base, parts as ShapefileParts);
  if (layers.size === 0) return failure(msg('io.shapefile.zipNoShp'));
  return { ok: true, layers };
}

/** Zip local-file header. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The Shapefile read for an import: a zip (one layer of it), or the .shp with its parts as companions. */
function readShapefileInput(bytes: Uint8Array, options: ReadOptions): ReadResult {
  let name = 'layer';
  let parts: ShapefileParts;
  let tables: { name: string; geometryType: string; rows: number }[] | undefined;
  if (isZip(bytes)) {
    const zipped = shapefilesInZip(bytes);
    if (!zipped.ok) return zipped;
    const names = [...zipped.layers.keys()];
    const chosen = options.table ?? names[0]!;
    const found = zipped.layers.get(chosen);
    if (!found)
      return failure(msg('io.gpkg.noSuchTable', { table: chosen, tables: listMessage(names.map((n) => `"${n}"`)) }));
    name = chosen;
    parts = found;
    if (names.length > 1) tables = names.map((n) => ({ name: n, geometryType: 'Shapefile', rows: 0 }));
  } else {
    const c = options.companions;
    parts = {
      shp: bytes,
      ...(c?.get('dbf') ? { dbf: c.get('dbf')! } : {}),
      ...(c?.get('prj') ? { prj: c.get('prj')! } : {}),
      ...(c?.get('cpg') ? { cpg: c.get('cpg')! } : {}),
    };
  }
  if (!parts.dbf)
    return failure(msg('io.format.missingPart', { name, part: '.dbf', given: `${name}.shp` }), {
      kind: 'entry',
      name: '.dbf',
    });
  const read = readShapefile(name, parts);
  if (!read.ok) return read;
  const layer = read.layer;
  return {
    ok: true,
    features: layer.features,
    where: (i) => ({ kind: 'feature', n: i + 1 }),
    problems: [],
    warnings: layer.warnings,
    encoding: layer.encoding === 'none' ? undefined : layer.encoding,
    ...(layer.prj ? { declaredCrs: layer.prj } : {}),
    ...(tables ? { tables, table: name } : {}),
  };
}

export const shapefileFormat: FormatHandler = featureHandler('shapefile', (bytes, options) =>
  Promise.resolve(readShapefileInput(bytes, options)),
);
