// GeoJSON (RFC 7946) reading and writing. Reading accepts what real tools produce: a
// FeatureCollection, a single Feature or bare geometry, a JSON list of features, UTF-8 with or
// without a BOM and GBK text from older Chinese software. It recognises the look-alikes people
// mistake for GeoJSON (TopoJSON, Esri JSON, HTML error pages) and names them.
import type { FeatureCollection } from 'geojson';
import { FieldSummary } from './field-summary';
import type { FormatHandler, InspectResult, Problem, ReadResult } from './format';
import { describeJsonSyntaxError } from './json-syntax-error';
import { quote } from './problem-list';
import { isRecord } from './records';
import { decodeText, errorText } from './text-decoding';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

export const geojsonFormat: FormatHandler = {
  format: 'geojson',
  read: async (bytes) => readGeoJson(bytes),
  inspect: async (bytes) => inspectGeoJson(bytes),
  write: async (fc) => writeGeoJson(fc),
};

export function readGeoJson(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded;
  if (text.trim() === '') return fileProblem('the file is empty');
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
    where: (i) => `feature ${i + 1}`,
    problems: [],
    warnings: decoded.warnings,
    encoding,
    declaredCrs: declaredCrsOf(root),
  };
}

function fileProblem(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where: 'file', message }] };
}

type Found = { features: unknown[] } | { problem: string };

/** Finds the features in any GeoJSON root, or says what the JSON is instead. */
function featuresOf(root: unknown): Found {
  if (Array.isArray(root)) {
    if (root.length === 0) return { problem: 'the file is an empty JSON list — there are no features to import' };
    // A list of features is not GeoJSON proper, but several tools write it; accept it when it starts with one.
    if (typeOf(root[0]) === 'Feature') return { features: root };
    return {
      problem: `the file is JSON but not GeoJSON: it is a list of ${describeValue(root[0])}s, not a FeatureCollection`,
    };
  }
  if (!isRecord(root))
    return {
      problem: `the file is JSON but not GeoJSON: it holds a single ${describeValue(root)}, not a FeatureCollection`,
    };
  const type = root['type'];
  if (type === 'FeatureCollection') {
    const features = root['features'];
    if (!Array.isArray(features))
      return { problem: 'the file is JSON but not GeoJSON: its FeatureCollection has no "features" list' };
    if (features.length === 0)
      return { problem: 'the file has no features (its FeatureCollection\'s "features" list is empty)' };
    return { features };
  }
  if (type === 'Feature') return { features: [root] };
  if (type === 'GeometryCollection')
    return {
      problem:
        "the file is a single GeometryCollection, which can't be imported — save its geometries as separate features of a FeatureCollection",
    };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type))
    return { features: [{ type: 'Feature', geometry: root, properties: {} }] };
  if (type === 'Topology')
    return {
      problem:
        'the file is TopoJSON, not GeoJSON — convert it to GeoJSON first (for example with mapshaper or topojson-client)',
    };
  if (
    Array.isArray(root['features']) &&
    ('geometryType' in root || 'spatialReference' in root || hasEsriAttributes(root['features']))
  )
    return {
      problem:
        'the file is Esri JSON (from ArcGIS), not GeoJSON — export it from ArcGIS as GeoJSON, or convert it with GDAL (ogr2ogr -f GeoJSON)',
    };
  const keys = Object.keys(root)
    .slice(0, 8)
    .map((k) => quote(k, 30));
  const has = keys.length ? ` (its top-level names are ${keys.join(', ')})` : '';
  if (type === undefined)
    return {
      problem: `the file is JSON but not GeoJSON: it has no "type" member${has} — expected a FeatureCollection`,
    };
  return {
    problem: `the file is JSON but not GeoJSON: its "type" is ${quote(type)}${has} — expected a FeatureCollection`,
  };
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

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return typeof value['type'] === 'string' ? `${quote(value['type'])} object` : 'object';
  return typeof value;
}

async function inspectGeoJson(bytes: Uint8Array): Promise<InspectResult> {
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
