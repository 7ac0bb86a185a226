// Name labels on the map: roads (along the line), communities, grids (closer in) and compounds
// (household points' names). Chinese is drawn by the browser from system fonts through MapLibre's
// `localIdeographFontFamily`; digits and Latin come from one small bundled glyph range, served by
// a protocol of our own, so no label ever asks the network for a glyph.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ExpressionSpecification, GetResourceResponse, Map as MapLibreMap, RequestParameters } from 'maplibre-gl';
import type { AreaUnit, HouseholdSet } from '../core/model';
import { RAD } from '../core/geodesy';
import { householdRadii, HOUSEHOLD_MAX_PIXELS } from './household-radius';

/** Web Mercator pixels (512-pixel tiles, as MapLibre counts zoom) per metre at zoom 0, on the equator. */
const PIXELS_PER_METRE_Z0 = 512 / 40_075_016.686;

/** The one font stack the style uses; its 0-255 range ships in public/glyphs. */
export const LABEL_FONT = 'Noto Sans Regular';
export const GLYPH_PROTOCOL = 'bundled-glyphs';
export const GLYPHS_URL = `${GLYPH_PROTOCOL}://{fontstack}/{range}`;
/** System fonts for CJK, first the ones Chinese desktops and phones have. */
export const LOCAL_IDEOGRAPH_FONTS =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif";

export const LABEL_LAYERS = ['roads-label', 'communities-label', 'grids-label', 'households-label'] as const;

/**
 * Serves the bundled range; any other range is refused, so MapLibre draws that character from the
 * system fonts instead of fetching it (its fallback for a range that fails to load).
 */
export async function loadBundledGlyphs(
  params: RequestParameters,
  abort: AbortController,
): Promise<GetResourceResponse<ArrayBuffer>> {
  const range = params.url.slice(params.url.lastIndexOf('/') + 1);
  if (range !== '0-255') throw new Error(`glyph range ${range} is not bundled`);
  const response = await fetch(new URL('glyphs/noto-sans-regular/0-255.pbf', document.baseURI), {
    signal: abort.signal,
  });
  if (!response.ok) throw new Error(`bundled glyphs: HTTP ${response.status}`);
  return { data: await response.arrayBuffer() };
}

/**
 * A point inside the polygon's largest part for its label: the middle of the widest span of the
 * horizontal line through the part's vertex centroid (a centroid alone can fall outside an L or a U).
 */
export function labelPoint(geometry: Polygon | MultiPolygon): Position | null {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[] | null = null;
  let bestArea = -1;
  for (const part of parts) {
    const ring = part[0];
    if (!ring || ring.length < 4) continue;
    const a = Math.abs(ringArea(ring));
    if (a > bestArea) {
      bestArea = a;
      best = ring;
    }
  }
  if (!best) return null;
  let sy = 0;
  for (let i = 0; i < best.length - 1; i++) sy += best[i]![1]!;
  const y = sy / (best.length - 1);
  const xs: number[] = [];
  for (let i = 0; i < best.length - 1; i++) {
    const [x1, y1] = best[i] as [number, number];
    const [x2, y2] = best[i + 1] as [number, number];
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
  }
  xs.sort((p, q) => p - q);
  let mid: number | null = null;
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1]! - xs[i]!;
    if (w > widest) {
      widest = w;
      mid = (xs[i]! + xs[i + 1]!) / 2;
    }
  }
  return mid === null ? [best[0]![0]!, best[0]![1]!] : [mid, y];
}

function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

/** One label point per named unit. */
export function unitLabels(units: readonly AreaUnit[]): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const u of units) {
    if (!u.name) continue;
    const p = labelPoint(u.geometry);
    if (p)
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { name: u.name } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Compound names at their household points, biggest compounds first. `r0` is the point's circle
 * radius in pixels at zoom 0, so the label can sit just below the circle at any zoom.
 */
export function householdLabels(set: HouseholdSet): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  const names = set.names;
  if (!names) return { type: 'FeatureCollection', features };
  const radii = householdRadii(set.households);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (!name) continue;
    const lat = set.coordinates[i * 2 + 1]!;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [set.coordinates[i * 2]!, lat] },
      properties: {
        name,
        households: set.households[i] ?? 0,
        r0: (radii[i]! * PIXELS_PER_METRE_Z0) / Math.cos(lat * RAD),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

const HALO = { 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.4, 'text-halo-blur': 0.3 };
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds the label sources and layers on top of everything else (after addPlanLayers). */
export function addLabelLayers(m: MapLibreMap): void {
  m.addSource('community-labels', { type: 'geojson', data: EMPTY });
  m.addSource('grid-labels', { type: 'geojson', data: EMPTY });
  m.addSource('household-labels', { type: 'geojson', data: EMPTY });
  m.addLayer({
    id: 'roads-label',
    type: 'symbol',
    source: 'roads',
    minzoom: 14,
    filter: ['has', 'name'],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], 14, 10, 18, 13],
      'symbol-spacing': 260,
      'text-max-angle': 30,
    },
    paint: { 'text-color': '#57534e', ...HALO },
  });
  m.addLayer({
    id: 'grids-label',
    type: 'symbol',
    source: 'grid-labels',
    minzoom: 15,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': 10.5,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: { 'text-color': '#3d5a80', ...HALO },
  });
  m.addLayer({
    id: 'households-label',
    type: 'symbol',
    source: 'household-labels',
    minzoom: 15,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': 10.5,
      'text-variable-anchor': ['top'],
      // Below the point's circle, which deck.gl draws over the map's labels: its radius in ems.
      'text-radial-offset': [
        'interpolate',
        ['linear'],
        ['zoom'],
        ...[15, 16, 17, 18, 19, 20].flatMap((z): [number, ExpressionSpecification] => [
          z,
          ['+', 0.3, ['/', ['min', HOUSEHOLD_MAX_PIXELS, ['*', 2 ** z, ['get', 'r0']]], 10.5]],
        ]),
      ],
      'text-max-width': 7,
      'symbol-sort-key': ['-', 0, ['get', 'households']],
    },
    paint: { 'text-color': '#1f4e79', ...HALO },
  });
  m.addLayer({
    id: 'communities-label',
    type: 'symbol',
    source: 'community-labels',
    minzoom: 11.5,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], 12, 11, 16, 14],
      'text-max-width': 7,
      'text-padding': 6,
      'symbol-z-order': 'source',
    },
    paint: { 'text-color': '#111827', ...HALO, 'text-halo-width': 1.8 },
  });
}
