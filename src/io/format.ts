// The contract of the import layer: what callers pass in and get back, and the one interface every
// format handler (GeoJSON, FlatGeobuf, CSV, Shapefile, GeoPackage, Excel, KML/KMZ, GPX, OSM) implements. Failures are values (Problem lists), never
// exceptions, so the import dialog, the worker and the CLI can all show a person what to fix.
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { AreaUnit, Facility, HouseholdSet, LayerCrs, LayerRole, Message } from '../core/model';

/** 'osm' is OpenStreetMap XML or PBF, read for roads only; 'kml' covers KMZ too. */
export type FileFormat = 'geojson' | 'flatgeobuf' | 'csv' | 'osm' | 'shapefile' | 'geopackage' | 'xlsx' | 'kml' | 'gpx';

/** One file of an import by name: a single file, or one part of a Shapefile dropped with its siblings. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** What importLayer reads: one file's bytes, or several named files imported as one (a Shapefile's parts). */
export type ImportInput = Uint8Array | readonly NamedBytes[];

/**
 * Where in the input a problem is: the whole file, a feature (1-based, GeoJSON and FlatGeobuf), a
 * line (CSV, 1-based, header = line 1), an OSM way, an item of a project file's layer, or an
 * archive entry. Data, not words: the message catalogue says it in either language
 * ("feature 12" / "第 12 个要素").
 */
export type Where =
  | { kind: 'file' }
  | {
      kind:
        | 'feature'
        | 'line'
        | 'way'
        | 'savedProfile'
        | 'householdPoint'
        | 'community'
        | 'grid'
        | 'block'
        | 'facility'
        | 'road'
        | 'scenario';
      n: number;
    }
  | { kind: 'entry'; name: string };

/** Something wrong (or worth knowing) about the input, located so a person can find it. */
export interface Problem {
  where: Where;
  /** One sentence a person can act on, in both languages (from the message catalogue). */
  message: Message;
}

export interface ImportOptions {
  role: LayerRole;
  /**
   * Coordinate system of the input; the output is always WGS84. Absent: the system the file
   * declares (a .prj, a GeoPackage SRS, a GeoJSON "crs" member), else WGS84.
   */
  crs?: LayerCrs;
  /** Excel: the sheet to read (default: the first whose header names coordinate columns). */
  sheet?: string;
  /** GeoPackage: the feature table; a zip of several Shapefiles: the layer (default the first). */
  table?: string;
  /** Households: the property/column holding the household count; null/undefined = 1 per point. */
  householdsField?: string | null;
  /** Facilities: the property holding the category (default 'category', falling back to 'type'). */
  categoryField?: string;
  /**
   * Facilities: map AMap "大类;中类;小类" types (and names) onto the project's categories, dropping
   * what is not a service facility (pet clinics…). Off: categories are the field's values as they are.
   */
  mapAmapTypes?: boolean;
  /**
   * Facilities: the categories the active rule profile counts. They stay as they are; other
   * spellings of the project's categories (养老服务, elderly-care) become them, and the rest are
   * kept and named in a warning. Without it only the project's own categories count as known.
   */
  ruleCategories?: readonly string[];
  /** CSV: longitude column; default autodetect among lon/lng/longitude/x/经度 (case-insensitive). */
  lonField?: string;
  /** CSV: latitude column; default autodetect among lat/latitude/y/纬度 (case-insensitive). */
  latField?: string;
  /**
   * Property holding the feature id. Default: the first of id, ID, 编号, 社区编号, code whose values
   * are all present and unique, else the feature's own id.
   */
  idField?: string;
  /** Property holding the display name (default autodetect name/名称/plot_name). */
  nameField?: string;
  /** How many problems (and warnings) to list before summarising the rest as "and N more" (default 50). */
  maxProblems?: number;
  /** Big files: reading progress 0..1 (FlatGeobuf point layers report it). */
  onProgress?: (fraction: number) => void;
  /** Cancels a long import; the result is then a failure and nothing is imported. */
  signal?: AbortSignal;
}

export type ImportedLayer =
  | { role: 'households'; households: HouseholdSet; count: number }
  | { role: 'communities' | 'grids'; units: AreaUnit[] }
  | { role: 'facilities'; facilities: Facility[] }
  | { role: 'roads'; roads: FeatureCollection<LineString | MultiLineString> };

export type ImportResult =
  | {
      ok: true;
      layer: ImportedLayer;
      warnings: Problem[];
      format: FileFormat;
      encoding?: string;
      /** What the importer decided for the person, e.g. which CSV columns it used. Informational. */
      notes?: string[];
    }
  | {
      ok: false;
      problems: Problem[];
      format: FileFormat | null;
      /** Projected coordinates in a file that names no system: what they look like, for one click. */
      suggestedCrs?: CrsChoice;
    };

/** A coordinate system as the dialog offers it: what to pass back as `crs`, and what to show. */
export interface CrsChoice {
  crs: LayerCrs;
  /** "EPSG:4528", or null for a proj string or WKT. */
  code: string | null;
  name: string;
  nameZh: string;
  /** Xi'an 1980 / Beijing 1954 without a datum shift: positions may be tens of metres off. */
  datumShiftMissing: boolean;
  /** Why it is suggested ("eastings like 40 512 345 look like …"); for a suggestion only. */
  reason?: Message;
}

/** What the import dialog shows before the person picks a role and fields. */
export interface FileSummary {
  format: FileFormat;
  featureCount: number;
  /** Property names (CSV: column names) in order of first appearance. */
  fields: string[];
  /** Fields whose every non-empty value reads as a number ("1,234" and "11927户" included). */
  numericFields: string[];
  geometryTypes: string[];
  encoding?: string;
  /** The first few features' properties (CSV: rows), long strings shortened. */
  sample?: Record<string, unknown>[];
  /** Excel: every sheet, and the one summarised. */
  sheets?: string[];
  sheet?: string;
  /** GeoPackage (or a zip of several Shapefiles): every feature table, and the one summarised. */
  tables?: { name: string; geometryType: string; rows: number }[];
  table?: string;
  /** The coordinate system the file declares, resolved; absent for plain longitude/latitude. */
  declaredCrs?: CrsChoice;
  /** A problem with the declared system (proj4 cannot read it), to show beside the picker. */
  declaredCrsProblem?: Message;
  /** Projected coordinates and no declared system: what they look like. */
  suggestedCrs?: CrsChoice;
  /** Coordinates outside any longitude/latitude range with no system to explain them. */
  projected?: boolean;
}

export type InspectResult = { ok: true; summary: FileSummary } | { ok: false; problems: Problem[] };

/**
 * A feature as read, before validation. Typed as unknown on purpose: a GeoJSON file's "features"
 * list can hold anything (null, numbers, features without geometry), and only validation may say
 * it is a Feature.
 */
export type RawFeature = unknown;

/** What a format handler's read returns when it could get at the features. */
export interface ReadFeatures {
  ok: true;
  /**
   * Every feature read. Handlers report problems they can already see (a CSV line with an empty
   * longitude) alongside the features rather than stopping, so the person gets all of them at once.
   */
  features: RawFeature[];
  /** Where feature i came from, for messages: feature 12 or line 5. */
  where: (index: number) => Where;
  problems: Problem[];
  warnings: Problem[];
  encoding?: string;
  notes?: string[];
  /**
   * A coordinate system the file itself declares (GeoJSON 2008 "crs", FlatGeobuf header, a .prj's
   * WKT, a GeoPackage SRS), e.g. "EPSG:3857".
   */
  declaredCrs?: string;
  /** Excel: every sheet and the one read; GeoPackage / zipped Shapefiles: every table and the one read. */
  sheets?: string[];
  sheet?: string;
  tables?: { name: string; geometryType: string; rows: number }[];
  table?: string;
}

export type ReadResult = ReadFeatures | { ok: false; problems: Problem[] };

/**
 * Options a reader may need: CSV and Excel find their coordinate columns, Excel its sheet,
 * GeoPackage its table; a Shapefile's sibling parts come by lower-case extension ("dbf", "prj").
 */
export type ReadOptions = Pick<ImportOptions, 'lonField' | 'latField' | 'sheet' | 'table'> & {
  companions?: ReadonlyMap<string, Uint8Array>;
};

/** One file format: read bytes into features, and optionally write features back to bytes. */
export interface FormatHandler {
  readonly format: FileFormat;
  /** Never throws: every failure comes back as problems. */
  read(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult>;
  /** Summary for the import dialog; never throws. */
  inspect(bytes: Uint8Array, options?: ReadOptions): Promise<InspectResult>;
  /** Absent for formats the app only reads. */
  write?(fc: FeatureCollection): Promise<Uint8Array>;
}
