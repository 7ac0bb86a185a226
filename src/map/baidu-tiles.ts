// Baidu's tiles on the Web Mercator grid the map uses. Baidu cuts its tiles from "BD-09 Mercator"
// (BD09MC) metres: origin (0,0), 2^(18-z) metres a pixel, tile rows counted northward. BD09MC is
// not Web Mercator: Baidu turns BD-09 lon/lat into it with piecewise polynomials in latitude
// (LL2MC, published in every copy of its JavaScript API). So a Web Mercator tile over BD-09
// lon/lat (the plan is drawn shifted into BD-09 while Baidu's tiles are shown) is resampled from
// the Baidu tiles that cover it, one output row at a time: longitude maps linearly onto BD09MC x,
// latitude does not map linearly onto y, but every pixel of one row shares one latitude.
// Pure arithmetic here; baidu-protocol.ts fetches and draws.
import type { LonLat } from '../core/coordinates';

// Baidu's JavaScript API tables (convertLL2MC / convertMC2LL): per latitude band, x = c0 + c1·|lon|
// and y = Σ c(2+k)·(|lat|/c9)^k; the inverse tables are read by BD09MC y band.
const LL_BANDS = [75, 60, 45, 30, 15, 0];
const LL2MC = [
  [
    -0.0015702102444, 111320.7020616939, 1704480524535203, -10338987376042340, 26112667856603880, -35149669176653700,
    26595700718403920, -10725012454188240, 1800819912950474, 82.5,
  ],
  [
    0.0008277824516172526, 111320.7020463578, 647795574.6671607, -4082003173.641316, 10774905663.51142,
    -15171875531.51559, 12053065338.62167, -5124939663.577472, 913311935.9512032, 67.5,
  ],
  [
    0.00337398766765, 111320.7020202162, 4481351.045890365, -23393751.19931662, 79682215.47186455, -115964993.2797253,
    97236711.15602145, -43661946.33752821, 8477230.501135234, 52.5,
  ],
  [
    0.00220636496208, 111320.7020209128, 51751.86112841131, 3796837.749470245, 992013.7397791013, -1221952.21711287,
    1340652.697009075, -620943.6990984312, 144416.9293806241, 37.5,
  ],
  [
    -0.0003441963504368392, 111320.7020576856, 278.2353980772752, 2485758.690035394, 6070.750963243378,
    54821.18345352118, 9540.606633304236, -2710.55326746645, 1405.483844121726, 22.5,
  ],
  [
    -0.0003218135878613132, 111320.7020701615, 0.00369383431289, 823725.6402795718, 0.46104986909093, 2351.343141331292,
    1.58060784298199, 8.77738589078284, 0.37238884252424, 7.45,
  ],
] as const;
const MC_BANDS = [12890594.86, 8362377.87, 5591021, 3481989.83, 1678043.12, 0];
const MC2LL = [
  [
    1.410526172116255e-8, 0.00000898305509648872, -1.9939833816331, 200.9824383106796, -187.2403703815547,
    91.6087516669843, -23.38765649603339, 2.57121317296198, -0.03801003308653, 17337981.2,
  ],
  [
    -7.435856389565537e-9, 0.000008983055097726239, -0.78625201886289, 96.32687599759846, -1.85204757529826,
    -59.36935905485877, 47.40033549296737, -16.50741931063887, 2.28786674699375, 10260144.86,
  ],
  [
    -3.030883460898826e-8, 0.00000898305509983578, 0.30071316287616, 59.74293618442277, 7.357984074871,
    -25.38371002664745, 13.45380521110908, -3.29883767235584, 0.32710905363475, 6856817.37,
  ],
  [
    -1.981981304930552e-8, 0.000008983055099779535, 0.03278182852591, 40.31678527705744, 0.65659298677277,
    -4.44255534477492, 0.85341911805263, 0.12923347998204, -0.04625736007561, 4482777.06,
  ],
  [
    3.09191371068437e-9, 0.000008983055096812155, 0.00006995724062, 23.10934304144901, -0.00023663490511,
    -0.6321817810242, -0.00663494467273, 0.03430082397953, -0.00466043876332, 2555164.4,
  ],
  [
    2.890871144776878e-9, 0.000008983055095805407, -0.00000003068298, 7.47137025468032, -0.00000353937994,
    -0.02145144861037, -0.00001234426596, 0.00010322952773, -0.00000323890364, 826088.5,
  ],
] as const;

/** Baidu clamps latitude here before projecting: its tiles end at ±74°. */
export const BAIDU_MAX_LAT = 74;
export const BAIDU_MIN_ZOOM = 3;
export const BAIDU_MAX_ZOOM = 19;
/** More source tiles than this for one output tile (only at the lowest zooms): drawn empty. */
export const MAX_SOURCE_TILES = 16;
const TILE = 256;

function polynomial(c: readonly number[], x: number, y: number): LonLat {
  const t = Math.abs(y) / c[9]!;
  let v = 0;
  for (let k = 6; k >= 0; k--) v = v * t + c[2 + k]!;
  const u = c[0]! + c[1]! * Math.abs(x);
  return [x < 0 ? -u : u, y < 0 ? -v : v];
}

function ll2mcCoefficients(lat: number): readonly number[] {
  const a = Math.abs(lat);
  return LL2MC[LL_BANDS.findIndex((b) => a >= b)]!;
}

/** BD-09 lon/lat → BD09MC metres (Baidu's LL2MC; latitude clamped to ±74°, longitude wrapped). */
export function ll2mc(lon: number, lat: number): LonLat {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  const clamped = Math.max(-BAIDU_MAX_LAT, Math.min(BAIDU_MAX_LAT, lat));
  return polynomial(ll2mcCoefficients(clamped), wrapped, clamped);
}

/** BD09MC metres → BD-09 lon/lat (Baidu's MC2LL). */
export function mc2ll(x: number, y: number): LonLat {
  const a = Math.abs(y);
  return polynomial(MC2LL[MC_BANDS.findIndex((b) => a >= b)]!, x, y);
}

/** BD09MC metres a pixel at a Baidu zoom. */
export function baiduResolution(zoom: number): number {
  return 2 ** (18 - zoom);
}

/** The Baidu zoom whose pixels are closest to `metresPerPixel` and not coarser (within Baidu's range). */
export function baiduZoomFor(metresPerPixel: number): number {
  const z = Math.ceil(18 - Math.log2(metresPerPixel) - 1e-9);
  return Math.max(BAIDU_MIN_ZOOM, Math.min(BAIDU_MAX_ZOOM, z));
}

/** The Baidu tile holding a BD09MC position at a zoom. */
export function baiduTileAt(x: number, y: number, zoom: number): { x: number; y: number } {
  const span = TILE * baiduResolution(zoom);
  return { x: Math.floor(x / span), y: Math.floor(y / span) };
}

/** A Baidu tile's BD09MC extent [west, south, east, north]. */
export function baiduTileExtent(x: number, y: number, zoom: number): [number, number, number, number] {
  const span = TILE * baiduResolution(zoom);
  return [x * span, y * span, (x + 1) * span, (y + 1) * span];
}

/** Longitude of a Web Mercator tile column edge (x may be fractional). */
export function mercatorLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

/** Latitude of a Web Mercator tile row edge (y may be fractional, counted southward). */
export function mercatorLat(y: number, z: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
}

/** One output row: the strip of the mosaic (in its pixels) drawn into it. */
export interface RowSource {
  row: number;
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

export interface BaiduTilePlan {
  zoom: number;
  /** The Baidu tiles to fetch, each with its place in the mosaic (pixels from its top left). */
  tiles: { x: number; y: number; left: number; top: number }[];
  width: number;
  height: number;
  /** The mosaic's top left corner in BD09MC metres, and its metres a pixel. */
  originX: number;
  originY: number;
  resolution: number;
  rows: RowSource[];
}

/**
 * How Web Mercator tile z/x/y (over BD-09 lon/lat, `size` pixels square) is drawn from Baidu's
 * tiles; null when Baidu has nothing there or it would need more than MAX_SOURCE_TILES tiles.
 */
export function planBaiduTile(z: number, x: number, y: number, size = TILE): BaiduTilePlan | null {
  const west = mercatorLon(x, z);
  const east = mercatorLon(x + 1, z);
  const north = Math.min(mercatorLat(y, z), BAIDU_MAX_LAT);
  const south = Math.max(mercatorLat(y + 1, z), -BAIDU_MAX_LAT);
  if (north <= south) return null;
  const [mw, mn] = ll2mc(west, north);
  const [me, ms] = ll2mc(east, south);
  const zoom = baiduZoomFor((me - mw) / size);
  const res = baiduResolution(zoom);
  const lo = baiduTileAt(mw, ms, zoom);
  const hi = baiduTileAt(me, mn, zoom);
  // An edge exactly on a tile boundary belongs to the tile before it.
  const [, , eastEdge, northEdge] = baiduTileExtent(hi.x - 1, hi.y - 1, zoom);
  const x1 = eastEdge >= me ? hi.x - 1 : hi.x;
  const y1 = northEdge >= mn ? hi.y - 1 : hi.y;
  const count = (x1 - lo.x + 1) * (y1 - lo.y + 1);
  if (count > MAX_SOURCE_TILES || count < 1) return null;
  const tiles: BaiduTilePlan['tiles'] = [];
  for (let ty = y1; ty >= lo.y; ty--)
    for (let tx = lo.x; tx <= x1; tx++) tiles.push({ x: tx, y: ty, left: (tx - lo.x) * TILE, top: (y1 - ty) * TILE });
  const originX = lo.x * TILE * res;
  const originY = (y1 + 1) * TILE * res;
  const rows: RowSource[] = [];
  for (let row = 0; row < size; row++) {
    const top = mercatorLat(y + row / size, z);
    const bottom = mercatorLat(y + (row + 1) / size, z);
    if (top > BAIDU_MAX_LAT || bottom < -BAIDU_MAX_LAT) continue;
    const [x0, yTop] = ll2mc(west, top);
    const [x1m, yBottom] = ll2mc(east, bottom);
    rows.push({
      row,
      sx: (x0 - originX) / res,
      sy: (originY - yTop) / res,
      sw: (x1m - x0) / res,
      sh: (yTop - yBottom) / res,
    });
  }
  return {
    zoom,
    tiles,
    width: (x1 - lo.x + 1) * TILE,
    height: (y1 - lo.y + 1) * TILE,
    originX,
    originY,
    resolution: res,
    rows,
  };
}

/** Where output pixel (column, row) of a plan reads the mosaic, as BD09MC metres (pixel centres). */
export function planPixelToMc(plan: BaiduTilePlan, column: number, row: number, size = TILE): LonLat | null {
  const r = plan.rows.find((x) => x.row === row);
  if (!r) return null;
  const px = r.sx + ((column + 0.5) / size) * r.sw;
  const py = r.sy + r.sh / 2;
  return [plan.originX + px * plan.resolution, plan.originY - py * plan.resolution];
}

/** A Baidu URL template filled in: {x} {y} {z}, negatives written "M…" as Baidu's API does; {s} a subdomain 0–3. */
export function baiduTileUrl(template: string, x: number, y: number, z: number): string {
  const n = (v: number) => (v < 0 ? `M${-v}` : String(v));
  return template
    .replace('{s}', String(Math.abs(x + y) % 4))
    .replace('{x}', n(x))
    .replace('{y}', n(y))
    .replace('{z}', String(z));
}
