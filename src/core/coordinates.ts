// Conversions between the three coordinate systems Chinese map data comes in:
// WGS84 (GPS, OSM), GCJ-02 (the state-mandated offset used by AMap/Tencent) and BD-09 (Baidu).
// Forward WGS84→GCJ-02 is the published closed form; its inverse has no closed form, so it is
// solved by fixed-point iteration to well under a millimetre.
import type { Crs } from './model';

const A = 6378245.0; // Krasovsky 1940 semi-major axis used by GCJ-02
const EE = 0.006693421622965943; // its first eccentricity squared
const X_PI = (Math.PI * 3000.0) / 180.0;

/** Outside mainland China GCJ-02 applies no offset; the conventional bounding box. */
export function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

export type LonLat = [number, number];

export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat];
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Inverse of wgs84ToGcj02 by fixed-point iteration (converges to ~1e-9° in a few steps). */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat];
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 20; i++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    const dLon = gLon - lon;
    const dLat = gLat - lat;
    wLon -= dLon;
    wLat -= dLat;
    if (Math.abs(dLon) < 1e-11 && Math.abs(dLat) < 1e-11) break;
  }
  return [wLon, wLat];
}

export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

export function bd09ToGcj02(lon: number, lat: number): LonLat {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** Exact inverse of gcj02ToBd09 by iteration, for round trips that must close to ~1e-9°. */
export function bd09ToGcj02Exact(lon: number, lat: number): LonLat {
  let [gLon, gLat] = bd09ToGcj02(lon, lat);
  for (let i = 0; i < 10; i++) {
    const [bLon, bLat] = gcj02ToBd09(gLon, gLat);
    const dLon = bLon - lon;
    const dLat = bLat - lat;
    gLon -= dLon;
    gLat -= dLat;
    if (Math.abs(dLon) < 1e-11 && Math.abs(dLat) < 1e-11) break;
  }
  return [gLon, gLat];
}

export function wgs84ToBd09(lon: number, lat: number): LonLat {
  const [g0, g1] = wgs84ToGcj02(lon, lat);
  return gcj02ToBd09(g0, g1);
}

export function bd09ToWgs84(lon: number, lat: number): LonLat {
  const [g0, g1] = bd09ToGcj02Exact(lon, lat);
  return gcj02ToWgs84(g0, g1);
}

/** Convert one position from `from` to `to`. */
export function convert(lon: number, lat: number, from: Crs, to: Crs): LonLat {
  if (from === to) return [lon, lat];
  let wgs: LonLat;
  if (from === 'wgs84') wgs = [lon, lat];
  else if (from === 'gcj02') wgs = gcj02ToWgs84(lon, lat);
  else wgs = bd09ToWgs84(lon, lat);
  if (to === 'wgs84') return wgs;
  if (to === 'gcj02') return wgs84ToGcj02(wgs[0], wgs[1]);
  return wgs84ToBd09(wgs[0], wgs[1]);
}

/** Returns a converter for positions, or null when no conversion is needed. */
export function converter(from: Crs, to: Crs): ((lon: number, lat: number) => LonLat) | null {
  if (from === to) return null;
  return (lon, lat) => convert(lon, lat, from, to);
}

/** Convert interleaved lon,lat pairs in place. */
export function convertInterleavedInPlace(coords: Float64Array, from: Crs, to: Crs): void {
  const f = converter(from, to);
  if (!f) return;
  for (let i = 0; i < coords.length; i += 2) {
    const [x, y] = f(coords[i]!, coords[i + 1]!);
    coords[i] = x;
    coords[i + 1] = y;
  }
}

/** Convert every position of a GeoJSON geometry's coordinates array (any nesting), returning a copy. */
export function convertCoordinates<T>(coords: T, from: Crs, to: Crs): T {
  const f = converter(from, to);
  if (!f) return coords;
  const walk = (c: unknown): unknown => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = f(c[0], c[1] as number);
      return c.length > 2 ? [x, y, ...(c.slice(2) as unknown[])] : [x, y];
    }
    return Array.isArray(c) ? c.map(walk) : c;
  };
  return walk(coords) as T;
}

export function parseCrs(value: string): Crs | null {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, '');
  if (v === 'wgs84' || v === 'epsg4326' || v === '4326') return 'wgs84';
  if (v === 'gcj02' || v === 'gcj') return 'gcj02';
  if (v === 'bd09' || v === 'bd09ll' || v === 'baidu') return 'bd09';
  return null;
}
