// The import layer's front door, shared by the browser (main thread or worker) and the CLI: detect
// the format, read, validate for the chosen role, convert to the model in WGS84. Pure TypeScript on
// bytes. It never throws: every outcome is a value, and any error means nothing is imported.
import { csvFormat } from './csv-format';
import { readFlatGeobufPoints } from './flatgeobuf-points';
import { osmXmlFormat } from './osm-xml-format';
import { looksLikeOsmXml } from './osm-xml';
import { looksLikeOsmPbf } from './osm-pbf';
import { flatgeobufFormat, hasFlatGeobufMagic, writeFlatGeobuf } from './flatgeobuf-format';
import type {
  FileFormat,
  FileSummary,
  FormatHandler,
  ImportInput,
  ImportOptions,
  ImportResult,
  InspectResult,
  Problem,
  ReadFeatures,
  ReadOptions,
} from './format';
import { geojsonFormat, writeGeoJson } from './geojson-format';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { DEFAULT_MAX_PROBLEMS, FILE, formatCount, ProblemList, quote } from './problem-list';
import { errorText, megabytes } from './text-decoding';
import { toModel } from './to-model';
import { validateFeatures } from './validate-features';
import { summarizeFeatures } from './field-summary';
import { groupShapefileParts } from './shapefile-parts';
import { zipEntryNames } from './zip-entries';
import { appliedCrs, crsChoice, crsName, reprojectFeatures, samplePositions, suggestedCrs } from './layer-crs';
import { chooseIdField } from './id-field';

export type {
  CrsChoice,
  FileFormat,
  FileSummary,
  ImportedLayer,
  ImportInput,
  NamedBytes,
  ImportOptions,
  ImportResult,
  InspectResult,
  Problem,
} from './format';
export { writeFlatGeobuf, writeGeoJson };

/** Files bigger than this are refused before reading a byte: 1 GiB. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * The handlers, the bureau formats' loaded on first use: their parsers (shpjs, sql.js, exceljs,
 * togeojson with xmldom) are chunks of their own, never in the app's first script.
 */
const HANDLERS: Record<FileFormat, () => Promise<FormatHandler>> = {
  geojson: () => Promise.resolve(geojsonFormat),
  flatgeobuf: () => Promise.resolve(flatgeobufFormat),
  csv: () => Promise.resolve(csvFormat),
  osm: () => Promise.resolve(osmXmlFormat),
  shapefile: () => import('./shapefile').then((m) => m.shapefileFormat),
  geopackage: () => import('./geopackage').then((m) => m.geopackageFormat),
  xlsx: () => import('./xlsx-format').then((m) => m.xlsxFormat),
  kml: () => import('./kml-format').then((m) => m.kmlFormat),
  gpx: () => import('./kml-format').then((m) => m.gpxFormat),
};

const EXTENSIONS = new Map<string, FileFormat>([
  ['geojson', 'geojson'],
  ['json', 'geojson'],
  ['fgb', 'flatgeobuf'],
  ['csv', 'csv'],
  ['txt', 'csv'],
  ['tsv', 'csv'],
  ['osm', 'osm'],
  ['pbf', 'osm'],
  ['shp', 'shapefile'],
  ['gpkg', 'geopackage'],
  ['xlsx', 'xlsx'],
  ['kml', 'kml'],
  ['kmz', 'kml'],
  ['gpx', 'gpx'],
]);

/** Formats (and parts) people often try, with what to do instead. */
const UNSUPPORTED = new Map<string, Message>([
  ['xls', msg('io.xlsx.oldXls')],
  ['topojson', msg('io.unsupported.topojson')],
  ['dwg', msg('io.unsupported.cad')],
  ['dxf', msg('io.unsupported.cad')],
]);
const SHAPEFILE_PARTS = new Set(['shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx']);

/** What a file's first bytes say it is, whatever its name: a data format, or something to refuse. */
type Sniffed = { format: FileFormat } | { refuse: (file: string) => Message } | null;

const IMAGES: [number[], 'png' | 'jpeg' | 'gif' | 'pdf' | 'tiff'][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x49, 0x49, 0x2a, 0x00], 'tiff'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'tiff'],
];
const SQLITE = 'SQLite format 3\u0000';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function sniff(bytes: Uint8Array): Sniffed {
  if (hasFlatGeobufMagic(bytes)) return { format: 'flatgeobuf' };
  if (looksLikeOsmPbf(bytes)) return { format: 'osm' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes) ?? [];
    const lower = names.map((n) => n.toLowerCase());
    if (lower.some((n) => n.endsWith('.shp') && !n.includes('__macosx/'))) return { format: 'shapefile' };
    if (lower.includes('xl/workbook.xml')) return { format: 'xlsx' };
    if (lower.some((n) => n.endsWith('.kml'))) return { format: 'kml' };
    if (lower.includes('shequ-project.json')) return { refuse: (file) => msg('io.format.projectZip', { file }) };
    return { refuse: (file) => msg('io.format.unknownZip', { file }) };
  }
  if (bytes.length >= 100 && [...SQLITE].every((c, i) => bytes[i] === c.charCodeAt(0))) return { format: 'geopackage' };
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a])) return { format: 'shapefile' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return { refuse: (file) => msg('io.unsupportedFile', { file, advice: msg('io.xlsx.oldXls') }) };
  for (const [magic, kind] of IMAGES)
    if (startsWith(bytes, magic))
      return { refuse: (file) => msg('io.format.image', { file, kind: msg(`io.format.kind.${kind}`) }) };
  return null;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The file's format from its content first — magic bytes (FlatGeobuf, OSM PBF, SQLite, a .shp, a
 * zip holding a .shp, a workbook or a .kml), a KML / GPX / OSM root element — then its extension;
 * otherwise "{" or "[" is GeoJSON and other text is CSV. Null for what cannot be imported (an
 * image, an old .xls, an unknown zip, a binary file).
 */
export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat | null {
  const sniffed = sniff(bytes);
  if (sniffed) return 'format' in sniffed ? sniffed.format : null;
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x3c) {
    const head = new TextDecoder().decode(bytes.subarray(i, i + 2000));
    if (looksLikeOsmXml(head)) return 'osm';
    const root = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(kml|gpx)[\s>]/i.exec(head)?.[1]?.toLowerCase();
    if (root === 'kml' || root === 'gpx') return root;
  }
  const ext = extensionOf(fileName);
  const byName = EXTENSIONS.get(ext);
  if (byName) return byName;
  if (UNSUPPORTED.has(ext) || SHAPEFILE_PARTS.has(ext) || bytes.length === 0) return null;
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return 'geojson';
  if (looksBinary(bytes)) return null;
  return 'csv';
}

/** NUL bytes (outside UTF-16 text) or a zip header mean the file is not text at all. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return true;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Checks done before any reading; returns the format or the reason the file is refused. */
function precheck(
  bytes: Uint8Array,
  fileName: string,
): { format: FileFormat } | { problems: Problem[]; format: FileFormat | null } {
  if (bytes.length > MAX_FILE_BYTES)
    return {
      format: null,
      problems: [{ where: FILE, message: msg('io.tooLarge', { mb: megabytes(bytes.length) }) }],
    };
  const format = detectFormat(fileName, bytes);
  if (bytes.length === 0 || (format !== 'flatgeobuf' && isBlank(bytes)))
    return { format, problems: [{ where: FILE, message: msg('io.fileEmpty') }] };
  if (format === null) {
    const ext = extensionOf(fileName);
    const advice = UNSUPPORTED.get(ext);
    const file = quote(fileName, 60);
    const sniffed = sniff(bytes);
    const message =
      sniffed && 'refuse' in sniffed
        ? sniffed.refuse(file)
        : SHAPEFILE_PARTS.has(ext)
          ? msg('io.format.shapefilePart', { file })
          : advice
            ? msg('io.unsupportedFile', { file, advice })
            : msg(looksBinary(bytes) ? 'io.format.notDataBinary' : 'io.format.notData', { file });
    return { format, problems: [{ where: FILE, message }] };
  }
  return { format };
}

function isBlank(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  if (bytes.length > n) return false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < n; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

function unexpected(error: unknown, format: FileFormat | null): ImportResult {
  return {
    ok: false,
    format,
    problems: [{ where: FILE, message: msg('io.importerError', { error: errorText(error) }) }],
  };
}

/** One file, or a Shapefile's parts: the file to read first and its sibling parts by extension. */
type Source =
  | { ok: true; name: string; bytes: Uint8Array; companions?: Map<string, Uint8Array> }
  | { ok: false; problems: Problem[] };

function sourceOf(input: ImportInput, fileName: string, table: string | undefined): Source {
  if (input instanceof Uint8Array) return { ok: true, name: fileName, bytes: input };
  const files = input;
  if (files.length === 0) return { ok: false, problems: [{ where: FILE, message: msg('io.fileEmpty') }] };
  if (files.length === 1) return { ok: true, name: files[0]!.name, bytes: files[0]!.bytes };
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > MAX_FILE_BYTES)
    return { ok: false, problems: [{ where: FILE, message: msg('io.tooLarge', { mb: megabytes(total) }) }] };
  const grouped = groupShapefileParts(files, table);
  if (!grouped.ok) return grouped;
  return { ok: true, name: grouped.main.name, bytes: grouped.main.bytes, companions: grouped.companions };
}

function readOptionsOf(
  options: Pick<ImportOptions, 'lonField' | 'latField' | 'sheet' | 'table'>,
  source: Source & { ok: true },
): ReadOptions {
  return {
    ...(options.lonField !== undefined ? { lonField: options.lonField } : {}),
    ...(options.latField !== undefined ? { latField: options.latField } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.table !== undefined ? { table: options.table } : {}),
    ...(source.companions ? { companions: source.companions } : {}),
  };
}

const POINT_TABLES = new Set<FileFormat>(['csv', 'xlsx']);

/**
 * Reads, validates and converts one file (or a Shapefile's parts given together) for one role.
 * Never throws and never imports a part.
 */
export async function importLayer(input: ImportInput, fileName: string, options: ImportOptions): Promise<ImportResult> {
  let format: FileFormat | null = null;
  try {
    const source = sourceOf(input, fileName, options.table);
    if (!source.ok) return { ok: false, problems: source.problems, format };
    const bytes = source.bytes;
    const checked = precheck(bytes, source.name);
    format = checked.format;
    if ('problems' in checked) return { ok: false, problems: checked.problems, format };
    const fmt = checked.format;
    const max = Math.max(1, options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
    if (fmt === 'osm' && options.role !== 'roads')
      return {
        ok: false,
        format: fmt,
        problems: [{ where: FILE, message: msg('io.osmOnlyRoads', { role: msg(`io.role.${options.role}`) }) }],
      };
    if (POINT_TABLES.has(fmt) && options.role !== 'households' && options.role !== 'facilities')
      return {
        ok: false,
        format: fmt,
        problems: [
          {
            where: FILE,
            message: msg(fmt === 'csv' ? 'io.csvOnlyPoints' : 'io.format.pointsTableOnly', {
              role: msg(`io.role.${options.role}`),
              shapes: msg(options.role === 'roads' ? 'io.shapes.lines' : 'io.shapes.polygons'),
            }),
          },
        ],
      };

    const crsGiven = options.crs;
    const offsetGiven = crsGiven === undefined || typeof crsGiven === 'string';
    if (fmt === 'flatgeobuf' && options.role === 'households' && offsetGiven) {
      const fast = await readFlatGeobufPoints(bytes, {
        crs: crsGiven ?? 'wgs84',
        householdsField: options.householdsField ?? null,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (fast.ok === true)
        return {
          ok: true,
          layer: { role: 'households', households: fast.households, count: fast.count },
          warnings: [],
          format: fmt,
          notes: [
            `${formatCount(fast.total)} households at ${formatCount(fast.count)} points (fast FlatGeobuf point reader)`,
          ],
        };
      if (fast.ok === false) return { ok: false, problems: capped(fast.problems, max), format: fmt };
    }
    const handler = await HANDLERS[fmt]();
    const read = await handler.read(bytes, readOptionsOf(options, source));
    if (!read.ok) return { ok: false, problems: capped(read.problems, max), format: fmt };

    const problems = new ProblemList(max);
    const warnings = new ProblemList(max);
    problems.addAll(read.problems);
    warnings.addAll(read.warnings);
    const notes = [...(read.notes ?? [])];

    const applied = await appliedCrs(crsGiven, read.declaredCrs);
    if (applied.kind === 'failed')
      return { ok: false, format: fmt, problems: [{ where: FILE, message: applied.message }] };
    let suggestion: Awaited<ReturnType<typeof suggestedCrs>>;
    if (applied.kind === 'defined') {
      const failed = await reprojectFeatures(read.features, applied.info, applied.northingFirst);
      const name = crsName(applied.info);
      if (failed > 0) problems.add(FILE, msg('io.crs.outOfArea', { count: failed, name }));
      if (applied.info.datumShiftMissing) warnings.add(FILE, msg('io.crs.datumShiftMissing', { name }));
      notes.push(`coordinates converted from ${applied.info.code ?? applied.info.name} to WGS84`);
    } else if (applied.crs === 'wgs84' && crsGiven === undefined)
      suggestion = await suggestedCrs(samplePositions(read.features));

    const crs = applied.kind === 'offset' ? applied.crs : 'wgs84';
    const householdsField = options.role === 'households' ? (options.householdsField ?? null) : null;
    const idField = options.idField ?? chooseIdField(read.features, options.role);
    const validated = validateFeatures(read.features, {
      role: options.role,
      crs,
      where: read.where,
      problems,
      warnings,
      householdsField,
      idField,
      fieldNoun: POINT_TABLES.has(fmt) ? 'column' : 'property',
      declaredCrs: read.declaredCrs,
      ...(suggestion?.reason ? { suggestion: suggestion.reason } : {}),
    });
    if (problems.count > 0)
      return {
        ok: false,
        problems: problems.toArray(),
        format: fmt,
        ...(suggestion ? { suggestedCrs: suggestion } : {}),
      };

    const layer = toModel(validated, {
      role: options.role,
      crs,
      where: read.where,
      warnings,
      nameField: options.nameField,
      categoryField: options.categoryField,
      mapAmapTypes: options.mapAmapTypes ?? false,
      ...(options.ruleCategories ? { ruleCategories: options.ruleCategories } : {}),
    });
    if (layer.role === 'households') {
      let total = 0;
      for (const h of layer.households.households) total += h;
      const source = householdsField
        ? `from the ${POINT_TABLES.has(fmt) ? 'column' : 'property'} ${quote(householdsField)}`
        : '(1 per point)';
      notes.push(
        `${formatCount(total)} households ${source} at ${formatCount(layer.count)} point${layer.count === 1 ? '' : 's'}`,
      );
    }
    return {
      ok: true,
      layer,
      warnings: warnings.toArray(),
      format: fmt,
      ...(read.encoding ? { encoding: read.encoding } : {}),
      ...(notes.length ? { notes } : {}),
    };
  } catch (error) {
    return unexpected(error, format);
  }
}

function capped(list: Problem[], max: number): Problem[] {
  const problems = new ProblemList(max);
  problems.addAll(list);
  return problems.toArray();
}

/** Formats whose summary is built from a full read, so the declared or suggested system comes with it. */
const SUMMARISED_FROM_READ = new Set<FileFormat>(['geojson', 'shapefile', 'geopackage', 'xlsx', 'kml', 'gpx']);

/** The declared system resolved, or a suggestion for projected coordinates, added to a summary. */
async function withCrs(summary: FileSummary, read: ReadFeatures): Promise<FileSummary> {
  const applied = await appliedCrs(undefined, read.declaredCrs);
  if (applied.kind === 'failed') return { ...summary, declaredCrsProblem: applied.message };
  if (applied.kind === 'defined') return { ...summary, declaredCrs: crsChoice(applied.info) };
  const samples = samplePositions(read.features);
  const suggestion = await suggestedCrs(samples);
  const projected = samples.length > 0 && samples.every(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
  return { ...summary, ...(suggestion ? { suggestedCrs: suggestion } : {}), ...(projected ? { projected } : {}) };
}

/**
 * What the import dialog needs to offer roles, fields, sheets, tables and a coordinate system:
 * counts, fields, numeric fields, geometry types, the declared or suggested system.
 */
export async function inspectFile(
  input: ImportInput,
  fileName: string,
  options: Pick<ImportOptions, 'sheet' | 'table'> = {},
): Promise<InspectResult> {
  try {
    const source = sourceOf(input, fileName, options.table);
    if (!source.ok) return source;
    const checked = precheck(source.bytes, source.name);
    if ('problems' in checked) return { ok: false, problems: checked.problems };
    const handler = await HANDLERS[checked.format]();
    const readOptions = readOptionsOf(options, source);
    if (!SUMMARISED_FROM_READ.has(checked.format)) return await handler.inspect(source.bytes, readOptions);
    const read = await handler.read(source.bytes, readOptions);
    if (!read.ok) return read;
    return { ok: true, summary: await withCrs(summarizeFeatures(checked.format, read), read) };
  } catch (error) {
    const failed = unexpected(error, null);
    return { ok: false, problems: failed.ok ? [] : failed.problems };
  }
}
