// GeoPackage (an SQLite file, OGC 12-128): every feature table is offered, and each table's SRS is
// returned for src/io/crs.ts to resolve. SQLite runs as sql.js's WebAssembly build with the module
// inlined (one lazily loaded chunk, the same in a worker and in Node, with no wasm file to locate).
// Geometries are GeoPackage binary (a "GP" header, an optional envelope, then WKB), read here:
// ISO and extended WKB, Z and M dropped, every declared count checked against the bytes left.
import type { Geometry, Position } from 'geojson';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { listMessage, msg } from '../core/i18n';
import type { Message } from '../core/model';
import { featureHandler } from './field-summary';
import type { FormatHandler, Problem, ReadOptions, ReadResult, Where } from './format';
import { FILE } from './problem-list';
import { errorText } from './text-decoding';

export interface GeoPackageTable {
  name: string;
  geometryColumn: string;
  geometryType: string;
  srsId: number;
  /** The SRS as the file defines it: "EPSG:4549" when it names its organisation, and the WKT. */
  srs: { code: string | null; definition: string | null };
  /** Rows, from gpkg_contents (a hint; the table is read whole). */
  rows: number;
}

export type GeoPackageTables = { ok: true; tables: GeoPackageTable[] } | { ok: false; problems: Problem[] };

export interface GeoPackageLayer {
  table: GeoPackageTable;
  /** Every feature table of the file, for the table picker. */
  tables: GeoPackageTable[];
  features: { type: 'Feature'; geometry: Geometry | null; properties: Record<string, unknown> }[];
  warnings: Problem[];
}

let sqlModule: Promise<SqlJsStatic> | null = null;

function loadSql(): Promise<SqlJsStatic> {
  sqlModule ??= import('sql.js/dist/sql-wasm-inline.js').then((m) => {
    const init = ((m as { default?: unknown }).default ?? m) as (config?: object) => Promise<SqlJsStatic>;
    return init();
  });
  return sqlModule;
}

function fail(message: Message, where: Where = FILE): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where, message }] };
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function looksLikeGeoPackage(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

async function open(bytes: Uint8Array): Promise<{ ok: true; db: Database } | { ok: false; problems: Problem[] }> {
  if (!looksLikeGeoPackage(bytes)) return fail(msg('io.gpkg.notGpkg'));
  try {
    const SQL = await loadSql();
    return { ok: true, db: new SQL.Database(bytes) };
  } catch (error) {
    return fail(msg('io.gpkg.cannotOpen', { error: errorText(error) }));
  }
}

/** A quoted SQL identifier: table names come from the file. */
function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(sql, params);
  const out: Record<string, SqlValue>[] = [];
  try {
    while (statement.step()) out.push(statement.getAsObject());
  } finally {
    statement.free();
  }
  return out;
}

function tablesOf(db: Database): GeoPackageTable[] {
  const srs = new Map<number, { code: string | null; definition: string | null }>();
  for (const r of rows(
    db,
    'SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys',
  )) {
    const org = typeof r['organization'] === 'string' ? r['organization'].toUpperCase() : '';
    const id = Number(r['organization_coordsys_id']);
    srs.set(Number(r['srs_id']), {
      code: org === 'EPSG' && Number.isInteger(id) && id > 0 ? `EPSG:${id}` : null,
      definition: typeof r['definition'] === 'string' && r['definition'] !== 'undefined' ? r['definition'] : null,
    });
  }
  const counts = new Map<string, number>();
  for (const r of rows(db, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'"))
    counts.set(String(r['table_name']), 0);
  return rows(db, 'SELECT table_name, column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns')
    .filter((r) => counts.has(String(r['table_name'])))
    .map((r) => {
      const name = String(r['table_name']);
      const count = rows(db, `SELECT count(*) AS n FROM ${identifier(name)}`)[0]?.['n'];
      return {
        name,
        geometryColumn: String(r['column_name']),
        geometryType: String(r['geometry_type_name']),
        srsId: Number(r['srs_id']),
        srs: srs.get(Number(r['srs_id'])) ?? { code: null, definition: null },
        rows: Number(count ?? 0),
      };
    });
}

/** Every feature table, for the import dialog's table picker. Never throws. */
export async function geoPackageTables(bytes: Uint8Array): Promise<GeoPackageTables> {
  const opened = await open(bytes);
  if (!opened.ok) return opened;
  try {
    const tables = tablesOf(opened.db);
    if (tables.length === 0) return fail(msg('io.gpkg.noTables'));
    return { ok: true, tables };
  } catch (error) {
    return fail(msg('io.gpkg.sqliteNotGpkg', { error: errorText(error) }));
  } finally {
    opened.db.close();
  }
}

/** One feature table (default the first); coordinates as stored, in the table's SRS. Never throws. */
export async function readGeoPackage(
  bytes: Uint8Array,
  tableName?: string,
): Promise<{ ok: true; layer: GeoPackageLayer } | { ok: false; problems: Problem[] }> {
  const opened = await open(bytes);
  if (!opened.ok) return opened;
  const db = opened.db;
  try {
    const tables = tablesOf(db);
    const table = tableName === undefined ? tables[0] : tables.find((t) => t.name === tableName);
    if (!table)
      return tables.length === 0
        ? fail(msg('io.gpkg.noTables'))
        : fail(
            msg('io.gpkg.noSuchTable', {
              table: String(tableName),
              tables: listMessage(tables.map((t) => `"${t.name}"`)),
            }),
          );
    const warnings: Problem[] = [];
    const features: GeoPackageLayer['features'] = [];
    const statement = db.prepare(`SELECT * FROM ${identifier(table.name)}`);
    try {
      while (statement.step()) {
        const row = statement.getAsObject() as Record<string, SqlValue>;
        const entries: [string, unknown][] = [];
        let geometry: Geometry | null = null;
        for (const [key, value] of Object.entries(row)) {
          if (key === table.geometryColumn) {
            if (value instanceof Uint8Array) {
              const read = readGeoPackageGeometry(value);
              if (read.ok) geometry = read.geometry;
              else warnings.push({ where: { kind: 'feature', n: features.length + 1 }, message: read.reason });
            }
          } else entries.push([key, value instanceof Uint8Array ? `(${value.length} bytes)` : value]);
        }
        // Entries, not assignment: a column named "__proto__" stays a column.
        features.push({ type: 'Feature', geometry, properties: Object.fromEntries(entries) });
      }
    } finally {
      statement.free();
    }
    return { ok: true, layer: { table, tables, features, warnings } };
  } catch (error) {
    return fail(msg('io.gpkg.cannotRead', { error: errorText(error) }));
  } finally {
    db.close();
  }
}

type GeometryRead = { ok: true; geometry: Geometry | null } | { ok: false; reason: Message };

/** GeoPackage binary: "GP", version, flags (envelope kind, empty, byte order), srs id, envelope, WKB. */
export function readGeoPackageGeometry(blob: Uint8Array): GeometryRead {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return { ok: false, reason: msg('io.gpkg.notBinary') };
  const flags = blob[3]!;
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 7];
  if (envelopeBytes === undefined)
    return {
      ok: false,
      reason: msg('io.gpkg.unknownEnvelope'),
    };
  if (flags & 0x10) return { ok: true, geometry: null };
  const start = 8 + envelopeBytes;
  if (start >= blob.length) return { ok: false, reason: msg('io.gpkg.cutShort') };
  try {
    const reader = new WkbReader(blob.subarray(start));
    return { ok: true, geometry: reader.geometry(0) };
  } catch (error) {
    return {
      ok: false,
      reason: msg('io.gpkg.geometryDamaged', { error: errorText(error) }),
    };
  }
}

class WkbReader {
  private view: DataView;
  private offset = 0;
  private little = true;

  constructor(private bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new Error('it is cut short');
  }

  private uint32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return v;
  }

  /** A count, checked against the bytes left so a damaged one cannot allocate. */
  private count(bytesEach: number): number {
    const n = this.uint32();
    if (n * bytesEach > this.bytes.length - this.offset)
      throw new Error(`it declares ${n} items in ${this.bytes.length - this.offset} bytes`);
    return n;
  }

  private position(dims: number): Position {
    this.need(8 * dims);
    const x = this.view.getFloat64(this.offset, this.little);
    const y = this.view.getFloat64(this.offset + 8, this.little);
    this.offset += 8 * dims;
    return [x, y];
  }

  private ring(dims: number): Position[] {
    const n = this.count(8 * dims);
    const out: Position[] = [];
    for (let i = 0; i < n; i++) out.push(this.position(dims));
    return out;
  }

  geometry(depth: number): Geometry {
    if (depth > 8) throw new Error('geometry collections are nested too deep');
    this.need(1);
    this.little = this.bytes[this.offset++] === 1;
    const raw = this.uint32();
    // ISO WKB adds 1000 (Z), 2000 (M), 3000 (ZM); extended WKB sets the high bits.
    let type = raw & 0x0fffffff;
    let dims = 2 + (raw & 0x80000000 ? 1 : 0) + (raw & 0x40000000 ? 1 : 0);
    if (type > 1000) {
      const iso = Math.floor(type / 1000);
      dims = 2 + (iso === 3 ? 2 : 1);
      type %= 1000;
    }
    switch (type) {
      case 1:
        return { type: 'Point', coordinates: this.position(dims) };
      case 2:
        return { type: 'LineString', coordinates: this.ring(dims) };
      case 3: {
        const n = this.count(4);
        const rings: Position[][] = [];
        for (let i = 0; i < n; i++) rings.push(this.ring(dims));
        return { type: 'Polygon', coordinates: rings };
      }
      case 4:
      case 5:
      case 6: {
        const n = this.count(5);
        const parts: Geometry[] = [];
        for (let i = 0; i < n; i++) parts.push(this.geometry(depth + 1));
        if (type === 4)
          return { type: 'MultiPoint', coordinates: parts.map((p) => (p as { coordinates: Position }).coordinates) };
        if (type === 5)
          return {
            type: 'MultiLineString',
            coordinates: parts.map((p) => (p as { coordinates: Position[] }).coordinates),
          };
        return {
          type: 'MultiPolygon',
          coordinates: parts.map((p) => (p as { coordinates: Position[][] }).coordinates),
        };
      }
      case 7: {
        const n = this.count(5);
        const geometries: Geometry[] = [];
        for (let i = 0; i < n; i++) geometries.push(this.geometry(depth + 1));
        return { type: 'GeometryCollection', geometries };
      }
      default:
        throw new Error(`WKB type ${raw} is not a simple feature geometry`);
    }
  }
}

/** One table of a GeoPackage for an import, its SRS declared for io/layer-crs to honour. */
async function readGeoPackageInput(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const read = await readGeoPackage(bytes, options.table);
  if (!read.ok) return read;
  const { table, tables, features, warnings } = read.layer;
  const srs = table.srs;
  // srs_id 4326 and the GeoPackage's "undefined geographic" -1/0 are longitude/latitude.
  const declared = srs.code === 'EPSG:4326' || table.srsId <= 0 ? undefined : (srs.code ?? srs.definition ?? undefined);
  return {
    ok: true,
    features,
    where: (i) => ({ kind: 'feature', n: i + 1 }),
    problems: [],
    warnings,
    ...(declared ? { declaredCrs: declared } : {}),
    tables: tables.map((t) => ({ name: t.name, geometryType: t.geometryType, rows: t.rows })),
    table: table.name,
  };
}

export const geopackageFormat: FormatHandler = featureHandler('geopackage', readGeoPackageInput);
