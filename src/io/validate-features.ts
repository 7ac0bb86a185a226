// Checks features read from any format against what a layer role needs, and says what is wrong in
// words a planner can act on: wrong geometry type for the role, coordinates that are projected,
// swapped or out of range, broken polygon rings, unusable household counts and duplicate ids.
// Problems that affect the whole file (every feature projected, every position swapped, every
// geometry the wrong type) are said once for the file instead of once per feature.
import type { Feature, Geometry, Position } from 'geojson';
import * as gjv from 'geojson-validation';
import { outOfChina } from '../core/coordinates';
import { msg } from '../core/i18n';
import type { Crs, LayerRole, Message } from '../core/model';
import { parseHouseholdCount } from './household-count';
import type { Where } from './format';
import { FILE, type ProblemList, quote, whereMessage } from './problem-list';
import { isRecord } from './records';
import { findRingCrossing } from './ring-crossings';
import { looksProjected } from './layer-crs';

export interface ValidationContext {
  role: LayerRole;
  crs: Crs;
  where: (index: number) => Where;
  problems: ProblemList;
  warnings: ProblemList;
  householdsField: string | null;
  /** The property holding ids; null: the feature's own id only. */
  idField: string | null;
  /** The word for a field in messages: GeoJSON has properties, CSV has columns. */
  fieldNoun: 'property' | 'column';
  /** The coordinate system the file declares, if any, e.g. "EPSG:3857". */
  declaredCrs?: string;
  /** What projected coordinates look like (io/layer-crs suggestedCrs), said instead of a rough guess. */
  suggestion?: Message;
}

export interface ValidatedFeatures {
  /** The input features, typed; only to be used when no problems were found. */
  features: Feature<Geometry>[];
  /** Households per feature (households role). */
  counts: Float64Array | null;
  /** Resolved ids per feature (communities, grids, facilities): explicit or generated. */
  ids: string[] | null;
}

const ACCEPTED: Record<LayerRole, ReadonlySet<string>> = {
  households: new Set(['Point', 'MultiPoint']),
  facilities: new Set(['Point', 'MultiPoint']),
  communities: new Set(['Polygon', 'MultiPolygon']),
  grids: new Set(['Polygon', 'MultiPolygon']),
  roads: new Set(['LineString', 'MultiLineString']),
};

/** How deep each type nests positions: 0 = the coordinates are one position. */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

const ID_PREFIX: Partial<Record<LayerRole, string>> = { communities: 'C', grids: 'G', facilities: 'F' };

/**
 * Self-intersection checks stop after this many segment-pair tests in one ring, or this many ring
 * vertices in one file (the sweep does ~3.5 million vertices a second), and the rest are skipped
 * with a warning, so a pathological file cannot stall the import.
 */
const RING_TEST_BUDGET = 5_000_000;
const FILE_VERTEX_BUDGET = 5_000_000;

export function validateFeatures(input: readonly unknown[], ctx: ValidationContext): ValidatedFeatures {
  const { role, where, problems } = ctx;
  const accepted = ACCEPTED[role];
  const usable = new Uint8Array(input.length); // 1 = a Feature with a geometry of an accepted type

  // Pass 1: is each one a feature with a geometry, and of which type?
  const wrongTypes = new Map<string, number>();
  let acceptedCount = 0;
  const wrongAt: number[] = [];
  input.forEach((f, i) => {
    const type = structuralType(f, i, ctx);
    if (type === null) return;
    if (accepted.has(type)) {
      usable[i] = 1;
      acceptedCount++;
    } else {
      wrongTypes.set(type, (wrongTypes.get(type) ?? 0) + 1);
      wrongAt.push(i);
    }
  });
  if (acceptedCount === 0 && wrongTypes.size > 0) {
    const types = [...wrongTypes.keys()];
    const advice = wrongTypeAdvice(role, types[0]!);
    problems.add(
      FILE,
      types.length === 1
        ? msg('io.everyFeatureIs', { type: types[0]!, advice })
        : msg('io.featuresAre', { types: types.join(' / '), advice }),
    );
  } else {
    for (const i of wrongAt) {
      const type = geometryType(input[i])!;
      problems.add(where(i), msg('io.geometryIs', { type, advice: wrongTypeAdvice(role, type) }));
    }
  }

  // Pass 2: whole-file coordinate verdicts, from every position of the usable features.
  const verdict = fileVerdict(input, usable, ctx);

  // Pass 3: each usable feature's coordinates and rings.
  let vertexBudget = FILE_VERTEX_BUDGET;
  let skippedRings = 0;
  input.forEach((f, i) => {
    if (!usable[i]) return;
    const geometry = (f as Feature<Geometry>).geometry as Geometry & { coordinates: unknown };
    const message = checkCoordinates(geometry.type, geometry.coordinates, verdict !== null);
    if (message) {
      problems.add(where(i), message);
      return;
    }
    let shapeProblems: Message[] = [];
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const checked = checkRings(polygons, geometry.type === 'MultiPolygon', vertexBudget);
      shapeProblems = checked.problems;
      vertexBudget = checked.budgetLeft;
      skippedRings += checked.skipped;
    } else if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      lines.forEach((line, l) => {
        if (line.length < 2)
          shapeProblems.push(
            msg('io.lineTooShort', {
              line: lines.length > 1 ? msg('io.lineN', { n: String(l + 1) }) : msg('io.theLine'),
              count: String(line.length),
            }),
          );
      });
    }
    for (const p of shapeProblems) problems.add(where(i), p);
    if (shapeProblems.length) return;
    // geojson-validation last: it catches what the targeted checks above don't (a malformed bbox,
    // properties that aren't an object) and would only repeat what they already said.
    const feature = f as Record<string, unknown>;
    const trace = gjv.isFeature('properties' in feature ? feature : { ...feature, properties: null }, true);
    if (trace.length) problems.add(where(i), msg('io.notValidGeojson', { trace: trace[0]! }));
  });
  if (skippedRings > 0) ctx.warnings.add(FILE, msg('io.ringsNotChecked', { count: skippedRings }));

  const typed = input as Feature<Geometry>[];
  return {
    features: typed,
    counts: role === 'households' ? readCounts(typed, usable, ctx) : null,
    ids: ID_PREFIX[role] ? resolveIds(typed, ctx) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Structure and geometry type

/** The geometry type of a well-formed feature, or null after reporting what is wrong with it. */
function structuralType(f: unknown, i: number, ctx: ValidationContext): string | null {
  const at = ctx.where(i);
  if (!isRecord(f) || f['type'] !== 'Feature') {
    const found = isRecord(f)
      ? typeof f['type'] === 'string'
        ? msg('io.found.type', { type: quote(f['type']) })
        : msg('io.found.objectWithoutType')
      : describe(f);
    ctx.problems.add(at, msg('io.notAFeature', { found }));
    return null;
  }
  const g = f['geometry'];
  if (g === null || g === undefined) {
    ctx.problems.add(at, msg('io.geometryNull'));
    return null;
  }
  if (!isRecord(g)) {
    ctx.problems.add(at, msg('io.geometryNotObject', { found: describe(g) }));
    return null;
  }
  const type = g['type'];
  if (type === 'GeometryCollection') {
    ctx.problems.add(at, msg('io.geometryCollection'));
    return null;
  }
  if (typeof type !== 'string' || !Object.hasOwn(DEPTH, type)) {
    ctx.problems.add(at, msg('io.geometryTypeUnknown', { type: quote(type) }));
    return null;
  }
  return type;
}

function geometryType(f: unknown): string | undefined {
  const g = isRecord(f) ? f['geometry'] : undefined;
  return isRecord(g) && typeof g['type'] === 'string' ? g['type'] : undefined;
}

function wrongTypeAdvice(role: LayerRole, type: string): Message {
  const isPolygon = type === 'Polygon' || type === 'MultiPolygon';
  const isLine = type === 'LineString' || type === 'MultiLineString';
  const name = msg(`io.role.${role}`);
  switch (role) {
    case 'households':
    case 'facilities':
      if (isPolygon) return msg('io.advice.pointsNotPolygons', { role: name });
      if (isLine) return msg('io.advice.pointsNotLines', { role: name });
      return msg('io.advice.points', { role: name });
    case 'communities':
    case 'grids':
      if (isLine) return msg('io.advice.polygonsNotLines', { role: name });
      return msg('io.advice.polygons', { role: name });
    case 'roads':
      if (isPolygon) return msg('io.advice.linesNotPolygons');
      return msg('io.advice.lines');
  }
}

function describe(value: unknown): Message {
  if (value === null) return msg('io.found.null');
  if (Array.isArray(value)) return msg('io.found.list');
  if (typeof value === 'string') return msg('io.found.text', { text: quote(value) });
  return msg('io.found.value', { type: typeof value });
}

// ---------------------------------------------------------------------------------------------
// Coordinates

/**
 * Visits every position of well-nested coordinates until `visit` returns false; returns a message
 * when the nesting is wrong. Recursion is bounded by the type's depth (at most 3), whatever the
 * file holds.
 */
function walkPositions(coords: unknown, depth: number, visit: (p: unknown) => boolean): Message | null {
  const NESTING = msg('io.nesting');
  let stopped = false;
  const walk = (c: unknown, d: number): Message | null => {
    if (d === 0) {
      stopped = !visit(c);
      return null;
    }
    if (!Array.isArray(c)) return NESTING;
    for (const inner of c) {
      const message = walk(inner, d - 1);
      if (message) return message;
      if (stopped) return null;
    }
    return null;
  };
  return walk(coords, depth);
}

function isLonLat(x: number, y: number): boolean {
  return Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

/** A file-level coordinate problem, already reported; or null when features are judged one by one. */
function fileVerdict(input: readonly unknown[], usable: Uint8Array, ctx: ValidationContext): Message | null {
  let count = 0;
  let swapped = 0;
  let projected = 0;
  let inChina = 0;
  const ex = { i: -1, x: 0, y: 0 };
  const tally = (p: unknown, i: number): void => {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return;
    const x = p[0];
    const y = p[1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (count++ === 0) Object.assign(ex, { i, x, y });
    if (x >= 18 && x <= 54 && y >= 73 && y <= 135) swapped++;
    if (looksProjected(x, y)) projected++;
    if (!outOfChina(x, y)) inChina++;
  };
  input.forEach((f, i) => {
    if (!usable[i]) return;
    const g = (f as Feature<Geometry>).geometry as Geometry & { coordinates: unknown };
    if (g.type === 'Point') tally(g.coordinates, i);
    else
      walkPositions(g.coordinates, DEPTH[g.type]!, (p) => {
        tally(p, i);
        return true;
      });
  });
  if (count === 0) return null;
  const exampleWhere = ctx.where(ex.i);
  let at = msg('io.exampleAt', {
    where: whereMessage(exampleWhere),
    x: String(ex.x),
    y: String(ex.y),
  });
  if (swapped === count) {
    const message = msg('io.swapped', { at });
    ctx.problems.add(FILE, message);
    return message;
  }
  if (projected === count) {
    const guess = guessProjection(ex.x, ex.y);
    if (guess) at = msg('io.projectedGuess', { at, guess });
    if (ctx.declaredCrs) at = msg('io.projectedDeclared', { at, crs: ctx.declaredCrs });
    const message = ctx.suggestion
      ? msg('io.crs.projectedNoSystem', { suggestion: ctx.suggestion })
      : msg('io.projected', { at });
    ctx.problems.add(FILE, message);
    return message;
  }
  if (inChina === 0 && (ctx.crs === 'gcj02' || ctx.crs === 'bd09'))
    ctx.warnings.add(FILE, msg('io.notInChina', { crs: ctx.crs === 'gcj02' ? 'GCJ-02' : 'BD-09' }));
  return null;
}

/** Names the projection big coordinates most likely come from, for the person to reproject. */
function guessProjection(x: number, y: number): Message | null {
  const ax = Math.abs(x);
  if (ax >= 8.0e6 && ax <= 1.56e7 && y >= 1.5e6 && y <= 7.2e6) return msg('io.guess.webMercator');
  const zone = Math.floor(ax / 1e6);
  if (ax >= 1.3e7 && ax < 4.6e7 && y >= 1.5e6 && y <= 6.5e6) {
    if (zone >= 25 && zone <= 45) return msg('io.guess.gk3', { zone: String(zone), epsg: String(4488 + zone) });
    if (zone >= 13 && zone <= 23) return msg('io.guess.gk6', { zone: String(zone), epsg: String(4478 + zone) });
  }
  if (ax >= 1e5 && ax <= 9e5 && y >= 1.5e6 && y <= 6.5e6) return msg('io.guess.noZone');
  if (x >= 1.5e6 && x <= 6.5e6 && y >= 1e5 && y < 4.6e7) return msg('io.guess.northingFirst');
  return null;
}

/** First problem with a geometry's coordinates, or null. Range checks are skipped after a file verdict. */
function checkCoordinates(type: string, coords: unknown, skipRange: boolean): Message | null {
  if (Array.isArray(coords) && coords.length === 0) return msg('io.noCoordinates', { type });
  // Points skip the walker: a million household points should not cost a closure each.
  if (type === 'Point') return positionProblem(coords, msg('io.thePosition'), skipRange);
  let k = 0;
  let problem: Message | null = null;
  const structure = walkPositions(coords, DEPTH[type]!, (p) => {
    problem = positionProblem(p, msg('io.positionN', { n: String(++k) }), skipRange);
    return problem === null;
  });
  return structure ?? problem;
}

function positionProblem(p: unknown, label: Message, skipRange: boolean): Message | null {
  if (!Array.isArray(p)) return msg('io.notAPair', { label, found: describe(p) });
  if (p.length < 2)
    return msg(p.length === 1 ? 'io.tooFewNumbersOne' : 'io.tooFewNumbers', { label, count: String(p.length) });
  const x: unknown = p[0];
  const y: unknown = p[1];
  if (typeof x !== 'number' || typeof y !== 'number') {
    const bad = typeof x !== 'number' ? x : y;
    return msg(typeof bad === 'string' ? 'io.notANumberText' : 'io.notANumber', { label, value: quote(bad) });
  }
  if (!Number.isFinite(x) || !Number.isFinite(y))
    return msg('io.nonFinite', { label, value: String(Number.isFinite(x) ? y : x) });
  if (!skipRange && !isLonLat(x, y)) return rangeProblem(x, y);
  return null;
}

function rangeProblem(x: number, y: number): Message {
  if (looksProjected(x, y)) return msg('io.projectedHere');
  if (Math.abs(y) > 90) {
    if (Math.abs(y) <= 180 && Math.abs(x) <= 90) return msg('io.latitudeSwapped', { value: String(y) });
    return msg('io.latitudeRange', { value: String(y) });
  }
  return msg('io.longitudeRange', { value: String(x) });
}

// ---------------------------------------------------------------------------------------------
// Rings

function checkRings(
  polygons: Position[][][],
  multi: boolean,
  budget: number,
): { problems: Message[]; budgetLeft: number; skipped: number } {
  const problems: Message[] = [];
  let skipped = 0;
  polygons.forEach((rings, p) => {
    if (rings.length === 0) {
      problems.push(
        msg('io.noRings', { polygon: multi ? msg('io.polygonN', { n: String(p + 1) }) : msg('io.thePolygon') }),
      );
      return;
    }
    rings.forEach((ring, r) => {
      const name = multi
        ? msg('io.polygonRingN', { p: String(p + 1), n: String(r + 1) })
        : msg('io.ringN', { n: String(r + 1) });
      if (ring.length < 4) {
        problems.push(
          msg(ring.length === 1 ? 'io.ringTooShortOne' : 'io.ringTooShort', { ring: name, count: String(ring.length) }),
        );
        return;
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(msg('io.ringNotClosed', { ring: name }));
        return;
      }
      if (budget <= 0) {
        skipped++;
        return;
      }
      const crossing = findRingCrossing(ring, RING_TEST_BUDGET);
      budget -= ring.length;
      if (crossing === 'too-complex') skipped++;
      else if (crossing)
        problems.push(msg('io.ringCrosses', { ring: name, lon: crossing.x.toFixed(5), lat: crossing.y.toFixed(5) }));
    });
  });
  return { problems, budgetLeft: budget, skipped };
}

// ---------------------------------------------------------------------------------------------
// Household counts and ids

function readCounts(features: Feature<Geometry>[], usable: Uint8Array, ctx: ValidationContext): Float64Array {
  const counts = new Float64Array(features.length).fill(1);
  const field = ctx.householdsField;
  if (!field) return counts;
  const noun = ctx.fieldNoun;
  let present = 0;
  const missing: number[] = [];
  features.forEach((f, i) => {
    if (!usable[i]) return;
    const props = isRecord(f.properties) ? f.properties : {};
    if (!Object.hasOwn(props, field)) {
      missing.push(i);
      return;
    }
    present++;
    const parsed = parseHouseholdCount(props[field]);
    if (parsed.ok) counts[i] = parsed.value;
    else ctx.problems.add(ctx.where(i), parsed.empty ? msg('io.countEmpty', { field: quote(field) }) : parsed.message);
  });
  if (present === 0 && missing.length > 0) {
    const available = availableFields(features);
    ctx.problems.add(
      FILE,
      msg('io.countFieldNowhere', {
        field: quote(field),
        noun: msg(`io.noun.${noun}`),
        nouns: msg(noun === 'column' ? 'io.noun.columns' : 'io.noun.properties'),
        available: available || msg('io.none'),
      }),
    );
  } else
    for (const i of missing)
      ctx.problems.add(
        ctx.where(i),
        msg('io.countFieldMissing', { noun: msg(`io.noun.${noun}`), field: quote(field) }),
      );
  return counts;
}

function availableFields(features: Feature<Geometry>[]): string {
  const seen = new Set<string>();
  for (const f of features.slice(0, 1000))
    if (isRecord(f.properties)) for (const k of Object.keys(f.properties)) seen.add(k);
  return [...seen]
    .slice(0, 20)
    .map((k) => quote(k, 30))
    .join(', ');
}

/** The feature's own id: the id property, else the GeoJSON feature id; null when it has none. */
export function explicitId(f: Feature<Geometry>, idField: string | null): string | null {
  const props = isRecord(f.properties) ? f.properties : {};
  const own = idField !== null && Object.hasOwn(props, idField) ? props[idField] : undefined;
  for (const v of [own, isRecord(f) ? f.id : undefined]) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}

function resolveIds(features: Feature<Geometry>[], ctx: ValidationContext): string[] {
  const firstUse = new Map<string, number>();
  const ids: (string | null)[] = features.map((f, i) => {
    if (!isRecord(f)) return null;
    const id = explicitId(f, ctx.idField);
    if (id === null) return null;
    const earlier = firstUse.get(id);
    if (earlier === undefined) firstUse.set(id, i);
    else {
      const other = ctx.where(earlier);
      ctx.problems.add(ctx.where(i), msg('io.idRepeated', { id: quote(id), other: whereMessage(other) }));
    }
    return id;
  });
  // Generated ids skip any the file already uses, so "C3" cannot collide with a real "C3".
  const prefix = ID_PREFIX[ctx.role]!;
  let next = 1;
  return ids.map((id) => {
    if (id !== null) return id;
    while (firstUse.has(`${prefix}${next}`)) next++;
    return `${prefix}${next++}`;
  });
}
