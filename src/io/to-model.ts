// Turns validated features into the app's model (HouseholdSet, AreaUnit[], Facility[], roads),
// converting coordinates to WGS84. Also where oversized property text is cut down and names with
// markup are noted: the model keeps them as plain text, and the UI never interprets them.
import { categoryFromAmapType } from '../core/amap-category-mapping';
import { reconcileFacilityCategories } from './category-reconciliation';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPoint,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { convertCoordinates, convertInterleavedInPlace } from '../core/coordinates';
import type { AreaUnit, Crs, Facility, HouseholdSet, LayerRole } from '../core/model';
import type { ImportedLayer } from './format';
import { parseNumericText } from './household-count';
import { msg } from '../core/i18n';
import type { Where } from './format';
import { FILE, type ProblemList, quote } from './problem-list';
import { unionOverlappingParts } from './multipolygon-union';
import { isRecord, setOwn } from './records';
import type { ValidatedFeatures } from './validate-features';

/** Longest property text kept; longer values are cut with a warning. */
export const MAX_PROPERTY_LENGTH = 10_000;
/** Deepest nesting kept in a property value (objects and lists inside each other). */
export const MAX_PROPERTY_DEPTH = 32;
/** Above this many points, per-point properties are dropped to save memory. */
export const MAX_POINTS_WITH_PROPERTIES = 200_000;

const NAME_FIELDS = ['name', '名称', 'plot_name', '小区名称', '社区名称', '网格名称'];
const FLOOR_AREA_FIELDS = ['floorArea', 'floor_area', '建筑面积'];
/** Where a tag could open; `looksLikeMarkup` then needs only one '>' after the first of them. */
const TAG_OPEN = /<\/?[a-z!]/i;

/**
 * Markup is a tag opening with a '>' somewhere after it, or a javascript: URL. One search from
 * the first opening instead of the pattern `<\/?[a-z!][^>]*>`, which scanned to the end of the
 * name from every "<a" of a long run: 200 names of 10,000 characters took 9 s.
 */
function looksLikeMarkup(name: string): boolean {
  const open = TAG_OPEN.exec(name);
  return (open !== null && name.indexOf('>', open.index) !== -1) || /javascript:/i.test(name);
}

export interface ModelContext {
  role: LayerRole;
  crs: Crs;
  where: (index: number) => Where;
  warnings: ProblemList;
  nameField?: string;
  categoryField?: string;
  mapAmapTypes?: boolean;
  ruleCategories?: readonly string[];
}

export function toModel(validated: ValidatedFeatures, ctx: ModelContext): ImportedLayer {
  const { features } = validated;
  const cleaner = new PropertyCleaner(ctx);
  const nameField = findNameField(features, ctx.nameField);
  switch (ctx.role) {
    case 'households':
      return householdsOf(features, validated.counts!, nameField, cleaner, ctx);
    case 'communities':
    case 'grids':
      return { role: ctx.role, units: unitsOf(features, validated.ids!, nameField, cleaner, ctx) };
    case 'facilities':
      return { role: 'facilities', facilities: facilitiesOf(features, validated.ids!, nameField, cleaner, ctx) };
    case 'roads':
      return { role: 'roads', roads: roadsOf(features, cleaner, ctx) };
  }
}

// ---------------------------------------------------------------------------------------------
// Properties and names

class PropertyCleaner {
  constructor(private readonly ctx: ModelContext) {}

  /** The properties, or a copy with oversized text cut down; never mutates the input. */
  clean(raw: unknown, i: number): Record<string, unknown> {
    if (!isRecord(raw)) return {};
    let copy: Record<string, unknown> | null = null;
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      const longKey = key.length > MAX_PROPERTY_LENGTH;
      const longValue = typeof value === 'string' && value.length > MAX_PROPERTY_LENGTH;
      const deepValue = typeof value === 'object' && value !== null && nestedDeeperThan(value, MAX_PROPERTY_DEPTH);
      if (!longKey && !longValue && !deepValue) continue;
      copy ??= copyOf(raw);
      if (deepValue) {
        // JSON.parse builds any depth, but JSON.stringify (autosave, export) and structured clone
        // recurse and would overflow the stack later, far from the file that caused it.
        delete copy[key];
        this.ctx.warnings.add(
          this.ctx.where(i),
          msg('io.prop.tooDeep', { key: quote(key), depth: String(MAX_PROPERTY_DEPTH) }),
        );
      } else if (longKey) {
        delete copy[key];
        this.ctx.warnings.add(this.ctx.where(i), msg('io.prop.longName', { length: key.length }));
      } else {
        setOwn(copy, key, (value as string).slice(0, MAX_PROPERTY_LENGTH));
        this.ctx.warnings.add(
          this.ctx.where(i),
          msg('io.prop.longValue', { key: quote(key), length: (value as string).length, kept: MAX_PROPERTY_LENGTH }),
        );
      }
    }
    return copy ?? raw;
  }

  name(properties: Record<string, unknown>, field: string | null, i: number): string | null {
    if (!field) return null;
    const v = properties[field];
    const name = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
    if (name && looksLikeMarkup(name))
      this.ctx.warnings.add(this.ctx.where(i), msg('io.prop.markup', { name: quote(name) }));
    return name || null;
  }
}

/** Iterative, so the check itself cannot overflow on the value it is checking. */
function nestedDeeperThan(value: object, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (typeof v !== 'object' || v === null) continue;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

function copyOf(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) setOwn(out, key, raw[key]);
  return out;
}

/** The name property: the one asked for, else the first of the usual names present (any case). */
function findNameField(features: readonly Feature<Geometry>[], asked: string | undefined): string | null {
  if (asked) return asked;
  const keys = new Map<string, string>();
  for (const f of features.slice(0, 1000)) {
    if (!isRecord(f.properties)) continue;
    for (const k of Object.keys(f.properties)) if (!keys.has(k.toLowerCase())) keys.set(k.toLowerCase(), k);
  }
  for (const candidate of NAME_FIELDS) {
    const found = keys.get(candidate.toLowerCase());
    if (found !== undefined) return found;
  }
  return null;
}

function stringValue(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Roles

function householdsOf(
  features: Feature<Geometry>[],
  counts: Float64Array,
  nameField: string | null,
  cleaner: PropertyCleaner,
  ctx: ModelContext,
): ImportedLayer {
  let total = 0;
  for (const f of features) total += f.geometry.type === 'MultiPoint' ? f.geometry.coordinates.length : 1;
  const coordinates = new Float64Array(total * 2);
  const households = new Float64Array(total);
  const names: (string | null)[] | null = nameField ? new Array<string | null>(total) : null;
  const properties: Record<string, unknown>[] | null =
    total <= MAX_POINTS_WITH_PROPERTIES ? new Array<Record<string, unknown>>(total) : null;
  let k = 0;
  let split = 0;
  features.forEach((f, i) => {
    const g = f.geometry as Point | MultiPoint;
    const positions: Position[] = g.type === 'Point' ? [g.coordinates] : g.coordinates;
    if (g.type === 'MultiPoint' && positions.length > 1) split++;
    const props = cleaner.clean(f.properties, i);
    const name = cleaner.name(props, nameField, i);
    // A MultiPoint's households are shared equally by its points, so totals stay right.
    const share = counts[i]! / positions.length;
    for (const p of positions) {
      coordinates[2 * k] = p[0]!;
      coordinates[2 * k + 1] = p[1]!;
      households[k] = share;
      if (names) names[k] = name;
      if (properties) properties[k] = props;
      k++;
    }
  });
  convertInterleavedInPlace(coordinates, ctx.crs, 'wgs84');
  if (split > 0) ctx.warnings.add(FILE, msg('io.multiPointSplit', { count: split }));
  const set: HouseholdSet = { coordinates, households, names, properties };
  return { role: 'households', households: set, count: total };
}

function unitsOf(
  features: Feature<Geometry>[],
  ids: string[],
  nameField: string | null,
  cleaner: PropertyCleaner,
  ctx: ModelContext,
): AreaUnit[] {
  const kind = ctx.role === 'grids' ? 'grid' : 'community';
  return features.map((f, i) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const properties = cleaner.clean(f.properties, i);
    const id = ids[i]!;
    const name = cleaner.name(properties, nameField, i) ?? id;
    const unit: AreaUnit = {
      id,
      kind,
      name,
      geometry: partsUnited(
        { type: g.type, coordinates: convertCoordinates(g.coordinates, ctx.crs, 'wgs84') } as Polygon | MultiPolygon,
        name,
        i,
        ctx,
      ),
      properties,
    };
    if (kind === 'community') {
      const type = properties['communityType'] ?? properties['type'];
      if (typeof type === 'string' && type.trim() !== '') unit.communityType = type.trim();
    } else {
      const parent = stringValue(properties['communityId']) ?? stringValue(properties['parentId']);
      if (parent !== undefined) unit.parentId = parent;
    }
    return unit;
  });
}

/** Overlapping MultiPolygon parts are a union, not even-odd (multipolygon-union.ts). */
function partsUnited(geometry: Polygon | MultiPolygon, name: string, i: number, ctx: ModelContext) {
  const { geometry: united, warning } = unionOverlappingParts(geometry, quote(name));
  if (warning) ctx.warnings.add(ctx.where(i), warning);
  return united;
}

function facilitiesOf(
  features: Feature<Geometry>[],
  ids: string[],
  nameField: string | null,
  cleaner: PropertyCleaner,
  ctx: ModelContext,
): Facility[] {
  const categoryField = ctx.categoryField ?? 'category';
  const out: Facility[] = [];
  let uncategorised = 0;
  const withoutCategory = new Set<Facility>();
  let dropped = 0;
  features.forEach((f, i) => {
    const g = f.geometry as Point | MultiPoint;
    const positions: Position[] = g.type === 'Point' ? [g.coordinates] : g.coordinates;
    const properties = cleaner.clean(f.properties, i);
    const id = ids[i]!;
    const name = cleaner.name(properties, nameField, i) ?? id;
    // The source's own type (e.g. AMap's "医疗保健服务;综合医院") is kept for mapping to a category later.
    const sourceType = stringValue(properties['type']);
    let category = stringValue(properties[categoryField]) ?? sourceType;
    if (ctx.mapAmapTypes && category !== undefined && /[;；]/.test(category)) {
      const mapped = categoryFromAmapType(category, name);
      if (mapped === null) {
        dropped++;
        return;
      }
      category = mapped;
    }
    const given = category !== undefined;
    if (category === undefined) {
      category = 'other';
      uncategorised++;
    }
    const floorArea = floorAreaOf(properties);
    positions.forEach((p, j) => {
      const [lon, lat] = convertCoordinates(p, ctx.crs, 'wgs84');
      const facility: Facility = {
        id: positions.length > 1 ? `${id}-${j + 1}` : id,
        name,
        category: category,
        lon: lon!,
        lat: lat!,
        properties,
      };
      if (sourceType !== undefined) facility.sourceType = sourceType;
      if (floorArea !== undefined) facility.floorArea = floorArea;
      if (!given) withoutCategory.add(facility);
      out.push(facility);
    });
  });
  if (dropped > 0)
    ctx.warnings.add(FILE, msg(dropped === 1 ? 'io.amapDroppedOne' : 'io.amapDropped', { count: dropped }));
  if (uncategorised > 0)
    ctx.warnings.add(
      FILE,
      uncategorised === 1
        ? msg('io.uncategorisedOne', { field: quote(categoryField) })
        : msg('io.uncategorised', { count: uncategorised, field: quote(categoryField) }),
    );
  reconcileFacilityCategories(out, ctx.ruleCategories, ctx.warnings, withoutCategory);
  return out;
}

function floorAreaOf(properties: Record<string, unknown>): number | undefined {
  for (const field of FLOOR_AREA_FIELDS) {
    const v = properties[field];
    const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumericText(v) : null;
    if (n !== null && Number.isFinite(n) && n >= 0) return n;
  }
  return undefined;
}

function roadsOf(
  features: Feature<Geometry>[],
  cleaner: PropertyCleaner,
  ctx: ModelContext,
): FeatureCollection<LineString | MultiLineString> {
  return {
    type: 'FeatureCollection',
    features: features.map((f, i) => {
      const g = f.geometry as LineString | MultiLineString;
      const road: Feature<LineString | MultiLineString> = {
        type: 'Feature',
        geometry: { type: g.type, coordinates: convertCoordinates(g.coordinates, ctx.crs, 'wgs84') } as
          LineString | MultiLineString,
        properties: cleaner.clean(f.properties, i),
      };
      if (typeof f.id === 'string' || typeof f.id === 'number') road.id = f.id;
      return road;
    }),
  };
}
