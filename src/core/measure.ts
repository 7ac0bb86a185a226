// The measuring tool's arithmetic: lengths along clicked points and the area of the polygon they
// close, on the sphere every distance of the project uses (geodesy.ts), with the figures written
// the way a planner reads them (m / km; m², 公顷 / ha, km²).
import { EARTH_RADIUS, RAD, haversine } from './geodesy';
import { formatThousands } from './format-number';
import type { LonLat } from './coordinates';
import { t, type Language } from './i18n';

export interface Measurement {
  /** Length of each leg in metres, in click order (the closing leg last when closed). */
  segments: number[];
  /** Sum of the legs in metres. */
  total: number;
  /** Area in m² when the points are closed into a polygon (three points or more), else null. */
  area: number | null;
}

export function measure(points: readonly LonLat[], closed: boolean): Measurement {
  const segments: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    segments.push(haversine(a[0], a[1], b[0], b[1]));
  }
  const polygon = closed && points.length >= 3;
  if (polygon) {
    const [a, b] = [points[points.length - 1]!, points[0]!];
    segments.push(haversine(a[0], a[1], b[0], b[1]));
  }
  const total = segments.reduce((s, x) => s + x, 0);
  return { segments, total, area: polygon ? sphericalArea(points) : null };
}

/**
 * Area of a simple ring on the sphere (the formula of Chamberlain and Duquette that @turf/area
 * uses, on the same radius), in m²; the ring need not repeat its first point.
 */
export function sphericalArea(ring: readonly LonLat[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[(i + n - 1) % n]!;
    const middle = ring[i]!;
    const upper = ring[(i + 1) % n]!;
    sum += (upper[0] - lower[0]) * RAD * Math.sin(middle[1] * RAD);
  }
  return Math.abs((sum * EARTH_RADIUS * EARTH_RADIUS) / 2);
}

/** "850 m", "12.4 m" under 100 m, "1.23 km" from a kilometre. */
export function formatDistance(metres: number): string {
  if (metres < 100) return `${metres.toFixed(1)} m`;
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 2 : 1)} km`;
}

/** The area in m², 公顷 (ha) and km², e.g. "12,345 m² · 1.23 公顷 · 0.012 km²". */
export function formatArea(m2: number, language: Language): string {
  const ha = m2 / 10_000;
  const km2 = m2 / 1_000_000;
  const haText = ha < 10 ? ha.toFixed(2) : ha < 1000 ? ha.toFixed(1) : formatThousands(ha);
  const km2Text = km2 < 1 ? km2.toPrecision(2) : km2.toFixed(2);
  return `${formatThousands(m2)} m² · ${haText} ${t(language, 'map.hectare')} · ${km2Text} km²`;
}
