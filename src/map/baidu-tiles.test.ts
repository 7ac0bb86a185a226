import { describe, expect, it } from 'vitest';
import {
  BAIDU_MAX_ZOOM,
  BAIDU_MIN_ZOOM,
  baiduResolution,
  baiduTileAt,
  baiduTileExtent,
  baiduTileUrl,
  baiduZoomFor,
  ll2mc,
  mc2ll,
  mercatorLat,
  planBaiduTile,
  planPixelToMc,
} from './baidu-tiles';

// Published BD-09 ↔ BD09MC pairs: Baidu's own IP-location service answering for Beijing (both
// systems in one reply), a Go package's test (Xi'an), gcoord's test (123°E 45°N, on a band edge)
// and a TeslaMate test (the Bund, Shanghai).
// The gcoord pair was published MC → lon/lat only: LL2MC's bands do not meet exactly at 45°.
const PAIRS: { lonLat: [number, number]; mc: [number, number]; where: string; inverseOnly?: boolean }[] = [
  { where: 'Beijing', lonLat: [116.40387397, 39.91488908], mc: [12958160.970501, 4825907.7315861] },
  { where: "Xi'an", lonLat: [108.95344, 34.265657], mc: [12128773.43, 4040249.01] },
  { where: '123E 45N', lonLat: [123, 45], mc: [13692446.35077864, 5591020.962240655], inverseOnly: true },
  { where: 'Shanghai', lonLat: [121.499, 31.24], mc: [13525353.98, 3641593.36] },
];

// An independent model: BD09MC is, to centimetres over China, the ellipsoidal Mercator projection
// on the Clarke 1866 ellipsoid (Baidu's x scale 111320.702 m/° is its semi-major axis in metres/°).
const CLARKE_A = 6378206.4;
const CLARKE_B = 6356583.8;
function clarkeMercator(lon: number, lat: number): [number, number] {
  const e = Math.sqrt(1 - (CLARKE_B * CLARKE_B) / (CLARKE_A * CLARKE_A));
  const phi = (lat * Math.PI) / 180;
  const s = e * Math.sin(phi);
  const y = CLARKE_A * Math.log(Math.tan(Math.PI / 4 + phi / 2) * ((1 - s) / (1 + s)) ** (e / 2));
  return [(CLARKE_A * lon * Math.PI) / 180, y];
}

/** Web Mercator world pixel (256-px tiles) of a lon/lat at zoom z, the textbook formula. */
function worldPixel(lon: number, lat: number, z: number): [number, number] {
  const n = 256 * 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * n, ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n];
}

describe("Baidu's LL2MC / MC2LL", () => {
  it.each(PAIRS)('matches the published pair at $where', ({ lonLat, mc, inverseOnly }) => {
    const [x, y] = ll2mc(...lonLat);
    if (!inverseOnly) {
      expect(Math.abs(x - mc[0])).toBeLessThan(0.01);
      expect(Math.abs(y - mc[1])).toBeLessThan(0.01);
    }
    const [lon, lat] = mc2ll(...mc);
    expect(Math.abs(lon - lonLat[0])).toBeLessThan(2e-6);
    expect(Math.abs(lat - lonLat[1])).toBeLessThan(2e-6);
  });

  it('agrees with Clarke 1866 Mercator to under 0.4 m over China (under a pixel at Baidu zoom 19)', () => {
    let worst = 0;
    for (let lat = 3; lat <= 54; lat += 0.5)
      for (let lon = 73; lon <= 135; lon += 2) {
        const [x, y] = ll2mc(lon, lat);
        const [cx, cy] = clarkeMercator(lon, lat);
        worst = Math.max(worst, Math.abs(x - cx), Math.abs(y - cy));
      }
    expect(worst).toBeLessThan(0.4);
    // …and it is not Web Mercator: that is 140 m off in x at Beijing.
    expect(ll2mc(116.4, 39.9)[0] - (6378137 * 116.4 * Math.PI) / 180).toBeGreaterThan(100);
  });

  it("round-trips BD-09 → BD09MC → BD-09 to 0.3 m over China (Baidu's bands meet at 45° to that), south and west too", () => {
    const worst = (lats: [number, number], lons: [number, number], step: number) => {
      let w = 0;
      for (let lat = lats[0]; lat <= lats[1]; lat += step)
        for (let lon = lons[0]; lon <= lons[1]; lon += step * 7) {
          const [lon2, lat2] = mc2ll(...ll2mc(lon, lat));
          w = Math.max(w, Math.abs(lon2 - lon), Math.abs(lat2 - lat));
        }
      return w;
    };
    expect(worst([3, 54], [73, 135], 0.1)).toBeLessThan(3e-6);
    // Elsewhere the 60° band edge is the worst, at 7 m; Baidu draws nothing there one would plan.
    expect(worst([-73, 73], [-179, 179], 0.1)).toBeLessThan(1e-4);
    expect(ll2mc(-116.4, -39.9)).toEqual(ll2mc(116.4, 39.9).map((v) => -v));
    // Clamped at Baidu's ±74°, wrapped in longitude.
    expect(ll2mc(100, 80)).toEqual(ll2mc(100, 74));
    expect(ll2mc(460, 30)).toEqual(ll2mc(100, 30));
  });
});

describe("Baidu's tile grid", () => {
  it('puts Beijing in tile 790/294 at zoom 12, as a Baidu tile URL for Beijing does', () => {
    const [x, y] = ll2mc(116.404, 39.915);
    expect(baiduTileAt(x, y, 12)).toEqual({ x: 790, y: 294 });
    const [w, s, e, n] = baiduTileExtent(790, 294, 12);
    expect(e - w).toBe(256 * 64);
    expect(n - s).toBe(256 * 64);
    expect(x >= w && x < e && y >= s && y < n).toBe(true);
  });

  it('chooses the Baidu zoom closest at or finer than the pixels drawn, within 3–19', () => {
    expect(baiduResolution(18)).toBe(1);
    expect(baiduZoomFor(1)).toBe(18);
    expect(baiduZoomFor(1.01)).toBe(18);
    expect(baiduZoomFor(0.99)).toBe(19);
    expect(baiduZoomFor(3.9)).toBe(17);
    expect(baiduZoomFor(1e6)).toBe(BAIDU_MIN_ZOOM);
    expect(baiduZoomFor(0.01)).toBe(BAIDU_MAX_ZOOM);
  });

  it('fills Baidu URL templates as its API does (negatives as M…, subdomain by x+y)', () => {
    const t = 'https://maponline{s}.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}&styles=pl';
    expect(baiduTileUrl(t, 790, 294, 12)).toBe(
      'https://maponline0.bdimg.com/tile/?qt=vtile&x=790&y=294&z=12&styles=pl',
    );
    expect(baiduTileUrl(t, -3, 5, 4)).toBe('https://maponline2.bdimg.com/tile/?qt=vtile&x=M3&y=5&z=4&styles=pl');
  });
});

describe('a Web Mercator tile drawn from Baidu tiles', () => {
  it.each([8, 12, 16, 18])('reads, at zoom %i, the pixel Beijing is drawn on from where Baidu puts Beijing', (z) => {
    const { lonLat, mc } = PAIRS[0]!;
    const [px, py] = worldPixel(...lonLat, z);
    const [tx, ty] = [Math.floor(px / 256), Math.floor(py / 256)];
    const plan = planBaiduTile(z, tx, ty)!;
    expect(plan.zoom).toBe(z + 1);
    const read = planPixelToMc(plan, Math.floor(px) - tx * 256, Math.floor(py) - ty * 256)!;
    // The pixel's centre is within half a pixel of the point, in each direction.
    const metresPerPixel = 156543.03 / 2 ** z / Math.cos((lonLat[1] * Math.PI) / 180);
    const mcPerPixel = (metresPerPixel * Math.cos((lonLat[1] * Math.PI) / 180)) / 0.99999; // BD09MC ≈ Mercator metres
    expect(Math.abs(read[0] - mc[0])).toBeLessThan(0.51 * mcPerPixel);
    expect(Math.abs(read[1] - mc[1])).toBeLessThan(0.51 * mcPerPixel);
    // The tile holding Beijing is fetched, and placed in the mosaic where its extent says.
    const home = baiduTileAt(mc[0], mc[1], plan.zoom);
    const t = plan.tiles.find((x) => x.x === home.x && x.y === home.y)!;
    const [w, , , n] = baiduTileExtent(t.x, t.y, plan.zoom);
    expect(plan.originX + t.left * plan.resolution).toBe(w);
    expect(plan.originY - t.top * plan.resolution).toBe(n);
  });

  it.each([
    [5, 26, 11], // 101°–112°E, 41°–49°N
    [9, 421, 193], // Shanghai
    [14, 13719, 6693], // 121.4°E 31.2°N
  ])('reads each row z%i/%i/%i where Clarke Mercator puts its latitude, inside the fetched tiles', (z, x, y) => {
    const plan = planBaiduTile(z, x, y)!;
    expect(plan.rows).toHaveLength(256);
    expect(plan.tiles.length).toBeLessThanOrEqual(9);
    const n = 256 * 2 ** z;
    for (const r of plan.rows) {
      expect(r.sx).toBeGreaterThanOrEqual(0);
      expect(r.sy).toBeGreaterThanOrEqual(-1e-6);
      expect(r.sx + r.sw).toBeLessThanOrEqual(plan.width + 1e-6);
      expect(r.sy + r.sh).toBeLessThanOrEqual(plan.height + 1e-6);
      const top = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y * 256 + r.row)) / n))) * 180) / Math.PI;
      const west = (x / 2 ** z) * 360 - 180;
      const [cx, cy] = clarkeMercator(west, top);
      expect(Math.abs(plan.originY - r.sy * plan.resolution - cy)).toBeLessThan(0.4 + plan.resolution / 10);
      expect(Math.abs(plan.originX + r.sx * plan.resolution - cx)).toBeLessThan(0.4 + plan.resolution / 10);
    }
  });

  it('draws nothing beyond 74°, and nothing at the zooms that would need too many Baidu tiles', () => {
    expect(planBaiduTile(5, 25, 4)).toBeNull(); // 76.8°–79.2°N
    expect(planBaiduTile(5, 25, 5)).toBeNull(); // 74.02°–76.8°N
    const y = [...Array(128).keys()].find((i) => mercatorLat(i, 7) > 74 && mercatorLat(i + 1, 7) < 74)!;
    const cut = planBaiduTile(7, 100, y)!; // across 74°N: the rows north of it stay empty
    expect(cut.rows.length).toBeGreaterThan(0);
    expect(cut.rows.length).toBeLessThan(256);
    expect(cut.rows[0]!.row).toBeGreaterThan(0);
    expect(planBaiduTile(0, 0, 0)).toBeNull();
  });
});
