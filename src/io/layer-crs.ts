// A layer's coordinate system on its way in: which one applies (the person's choice, else what the
// file declares, else WGS84), converting features in it to WGS84 before validation, and a
// suggestion when projected coordinates come with no system named. GCJ-02 and BD-09 are offsets,
// converted later by core/coordinates as before; everything else goes through proj4 (io/crs.ts).
import { msg } from '../core/i18n';
import type { Crs, DefinedCrs, LayerCrs, Message } from '../core/model';
import { resolveCrs, suggestCrs, toWgs84, type CrsInfo } from './crs';
import type { CrsChoice } from './format';
import { isRecord } from './records';

export type AppliedCrs =
  | { kind: 'offset'; crs: Crs }
  | { kind: 'defined'; info: CrsInfo; northingFirst: boolean; declared: boolean }
  | { kind: 'failed'; message: Message };

export function isDefinedCrs(crs: LayerCrs | undefined): crs is DefinedCrs {
  return typeof crs === 'object' && crs !== null;
}

/** The system that applies: the person's, else the file's, else WGS84. */
export async function appliedCrs(chosen: LayerCrs | undefined, declared: string | undefined): Promise<AppliedCrs> {
  if (chosen !== undefined && !isDefinedCrs(chosen)) return { kind: 'offset', crs: chosen };
  const text = isDefinedCrs(chosen) ? chosen.proj : declared;
  if (text === undefined) return { kind: 'offset', crs: 'wgs84' };
  const resolved = await resolveCrs(text);
  if (!resolved.ok)
    return {
      kind: 'failed',
      message: isDefinedCrs(chosen)
        ? msg('io.crs.cannotUse', { crs: text.slice(0, 80), reason: resolved.reason })
        : msg('io.crs.declaredUnusable', { reason: resolved.reason }),
    };
  const info = resolved.crs;
  // Plain longitude/latitude on WGS84 or CGCS2000 (centimetres apart) needs no conversion.
  if (info.geographic && (info.datum === 'wgs84' || info.datum === 'cgcs2000') && !chosen?.northingFirst)
    return { kind: 'offset', crs: 'wgs84' };
  return { kind: 'defined', info, northingFirst: chosen?.northingFirst ?? false, declared: !isDefinedCrs(chosen) };
}

/** How the dialog shows a system and what it passes back to choose it. */
export function crsChoice(info: CrsInfo, northingFirst = false, reason?: Message): CrsChoice {
  return {
    crs: { proj: info.code ?? info.definition, ...(northingFirst ? { northingFirst } : {}) },
    code: info.code,
    name: info.name,
    nameZh: info.nameZh,
    datumShiftMissing: info.datumShiftMissing,
    ...(reason ? { reason } : {}),
  };
}

/** Deepest nesting of positions in a simple-feature geometry (MultiPolygon). */
const MAX_DEPTH = 4;

/** Every position (an array starting with two numbers) of a feature's geometry, each array once. */
function forEachPosition(features: readonly unknown[], visit: (p: number[]) => boolean): void {
  const seen = new Set<unknown>();
  const walk = (c: unknown, depth: number): boolean => {
    if (!Array.isArray(c) || depth > MAX_DEPTH) return true;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      // A reader may share one array between a ring's first and last position: convert it once.
      if (seen.has(c)) return true;
      seen.add(c);
      return visit(c as number[]);
    }
    for (const inner of c) if (!walk(inner, depth + 1)) return false;
    return true;
  };
  for (const f of features) {
    const g = isRecord(f) ? f['geometry'] : undefined;
    if (!isRecord(g)) continue;
    const parts = g['type'] === 'GeometryCollection' && Array.isArray(g['geometries']) ? g['geometries'] : [g];
    for (const part of parts) if (isRecord(part) && !walk(part['coordinates'], 0)) return;
  }
}

/** The first positions of the features, for telling what system they are in. */
export function samplePositions(features: readonly unknown[], max = 200): [number, number][] {
  const out: [number, number][] = [];
  forEachPosition(features, (p) => {
    if (Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push([p[0]!, p[1]!]);
    return out.length < max;
  });
  return out;
}

/** Metres of a projection China is drawn in: past longitude/latitude, short of absurd (1e308). */
export function looksProjected(x: number, y: number): boolean {
  const m = Math.max(Math.abs(x), Math.abs(y));
  return (Math.abs(x) > 180 || Math.abs(y) > 90) && m >= 1000 && m <= 1e8;
}

/**
 * Converts every position of the features from the system to WGS84 in place (altitude dropped).
 * Returns how many positions proj4 could not convert (they become NaN, which validation names).
 */
export async function reprojectFeatures(
  features: readonly unknown[],
  info: CrsInfo,
  northingFirst: boolean,
): Promise<number> {
  const positions: number[][] = [];
  forEachPosition(features, (p) => {
    positions.push(p);
    return true;
  });
  const flat = new Float64Array(positions.length * 2);
  positions.forEach((p, i) => {
    flat[2 * i] = northingFirst ? p[1]! : p[0]!;
    flat[2 * i + 1] = northingFirst ? p[0]! : p[1]!;
  });
  await toWgs84(info, flat);
  let failed = 0;
  positions.forEach((p, i) => {
    const lon = flat[2 * i]!;
    const lat = flat[2 * i + 1]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) failed++;
    p.length = 2;
    p[0] = lon;
    p[1] = lat;
  });
  return failed;
}

function spaced(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** For projected positions in a file that names no system: the likeliest one, as a one-click choice. */
export async function suggestedCrs(samples: readonly [number, number][]): Promise<CrsChoice | undefined> {
  if (samples.length === 0 || !samples.every(([x, y]) => looksProjected(x, y))) return undefined;
  const [first] = await suggestCrs(samples);
  if (!first) return undefined;
  const { crs, swapped } = first;
  const name: Message = { zh: crs.nameZh, en: crs.name };
  const e = swapped ? samples[0]![1] : samples[0]![0];
  const reason =
    crs.code === 'EPSG:3857'
      ? msg('io.crs.suggestMercator', { x: spaced(samples[0]![0]), y: spaced(samples[0]![1]) })
      : msg(swapped ? 'io.crs.suggestSwapped' : 'io.crs.suggest', { easting: spaced(e), name, code: crs.code ?? '' });
  return crsChoice(crs, swapped, reason);
}

/** The Message naming a system in both languages. */
export function crsName(info: CrsInfo): Message {
  return { zh: info.nameZh, en: info.name };
}
