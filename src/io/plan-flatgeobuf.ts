// The plan export as FlatGeobuf with flat, typed columns, for GIS users: QGIS and GDAL show every
// figure (households, band, flag codes, one coverage share per category and distance) as its own
// column instead of a JSON blob. Communities, grids and facilities share one layer, told apart by
// the `kind` column. The plan-level metadata (profile, totals, which columns are computed) goes in
// the header's metadata text, which is how src/io/plan-file.ts recognises the file and reads the
// plan back. The generic `flatgeobuf` serializer takes column types from the first feature and
// writes no header metadata, so the header is built here with the library's own FlatBuffers
// tables and only the features go through its encoder.
import type { Feature, Geometry } from 'geojson';
import { Builder, ByteBuffer } from 'flatbuffers';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { FACILITY_KEYS, PLAN_GENERATOR, UNIT_KEYS, type ExportFlag, type PlanExport } from '../core/export-plan';
import { msg } from '../core/i18n';
import type { Problem, Where } from './format';
import { FILE } from './problem-list';
import { isRecord, setOwn } from './records';

/** Separates flag codes, flag messages and block ids in their text columns. */
export const LIST_SEPARATOR = '; ';
/** Coverage columns are `cov_<category>_<metres>`. */
export const COVERAGE_PREFIX = 'cov_';

type FlatValue = string | number | boolean | null;

/** The fixed columns, in the order GIS tables show them, with the type each is written as. */
const FIXED_COLUMNS: readonly [string, ColumnType][] = [
  ['id', ColumnType.String],
  ['kind', ColumnType.String],
  ['name', ColumnType.String],
  ['communityType', ColumnType.String],
  ['communityId', ColumnType.String],
  // Households can be fractional: a MultiPoint's households are shared among its points.
  ['households', ColumnType.Double],
  ['householdPoints', ColumnType.Int],
  ['bandMin', ColumnType.Double],
  ['bandMax', ColumnType.Double],
  ['bandStatus', ColumnType.String],
  ['bandDistance', ColumnType.Double],
  ['flagCodes', ColumnType.String],
  ['flagMessages', ColumnType.String],
];
const FACILITY_COLUMNS: readonly [string, ColumnType][] = [
  ['category', ColumnType.String],
  ['sourceType', ColumnType.String],
  ['floorArea', ColumnType.Double],
  ['blockIds', ColumnType.String],
  ['locked', ColumnType.Bool],
];

/** Columns holding what the analysis computed; a reader drops them to get the plan back. */
const COMPUTED_COLUMNS = [
  'households',
  'householdPoints',
  'bandMin',
  'bandMax',
  'bandStatus',
  'bandDistance',
  'flagCodes',
  'flagMessages',
];

/** What the header metadata says about the columns, beside the plan's own metadata. */
export interface FlatColumnsNote {
  /** Columns to drop when reading the plan back. */
  computed: string[];
  /** Source properties not written because a computed column has their name. */
  dropped: string[];
  listSeparator: string;
}

/** Block ids joined with "; ", unless an id would make that ambiguous: then a JSON list. */
function blockIdsText(ids: unknown): string | null {
  if (!Array.isArray(ids)) return null;
  const strings = ids.map(String);
  return strings.some((s) => s.includes(';') || s.startsWith('['))
    ? JSON.stringify(strings)
    : strings.join(LIST_SEPARATOR);
}

/** The inverse of blockIdsText; null when the text is neither form. */
export function parseBlockIds(text: string): string[] | null {
  if (text === '') return [];
  if (!text.startsWith('[')) return text.split(LIST_SEPARATOR);
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) && list.every((s) => typeof s === 'string') ? list : null;
  } catch {
    return null;
  }
}

function flagList(flags: unknown): ExportFlag[] {
  return Array.isArray(flags) ? flags.filter((f): f is ExportFlag => isRecord(f) && typeof f['code'] === 'string') : [];
}

function scalar(value: unknown): FlatValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // A nested source value has no column type; it is kept as its JSON text.
  return JSON.stringify(value);
}

export async function writePlanFlatGeobuf(plan: PlanExport): Promise<Uint8Array> {
  if (plan.features.length === 0) throw new Error('writePlanFlatGeobuf: the plan has no features');
  const computedProperties = new Set(plan.metadata.computedProperties ?? []);
  const ownKeys = new Set([...UNIT_KEYS, ...FACILITY_KEYS, 'coverage', ...computedProperties]);
  const fixedNames = new Set([...FIXED_COLUMNS, ...FACILITY_COLUMNS].map(([n]) => n));

  // Coverage columns: every (category, distance) any community has, categories in order of first
  // appearance and distances ascending, so the table reads left to right like the legend.
  const coverage = new Map<string, Set<number>>();
  for (const f of plan.features) {
    const cov: unknown = f.properties?.['coverage'];
    if (!isRecord(cov)) continue;
    for (const [category, shares] of Object.entries(cov)) {
      if (!isRecord(shares)) continue;
      let set = coverage.get(category);
      if (!set) coverage.set(category, (set = new Set()));
      for (const d of Object.keys(shares)) if (Number.isFinite(Number(d))) set.add(Number(d));
    }
  }
  const coverageColumns: { name: string; category: string; distance: string }[] = [];
  for (const [category, distances] of coverage)
    for (const d of [...distances].sort((a, b) => a - b))
      coverageColumns.push({ name: `${COVERAGE_PREFIX}${category}_${d}`, category, distance: String(d) });

  // Source properties become columns of their own; their type is Bool or Double only when every
  // value is one, else text, since a FlatGeobuf column has one type.
  const userTypes = new Map<string, Set<string>>();
  const dropped = new Set<string>();
  for (const f of plan.features)
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (ownKeys.has(k)) continue;
      if (fixedNames.has(k) || k.startsWith(COVERAGE_PREFIX)) {
        dropped.add(k);
        continue;
      }
      let set = userTypes.get(k);
      if (!set) userTypes.set(k, (set = new Set()));
      if (v !== null && v !== undefined) set.add(typeof v === 'number' && !Number.isFinite(v) ? 'null' : typeof v);
    }
  const computedExtra = [...computedProperties].filter((k) => k !== 'coverage' && !fixedNames.has(k));
  const columns: [string, ColumnType][] = [
    ...FIXED_COLUMNS,
    ...coverageColumns.map((c): [string, ColumnType] => [c.name, ColumnType.Double]),
    ...FACILITY_COLUMNS,
    ...computedExtra.map((k): [string, ColumnType] => [k, ColumnType.String]),
    ...[...userTypes].map(([k, types]): [string, ColumnType] => {
      const only = types.size === 1 ? [...types][0] : null;
      return [k, only === 'boolean' ? ColumnType.Bool : only === 'number' ? ColumnType.Double : ColumnType.String];
    }),
  ];

  const rows = plan.features.map((f) => {
    const p = f.properties ?? {};
    const row = new Map<string, FlatValue>();
    for (const [name] of FIXED_COLUMNS) row.set(name, scalar(p[name]));
    const flags = flagList(p['flags']);
    row.set('flagCodes', flags.length ? flags.map((x) => x.code).join(LIST_SEPARATOR) : null);
    row.set('flagMessages', flags.length ? flags.map((x) => x.message).join(LIST_SEPARATOR) : null);
    const cov = isRecord(p['coverage']) ? p['coverage'] : null;
    for (const c of coverageColumns) {
      const shares = cov?.[c.category];
      row.set(c.name, isRecord(shares) ? scalar(shares[c.distance]) : null);
    }
    for (const [name] of FACILITY_COLUMNS)
      row.set(name, name === 'blockIds' ? blockIdsText(p['blockIds']) : scalar(p[name]));
    for (const k of computedExtra) row.set(k, p[k] === undefined ? null : JSON.stringify(p[k]));
    for (const [k] of userTypes) row.set(k, scalar(p[k]));
    return row;
  });

  const note: FlatColumnsNote = {
    computed: [...COMPUTED_COLUMNS, ...coverageColumns.map((c) => c.name), ...computedExtra],
    dropped: [...dropped],
    listSeparator: LIST_SEPARATOR,
  };
  const { buildFeature } = await import('flatgeobuf/lib/mjs/generic/feature.js');
  const { parseGC, parseGeometry } = await import('flatgeobuf/lib/mjs/geojson/geometry.js');
  const headerMeta: HeaderMeta = {
    geometryType: GeometryType.Unknown,
    columns: columns.map(([name, type]) => columnMeta(name, type)),
    envelope: null,
    featuresCount: plan.features.length,
    indexNodeSize: 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
  const header = buildHeader(plan, headerMeta, note);
  const features = plan.features.map((f, i) => {
    if (!f.geometry) throw new Error(`writePlanFlatGeobuf: feature ${i + 1} has no geometry`);
    const properties: IProperties = {};
    for (const [k, v] of rows[i]!) setOwn(properties, k, v);
    const g = f.geometry;
    return buildFeature(g.type === 'GeometryCollection' ? parseGC(g) : parseGeometry(g), properties, headerMeta);
  });
  const length = 8 + header.length + features.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(length);
  out.set([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x01]); // "fgb", version 3, "fgb", patch 1
  out.set(header, 8);
  let offset = 8 + header.length;
  for (const b of features) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

function columnMeta(name: string, type: ColumnType): ColumnMeta {
  return {
    name,
    type,
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  };
}

function envelopeOf(features: readonly Feature<Geometry>[]): number[] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x! < minX) minX = x!;
      if (x! > maxX) maxX = x!;
      if (y! < minY) minY = y!;
      if (y! > maxY) maxY = y!;
    } else for (const inner of c) visit(inner);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

function buildHeader(plan: PlanExport, meta: HeaderMeta, note: FlatColumnsNote): Uint8Array {
  const m = plan.metadata;
  const builder = new Builder(1024);
  const columnOffsets = (meta.columns ?? []).map((c) => {
    const name = builder.createString(c.name);
    Column.startColumn(builder);
    Column.addName(builder, name);
    Column.addType(builder, c.type);
    return Column.endColumn(builder);
  });
  const columns = Header.createColumnsVector(builder, columnOffsets);
  const name = builder.createString('plan');
  const envelope = envelopeOf(plan.features);
  const envelopeOffset = envelope ? Header.createEnvelopeVector(builder, envelope) : 0;
  const org = builder.createString('EPSG');
  Crs.startCrs(builder);
  Crs.addOrg(builder, org);
  Crs.addCode(builder, 4326);
  const crs = Crs.endCrs(builder);
  const titleText = typeof m['title'] === 'string' && m['title'] !== '' ? m['title'] : '社区规划 plan';
  const title = builder.createString(titleText);
  const description = builder.createString(
    `${PLAN_GENERATOR} plan export: ${m.communityCount} communities, ${m.gridCount} grids, ${m.facilityCount ?? 0} facilities; profile ${m.profile.id}; ` +
      `kind column tells them apart; list columns are separated by "${LIST_SEPARATOR}"`,
  );
  const metadata = builder.createString(JSON.stringify({ ...m, flatColumns: note }));
  Header.startHeader(builder);
  Header.addName(builder, name);
  if (envelopeOffset) Header.addEnvelope(builder, envelopeOffset);
  Header.addGeometryType(builder, meta.geometryType);
  Header.addColumns(builder, columns);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  // No spatial index: the reader walks features in order, and 0 must be written since 16 is the default.
  Header.addIndexNodeSize(builder, 0);
  Header.addCrs(builder, crs);
  Header.addTitle(builder, title);
  Header.addDescription(builder, description);
  Header.addMetadata(builder, metadata);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

// ---------------------------------------------------------------------------------------------
// Reading back

const GENERATOR_BYTES = new TextEncoder().encode(`"generator":"${PLAN_GENERATOR}"`);

/** Cheap: a FlatGeobuf whose header text holds the plan generator's mark. Confirmed on reading. */
export function looksLikePlanFlatGeobuf(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || bytes[0] !== 0x66 || bytes[1] !== 0x67 || bytes[2] !== 0x62) return false;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  const end = Math.min(bytes.length, 12 + Math.min(headerLength, 10 * 1024 * 1024));
  return indexOf(bytes.subarray(12, end), GENERATOR_BYTES) >= 0;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  for (
    let i = haystack.indexOf(first);
    i >= 0 && i + needle.length <= haystack.length;
    i = haystack.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

export type PlanFlatGeobufRead =
  | { ok: true; metadata: Record<string, unknown>; features: unknown[]; where: (i: number) => Where }
  | { ok: false; problems: Problem[] };

/**
 * Reads a plan FlatGeobuf into features shaped like the GeoJSON export's, with the computed
 * columns dropped, so one path (plan-file.ts) restores the plan from either. Features come from
 * the layout-checked reader in flatgeobuf-format.ts; the header is parsed only after that check.
 */
export async function readPlanFlatGeobuf(bytes: Uint8Array): Promise<PlanFlatGeobufRead> {
  const { readFlatGeobuf } = await import('./flatgeobuf-format');
  const read = await readFlatGeobuf(bytes);
  if (!read.ok) return read;
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { fromByteBuffer } = await import('flatgeobuf/lib/mjs/header-meta.js');
  const bb = new ByteBuffer(aligned);
  bb.setPosition(8);
  const header = fromByteBuffer(bb);
  let metadata: unknown;
  try {
    metadata = header.metadata ? JSON.parse(header.metadata) : null;
  } catch {
    metadata = null;
  }
  if (!isRecord(metadata) || metadata['generator'] !== PLAN_GENERATOR)
    return {
      ok: false,
      problems: [{ where: FILE, message: msg('io.plan.fgbNotPlan') }],
    };
  const note = isRecord(metadata['flatColumns']) ? metadata['flatColumns'] : {};
  const computed = new Set(
    Array.isArray(note['computed'])
      ? note['computed'].filter((c): c is string => typeof c === 'string')
      : COMPUTED_COLUMNS,
  );
  const features = read.features.map((raw) => {
    if (!isRecord(raw) || !isRecord(raw['properties'])) return raw;
    const flat = raw['properties'];
    const properties: Record<string, unknown> = {};
    for (const key of Object.keys(flat)) {
      if (computed.has(key)) continue;
      let value = flat[key];
      if (key === 'blockIds' && typeof value === 'string') value = parseBlockIds(value) ?? value;
      setOwn(properties, key, value);
    }
    return { type: 'Feature', geometry: raw['geometry'], properties };
  });
  const { flatColumns: _note, ...planMetadata } = metadata;
  return { ok: true, metadata: planMetadata, features, where: read.where };
}
