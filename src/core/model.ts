// The domain model shared by every layer of the app: the plan, its layers and the analysis results.
// Pure data types only, so the same shapes cross the worker boundary, the CLI and the UI.
import type { MultiPolygon, Polygon } from 'geojson';

/** Coordinate systems the project converts between. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_LIST: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

/**
 * A coordinate system proj4 converts from (src/io/crs.ts): an EPSG code ("EPSG:4528"), a proj
 * string ("+proj=tmerc … +towgs84=…") or WKT, as the person or the file gave it. `northingFirst`:
 * the file's first coordinate is the northing (surveyors' X/Y).
 */
export interface DefinedCrs {
  proj: string;
  northingFirst?: boolean;
}

/** What a layer's coordinates can be in: an offset of China's web maps, or a defined system. */
export type LayerCrs = Crs | DefinedCrs;

/** What an imported layer is used as. */
export type LayerRole = 'households' | 'communities' | 'grids' | 'facilities' | 'roads';

/** A bilingual message; every user-facing rule text has both. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * Household points, stored column-wise so a million of them stay cheap to hold, index and send to the
 * worker (typed arrays transfer without copying). Coordinates are always WGS84 once imported.
 */
export interface HouseholdSet {
  /** Interleaved lon,lat pairs; length = 2 × count of points. */
  coordinates: Float64Array;
  /** Households each point stands for (a compound point can hold thousands). */
  households: Float64Array;
  /** Optional display name per point (compound name); null when the source had none. */
  names: (string | null)[] | null;
  /** Optional original properties per point, kept for the details popup and export; null for big synthetic sets. */
  properties: Record<string, unknown>[] | null;
}

/** Which kind of area a unit is. */
/** Street blocks are the planning units that communities are painted from. */
export type AreaKind = 'community' | 'grid' | 'block';

/** A community (社区/居委会) or a grid (网格): a polygon with an id, a name and, for communities, a type. */
export interface AreaUnit {
  id: string;
  kind: AreaKind;
  name: string;
  /** For communities: a community type id from the active profile (urban, rural, town…). */
  communityType?: string;
  /** For grids: the community the grid belongs to, when known. */
  parentId?: string;
  /** For communities and grids built from street blocks: the block ids they are made of. */
  blockIds?: string[];
  /** A locked community cannot be changed by painting. */
  locked?: boolean;
  geometry: Polygon | MultiPolygon;
  /** Other properties from the source, kept and exported unchanged. */
  properties: Record<string, unknown>;
}

/** A service facility (kindergarten, clinic, bus stop…) as a point with a project category. */
export interface Facility {
  id: string;
  name: string;
  /** A facility category id (see facility-categories.ts); unknown types keep their source category. */
  category: string;
  /** The source's own type string, e.g. AMap's "医疗保健服务;综合医院;三级甲等医院". */
  sourceType?: string;
  /** Floor area in m² when the inventory has it. */
  floorArea?: number;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
}

/**
 * Where a rule comes from: the document and its clause as a person would cite them, and the
 * STANDARDS.md rule id. Working notes never go into `document` or `clause`, which users see as
 * the citation: how sure a figure is goes into `note`.
 */
export interface RuleSource {
  /** STANDARDS.md rule id, e.g. "J1". */
  ruleId: string;
  /** Document, e.g. "江苏 苏发〔2011〕15号". */
  document: string;
  /** Clause, e.g. "(十三) 优化社区布局规模". */
  clause: string;
  /**
   * Set when a profile uses another jurisdiction's document (a Jiangsu profile citing Chengdu's):
   * the place whose standard is borrowed. The clause then starts with "借用…标准" as well, so a
   * citation shown as document + clause says it too.
   */
  borrowedFrom?: Message;
  /** Plain words on how far the figure is verified, or that it is a setting rather than a rule. */
  note?: Message;
}

export type Severity = 'error' | 'warning' | 'info';

/** A rule result. Flags are data: they are stored, exported and rendered, never thrown. */
export interface Flag {
  /** Rule code from the flag registry, e.g. "size.below-band". */
  code: string;
  severity: Severity;
  message: Message;
  measured?: number;
  /** A single limit or a [min, max] band. */
  limit?: number | [number, number];
  source: RuleSource;
  /** Ids of the communities, grids or households the flag is about. */
  subjectIds: string[];
}

export type BandStatus = 'below' | 'within' | 'above' | 'unknown';

/** Computed figures for one community or grid. */
export interface AreaResult {
  id: string;
  kind: AreaKind;
  households: number;
  /** Household points (not households) inside. */
  points: number;
  /** Grids only, when not 0: households this grid shares with another grid (overlapping grids). */
  overlapHouseholds?: number;
  band?: { min: number; max: number; status: BandStatus; distance: number };
  flags: Flag[];
}

/** What the counting analysis returns for a whole plan. */
export interface PlanAnalysis {
  communities: AreaResult[];
  grids: AreaResult[];
  totalHouseholds: number;
  /** Households in no community. */
  unassignedHouseholds: number;
  /** Households inside more than one community (overlaps). */
  overlapHouseholds: number;
  /** Households inside more than one grid (overlapping grids): counted in each of them. */
  overlapGridHouseholds: number;
  /** Households in no grid (only meaningful when grids exist). */
  householdsOutsideGrids: number;
  summary: PlanSummary;
  /** Plan-level flags (e.g. households outside every community). */
  flags: Flag[];
  /** Living-circle coverage, when the plan has facilities. */
  coverage?: PlanCoverage;
}

/** category → distance in metres (as a string) → household-weighted share 0..1. */
export type CoverageShares = Record<string, Record<string, number>>;

export interface PlanCoverage {
  /** 'network': walked along roads; 'straight-line': no road layer, so distances are as the crow flies. */
  mode: 'network' | 'straight-line';
  distances: number[];
  categories: string[];
  overall: CoverageShares;
  /** By community id; null for a community with no households. */
  perCommunity: Record<string, CoverageShares | null>;
  /** The walking network: its size and how many disconnected pieces it falls into. */
  network?: { nodes: number; edges: number; components: number; largestComponentShare: number };
  /** Households farther than the snap distance from every street (network mode). */
  householdsOffNetwork?: number;
}

export interface PlanSummary {
  communityCount: number;
  withinBand: number;
  belowBand: number;
  aboveBand: number;
  /** Share of communities in band (STANDARDS.md Y2 style compliance rate), 0..1. */
  complianceRate: number;
}
