// Builds the plan export: an RFC 7946 FeatureCollection of communities and grids with their
// computed households, band and flags, the facilities as points, plus a top-level `metadata`
// member. The CLI and the app both write exactly this, so what a user downloads and what a script
// produces agree, and src/io/plan-file.ts reads it back as a plan.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaResult, AreaUnit, Facility, Flag, PlanAnalysis } from './model';
import type { RuleProfile } from './rule-profile';

export interface ExportFlag {
  code: string;
  severity: Flag['severity'];
  message: string;
  message_zh: string;
  message_en: string;
  measured?: number;
  limit?: number | [number, number];
  source: Flag['source'] & { citation: string };
}

export interface PlanMetadata {
  profile: { id: string; name: string };
  totalHouseholds: number;
  unassignedHouseholds: number;
  overlapHouseholds: number;
  householdsOutsideGrids: number;
  communityCount: number;
  gridCount: number;
  summary: PlanAnalysis['summary'];
  planFlags: ExportFlag[];
  generator: string;
  crs: 'WGS84 (RFC 7946)';
  /** Facilities written as points (absent when none were given). */
  facilityCount?: number;
  /** Households inside more than one grid, when the analysis counts them. */
  overlapGridHouseholds?: number;
  /**
   * Unit properties that the analysis computed (besides the fixed ones in UNIT_KEYS), e.g.
   * "coverage": a reader strips them to get the plan back as it was drawn.
   */
  computedProperties: string[];
  /** Extra members (coverage etc.) added by later analyses. */
  [key: string]: unknown;
}

export type PlanExport = FeatureCollection<Geometry> & { metadata: PlanMetadata };

/** The generator name that marks a file as this app's plan export. */
export const PLAN_GENERATOR = 'shequ-planner';

/**
 * Property names the export writes itself on communities and grids, computed or taken from the
 * model's own fields. A source property with one of these names is not exported: the export's own
 * value would shadow it, and a reader must be able to tell the two apart.
 */
export const UNIT_KEYS: readonly string[] = [
  'id',
  'kind',
  'name',
  'communityType',
  'communityId',
  'households',
  'householdPoints',
  'bandMin',
  'bandMax',
  'bandStatus',
  'bandDistance',
  'flags',
  'blockIds',
  'locked',
];

/** Property names the export writes itself on facilities. */
export const FACILITY_KEYS: readonly string[] = ['id', 'kind', 'name', 'category', 'sourceType', 'floorArea'];

export function exportFlag(flag: Flag, lang: 'zh' | 'en' = 'en'): ExportFlag {
  const out: ExportFlag = {
    code: flag.code,
    severity: flag.severity,
    message: flag.message[lang],
    message_zh: flag.message.zh,
    message_en: flag.message.en,
    source: { ...flag.source, citation: `${flag.source.ruleId} ${flag.source.document} ${flag.source.clause}` },
  };
  if (flag.measured !== undefined) out.measured = flag.measured;
  if (flag.limit !== undefined) out.limit = flag.limit;
  return out;
}

/** Rounds to 7 decimals (~1 cm), which is all the precision the inputs carry. */
function roundCoordinates<T>(coords: T): T {
  if (typeof coords === 'number') return (Math.round(coords * 1e7) / 1e7) as T;
  if (Array.isArray(coords)) return coords.map(roundCoordinates) as T;
  return coords;
}

/** Copies the source properties the export does not write itself, in their order. */
function sourceProperties(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  reserved: ReadonlySet<string>,
): void {
  for (const key of Object.keys(source)) {
    if (reserved.has(key)) continue;
    // A key named "__proto__" must become a property, not replace the prototype.
    if (key === '__proto__')
      Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
    else target[key] = source[key];
  }
}

const UNIT_KEY_SET = new Set(UNIT_KEYS);
const FACILITY_KEY_SET = new Set(FACILITY_KEYS);

function unitFeature(
  unit: AreaUnit,
  result: AreaResult | undefined,
  extraFlags: Flag[],
  extra: Record<string, unknown>,
): Feature<Polygon | MultiPolygon> {
  const flags = [...(result?.flags ?? []), ...extraFlags].map((f) => exportFlag(f));
  // The export's own keys come first in a fixed order, then the source's: the order no longer
  // depends on the source file, so a plan read back and exported again gives the same bytes.
  const properties: Record<string, unknown> = { id: unit.id, kind: unit.kind, name: unit.name };
  if (unit.kind === 'community') properties.communityType = unit.communityType ?? null;
  if (unit.kind === 'grid') properties.communityId = unit.parentId ?? null;
  properties.households = result?.households ?? 0;
  properties.householdPoints = result?.points ?? 0;
  if (result?.band) {
    properties.bandMin = result.band.min;
    properties.bandMax = result.band.max;
    properties.bandStatus = result.band.status;
    properties.bandDistance = result.band.distance;
  }
  properties.flags = flags;
  if (unit.blockIds) properties.blockIds = unit.blockIds;
  if (unit.locked) properties.locked = true;
  const reserved = new Set(UNIT_KEY_SET);
  for (const key of Object.keys(extra)) {
    if (UNIT_KEY_SET.has(key)) continue;
    reserved.add(key);
    properties[key] = extra[key];
  }
  sourceProperties(properties, unit.properties, reserved);
  return {
    type: 'Feature',
    id: unit.id,
    properties,
    geometry: { ...unit.geometry, coordinates: roundCoordinates(unit.geometry.coordinates) } as Polygon | MultiPolygon,
  };
}

function facilityFeature(facility: Facility): Feature<Point> {
  const properties: Record<string, unknown> = {
    id: facility.id,
    kind: 'facility',
    name: facility.name,
    category: facility.category,
  };
  if (facility.sourceType !== undefined) properties.sourceType = facility.sourceType;
  if (facility.floorArea !== undefined) properties.floorArea = facility.floorArea;
  sourceProperties(properties, facility.properties, FACILITY_KEY_SET);
  return {
    type: 'Feature',
    id: facility.id,
    properties,
    geometry: { type: 'Point', coordinates: roundCoordinates([facility.lon, facility.lat]) },
  };
}

export interface ExportInput {
  communities: readonly AreaUnit[];
  grids: readonly AreaUnit[];
  /** Written as Point features with kind 'facility', after the communities and grids. */
  facilities?: readonly Facility[];
  analysis: PlanAnalysis;
  profile: RuleProfile;
  /** Flags from other analyses (topology, facilities) by subject id. */
  extraFlags?: Map<string, Flag[]>;
  /** Extra properties per unit id (e.g. coverage shares). */
  extraProperties?: Map<string, Record<string, unknown>>;
  metadata?: Record<string, unknown>;
}

export function buildPlanExport(input: ExportInput): PlanExport {
  const byId = new Map<string, AreaResult>();
  for (const r of input.analysis.communities) byId.set('community:' + r.id, r);
  for (const r of input.analysis.grids) byId.set('grid:' + r.id, r);
  const computed = new Set<string>();
  const features: Feature<Geometry>[] = [...input.communities, ...input.grids].map((u) => {
    const extra = input.extraProperties?.get(u.id) ?? {};
    for (const key of Object.keys(extra)) if (!UNIT_KEY_SET.has(key)) computed.add(key);
    return unitFeature(u, byId.get(`${u.kind}:${u.id}`), input.extraFlags?.get(u.id) ?? [], extra);
  });
  for (const f of input.facilities ?? []) features.push(facilityFeature(f));
  const a = input.analysis;
  // Read through a cast until PlanAnalysis declares it: older analyses do not count grid overlaps.
  const overlapGridHouseholds = (a as { overlapGridHouseholds?: number }).overlapGridHouseholds;
  return {
    type: 'FeatureCollection',
    features,
    metadata: {
      profile: { id: input.profile.id, name: input.profile.name.en },
      totalHouseholds: a.totalHouseholds,
      unassignedHouseholds: a.unassignedHouseholds,
      overlapHouseholds: a.overlapHouseholds,
      householdsOutsideGrids: a.householdsOutsideGrids,
      communityCount: input.communities.length,
      gridCount: input.grids.length,
      summary: a.summary,
      planFlags: a.flags.map((f) => exportFlag(f)),
      generator: PLAN_GENERATOR,
      crs: 'WGS84 (RFC 7946)',
      ...(input.facilities ? { facilityCount: input.facilities.length } : {}),
      ...(overlapGridHouseholds !== undefined ? { overlapGridHouseholds } : {}),
      computedProperties: [...computed].sort(),
      ...input.metadata,
    },
  };
}

/**
 * The coverage part of an export: each community's shares as a `coverage` property, and the
 * overall shares with the distance mode, stated plainly, in the metadata.
 */
export function coverageExport(
  coverage: PlanAnalysis['coverage'],
  communities: readonly AreaUnit[],
): { extraProperties: Map<string, Record<string, unknown>>; metadata: Record<string, unknown> } {
  const extraProperties = new Map<string, Record<string, unknown>>();
  if (!coverage) return { extraProperties, metadata: {} };
  for (const c of communities) extraProperties.set(c.id, { coverage: coverage.perCommunity[c.id] ?? null });
  return {
    extraProperties,
    metadata: {
      coverage: coverage.overall,
      coverageDistances: coverage.distances,
      distanceMode: coverage.mode,
      distanceNote:
        coverage.mode === 'network'
          ? 'walking distances along the road network, including the access leg from each point to its nearest road'
          : 'straight-line distances: no road network was given, so these are not walking distances',
    },
  };
}
