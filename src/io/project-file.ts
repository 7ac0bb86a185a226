// The project file (.shequ): the whole plan — every layer, the rule profile, settings — in one zip,
// so a person can save their work and open it elsewhere exactly as it was. A JSON manifest holds
// the units, facilities and roads at full precision; the household typed arrays are binary entries
// (little-endian Float64) because a million points as JSON text would be slow and large. Reading
// treats the file as hostile: every declared size is capped before anything is inflated, every
// value is checked, and every failure is a Problem, never an exception.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import type { AreaKind, AreaUnit, Facility, HouseholdSet } from '../core/model';
import { validateProfile } from '../core/rule-profile';
import type { PlanLayers } from '../core/transaction';
import type { Problem } from './format';
import { formatCount, ProblemList, quote } from './problem-list';
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
  savedAt: string;
}

export type ProjectReadResult =
  { ok: true; project: ProjectData; warnings: Problem[] } | { ok: false; problems: Problem[] };

export const PROJECT_EXTENSION = '.shequ';
export const PROJECT_FORMAT = 'shequ-project';
export const PROJECT_VERSION = 1;

/** The manifest is the zip's first entry, so a file can be recognised from its first bytes. */
const MANIFEST = 'shequ-project.json';
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

function fail(where: string, message: string): ProjectReadResult {
  return { ok: false, problems: [{ where, message }] };
}

export function readProjectFile(bytes: Uint8Array): ProjectReadResult {
  try {
    return readProject(bytes);
  } catch (error) {
    return fail(
      'file',
      `the project file could not be read because of an error in the reader (${errorText(error)}) — please report it with the file`,
    );
  }
}

function readProject(bytes: Uint8Array): ProjectReadResult {
  if (bytes.length === 0) return fail('file', 'the file is empty');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return fail('file', `the file is not a project file (${PROJECT_EXTENSION} files are zip archives)`);
  const unzipped = unzipEntries(bytes);
  if ('problems' in unzipped) return { ok: false, problems: unzipped.problems };
  const { entries, warnings } = unzipped;

  const manifestBytes = entries.get(MANIFEST);
  if (!manifestBytes) return fail('file', `the archive has no ${MANIFEST} — it is a zip, but not a project file`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch (error) {
    return fail(MANIFEST, `the manifest is not valid JSON (${errorText(error)}) — is the file damaged?`);
  }
  if (!isRecord(manifest) || manifest['format'] !== PROJECT_FORMAT)
    return fail(MANIFEST, 'the manifest does not describe a shequ project');
  const version = manifest['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail(MANIFEST, `the format version ${quote(version)} is not a version number`);
  if (version > PROJECT_VERSION)
    return fail(
      MANIFEST,
      `the project was saved in format version ${version}, newer than this app reads (${PROJECT_VERSION}) — update the app to open it`,
    );

  const problems = new ProblemList();
  const title = manifest['title'];
  if (typeof title !== 'string') problems.add(MANIFEST, 'the title is missing or not text');
  const savedAt = manifest['savedAt'];
  if (typeof savedAt !== 'string') problems.add(MANIFEST, 'the save time is missing or not text');
  const settings = manifest['settings'];
  if (!isRecord(settings)) problems.add(MANIFEST, 'the settings are missing or not an object');
  const meta = manifest['meta'];
  if (meta !== undefined && !isRecord(meta)) problems.add(MANIFEST, 'the meta member is not an object');
  const profile = readProfile(manifest['profile'], problems);

  const layersJson = manifest['layers'];
  if (!isRecord(layersJson)) {
    problems.add(MANIFEST, 'the layers are missing');
    return { ok: false, problems: problems.toArray() };
  }
  const communities = readUnits(layersJson['communities'], 'community', problems);
  const grids = readUnits(layersJson['grids'], 'grid', problems);
  const blocks = readUnits(layersJson['blocks'], 'block', problems);
  const facilities = readFacilities(layersJson['facilities'], problems);
  const roads = readRoads(layersJson['roads'], problems);
  const households = readHouseholds(layersJson['households'], entries, problems);
  if (problems.count > 0) return { ok: false, problems: problems.toArray() };

  const project: ProjectData = {
    title: title as string,
    layers: { communities, grids, blocks, facilities, roads, households: households! },
    profile: profile!,
    settings: settings as Record<string, unknown>,
    savedAt: savedAt as string,
  };
  if (meta !== undefined) project.meta = meta as Record<string, unknown>;
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
      warnings.push({
        where: 'file',
        message: `the archive entry ${quote(file.name, 80)} is not part of a project and was ignored`,
      });
      return false;
    }
    if (declared.has(file.name)) {
      problems.push({ where: file.name, message: 'the archive holds this entry twice — is it damaged?' });
      return false;
    }
    const limit = file.name === MANIFEST ? MAX_MANIFEST_BYTES : MAX_PROJECT_UNCOMPRESSED_BYTES;
    total += file.originalSize;
    if (file.originalSize > limit || total > MAX_PROJECT_UNCOMPRESSED_BYTES) {
      problems.push({
        where: file.name,
        message: `the entry declares ${formatCount(file.originalSize / 1048576)} MB uncompressed, over the ${file.originalSize > limit && file.name === MANIFEST ? '256 MB manifest' : '1 GB project'} limit — the file is damaged or not a project saved by this app`,
      });
      return false;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      problems.push({
        where: file.name,
        message: `the entry uses compression method ${file.compression}, which project files never use`,
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
        problems: [
          { where: 'file', message: `the archive lists more than ${MAX_ENTRIES} entries — it is not a project file` },
        ],
      };
    return {
      problems: [
        {
          where: 'file',
          message: `the project file is damaged (${errorText(error)}) — is it truncated? Save the project again`,
        },
      ],
    };
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, size] of declared) {
    const data = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!data || data.length !== size)
      return {
        problems: [
          {
            where: name,
            message: `the entry inflates to ${formatCount(data?.length ?? 0)} bytes, not the ${formatCount(size)} it declares — the file is damaged`,
          },
        ],
      };
    entries.set(name, data);
  }
  return { entries, warnings };
}

function readProfile(value: unknown, problems: ProblemList): ProjectData['profile'] | null {
  if (!isRecord(value)) {
    problems.add(MANIFEST, 'the rule profile is missing');
    return null;
  }
  const activeId = value['activeId'];
  const custom = value['custom'];
  if (typeof activeId !== 'string' || activeId === '')
    problems.add(MANIFEST, 'the active profile id is missing or not text');
  if (!Array.isArray(custom)) {
    problems.add(MANIFEST, 'the saved profiles are not a list');
    return null;
  }
  custom.forEach((p, i) => {
    const found = validateProfile(p);
    if (found.length)
      problems.add(`saved profile ${i + 1}`, `${found[0]}${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}`);
  });
  return { activeId: activeId as string, custom };
}

const LAYER_OF: Record<AreaKind, string> = { community: 'communities', grid: 'grids', block: 'blocks' };

function readUnits(value: unknown, kind: AreaKind, problems: ProblemList): AreaUnit[] {
  if (!Array.isArray(value)) {
    problems.add(MANIFEST, `the ${LAYER_OF[kind]} are not a list`);
    return [];
  }
  const units: AreaUnit[] = [];
  const ids = new Set<string>();
  value.forEach((raw, i) => {
    const where = `${kind} ${i + 1}`;
    if (!isRecord(raw) || !isRecord(raw['unit'])) return problems.add(where, 'is not a unit');
    const own = raw['unit'];
    const id = raw['id'];
    if (typeof id !== 'string' || id === '') return problems.add(where, 'has no id');
    if (ids.has(id)) return problems.add(where, `repeats the id ${quote(id)}`);
    ids.add(id);
    if (own['kind'] !== kind) return problems.add(where, `is a ${quote(own['kind'])}, not a ${kind}`);
    if (typeof own['name'] !== 'string') return problems.add(where, 'has no name');
    if (!isRecord(raw['properties'])) return problems.add(where, 'has no properties object');
    const shape = polygonProblem(raw['geometry']);
    if (shape) return problems.add(where, shape);
    const unit: AreaUnit = {
      id,
      kind,
      name: own['name'],
      geometry: raw['geometry'] as Polygon | MultiPolygon,
      properties: raw['properties'],
    };
    for (const key of ['communityType', 'parentId'] as const) {
      const v = own[key];
      if (v === undefined) continue;
      if (typeof v !== 'string') return problems.add(where, `its ${key} is not text`);
      unit[key] = v;
    }
    const blockIds = own['blockIds'];
    if (blockIds !== undefined) {
      if (!Array.isArray(blockIds) || !blockIds.every((b) => typeof b === 'string'))
        return problems.add(where, 'its block ids are not a list of text');
      unit.blockIds = blockIds;
    }
    const locked = own['locked'];
    if (locked !== undefined) {
      if (typeof locked !== 'boolean') return problems.add(where, 'its locked flag is not true or false');
      unit.locked = locked;
    }
    units.push(unit);
  });
  return units;
}

function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || !p.every((c) => typeof c === 'number' && Number.isFinite(c)))
    return `a position ${quote(p)} is not a pair of numbers`;
  const [lon, lat] = p as number[];
  if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return `the position ${quote(p)} is not a longitude/latitude`;
  return null;
}

function lineProblem(line: unknown, minimum: number, what: string): string | null {
  if (!Array.isArray(line) || line.length < minimum) return `a ${what} has fewer than ${minimum} positions`;
  for (const p of line) {
    const problem = positionProblem(p);
    if (problem) return problem;
  }
  return null;
}

function polygonProblem(g: unknown): string | null {
  if (!isRecord(g) || (g['type'] !== 'Polygon' && g['type'] !== 'MultiPolygon'))
    return 'its geometry is not a Polygon or MultiPolygon';
  const polygons = g['type'] === 'Polygon' ? [g['coordinates']] : g['coordinates'];
  if (!Array.isArray(polygons) || polygons.length === 0) return 'its geometry has no coordinates';
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return 'its geometry has a polygon without rings';
    for (const ring of rings) {
      const problem = lineProblem(ring, 4, 'ring');
      if (problem) return problem;
    }
  }
  return null;
}

function readFacilities(value: unknown, problems: ProblemList): Facility[] {
  if (!Array.isArray(value)) {
    problems.add(MANIFEST, 'the facilities are not a list');
    return [];
  }
  const out: Facility[] = [];
  value.forEach((raw, i) => {
    const where = `facility ${i + 1}`;
    if (!isRecord(raw) || !isRecord(raw['facility']) || !isRecord(raw['geometry']))
      return problems.add(where, 'is not a facility');
    const own = raw['facility'];
    const id = raw['id'];
    if (typeof id !== 'string' || id === '') return problems.add(where, 'has no id');
    if (typeof own['name'] !== 'string' || typeof own['category'] !== 'string')
      return problems.add(where, 'has no name or category');
    if (!isRecord(raw['properties'])) return problems.add(where, 'has no properties object');
    const g = raw['geometry'];
    const position = g['type'] === 'Point' ? positionProblem(g['coordinates']) : 'its geometry is not a Point';
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
      if (typeof own['sourceType'] !== 'string') return problems.add(where, 'its source type is not text');
      facility.sourceType = own['sourceType'];
    }
    if (own['floorArea'] !== undefined) {
      const area = own['floorArea'];
      if (typeof area !== 'number' || !Number.isFinite(area) || area < 0)
        return problems.add(where, `its floor area ${quote(area)} is not a non-negative number`);
      facility.floorArea = area;
    }
    out.push(facility);
  });
  return out;
}

function readRoads(value: unknown, problems: ProblemList): PlanLayers['roads'] {
  if (value === null) return null;
  if (!isRecord(value) || value['type'] !== 'FeatureCollection' || !Array.isArray(value['features'])) {
    problems.add(MANIFEST, 'the roads are not a FeatureCollection');
    return null;
  }
  value['features'].forEach((f: unknown, i: number) => {
    const where = `road ${i + 1}`;
    if (!isRecord(f) || f['type'] !== 'Feature' || !isRecord(f['geometry']) || !isRecord(f['properties']))
      return problems.add(where, 'is not a feature with a geometry and properties');
    const g = f['geometry'];
    const lines =
      g['type'] === 'LineString' ? [g['coordinates']] : g['type'] === 'MultiLineString' ? g['coordinates'] : null;
    if (!Array.isArray(lines)) return problems.add(where, 'its geometry is not a LineString or MultiLineString');
    for (const line of lines) {
      const problem = lineProblem(line, 2, 'line');
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
    problems.add(MANIFEST, 'the household layer is missing');
    return null;
  }
  const count = value['count'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    problems.add(MANIFEST, `the household point count ${quote(count)} is not a whole number`);
    return null;
  }
  const coordinatesBytes = entries.get(COORDINATES);
  const householdsBytes = entries.get(HOUSEHOLDS);
  if (!coordinatesBytes || !householdsBytes) {
    problems.add('file', `the archive lacks ${!coordinatesBytes ? COORDINATES : HOUSEHOLDS}`);
    return null;
  }
  if (coordinatesBytes.length % 8 !== 0 || householdsBytes.length % 8 !== 0) {
    problems.add('households', 'a household entry is not a whole number of 8-byte numbers — the file is damaged');
    return null;
  }
  const coordinates = float64s(coordinatesBytes);
  const households = float64s(householdsBytes);
  if (households.length !== count || coordinates.length !== 2 * households.length) {
    problems.add(
      'households',
      `${formatCount(coordinates.length)} coordinates for ${formatCount(households.length)} points (the manifest says ${formatCount(count)}); there must be two per point — the file is damaged`,
    );
    return null;
  }
  for (let i = 0; i < count; i++) {
    const lon = coordinates[2 * i]!;
    const lat = coordinates[2 * i + 1]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      problems.add(`household point ${i + 1}`, `the position (${lon}, ${lat}) is not a longitude/latitude`);
    const h = households[i]!;
    // Fractions are allowed: the importer shares a MultiPoint's households equally among its points.
    if (!Number.isFinite(h) || h < 0)
      problems.add(`household point ${i + 1}`, `the household count ${h} is not a non-negative number`);
  }
  const names = readSideList(
    value['names'],
    entries.get(NAMES),
    NAMES,
    count,
    (v) => v === null || typeof v === 'string',
    'text or null',
    problems,
  );
  const properties = readSideList(
    value['properties'],
    entries.get(PROPERTIES),
    PROPERTIES,
    count,
    isRecord,
    'an object',
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
  expected: string,
  problems: ProblemList,
): unknown[] | null {
  if (present !== true) return null;
  if (!data) {
    problems.add('file', `the archive lacks ${entry}`);
    return null;
  }
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (error) {
    problems.add(entry, `is not valid JSON (${errorText(error)})`);
    return null;
  }
  if (!Array.isArray(list) || list.length !== count) {
    problems.add(
      entry,
      `holds ${Array.isArray(list) ? formatCount(list.length) : 'no list of'} entries for ${formatCount(count)} household points`,
    );
    return null;
  }
  const bad = list.findIndex((v) => !valid(v));
  if (bad >= 0) problems.add(entry, `entry ${bad + 1} is not ${expected}`);
  return list;
}
