// Opening a plan back: the app's own export (GeoJSON or the flat FlatGeobuf) or a project file.
// An export is recognised only by its top-level metadata (generator "shequ-planner"); only then is
// each feature's `kind` trusted to say community, grid or facility, so a user's layer with a `kind`
// property is never taken for a plan. Geometry goes through the same validation and model
// conversion as any import, and the properties the analysis computed (households, band, flags,
// coverage…) are stripped, so exporting the opened plan again gives the same file.
import { msg } from '../core/i18n';
import type { AreaUnit, Facility, LayerRole, Message } from '../core/model';
import { FACILITY_KEYS, PLAN_GENERATOR, UNIT_KEYS } from '../core/export-plan';
import type { Problem, Where } from './format';
import { describeJsonSyntaxError } from './json-syntax-error';
import { looksLikePlanFlatGeobuf, readPlanFlatGeobuf } from './plan-flatgeobuf';
import { FILE, ProblemList, quote } from './problem-list';
import { looksLikeProjectFile, PROJECT_EXTENSION, readProjectFile, type ProjectData } from './project-file';
import { isRecord, setOwn } from './records';
import { decodeText, errorText, megabytes } from './text-decoding';
import { toModel } from './to-model';
import { validateFeatures } from './validate-features';

export interface OpenedPlan {
  communities: AreaUnit[];
  grids: AreaUnit[];
  facilities: Facility[];
  title?: string;
  profileId?: string;
  format: 'geojson' | 'flatgeobuf' | 'project';
  /** The whole project (households, roads, blocks, profiles, settings) when format is 'project'. */
  project?: ProjectData;
}

export type PlanFileResult = { ok: true; plan: OpenedPlan; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** As for any import: files over 1 GiB are refused before reading. */
const MAX_PLAN_BYTES = 1024 * 1024 * 1024;
/** Where the cheap check looks for the generator mark: the export writes `metadata` last. */
const SNIFF_BYTES = 1024 * 1024;
const GENERATOR_MARK = new TextEncoder().encode(`"generator":"${PLAN_GENERATOR}"`);

const UNIT_KEY_SET = new Set(UNIT_KEYS);
const FACILITY_KEY_SET = new Set(FACILITY_KEYS);

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isProject(bytes: Uint8Array, fileName: string): boolean {
  return looksLikeProjectFile(bytes) || (isZip(bytes) && fileName.toLowerCase().endsWith(PROJECT_EXTENSION));
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  for (
    let i = haystack.indexOf(first);
    i >= 0 && i + needle.length <= haystack.length;
    i = haystack.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Up to this size a JSON file is parsed to check its root metadata exactly. */
const PARSE_TO_CHECK_BYTES = 8 * 1024 * 1024;

/**
 * A cheap check for the import dialog: a project file, a FlatGeobuf whose header carries the plan
 * mark, or JSON whose root metadata names the generator (parsed when small; for a big file, its
 * first or last megabyte holds the mark). readPlanFile confirms it properly.
 */
export function looksLikePlanExport(bytes: Uint8Array, fileName: string): boolean {
  if (isProject(bytes, fileName)) return true;
  if (looksLikePlanFlatGeobuf(bytes)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x7b) return false;
  if (bytes.length <= PARSE_TO_CHECK_BYTES) {
    const decoded = decodeText(bytes);
    try {
      const root: unknown = decoded.ok ? JSON.parse(decoded.text) : null;
      return isRecord(root) && isRecord(root['metadata']) && root['metadata']['generator'] === PLAN_GENERATOR;
    } catch {
      return false;
    }
  }
  return (
    contains(bytes.subarray(0, SNIFF_BYTES), GENERATOR_MARK) ||
    contains(bytes.subarray(Math.max(0, bytes.length - SNIFF_BYTES)), GENERATOR_MARK)
  );
}

function fail(message: Message, where: Where = FILE): PlanFileResult {
  return { ok: false, problems: [{ where, message }] };
}

/** Opens an exported plan (GeoJSON or FlatGeobuf) or a project file. Never throws. */
export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<PlanFileResult> {
  try {
    if (bytes.length === 0) return fail(msg('io.fileEmpty'));
    if (bytes.length > MAX_PLAN_BYTES) return fail(msg('io.plan.tooLarge', { mb: megabytes(bytes.length) }));
    if (isProject(bytes, fileName)) return openProject(bytes);
    if (bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62) {
      const read = await readPlanFlatGeobuf(bytes);
      if (!read.ok) return read;
      return restore(read.features, read.metadata, read.where, 'flatgeobuf');
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    let root: unknown;
    try {
      root = JSON.parse(decoded.text);
    } catch (error) {
      return fail(describeJsonSyntaxError(decoded.text, errorText(error)));
    }
    const metadata = isRecord(root) ? root['metadata'] : undefined;
    if (
      !isRecord(root) ||
      root['type'] !== 'FeatureCollection' ||
      !Array.isArray(root['features']) ||
      !isRecord(metadata) ||
      metadata['generator'] !== PLAN_GENERATOR
    )
      return fail(msg('io.plan.notPlan', { generator: quote(PLAN_GENERATOR) }));
    return restore(root['features'], metadata, (i) => ({ kind: 'feature', n: i + 1 }), 'geojson');
  } catch (error) {
    return fail(msg('io.plan.readerError', { error: errorText(error) }));
  }
}

function openProject(bytes: Uint8Array): PlanFileResult {
  const read = readProjectFile(bytes);
  if (!read.ok) return read;
  const { project } = read;
  return {
    ok: true,
    warnings: read.warnings,
    plan: {
      communities: project.layers.communities,
      grids: project.layers.grids,
      facilities: project.layers.facilities,
      title: project.title,
      profileId: project.profile.activeId,
      format: 'project',
      project,
    },
  };
}

type PlanKind = 'community' | 'grid' | 'facility';
const ROLE_OF: Record<PlanKind, LayerRole> = { community: 'communities', grid: 'grids', facility: 'facilities' };

function restore(
  features: readonly unknown[],
  metadata: Record<string, unknown>,
  where: (i: number) => Where,
  format: 'geojson' | 'flatgeobuf',
): PlanFileResult {
  const problems = new ProblemList();
  const warnings = new ProblemList();
  // Which feature of the file each of a group's features is, for messages.
  const groups = new Map<PlanKind, { features: unknown[]; at: number[] }>([
    ['community', { features: [], at: [] }],
    ['grid', { features: [], at: [] }],
    ['facility', { features: [], at: [] }],
  ]);
  features.forEach((f, i) => {
    const properties = isRecord(f) ? f['properties'] : undefined;
    const kind = isRecord(properties) ? properties['kind'] : undefined;
    const group = typeof kind === 'string' ? groups.get(kind as PlanKind) : undefined;
    if (!group) return problems.add(where(i), msg('io.plan.badKind', { kind: quote(kind) }));
    group.features.push(f);
    group.at.push(i);
  });
  if (problems.count > 0) return { ok: false, problems: problems.toArray() };

  const computed = new Set(stringList(metadata['computedProperties']) ?? ['coverage']);
  const communities: AreaUnit[] = [];
  const grids: AreaUnit[] = [];
  const facilities: Facility[] = [];
  for (const [kind, group] of groups) {
    if (group.features.length === 0) continue;
    const role = ROLE_OF[kind];
    const at = (i: number) => where(group.at[i]!);
    const validated = validateFeatures(group.features, {
      role,
      crs: 'wgs84',
      where: at,
      problems,
      warnings,
      householdsField: null,
      idField: 'id',
      fieldNoun: 'property',
    });
    if (problems.count > 0) continue;
    const layer = toModel(validated, {
      role,
      crs: 'wgs84',
      where: at,
      warnings,
      nameField: 'name',
      categoryField: 'category',
      mapAmapTypes: false,
    });
    const raw = (i: number) => (group.features[i] as { properties: Record<string, unknown> }).properties;
    if (layer.role === 'communities') layer.units.forEach((u, i) => communities.push(restoreUnit(u, raw(i), computed)));
    else if (layer.role === 'grids') layer.units.forEach((u, i) => grids.push(restoreUnit(u, raw(i), computed)));
    else if (layer.role === 'facilities')
      layer.facilities.forEach((f, i) => facilities.push(restoreFacility(f, raw(i))));
  }
  if (problems.count > 0) return { ok: false, problems: problems.toArray() };

  const declared: [Message, unknown, number][] = [
    [msg('io.role.communities'), metadata['communityCount'], communities.length],
    [msg('io.role.grids'), metadata['gridCount'], grids.length],
    [msg('io.role.facilities'), metadata['facilityCount'], facilities.length],
  ];
  for (const [what, said, found] of declared)
    if (typeof said === 'number' && said !== found)
      warnings.add(FILE, msg('io.plan.countMismatch', { said, what, found }));

  const plan: OpenedPlan = { communities, grids, facilities, format };
  if (typeof metadata['title'] === 'string') plan.title = metadata['title'];
  const profile = metadata['profile'];
  if (isRecord(profile) && typeof profile['id'] === 'string') plan.profileId = profile['id'];
  return { ok: true, plan, warnings: warnings.toArray() };
}

function stringList(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : null;
}

/** The source's own properties: everything the export did not write itself. */
function sourceProperties(
  properties: Record<string, unknown>,
  own: ReadonlySet<string>,
  computed: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) if (!own.has(key) && !computed.has(key)) setOwn(out, key, properties[key]);
  return out;
}

/**
 * The unit as the plan held it. The model fields come from the export's own keys only, not from
 * toModel's fallbacks (a source `type` or `parentId` property), since the export wrote them all.
 */
function restoreUnit(converted: AreaUnit, raw: Record<string, unknown>, computed: ReadonlySet<string>): AreaUnit {
  const unit: AreaUnit = {
    id: converted.id,
    kind: converted.kind,
    name: typeof raw['name'] === 'string' ? raw['name'] : converted.name,
    geometry: converted.geometry,
    properties: sourceProperties(converted.properties, UNIT_KEY_SET, computed),
  };
  const communityType = raw['communityType'];
  if (unit.kind === 'community' && typeof communityType === 'string') unit.communityType = communityType;
  const parent = raw['communityId'];
  if (unit.kind === 'grid' && typeof parent === 'string') unit.parentId = parent;
  const blockIds = stringList(raw['blockIds']);
  if (blockIds) unit.blockIds = blockIds;
  if (raw['locked'] === true) unit.locked = true;
  return unit;
}

function restoreFacility(converted: Facility, raw: Record<string, unknown>): Facility {
  const facility: Facility = {
    id: converted.id,
    name: typeof raw['name'] === 'string' ? raw['name'] : converted.name,
    category: converted.category,
    lon: converted.lon,
    lat: converted.lat,
    properties: sourceProperties(converted.properties, FACILITY_KEY_SET, new Set()),
  };
  if (typeof raw['sourceType'] === 'string') facility.sourceType = raw['sourceType'];
  const area = raw['floorArea'];
  if (typeof area === 'number' && Number.isFinite(area) && area >= 0) facility.floorArea = area;
  return facility;
}
