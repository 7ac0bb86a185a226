// The project file (.shequ): the whole plan — every layer, the rule profile, settings — in one zip,
// so a person can save their work and open it elsewhere exactly as it was. A JSON manifest holds
// the units, facilities and roads at full precision; the household typed arrays are binary entries
// (little-endian Float64) because a million points as JSON text would be slow and large. Reading
// treats the file as hostile: every declared size is capped before anything is inflated, every
// value is checked, and every failure is a Problem, never an exception.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import { msg } from '../core/i18n';
import type { AreaKind, AreaUnit, Facility, HouseholdSet, Message } from '../core/model';
import { profileProblems } from '../core/rule-profile';
import { readSavedViews, type SavedView } from '../core/saved-view';
import type { PlanLayers } from '../core/transaction';
import type { Problem, Where } from './format';
import { unionOverlappingParts } from './multipolygon-union';
import { FILE, ProblemList, quote } from './problem-list';
import { isRecord } from './records';
import { errorText } from './text-decoding';

export interface ProjectData {
  title: string;
  layers: PlanLayers;
  profile: {
    activeId: string;
    /** RuleProfile objects the user saved, including the active one if it is custom. */
    custom: unknown[];
  };
  settings: Record<string, unknown>;
  /** E.g. data credits, basemap context. */
  meta?: Record<string, unknown>;
  /**
   * The plan's scenarios in order. `layers` above are the active one's (so a reader that knows no
   * scenarios opens it); the others carry their own areas and facilities and share the rest.
   * Absent in a file saved before scenarios: it is one scenario.
   */
  scenarios?: { active: number; list: ProjectScenario[] };
  /** The presenter's saved views, in order. */
  views?: SavedView[];
  savedAt: string;
}

export interface ProjectScenario {
  id: string;
  /** A default name keeps both languages (现状 / Present layout); a name the person gave is text. */
  name: string | Message;
  /** Absent for the active scenario, whose layers are the project's. */
  own?: { title: string; communities: AreaUnit[]; grids: AreaUnit[]; facilities: Facility[] };
}

export type ProjectReadResult =
  { ok: true; project: ProjectData; warnings: Problem[] } | { ok: false; problems: Problem[] };

export const PROJECT_EXTENSION = '.shequ';
export const PROJECT_FORMAT = 'shequ-project';
export const PROJECT_VERSION = 1;

/** The manifest is the zip's first entry, so a file can be recognised from its first bytes. */
const MANIFEST = 'shequ-project.json';
const entryAt = (name: string): Where => ({ kind: 'entry', name });
const AT_MANIFEST = entryAt(MANIFEST);
const COORDINATES = 'households/coordinates.f64';
const HOUSEHOLDS = 'households/households.f64';
const NAMES = 'households/names.json';
const PROPERTIES = 'households/properties.json';
const KNOWN_ENTRIES = new Set([MANIFEST, COORDINATES, HOUSEHOLDS, NAMES, PROPERTIES]);

/** All entries together may not declare more than this uncompressed: 1 GiB. */
export const MAX_PROJECT_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** The manifest alone: 256 MiB (JSON.parse of more would exhaust a browser tab). */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/** A project has five entries; a directory listing thousands is not one of ours. */
const MAX_ENTRIES = 64;

// ---------------------------------------------------------------------------------------------
// Writing

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function float64Bytes(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN)
    return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return out;
}

function unitJson(unit: AreaUnit): Record<string, unknown> {
  // The model's own fields live in "unit", apart from the source's properties, so a source
  // property called "kind" or "locked" can never be mistaken for them.
  const own: Record<string, unknown> = { kind: unit.kind, name: unit.name };
  if (unit.communityType !== undefined) own.communityType = unit.communityType;
  if (unit.parentId !== undefined) own.parentId = unit.parentId;
  if (unit.blockIds !== undefined) own.blockIds = unit.blockIds;
  if (unit.locked !== undefined) own.locked = unit.locked;
  return { type: 'Feature', id: unit.id, geometry: unit.geometry, properties: unit.properties, unit: own };
}

function facilityJson(f: Facility): Record<string, unknown> {
  const own: Record<string, unknown> = { name: f.name, category: f.category };
  if (f.sourceType !== undefined) own.sourceType = f.sourceType;
  if (f.floorArea !== undefined) own.floorArea = f.floorArea;
  return {
    type: 'Feature',
    id: f.id,
    geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
    properties: f.properties,
    facility: own,
  };
}

function scenariosJson(scenarios: NonNullable<ProjectData['scenarios']>): Record<string, unknown> {
  return {
    active: scenarios.active,
    list: scenarios.list.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.own
        ? {
            title: s.own.title,
            communities: s.own.communities.map(unitJson),
            grids: s.own.grids.map(unitJson),
            facilities: s.own.facilities.map(facilityJson),
          }
        : {}),
    })),
  };
}

/** Zip timestamps are DOS dates (1980 onwards); the save time makes the bytes reproducible. */
function zipTime(savedAt: string): Date {
  const t = new Date(savedAt);
  return Number.isNaN(t.getTime()) || t.getFullYear() < 1980 || t.getFullYear() > 2099 ? new Date(1980, 0, 1) : t;
}

export function writeProjectFile(project: ProjectData): Uint8Array {
  const { layers } = project;
  const h = layers.households;
  const manifest = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    title: project.title,
    savedAt: project.savedAt,
    profile: project.profile,
    settings: project.settings,
    ...(project.meta ? { meta: project.meta } : {}),
    ...(project.scenarios ? { scenarios: scenariosJson(project.scenarios) } : {}),
    ...(project.views ? { views: project.views } : {}),
    layers: {
      communities: layers.communities.map(unitJson),
      grids: layers.grids.map(unitJson),
      blocks: layers.blocks.map(unitJson),
      facilities: layers.facilities.map(facilityJson),
      roads: layers.roads,
      households: { count: h.households.length, names: h.names !== null, properties: h.properties !== null },
    },
  };
  const encoder = new TextEncoder();
  const mtime = zipTime(project.savedAt);
  const files: Zippable = {
    [MANIFEST]: [encoder.encode(JSON.stringify(manifest)), { level: 6 }],
    // Doubles barely compress; a low level saves seconds on a million points.
    [COORDINATES]: [float64Bytes(h.coordinates), { level: 1 }],
    [HOUSEHOLDS]: [float64Bytes(h.households), { level: 1 }],
  };
  if (h.names) files[NAMES] = [encoder.encode(JSON.stringify(h.names)), { level: 6 }];
  if (h.properties) files[PROPERTIES] = [encoder.encode(JSON.stringify(h.properties)), { level: 6 }];
  return zipSync(files, { mtime });
}

// ---------------------------------------------------------------------------------------------
// Recognising

/** A zip whose first entry is the project manifest. */
export function looksLikeProjectFile(bytes: Uint8Array): boolean {
  if (bytes.length < 30 + MANIFEST.length) return false;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  if (nameLength !== MANIFEST.length) return false;
  for (let i = 0; i < nameLength; i++) if (bytes[30 + i] !== MANIFEST.charCodeAt(i)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Reading

class TooManyEntries extends Error {}

function fail(where: Where, message: Message): ProjectReadResult {
  return { ok: false, problems: [{ where, message }] };
}

export function readProjectFile(bytes: Uint8Array): ProjectReadResult {
  try {
    return readProject(bytes);
  } catch (error) {
    return fail(FILE, msg('io.project.readerError', { error: errorText(error) }));
  }
}

function readProject(bytes: Uint8Array): ProjectReadResult {
  if (bytes.length === 0) return fail(FILE, msg('io.fileEmpty'));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail(FILE, msg('io.project.notZip', { ext: PROJECT_EXTENSION }));
  const unzipped = unzipEntries(bytes);
  if ('problems' in unzipped) return { ok: false, problems: unzipped.problems };
  const { entries, warnings } = unzipped;

  const manifestBytes = entries.get(MANIFEST);
  if (!manifestBytes) return fail(FILE, msg('io.project.noManifest', { manifest: MANIFEST }));
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch (error) {
    return fail(AT_MANIFEST, msg('io.project.manifestJson', { error: errorText(error) }));
  }
  if (!isRecord(manifest) || manifest['format'] !== PROJECT_FORMAT)
    return fail(AT_MANIFEST, msg('io.project.notShequManifest'));
  const version = manifest['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail(AT_MANIFEST, msg('io.project.badVersion', { version: quote(version) }));
  if (version > PROJECT_VERSION)
    return fail(
      AT_MANIFEST,
      msg('io.project.newerVersion', { version: String(version), supported: String(PROJECT_VERSION) }),
    );

  const problems = new ProblemList();
  const title = manifest['title'];
  if (typeof title !== 'string') problems.add(AT_MANIFEST, msg('io.project.titleMissing'));
  const savedAt = manifest['savedAt'];
  if (typeof savedAt !== 'string') problems.add(AT_MANIFEST, msg('io.project.savedAtMissing'));
  const settings = manifest['settings'];
  if (!isRecord(settings)) problems.add(AT_MANIFEST, msg('io.project.settingsMissing'));
  const meta = manifest['meta'];
  if (meta !== undefined && !isRecord(meta)) problems.add(AT_MANIFEST, msg('io.project.metaNotObject'));
  const profile = readProfile(manifest['profile'], problems);

  const layersJson = manifest['layers'];
  if (!isRecord(layersJson)) {
    problems.add(AT_MANIFEST, msg('io.project.layersMissing'));
    return { ok: false, problems: problems.toArray() };
  }
  const communities = readUnits(layersJson['communities'], 'community', problems);
  const grids = readUnits(layersJson['grids'], 'grid', problems);
  const blocks = readUnits(layersJson['blocks'], 'block', problems);
  const facilities = readFacilities(layersJson['facilities'], problems);
  const roads = readRoads(layersJson['roads'], problems);
  const households = readHouseholds(layersJson['households'], entries, problems);
  const scenarios = readScenarios(manifest['scenarios'], problems);
  const views = manifest['views'] === undefined ? undefined : readSavedViews(manifest['views']);
  if (views === null) problems.add(AT_MANIFEST, msg('io.project.viewsBroken'));
  if (problems.count > 0) return { ok: false, problems: problems.toArray() };

  const project: ProjectData = {
    title: title as string,
    layers: { communities, grids, blocks, facilities, roads, households: households! },
    profile: profile!,
    settings: settings as Record<string, unknown>,
    savedAt: savedAt as string,
  };
  if (meta !== undefined) project.meta = meta as Record<string, unknown>;
  if (scenarios) project.scenarios = scenarios;
  if (views) project.views = views;
  return { ok: true, project, warnings };
}

/**
 * Inflates the known entries. A first walk of the zip directory inflates nothing and only checks
 * the declared sizes, so an entry or a total over the caps is refused before a byte is allocated
 * for it. fflate then inflates into a buffer of the declared size, so the real output can never
 * exceed it; a shorter one is caught by comparing lengths.
 */
function unzipEntries(
  bytes: Uint8Array,
): { entries: Map<string, Uint8Array>; warnings: Problem[] } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const declared = new Map<string, number>();
  let total = 0;
  let seen = 0;
  const survey = (file: UnzipFileInfo): boolean => {
    // A damaged directory can claim billions of entries; stop long before walking them all.
    if (++seen > MAX_ENTRIES) throw new TooManyEntries();
    if (!KNOWN_ENTRIES.has(file.name)) {
      warnings.push({ where: FILE, message: msg('io.project.ignoredEntry', { name: quote(file.name, 80) }) });
      return false;
    }
    if (declared.has(file.name)) {
      problems.push({ where: entryAt(file.name), message: msg('io.project.entryTwice') });
      return false;
    }
    const limit = file.name === MANIFEST ? MAX_MANIFEST_BYTES : MAX_PROJECT_UNCOMPRESSED_BYTES;
    total += file.originalSize;
    if (file.originalSize > limit || total > MAX_PROJECT_UNCOMPRESSED_BYTES) {
      problems.push({
        where: entryAt(file.name),
        message: msg('io.project.tooBig', {
          mb: file.originalSize / 1048576,
          limit: msg(
            file.originalSize > limit && file.name === MANIFEST
              ? 'io.project.limitManifest'
              : 'io.project.limitProject',
          ),
        }),
      });
      return false;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      problems.push({
        where: entryAt(file.name),
        message: msg('io.project.compression', { method: String(file.compression) }),
      });
      return false;
    }
    declared.set(file.name, file.originalSize);
    return false;
  };
  let files: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, { filter: survey });
    if (problems.length) return { problems };
    // Only names that passed the survey are inflated, so no "__proto__" key reaches the object.
    files = unzipSync(bytes, { filter: (file) => declared.get(file.name) === file.originalSize });
  } catch (error) {
    if (error instanceof TooManyEntries)
      return {
        problems: [{ where: FILE, message: msg('io.project.tooManyEntries', { max: MAX_ENTRIES }) }],
      };
    return {
      problems: [{ where: FILE, message: msg('io.project.damaged', { error: errorText(error) }) }],
    };
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, size] of declared) {
    const data = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!data || data.length !== size)
      return {
        problems: [
          { where: entryAt(name), message: msg('io.project.inflateMismatch', { got: data?.length ?? 0, size }) },
        ],
      };
    entries.set(name, data);
  }
  return { entries, warnings };
}

const MAX_SCENARIOS = 100;

function readScenarios(value: unknown, problems: ProblemList): ProjectData['scenarios'] | null {
  if (value === undefined) return null;
  if (!isRecord(value) || !Array.isArray(value['list'])) {
    problems.add(AT_MANIFEST, msg('io.project.scenariosNotList'));
    return null;
  }
  const raw = value['list'];
  const active = value['active'];
  if (raw.length === 0 || raw.length > MAX_SCENARIOS) {
    problems.add(AT_MANIFEST, msg('io.project.scenarioCount', { count: raw.length, max: MAX_SCENARIOS }));
    return null;
  }
  if (typeof active !== 'number' || !Number.isInteger(active) || active < 0 || active >= raw.length) {
    problems.add(AT_MANIFEST, msg('io.project.scenarioActive', { active: quote(active) }));
    return null;
  }
  const ids = new Set<string>();
  const list: ProjectScenario[] = [];
  raw.forEach((entry: unknown, i) => {
    const where: Where = { kind: 'scenario', n: i + 1 };
    if (!isRecord(entry)) return problems.add(where, msg('io.project.scenarioNotObject'));
    const id = entry['id'];
    const name = entry['name'];
    if (typeof id !== 'string' || id === '') return problems.add(where, msg('io.project.noId'));
    if (ids.has(id)) return problems.add(where, msg('io.project.repeatsId', { id: quote(id) }));
    ids.add(id);
    let label: string | Message;
    if (typeof name === 'string') label = name;
    else if (isRecord(name) && typeof name['zh'] === 'string' && typeof name['en'] === 'string')
      label = { zh: name['zh'], en: name['en'] };
    else return problems.add(where, msg('io.project.noName'));
    const scenario: ProjectScenario = { id, name: label };
    if (i !== active) {
      const title = entry['title'];
      if (typeof title !== 'string') return problems.add(where, msg('io.project.titleMissing'));
      const before = problems.count;
      const communities = readUnits(entry['communities'], 'community', problems);
      const grids = readUnits(entry['grids'], 'grid', problems);
      const facilities = readFacilities(entry['facilities'], problems);
      if (problems.count > before) return;
      scenario.own = { title, communities, grids, facilities };
    }
    list.push(scenario);
  });
  return { active, list };
}

function readProfile(value: unknown, problems: ProblemList): ProjectData['profile'] | null {
  if (!isRecord(value)) {
    problems.add(AT_MANIFEST, msg('io.project.profileMissing'));
    return null;
  }
  const activeId = value['activeId'];
  const custom = value['custom'];
  if (typeof activeId !== 'string' || activeId === '')
    problems.add(AT_MANIFEST, msg('io.project.activeProfileMissing'));
  if (!Array.isArray(custom)) {
    problems.add(AT_MANIFEST, msg('io.project.savedProfilesNotList'));
    return null;
  }
  // Every problem of a saved profile on its own line, as a profile given to the CLI is refused.
  custom.forEach((p, i) => {
    for (const problem of profileProblems(p)) problems.add({ kind: 'savedProfile', n: i + 1 }, problem);
  });
  return { activeId: activeId as string, custom };
}

const LAYER_OF: Record<AreaKind, Message> = {
  community: msg('io.role.communities'),
  grid: msg('io.role.grids'),
  block: msg('io.role.blocks'),
};

function readUnits(value: unknown, kind: AreaKind, problems: ProblemList): AreaUnit[] {
  if (!Array.isArray(value)) {
    problems.add(AT_MANIFEST, msg('io.project.layerNotList', { layer: LAYER_OF[kind] }));
    return [];
  }
  const units: AreaUnit[] = [];
  const ids = new Set<string>();
  value.forEach((raw, i) => {
    const where: Where = { kind, n: i + 1 };
    if (!isRecord(raw) || !isRecord(raw['unit'])) return problems.add(where, msg('io.project.notAUnit'));
    const own = raw['unit'];
    const id = raw['id'];
    if (typeof id !== 'string' || id === '') return problems.add(where, msg('io.project.noId'));
    if (ids.has(id)) return problems.add(where, msg('io.project.repeatsId', { id: quote(id) }));
    ids.add(id);
    if (own['kind'] !== kind)
      return problems.add(where, msg('io.project.wrongKind', { found: quote(own['kind']), kind }));
    if (typeof own['name'] !== 'string') return problems.add(where, msg('io.project.noName'));
    if (!isRecord(raw['properties'])) return problems.add(where, msg('io.project.noProperties'));
    const shape = polygonProblem(raw['geometry']);
    if (shape) return problems.add(where, shape);
    const unit: AreaUnit = {
      id,
      kind,
      name: own['name'],
      // A project saved before imports united overlapping parts may hold them: united here too.
      geometry: unionOverlappingParts(raw['geometry'] as Polygon | MultiPolygon, quote(own['name'])).geometry,
      properties: raw['properties'],
    };
    for (const key of ['communityType', 'parentId'] as const) {
      const v = own[key];
      if (v === undefined) continue;
      if (typeof v !== 'string') return problems.add(where, msg('io.project.notText', { key }));
      unit[key] = v;
    }
    const blockIds = own['blockIds'];
    if (blockIds !== undefined) {
      if (!Array.isArray(blockIds) || !blockIds.every((b) => typeof b === 'string'))
        return problems.add(where, msg('io.project.blockIdsNotList'));
      unit.blockIds = blockIds;
    }
    const locked = own['locked'];
    if (locked !== undefined) {
      if (typeof locked !== 'boolean') return problems.add(where, msg('io.project.lockedNotBoolean'));
      unit.locked = locked;
    }
    units.push(unit);
  });
  return units;
}

function positionProblem(p: unknown): Message | null {
  if (!Array.isArray(p) || p.length < 2 || !p.every((c) => typeof c === 'number' && Number.isFinite(c)))
    return msg('io.project.positionNotPair', { position: quote(p) });
  const [lon, lat] = p as number[];
  if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return msg('io.project.positionNotLonLat', { position: quote(p) });
  return null;
}

function lineProblem(line: unknown, minimum: number, what: Message): Message | null {
  if (!Array.isArray(line) || line.length < minimum)
    return msg('io.project.tooFewPositions', { what, minimum: String(minimum) });
  for (const p of line) {
    const problem = positionProblem(p);
    if (problem) return problem;
  }
  return null;
}

function polygonProblem(g: unknown): Message | null {
  if (!isRecord(g) || (g['type'] !== 'Polygon' && g['type'] !== 'MultiPolygon')) return msg('io.project.notPolygon');
  const polygons = g['type'] === 'Polygon' ? [g['coordinates']] : g['coordinates'];
  if (!Array.isArray(polygons) || polygons.length === 0) return msg('io.project.noCoordinates');
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return msg('io.project.polygonWithoutRings');
    for (const ring of rings) {
      const problem = lineProblem(ring, 4, msg('io.project.ring'));
      if (problem) return problem;
    }
  }
  return null;
}

function readFacilities(value: unknown, problems: ProblemList): Facility[] {
  if (!Array.isArray(value)) {
    problems.add(AT_MANIFEST, msg('io.project.facilitiesNotList'));
    return [];
  }
  const out: Facility[] = [];
  value.forEach((raw, i) => {
    const where: Where = { kind: 'facility', n: i + 1 };
    if (!isRecord(raw) || !isRecord(raw['facility']) || !isRecord(raw['geometry']))
      return problems.add(where, msg('io.project.notAFacility'));
    const own = raw['facility'];
    const id = raw['id'];
    if (typeof id !== 'string' || id === '') return problems.add(where, msg('io.project.noId'));
    if (typeof own['name'] !== 'string' || typeof own['category'] !== 'string')
      return problems.add(where, msg('io.project.noNameOrCategory'));
    if (!isRecord(raw['properties'])) return problems.add(where, msg('io.project.noProperties'));
    const g = raw['geometry'];
    const position = g['type'] === 'Point' ? positionProblem(g['coordinates']) : msg('io.project.notPoint');
    if (position) return problems.add(where, position);
    const [lon, lat] = g['coordinates'] as number[];
    const facility: Facility = {
      id,
      name: own['name'],
      category: own['category'],
      lon: lon!,
      lat: lat!,
      properties: raw['properties'],
    };
    if (own['sourceType'] !== undefined) {
      if (typeof own['sourceType'] !== 'string') return problems.add(where, msg('io.project.sourceTypeNotText'));
      facility.sourceType = own['sourceType'];
    }
    if (own['floorArea'] !== undefined) {
      const area = own['floorArea'];
      if (typeof area !== 'number' || !Number.isFinite(area) || area < 0)
        return problems.add(where, msg('io.project.floorArea', { area: quote(area) }));
      facility.floorArea = area;
    }
    out.push(facility);
  });
  return out;
}

function readRoads(value: unknown, problems: ProblemList): PlanLayers['roads'] {
  if (value === null) return null;
  if (!isRecord(value) || value['type'] !== 'FeatureCollection' || !Array.isArray(value['features'])) {
    problems.add(AT_MANIFEST, msg('io.project.roadsNotCollection'));
    return null;
  }
  value['features'].forEach((f: unknown, i: number) => {
    const where: Where = { kind: 'road', n: i + 1 };
    if (!isRecord(f) || f['type'] !== 'Feature' || !isRecord(f['geometry']) || !isRecord(f['properties']))
      return problems.add(where, msg('io.project.roadNotFeature'));
    const g = f['geometry'];
    const lines =
      g['type'] === 'LineString' ? [g['coordinates']] : g['type'] === 'MultiLineString' ? g['coordinates'] : null;
    if (!Array.isArray(lines)) return problems.add(where, msg('io.project.notLine'));
    for (const line of lines) {
      const problem = lineProblem(line, 2, msg('io.project.line'));
      if (problem) return problems.add(where, problem);
    }
  });
  return value as unknown as FeatureCollection<LineString | MultiLineString>;
}

function float64s(data: Uint8Array): Float64Array {
  const n = data.length / 8;
  if (LITTLE_ENDIAN) {
    // A view needs 8-byte alignment; fflate's output usually has it, a copy always does.
    const aligned = data.byteOffset % 8 === 0 ? data : data.slice();
    return new Float64Array(aligned.buffer, aligned.byteOffset, n);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

function readHouseholds(
  value: unknown,
  entries: ReadonlyMap<string, Uint8Array>,
  problems: ProblemList,
): HouseholdSet | null {
  if (!isRecord(value)) {
    problems.add(AT_MANIFEST, msg('io.project.householdsMissing'));
    return null;
  }
  const count = value['count'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    problems.add(AT_MANIFEST, msg('io.project.countNotWhole', { count: quote(count) }));
    return null;
  }
  const coordinatesBytes = entries.get(COORDINATES);
  const householdsBytes = entries.get(HOUSEHOLDS);
  if (!coordinatesBytes || !householdsBytes) {
    problems.add(FILE, msg('io.project.lacks', { entry: !coordinatesBytes ? COORDINATES : HOUSEHOLDS }));
    return null;
  }
  if (coordinatesBytes.length % 8 !== 0 || householdsBytes.length % 8 !== 0) {
    problems.add(entryAt('households'), msg('io.project.householdBytes'));
    return null;
  }
  const coordinates = float64s(coordinatesBytes);
  const households = float64s(householdsBytes);
  if (households.length !== count || coordinates.length !== 2 * households.length) {
    problems.add(
      entryAt('households'),
      msg('io.project.coordinateCount', { coordinates: coordinates.length, points: households.length, count }),
    );
    return null;
  }
  for (let i = 0; i < count; i++) {
    const lon = coordinates[2 * i]!;
    const lat = coordinates[2 * i + 1]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      problems.add(
        { kind: 'householdPoint', n: i + 1 },
        msg('io.project.pointNotLonLat', { lon: String(lon), lat: String(lat) }),
      );
    const h = households[i]!;
    // Fractions are allowed: the importer shares a MultiPoint's households equally among its points.
    if (!Number.isFinite(h) || h < 0)
      problems.add({ kind: 'householdPoint', n: i + 1 }, msg('io.project.badCount', { count: String(h) }));
  }
  const names = readSideList(
    value['names'],
    entries.get(NAMES),
    NAMES,
    count,
    (v) => v === null || typeof v === 'string',
    msg('io.project.expectTextOrNull'),
    problems,
  );
  const properties = readSideList(
    value['properties'],
    entries.get(PROPERTIES),
    PROPERTIES,
    count,
    isRecord,
    msg('io.project.expectObject'),
    problems,
  );
  return {
    coordinates,
    households,
    names: names as (string | null)[] | null,
    properties: properties as Record<string, unknown>[] | null,
  };
}

/** The per-point names or properties, when the manifest says they were saved. */
function readSideList(
  present: unknown,
  data: Uint8Array | undefined,
  entry: string,
  count: number,
  valid: (v: unknown) => boolean,
  expected: Message,
  problems: ProblemList,
): unknown[] | null {
  if (present !== true) return null;
  if (!data) {
    problems.add(FILE, msg('io.project.lacks', { entry }));
    return null;
  }
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (error) {
    problems.add(entryAt(entry), msg('io.project.entryJson', { error: errorText(error) }));
    return null;
  }
  if (!Array.isArray(list) || list.length !== count) {
    problems.add(
      entryAt(entry),
      msg('io.project.sideListLength', { have: Array.isArray(list) ? list.length : msg('io.project.noList'), count }),
    );
    return null;
  }
  const bad = list.findIndex((v) => !valid(v));
  if (bad >= 0) problems.add(entryAt(entry), msg('io.project.badEntry', { n: String(bad + 1), expected }));
  return list as unknown[];
}
