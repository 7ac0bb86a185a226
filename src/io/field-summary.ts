// Works out which fields a file has and which of them hold numbers, for the import dialog's
// "which field is the household count?" choice. Looks at the first rows only so inspecting a
// million-point file stays instant.
import type { FileFormat, FileSummary, FormatHandler, ReadFeatures } from './format';
import { isNumericValue } from './household-count';
import { isRecord, setOwn } from './records';

/** Rows examined for field names and numeric-ness. */
export const SUMMARY_SCAN_LIMIT = 10_000;
const SAMPLE_SIZE = 5;
const SAMPLE_STRING_LENGTH = 200;

export class FieldSummary {
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();
  private readonly nonNumeric = new Set<string>();
  private readonly withValue = new Set<string>();
  readonly sample: Record<string, unknown>[] = [];
  private rows = 0;

  /** Adds one feature's properties; rows past the scan limit are ignored. */
  add(properties: Record<string, unknown> | null | undefined): void {
    if (this.rows++ >= SUMMARY_SCAN_LIMIT || !properties) return;
    for (const key of Object.keys(properties)) {
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.order.push(key);
      }
      const v = properties[key];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      this.withValue.add(key);
      if (!isNumericValue(v)) this.nonNumeric.add(key);
    }
    if (this.sample.length < SAMPLE_SIZE) this.sample.push(shortenStrings(properties));
  }

  /** Declares fields known up front (CSV headers), so empty columns are still offered. */
  declare(fields: readonly string[]): void {
    for (const f of fields) {
      if (!this.seen.has(f)) {
        this.seen.add(f);
        this.order.push(f);
      }
    }
  }

  get fields(): string[] {
    return [...this.order];
  }

  get numericFields(): string[] {
    return this.order.filter((f) => this.withValue.has(f) && !this.nonNumeric.has(f));
  }
}

function shortenStrings(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) {
    const value = typeof v === 'string' && v.length > SAMPLE_STRING_LENGTH ? `${v.slice(0, SAMPLE_STRING_LENGTH)}…` : v;
    setOwn(out, k, value);
  }
  return out;
}

/** The import dialog's summary of features a reader returned (Shapefile, GeoPackage, Excel, KML…). */
export function summarizeFeatures(format: FileFormat, read: ReadFeatures): FileSummary {
  const fields = new FieldSummary();
  const geometryTypes = new Set<string>();
  for (const f of read.features) {
    fields.add(isRecord(f) && isRecord(f['properties']) ? f['properties'] : null);
    const geometry = isRecord(f) ? f['geometry'] : undefined;
    geometryTypes.add(isRecord(geometry) && typeof geometry['type'] === 'string' ? geometry['type'] : 'none');
  }
  return {
    format,
    featureCount: read.features.length,
    fields: fields.fields,
    numericFields: fields.numericFields,
    geometryTypes: [...geometryTypes],
    ...(read.encoding ? { encoding: read.encoding } : {}),
    sample: fields.sample,
    ...(read.sheets ? { sheets: read.sheets, ...(read.sheet !== undefined ? { sheet: read.sheet } : {}) } : {}),
    ...(read.tables ? { tables: read.tables, ...(read.table !== undefined ? { table: read.table } : {}) } : {}),
  };
}

/** A handler whose dialog summary is its read, summarised: the bureau formats' readers. */
export function featureHandler(format: FileFormat, read: FormatHandler['read']): FormatHandler {
  return {
    format,
    read,
    inspect: async (bytes, options = {}) => {
      const result = await read(bytes, options);
      return result.ok ? { ok: true, summary: summarizeFeatures(format, result) } : result;
    },
  };
}
