// The import layer's front door, shared by the browser (main thread or worker) and the CLI: detect
// the format, read, validate for the chosen role, convert to the model in WGS84. Pure TypeScript on
// bytes. It never throws: every outcome is a value, and any error means nothing is imported.
import { csvFormat } from './csv-format';
import { readFlatGeobufPoints } from './flatgeobuf-points';
import { osmXmlFormat } from './osm-xml-format';
import { looksLikeOsmXml } from './osm-xml';
import { looksLikeOsmPbf } from './osm-pbf';
import { flatgeobufFormat, hasFlatGeobufMagic, writeFlatGeobuf } from './flatgeobuf-format';
import type { FileFormat, FormatHandler, ImportOptions, ImportResult, InspectResult, Problem } from './format';
import { geojsonFormat, writeGeoJson } from './geojson-format';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { DEFAULT_MAX_PROBLEMS, FILE, formatCount, ProblemList, quote } from './problem-list';
import { errorText, megabytes } from './text-decoding';
import { toModel } from './to-model';
import { validateFeatures } from './validate-features';

export type {
  FileFormat,
  FileSummary,
  ImportedLayer,
  ImportOptions,
  ImportResult,
  InspectResult,
  Problem,
} from './format';
export { writeFlatGeobuf, writeGeoJson };

/** Files bigger than this are refused before reading a byte: 1 GiB. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const HANDLERS: Record<FileFormat, FormatHandler> = {
  geojson: geojsonFormat,
  flatgeobuf: flatgeobufFormat,
  csv: csvFormat,
  osm: osmXmlFormat,
};

const EXTENSIONS: Record<string, FileFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  fgb: 'flatgeobuf',
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  osm: 'osm',
  pbf: 'osm',
};

/** Formats people often try, with what to do instead. */
const UNSUPPORTED = new Map<string, Message>([
  ['shp', msg('io.unsupported.shp')],
  ['shx', msg('io.unsupported.shx')],
  ['dbf', msg('io.unsupported.dbf')],
  ['zip', msg('io.unsupported.zip')],
  ['kml', msg('io.unsupported.kml')],
  ['kmz', msg('io.unsupported.kmz')],
  ['xlsx', msg('io.unsupported.excel')],
  ['xls', msg('io.unsupported.excel')],
  ['gpkg', msg('io.unsupported.gpkg')],
  ['topojson', msg('io.unsupported.topojson')],
  ['dwg', msg('io.unsupported.cad')],
  ['dxf', msg('io.unsupported.cad')],
]);

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The file's format from its extension, falling back to its first bytes: FlatGeobuf's magic, "{"
 * or "[" for GeoJSON, otherwise text is taken for CSV. FlatGeobuf's magic wins over the extension
 * since it cannot be mistaken. Null for known unsupported formats and binary files.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat | null {
  if (hasFlatGeobufMagic(bytes)) return 'flatgeobuf';
  if (looksLikeOsmPbf(bytes)) return 'osm';
  const ext = extensionOf(fileName);
  const byName = EXTENSIONS[ext];
  if (byName) return byName;
  if (UNSUPPORTED.has(ext) || bytes.length === 0) return null;
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return 'geojson';
  if (bytes[i] === 0x3c && looksLikeOsmXml(new TextDecoder().decode(bytes.subarray(i, i + 2000)))) return 'osm';
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
    const message = advice
      ? msg('io.unsupportedFile', { file, advice })
      : msg(looksBinary(bytes) ? 'io.notAFormatBinary' : 'io.notAFormat', { file });
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

/** Reads, validates and converts one file for one role. Never throws and never imports a part. */
export async function importLayer(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  let format: FileFormat | null = null;
  try {
    const checked = precheck(bytes, fileName);
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
    if (fmt === 'csv' && options.role !== 'households' && options.role !== 'facilities')
      return {
        ok: false,
        format: fmt,
        problems: [
          {
            where: FILE,
            message: msg('io.csvOnlyPoints', {
              role: msg(`io.role.${options.role}`),
              shapes: msg(options.role === 'roads' ? 'io.shapes.lines' : 'io.shapes.polygons'),
            }),
          },
        ],
      };

    if (fmt === 'flatgeobuf' && options.role === 'households') {
      const fast = await readFlatGeobufPoints(bytes, {
        crs: options.crs,
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
    const read = await HANDLERS[fmt].read(bytes, { lonField: options.lonField, latField: options.latField });
    if (!read.ok) return { ok: false, problems: capped(read.problems, max), format: fmt };

    const problems = new ProblemList(max);
    const warnings = new ProblemList(max);
    problems.addAll(read.problems);
    warnings.addAll(read.warnings);
    const householdsField = options.role === 'households' ? (options.householdsField ?? null) : null;
    const validated = validateFeatures(read.features, {
      role: options.role,
      crs: options.crs,
      where: read.where,
      problems,
      warnings,
      householdsField,
      idField: options.idField ?? 'id',
      fieldNoun: fmt === 'csv' ? 'column' : 'property',
      declaredCrs: read.declaredCrs,
    });
    if (problems.count > 0) return { ok: false, problems: problems.toArray(), format: fmt };

    const layer = toModel(validated, {
      role: options.role,
      crs: options.crs,
      where: read.where,
      warnings,
      nameField: options.nameField,
      categoryField: options.categoryField,
      mapAmapTypes: options.mapAmapTypes ?? false,
    });
    const notes = [...(read.notes ?? [])];
    if (layer.role === 'households') {
      let total = 0;
      for (const h of layer.households.households) total += h;
      const source = householdsField
        ? `from the ${fmt === 'csv' ? 'column' : 'property'} ${quote(householdsField)}`
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

/** What the import dialog needs to offer roles and fields: counts, fields, numeric fields, geometry types. */
export async function inspectFile(bytes: Uint8Array, fileName: string): Promise<InspectResult> {
  try {
    const checked = precheck(bytes, fileName);
    if ('problems' in checked) return { ok: false, problems: checked.problems };
    return await HANDLERS[checked.format].inspect(bytes);
  } catch (error) {
    const failed = unexpected(error, null);
    return { ok: false, problems: failed.ok ? [] : failed.problems };
  }
}
