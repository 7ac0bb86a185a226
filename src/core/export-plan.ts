// Builds the plan export: an RFC 7946 FeatureCollection of communities and grids with their
// computed households, band and flags, plus a top-level `metadata` member. The CLI and the app
// both write exactly this, so what a user downloads and what a script produces agree.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaResult, AreaUnit, Flag, PlanAnalysis } from './model';
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
  /** Extra members (coverage etc.) added by later analyses. */
  [key: string]: unknown;
}

export type PlanExport = FeatureCollection<Polygon | MultiPolygon> & { metadata: PlanMetadata };

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

function unitFeature(unit: AreaUnit, result: AreaResult | undefined, extraFlags: Flag[], extra: Record<string, unknown>): Feature<Polygon | MultiPolygon> {
  const flags = [...(result?.flags ?? []), ...extraFlags].map((f) => exportFlag(f));
  const properties: Record<string, unknown> = {
    ...unit.properties,
    id: unit.id,
    kind: unit.kind,
    name: unit.name,
    households: result?.households ?? 0,
    householdPoints: result?.points ?? 0,
    flags,
    ...extra,
  };
  if (unit.kind === 'community') properties.communityType = unit.communityType ?? null;
  if (unit.blockIds) properties.blockIds = unit.blockIds;
  if (unit.locked) properties.locked = true;
  if (unit.kind === 'grid') properties.communityId = unit.parentId ?? null;
  if (result?.band) {
    properties.bandMin = result.band.min;
    properties.bandMax = result.band.max;
    properties.bandStatus = result.band.status;
    properties.bandDistance = result.band.distance;
  }
  return { type: 'Feature', id: unit.id, properties, geometry: { ...unit.geometry, coordinates: roundCoordinates(unit.geometry.coordinates) } as Polygon | MultiPolygon };
}

export interface ExportInput {
  communities: readonly AreaUnit[];
  grids: readonly AreaUnit[];
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
  const features = [...input.communities, ...input.grids].map((u) =>
    unitFeature(u, byId.get(`${u.kind}:${u.id}`), input.extraFlags?.get(u.id) ?? [], input.extraProperties?.get(u.id) ?? {}),
  );
  const a = input.analysis;
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
      generator: 'shequ-planner',
      crs: 'WGS84 (RFC 7946)',
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
