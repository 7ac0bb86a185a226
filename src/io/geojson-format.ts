// GeoJSON (RFC 7946) reading and writing. Reading accepts what real tools produce: a
// FeatureCollection, a single Feature or bare geometry, a JSON list of features, UTF-8 with or
// without a BOM and GBK text from older Chinese software. It recognises the look-alikes people
// mistake for GeoJSON (TopoJSON, Esri JSON, HTML error pages) and names them.
import type { FeatureCollection } from 'geojson';
import { FieldSummary } from './field-summary';
import type { FormatHandler, InspectResult, Problem, ReadResult } from './format';
import { describeJsonSyntaxError } from './json-syntax-error';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { FILE } from './problem-list';
import { quote } from './problem-list';
import { isRecord } from './records';
import { decodeText, errorText } from './text-decoding';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

export const geojsonFormat: FormatHandler = {
  format: 'geojson',
  read: (bytes) => Promise.resolve(readGeoJson(bytes)),
  inspect: (bytes) => Promise.resolve(inspectGeoJson(bytes)),
  write: (fc) => Promise.resolve(writeGeoJson(fc)),
};

export function readGeoJson(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded;
  if (text.trim() === '') return fileProblem(msg('io.fileEmpty'));
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return fileProblem(describeJsonSyntaxError(text, errorText(error)));
  }
  const found = featuresOf(root);
  if ('problem' in found) return fileProblem(found.problem);
  return {
    ok: true,
    features: found.features,
    where: (i) => ({ kind: 'feature', n: i + 1 }),
    problems: [],
    warnings: decoded.warnings,
    encoding,
    declaredCrs: declaredCrsOf(root),
  };
}

function fileProblem(message: Message): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where: FILE, message }] };
}

type Found = { features: unknown[] } | { problem: Message };

/** Finds the features in any GeoJSON root, or says what the JSON is instead. */
function featuresOf(root: unknown): Found {
  if (Array.isArray(root)) {
    if (root.length === 0) return { problem: msg('io.geojson.emptyList') };
    // A list of features is not GeoJSON proper, but several tools write it; accept it when it starts with one.
    if (typeOf(root[0]) === 'Feature') return { features: root };
    return { problem: msg('io.geojson.listOf', { value: describeValue(root[0]) }) };
  }
  if (!isRecord(root)) return { problem: msg('io.geojson.single', { value: describeValue(root) }) };
  const type = root['type'];
  if (type === 'FeatureCollection') {
    const features = root['features'];
    if (!Array.isArray(features)) return { problem: msg('io.geojson.noFeaturesList') };
    if (features.length === 0) return { problem: msg('io.geojson.noFeatures') };
    return { features };
  }
  if (type === 'Feature') return { features: [root] };
  if (type === 'GeometryCollection') return { problem: msg('io.geojson.geometryCollection') };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type))
    return { features: [{ type: 'Feature', geometry: root, properties: {} }] };
  if (type === 'Topology') return { problem: msg('io.geojson.topojson') };
  if (
    Array.isArray(root['features']) &&
    ('geometryType' in root || 'spatialReference' in root || hasEsriAttributes(root['features']))
  )
    return { problem: msg('io.geojson.esri') };
  const keys = Object.keys(root)
    .slice(0, 8)
    .map((k) => quote(k, 30));
  const has = keys.length ? msg('io.geojson.topLevelNames', { names: keys.join(', ') }) : '';
  if (type === undefined) return { problem: msg('io.geojson.noType', { has }) };
  return { problem: msg('io.geojson.wrongType', { type: quote(type), has }) };
}

function hasEsriAttributes(features: unknown[]): boolean {
  const first = features[0];
  return isRecord(first) && 'attributes' in first;
}

/** The GeoJSON 2008 "crs" member, when it names something other than plain longitude/latitude. */
function declaredCrsOf(root: unknown): string | undefined {
  if (!isRecord(root) || !isRecord(root['crs'])) return undefined;
  const props = root['crs']['properties'];
  const name = isRecord(props) ? props['name'] : undefined;
  if (typeof name !== 'string') return undefined;
  const m = /EPSG:+(\d+)/i.exec(name);
  if (m) return m[1] === '4326' || m[1] === '4490' ? undefined : `EPSG:${m[1]}`;
  return /CRS84$/i.test(name) ? undefined : name.slice(0, 80);
}

function typeOf(value: unknown): unknown {
  return isRecord(value) ? value['type'] : undefined;
}

function describeValue(value: unknown): Message | string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return msg('io.value.list');
  if (isRecord(value))
    return typeof value['type'] === 'string'
      ? msg('io.value.object', { type: quote(value['type']) })
      : msg('io.value.plainObject');
  return typeof value;
}

function inspectGeoJson(bytes: Uint8Array): InspectResult {
  const read = readGeoJson(bytes);
  if (!read.ok) return read;
  const fields = new FieldSummary();
  const geometryTypes = new Set<string>();
  for (const f of read.features) {
    const properties = isRecord(f) && isRecord(f['properties']) ? f['properties'] : null;
    fields.add(properties);
    const geometry = isRecord(f) ? f['geometry'] : undefined;
    geometryTypes.add(isRecord(geometry) && typeof geometry['type'] === 'string' ? geometry['type'] : 'none');
  }
  return {
    ok: true,
    summary: {
      format: 'geojson',
      featureCount: read.features.length,
      fields: fields.fields,
      numericFields: fields.numericFields,
      geometryTypes: [...geometryTypes],
      encoding: read.encoding,
      sample: fields.sample,
    },
  };
}

/**
 * UTF-8 GeoJSON per RFC 7946. The obsolete "crs" member is dropped: RFC 7946 coordinates are
 * always WGS84 longitude/latitude, which is what the app holds.
 */
export function writeGeoJson<T extends FeatureCollection>(fc: T): Uint8Array {
  // Generic rather than `FeatureCollection & Record<string, unknown>` so interfaces with foreign
  // members (a plan export's "metadata") are accepted without an index signature.
  const { crs: _dropped, ...rest } = fc as T & { crs?: unknown };
  return new TextEncoder().encode(JSON.stringify(rest));
}
