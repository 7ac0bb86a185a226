// CSV point tables (household points, facility lists) as spreadsheets export them: RFC 4180
// quoting with embedded newlines and doubled quotes, CRLF, comma/tab/semicolon delimiters,
// UTF-8 (with or without Excel's BOM), UTF-16 and GBK. A small parser of our own, because the
// point of this module is to say exactly which line is wrong and why.
import type { FeatureCollection, Point } from 'geojson';
import { FieldSummary } from './field-summary';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import type { FormatHandler, InspectResult, Problem, ReadOptions, ReadResult } from './format';
import { PLAIN_NUMBER } from './household-count';
import { FILE, formatCount, quote } from './problem-list';
import { setOwn, valueText } from './records';
import { decodeText, type TextEncodingName } from './text-decoding';

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'];

export const csvFormat: FormatHandler = {
  format: 'csv',
  read: (bytes, options) => Promise.resolve(readCsv(bytes, options)),
  inspect: (bytes) => Promise.resolve(inspectCsv(bytes)),
  write: (fc) => Promise.resolve(writeCsv(fc)),
};

// ---------------------------------------------------------------------------------------------
// Parsing

export interface CsvParseFailure {
  line: number;
  message: Message;
}

/**
 * Calls onRecord for every record with its fields and the line it starts on (1-based). Records
 * are handed over one at a time so a million-row file is never held twice.
 */
export function parseCsv(
  text: string,
  delimiter: string,
  onRecord: (fields: string[], line: number) => void,
): CsvParseFailure | null {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(i) === 0x22) {
        // Quoted field: runs to the next lone quote; "" is an escaped quote.
        const fieldLine = line;
        let j = i + 1;
        let parts = '';
        while (true) {
          const q = text.indexOf('"', j);
          if (q < 0)
            return {
              line: fieldLine,
              message: msg('io.csv.unclosedQuote'),
            };
          const chunk = text.slice(j, q);
          line += countNewlines(chunk);
          parts += chunk;
          if (text.charCodeAt(q + 1) === 0x22) {
            parts += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        // Be lenient with text between the closing quote and the delimiter ("a"b,): keep it.
        let k = j;
        while (k < n && text.charCodeAt(k) !== delim && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) k++;
        value = parts + text.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === delim || c === 0x0a || c === 0x0d) break;
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      fields.push(value);
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === delim) i++;
      else {
        endOfRecord = true;
        if (c === 0x0d) i++;
        if (i < n && text.charCodeAt(i) === 0x0a) i++;
        if (c !== -1) line++;
      }
    }
    onRecord(fields, recordLine);
  }
  return null;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let p = s.indexOf('\n'); p >= 0; p = s.indexOf('\n', p + 1)) count++;
  return count;
}

/** Picks the delimiter that splits the header line most: comma, tab or semicolon. */
export function sniffDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    let count = 0;
    let quoted = false;
    for (const ch of header) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface CsvTable {
  headers: string[];
  delimiter: string;
  encoding: TextEncodingName;
  warnings: Problem[];
  /** Calls back each data record (blank records skipped). */
  forEachRecord(onRecord: (fields: string[], line: number) => void): CsvParseFailure | null;
}

type TableResult = { ok: true; table: CsvTable } | { ok: false; problems: Problem[] };

function openTable(bytes: Uint8Array): TableResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (text.trim() === '') return fail(msg('io.fileEmpty'));
  // NUL characters never occur in CSV text; they mean a binary file (xlsx, shp…) named .csv.
  if (text.slice(0, 65536).includes('\u0000')) return fail(msg('io.csv.binary'));
  const delimiter = sniffDelimiter(text);
  const headerText = firstRecordText(text);
  const headerEnd = headerText.length;
  const records: string[][] = [];
  const failure = parseCsv(headerText, delimiter, (fields) => records.push(fields));
  const headers = records[0];
  if (failure) return { ok: false, problems: [{ where: { kind: 'line', n: failure.line }, message: failure.message }] };
  if (!headers) return fail(msg('io.csv.noHeader'));
  const cleaned = cleanHeaders(headers);
  const warnings = [...decoded.warnings, ...cleaned.warnings];
  return {
    ok: true,
    table: {
      headers: cleaned.headers,
      delimiter,
      encoding: decoded.encoding,
      warnings,
      forEachRecord(onRecord) {
        // Continue parsing after the header, keeping line numbers of the whole file.
        const rest = text.slice(headerEnd);
        const headerLines = countNewlines(text.slice(0, headerEnd));
        const failure = parseCsv(rest, delimiter, (fields, line) => {
          if (fields.every((f) => f.trim() === '')) return;
          onRecord(fields, line + headerLines);
        });
        return failure && { ...failure, line: failure.line + headerLines };
      },
    },
  };
}

/** The text of the first record including its line break, honouring quotes. */
function firstRecordText(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      let end = i + 1;
      if (c === '\r' && text[end] === '\n') end++;
      return text.slice(0, end);
    }
  }
  return text;
}

function cleanHeaders(raw: string[]): { headers: string[]; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const used = new Set<string>();
  const headers = raw.map((h, i) => {
    let name = h.replace(/^\ufeff/, '').trim();
    if (name === '') name = `column ${i + 1}`;
    if (used.has(name)) {
      let k = 2;
      while (used.has(`${name} (${k})`)) k++;
      warnings.push({
        where: { kind: 'line', n: 1 },
        message: msg('io.csv.duplicateColumn', { name: quote(name), renamed: quote(`${name} (${k})`) }),
      });
      name = `${name} (${k})`;
    }
    used.add(name);
    return name;
  });
  return { headers, warnings };
}

function fail(message: Message): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where: FILE, message }] };
}

/** Finds a column by exact name first, then case-insensitively. */
function findColumn(headers: string[], name: string): number {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return headers.findIndex((h) => h.toLowerCase() === lower);
}

/** Autodetects a coordinate column: exact names first, then names like "经度(WGS84)" or "lng_gcj02". */
function detectColumn(headers: string[], names: string[], prefix: RegExp, chinese: string): number {
  const lower = headers.map((h) => h.toLowerCase());
  for (const name of names) {
    const i = lower.indexOf(name);
    if (i >= 0) return i;
  }
  return lower.findIndex((h) => h.includes(chinese) || prefix.test(h));
}

function columnList(headers: string[]): string {
  const shown = headers.slice(0, 20).map((h) => quote(h, 30));
  return shown.join(', ') + (headers.length > 20 ? `, … (${headers.length} in all)` : '');
}

// ---------------------------------------------------------------------------------------------
// Values

// Leading zeros mean a code ("007", "0571"), and more than 15 digits would lose precision as a
// number (ID-card numbers, long area codes): both stay text.
const SAFE_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?([eE][-+]?\d+)?$/;

/** A cell as a property value: empty → null, plain numbers → number, anything else stays text. */
function cellValue(cell: string): unknown {
  const s = cell.trim();
  if (s === '') return null;
  if (SAFE_NUMBER.test(s)) {
    const n = Number(s);
    if (Number.isFinite(n)) return n;
  }
  return cell;
}

type CoordinateCell = { ok: true; value: number } | { ok: false; empty: boolean; message: Message };

function parseCoordinateCell(cell: string | undefined, axis: Message, delimiter: string): CoordinateCell {
  let s = (cell ?? '').trim();
  if (s === '') return { ok: false, empty: true, message: msg('io.csv.isEmpty', { axis }) };
  // In semicolon files from European locales the decimal separator is a comma.
  if (delimiter === ';' && /^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (PLAIN_NUMBER.test(s)) {
    const v = Number(s);
    if (Number.isFinite(v)) return { ok: true, value: v };
    return { ok: false, empty: false, message: msg('io.csv.notFinite', { axis, value: quote(cell) }) };
  }
  if (/^[-+]?(inf|infinity|nan)$/i.test(s))
    return { ok: false, empty: false, message: msg('io.csv.notFinite', { axis, value: quote(cell) }) };
  if (/[°′″'"度分秒]/.test(s))
    return {
      ok: false,
      empty: false,
      message: msg('io.csv.degrees', { axis, value: quote(cell) }),
    };
  return { ok: false, empty: false, message: msg('io.csv.notNumber', { axis, value: quote(cell) }) };
}

// ---------------------------------------------------------------------------------------------
// Reading

export function readCsv(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const opened = openTable(bytes);
  if (!opened.ok) return opened;
  const { headers, delimiter, encoding, warnings } = opened.table;
  const problems: Problem[] = [];

  if (headers.every((h) => PLAIN_NUMBER.test(h)))
    return fail(msg('io.csv.headerLooksLikeData', { columns: columnList(headers) }));

  const lonIndex = options.lonField
    ? findColumn(headers, options.lonField)
    : detectColumn(headers, LON_NAMES, /^(lon|lng|longitude)[_\s(（-]/, '经度');
  const latIndex = options.latField
    ? findColumn(headers, options.latField)
    : detectColumn(headers, LAT_NAMES, /^(lat|latitude)[_\s(（-]/, '纬度');
  if (lonIndex < 0)
    problems.push({
      where: FILE,
      message: options.lonField
        ? msg('io.csv.noSuchLonColumn', { column: quote(options.lonField), columns: columnList(headers) })
        : msg('io.csv.noLonColumn', { columns: columnList(headers) }),
    });
  if (latIndex < 0)
    problems.push({
      where: FILE,
      message: options.latField
        ? msg('io.csv.noSuchLatColumn', { column: quote(options.latField), columns: columnList(headers) })
        : msg('io.csv.noLatColumn', { columns: columnList(headers) }),
    });
  if (lonIndex >= 0 && lonIndex === latIndex)
    problems.push({ where: FILE, message: msg('io.csv.sameColumn', { column: quote(headers[lonIndex]) }) });
  if (problems.length) return { ok: false, problems };

  const lonName = headers[lonIndex]!;
  const latName = headers[latIndex]!;
  const features: FeatureCollection<Point>['features'] = [];
  const lines: number[] = [];
  let records = 0;
  const failure = opened.table.forEachRecord((fields, line) => {
    records++;
    if (fields.length > headers.length) {
      problems.push({
        where: { kind: 'line', n: line },
        message: msg('io.csv.tooManyValues', {
          values: String(fields.length),
          columns: String(headers.length),
          delimiter: delimiterName(delimiter),
        }),
      });
      return;
    }
    const lon = parseCoordinateCell(fields[lonIndex], LONGITUDE, delimiter);
    const lat = parseCoordinateCell(fields[latIndex], LATITUDE, delimiter);
    if (!lon.ok || !lat.ok) {
      if (!lon.ok && !lat.ok && lon.empty && lat.empty)
        problems.push({
          where: { kind: 'line', n: line },
          message: msg('io.csv.bothEmpty', { lon: quote(lonName), lat: quote(latName) }),
        });
      else {
        if (!lon.ok)
          problems.push({
            where: { kind: 'line', n: line },
            message: lon.empty ? msg('io.csv.inColumn', { message: lon.message, column: quote(lonName) }) : lon.message,
          });
        if (!lat.ok)
          problems.push({
            where: { kind: 'line', n: line },
            message: lat.empty ? msg('io.csv.inColumn', { message: lat.message, column: quote(latName) }) : lat.message,
          });
      }
      return;
    }
    const properties: Record<string, unknown> = {};
    for (let c = 0; c < headers.length; c++) {
      setOwn(properties, headers[c]!, cellValue(fields[c] ?? ''));
    }
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon.value, lat.value] }, properties });
    lines.push(line);
  });
  if (failure) problems.push({ where: { kind: 'line', n: failure.line }, message: failure.message });
  if (records === 0 && !failure) return fail(msg('io.csv.noDataLines'));

  return {
    ok: true,
    features,
    where: (i) => ({ kind: 'line', n: lines[i] ?? 0 }),
    problems,
    warnings,
    encoding,
    notes: [
      `longitude from column ${quote(lonName)}, latitude from column ${quote(latName)} (${formatCount(records)} data lines)`,
    ],
  };
}

const LONGITUDE = msg('io.csv.longitude');
const LATITUDE = msg('io.csv.latitude');

function delimiterName(d: string): Message {
  return msg(d === '\t' ? 'io.csv.delimiter.tab' : d === ';' ? 'io.csv.delimiter.semicolon' : 'io.csv.delimiter.comma');
}

function inspectCsv(bytes: Uint8Array): InspectResult {
  const opened = openTable(bytes);
  if (!opened.ok) return opened;
  const { headers } = opened.table;
  const fields = new FieldSummary();
  fields.declare(headers);
  let count = 0;
  const failure = opened.table.forEachRecord((cells) => {
    count++;
    if (count > 10_000) return;
    const row: Record<string, unknown> = {};
    headers.forEach((h, c) => setOwn(row, h, cellValue(cells[c] ?? '')));
    fields.add(row);
  });
  if (failure) return { ok: false, problems: [{ where: { kind: 'line', n: failure.line }, message: failure.message }] };
  const hasCoordinates =
    detectColumn(headers, LON_NAMES, /^(lon|lng|longitude)[_\s(（-]/, '经度') >= 0 &&
    detectColumn(headers, LAT_NAMES, /^(lat|latitude)[_\s(（-]/, '纬度') >= 0;
  return {
    ok: true,
    summary: {
      format: 'csv',
      featureCount: count,
      fields: fields.fields,
      numericFields: fields.numericFields,
      geometryTypes: hasCoordinates ? ['Point'] : [],
      encoding: opened.table.encoding,
      sample: fields.sample,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Points only: lon, lat, then every property seen. UTF-8 with a BOM, so Excel shows Chinese correctly. */
export function writeCsv(fc: FeatureCollection): Uint8Array {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of fc.features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  }
  const columns = ['lon', 'lat', ...keys.filter((k) => k !== 'lon' && k !== 'lat')];
  const out: string[] = [columns.map(csvCell).join(',')];
  for (const f of fc.features) {
    if (f.geometry?.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    const props: Record<string, unknown> = f.properties ?? {};
    out.push([lon, lat, ...columns.slice(2).map((k) => props[k])].map(csvCell).join(','));
  }
  return new TextEncoder().encode(`\ufeff${out.join('\r\n')}\r\n`);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = valueText(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
