// KML and KMZ from 奥维 or Google Earth (placemarks and polygons), and GPX waypoints, read with
// @tmcw/togeojson (Placemark's converter, well kept) over @xmldom/xmldom's parser, since a Web
// Worker has no DOMParser. Both are loaded only when such a file comes in. A DOCTYPE that declares
// entities is refused before parsing (entity expansion is the classic way an XML file eats memory);
// a KMZ's declared sizes are checked before it is inflated. KML is WGS84 by definition.
import type { Feature, Geometry } from 'geojson';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { featureHandler } from './field-summary';
import type { FormatHandler, Problem, ReadResult, Where } from './format';
import { FILE } from './problem-list';
import { unzipChecked } from './zip-entries';
import { decodeText, errorText } from './text-decoding';

const MAX_KMZ_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
const MAX_KMZ_ENTRIES = 1000;

function fail(message: Message, where: Where = FILE): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where, message }] };
}

/** The main .kml of a KMZ: doc.kml, else the first .kml at the top level, else any. */
function kmlOfKmz(bytes: Uint8Array): { ok: true; kml: Uint8Array } | { ok: false; problems: Problem[] } {
  const read = unzipChecked(bytes, {
    wanted: (name) => name.toLowerCase().endsWith('.kml'),
    maxEntries: MAX_KMZ_ENTRIES,
    maxTotalBytes: MAX_KMZ_UNCOMPRESSED_BYTES,
  });
  if (!read.ok) {
    if (read.reason === 'too-big') return fail(msg('io.kml.kmzTooLarge'));
    if (read.reason === 'too-many') return fail(msg('io.kml.kmzTooManyEntries', { max: String(MAX_KMZ_ENTRIES) }));
    return fail(msg('io.kml.kmzDamagedError', { error: errorText(read.error) }));
  }
  const kmls = [...read.entries.keys()];
  const name = kmls.find((n) => n.toLowerCase() === 'doc.kml') ?? kmls.find((n) => !n.includes('/')) ?? kmls[0];
  if (!name) return fail(msg('io.kml.kmzNoKml'));
  return { ok: true, kml: read.entries.get(name)! };
}

/** Drops altitude, and turns a MultiGeometry of one kind into the matching Multi* geometry. */
function flatten(geometry: Geometry | null): Geometry | null {
  if (!geometry) return null;
  const xy = (p: number[]) => [p[0]!, p[1]!];
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: xy(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(xy) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(xy) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((l) => l.map(xy)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(xy)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(xy))) };
    case 'GeometryCollection': {
      const parts = geometry.geometries.map(flatten).filter((g): g is Geometry => g !== null);
      if (parts.length > 0 && parts.every((g) => g.type === 'Polygon' || g.type === 'MultiPolygon'))
        return {
          type: 'MultiPolygon',
          coordinates: parts.flatMap((g) =>
            g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
          ),
        };
      if (parts.length === 1) return parts[0]!;
      // Mixed kinds stay a collection: validation names it as something that can't be imported.
      return { type: 'GeometryCollection', geometries: parts };
    }
  }
}

/** KML, KMZ (by its zip header) or GPX. Never throws. */
export async function readKml(bytes: Uint8Array, kind: 'kml' | 'gpx' = 'kml'): Promise<ReadResult> {
  let xmlBytes = bytes;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const inner = kmlOfKmz(bytes);
    if (!inner.ok) return inner;
    xmlBytes = inner.kml;
  }
  const decoded = decodeText(xmlBytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  const head = text.slice(0, 100_000);
  // Any DOCTYPE with an entity declaration anywhere is refused: `<!DOCTYPE[^>]*\[` scanned on from
  // every "<!DOCTYPE" of a run of them (100 kB took 2.4 s, 300 kB 22 s).
  if (/<!ENTITY/i.test(head) || (/<!DOCTYPE/i.test(head) && /<!ENTITY/i.test(text)))
    return fail(msg('io.kml.entities'));
  if (!/<(kml|gpx)[\s>]/i.test(head)) return fail(kind === 'gpx' ? msg('io.kml.notGpx') : msg('io.kml.notKml'));
  const [{ DOMParser }, togeojson] = await Promise.all([import('@xmldom/xmldom'), import('@tmcw/togeojson')]);
  const errors: string[] = [];
  let collection: { features: Feature[] };
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
    if (errors.length) return fail(msg('io.kml.badXml', { error: errors[0]!.split('\n')[0]! }));
    const isGpx = /<gpx[\s>]/i.test(head);
    collection = (isGpx ? togeojson.gpx(doc) : togeojson.kml(doc)) as {
      features: Feature[];
    };
  } catch (error) {
    // xmldom throws on a fatal error (a tag left open, a bad character).
    return fail(msg('io.kml.badXml', { error: errorText(error).split('\n')[0]! }));
  }
  const warnings: Problem[] = [...decoded.warnings];
  const features = collection.features.map((f) => ({
    type: 'Feature' as const,
    geometry: flatten(f.geometry),
    // Entries, not assignment: a field named "__proto__" in ExtendedData stays a field.
    properties: Object.fromEntries(
      Object.entries(f.properties ?? {}).filter(
        ([k]) =>
          !k.startsWith('@') &&
          k !== 'styleUrl' &&
          k !== 'styleHash' &&
          k !== 'styleMapHash' &&
          k !== 'stroke' &&
          k !== 'stroke-opacity' &&
          k !== 'stroke-width' &&
          k !== 'fill' &&
          k !== 'fill-opacity',
      ),
    ),
  }));
  if (features.length === 0) return fail(msg('io.kml.noPlacemarks'));
  return {
    ok: true,
    features,
    where: (i) => ({ kind: 'feature', n: i + 1 }),
    problems: [],
    warnings,
    encoding: decoded.encoding,
  };
}

/** KML and KMZ (by the zip header). */
export const kmlFormat: FormatHandler = featureHandler('kml', (bytes) => readKml(bytes, 'kml'));
export const gpxFormat: FormatHandler = featureHandler('gpx', (bytes) => readKml(bytes, 'gpx'));
