// Baidu's basemap as a planner turns it on: its tiles (cut from BD-09 Mercator metres, not the
// Web Mercator grid) are resampled under the map, and the plan is drawn shifted into BD-09 so a
// compound and a community corner sit where Baidu puts those places. The Baidu servers are
// stood in for by synthetic tiles, each carrying a mark at the BD09MC position of a known plan
// point, placed with an independent model of BD09MC (Clarke 1866 Mercator, see baidu-tiles.test.ts);
// the test reads the drawn map's pixels for the marks. Tiles that cannot be read are said in one line.
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { mapIdle, openDemoMap, stopServer, type Session } from './browser';
import { readDemo } from './demo-geometry';
import { wgs84ToBd09 } from '../../src/core/coordinates';

let s: Session;
const communities = readDemo('communities');
const SHOTS = 'test-results/baidu-tiles';
const requests: string[] = [];

interface MapHandle {
  project(p: [number, number]): { x: number; y: number };
  getZoom(): number;
  getSource(id: string):
    | {
        getData(): Promise<{
          features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
        }>;
      }
    | undefined;
  getStyle(): { sources: Record<string, { tiles?: string[] }> };
  once(e: string, f: () => void): void;
  loaded(): boolean;
  jumpTo(o: unknown): void;
  getContainer(): HTMLElement;
}
type Win = Window & {
  __map: MapHandle;
  __app: { settings: { toggle(layer: string, on: boolean): void }; plan: unknown };
};

const idle = mapIdle;

// BD09MC by Clarke 1866 Mercator, independent of the app's LL2MC tables (agrees to < 0.4 m).
function clarkeMercator(lon: number, lat: number): [number, number] {
  const a = 6378206.4;
  const b = 6356583.8;
  const e = Math.sqrt(1 - (b * b) / (a * a));
  const phi = (lat * Math.PI) / 180;
  const q = e * Math.sin(phi);
  return [(a * lon * Math.PI) / 180, a * Math.log(Math.tan(Math.PI / 4 + phi / 2) * ((1 - q) / (1 + q)) ** (e / 2))];
}

/** A 256-px RGBA PNG from a pixel function. */
function png(pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(256 * (1 + 256 * 4));
  for (let y = 0; y < 256; y++) {
    raw[y * 1025] = 0;
    for (let x = 0; x < 256; x++) raw.set(pixel(x, y), y * 1025 + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Colours nothing else on the map (nor its legend) uses.
const MARK_COLOURS: [number, number, number][] = [
  [255, 0, 255],
  [0, 255, 0],
];
let marks: [number, number][] = []; // BD09MC positions, one per colour

/** Baidu tile x/y/z from its URL; "M" is Baidu's minus sign. */
function baiduTile(url: string): { x: number; y: number; z: number } {
  const q = new URL(url).searchParams;
  const n = (v: string | null) => (v?.startsWith('M') ? -Number(v.slice(1)) : Number(v));
  return { x: n(q.get('x')), y: n(q.get('y')), z: Number(q.get('z')) };
}

/** A Baidu tile: pale, grey edges, and a disc of radius 5 px at each mark (rows counted northward). */
function syntheticTile(x: number, y: number, z: number): Buffer {
  const res = 2 ** (18 - z);
  const local = marks.map(([mx, my]) => [mx / res - x * 256, (y + 1) * 256 - my / res] as const);
  return png((px, py) => {
    for (let i = 0; i < local.length; i++) {
      const [cx, cy] = local[i]!;
      if ((px + 0.5 - cx) ** 2 + (py + 0.5 - cy) ** 2 <= 25) return [...MARK_COLOURS[i]!, 255];
    }
    return px === 0 || py === 0 ? [150, 150, 150, 255] : [236, 240, 232, 255];
  });
}

const serveBaidu = async (route: Route) => {
  const { x, y, z } = baiduTile(route.request().url());
  await route.fulfill({
    status: 200,
    contentType: 'image/png',
    headers: { 'access-control-allow-origin': '*' },
    body: syntheticTile(x, y, z),
  });
};

/** The centroid, in page pixels, of the pixels near each mark colour within 100 px of `around`. */
async function findMarks(
  page: Page,
  around: { x: number; y: number },
): Promise<({ x: number; y: number; n: number } | null)[]> {
  const box = { x: around.x - 100, y: around.y - 100, width: 200, height: 200 };
  const shot = await page.screenshot({ clip: box });
  const found = await page.evaluate(
    async ({ data, colours }) => {
      const blob = await (await fetch(`data:image/png;base64,${data}`)).blob();
      const image = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data: px, width, height } = context.getImageData(0, 0, image.width, image.height);
      return colours.map(([r, g, b]) => {
        let sx = 0;
        let sy = 0;
        let n = 0;
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            if (Math.abs(px[i]! - r) + Math.abs(px[i + 1]! - g) + Math.abs(px[i + 2]! - b) < 90) {
              sx += x + 0.5;
              sy += y + 0.5;
              n++;
            }
          }
        return n ? { x: sx / n, y: sy / n, n } : null;
      });
    },
    { data: shot.toString('base64'), colours: MARK_COLOURS },
  );
  return found.map((f) => (f ? { x: f.x + box.x, y: f.y + box.y, n: f.n } : null));
}

/** Where the map draws a lon/lat (as given: already in the drawn system), in page pixels. */
const drawnAt = (page: Page, lonLat: [number, number]) =>
  page.evaluate((p) => {
    const m = (window as unknown as Win).__map;
    const rect = m.getContainer().getBoundingClientRect();
    const q = m.project(p);
    return { x: rect.left + q.x, y: rect.top + q.y };
  }, lonLat);

const household0 = (page: Page) =>
  page.evaluate(() => {
    const h = (
      (window as unknown as Win).__app.plan as {
        layers: { households: { coordinates: Float64Array; names: string[] } };
      }
    ).layers.households;
    return { lonLat: [h.coordinates[0]!, h.coordinates[1]!] as [number, number], name: h.names[0]! };
  });

const labelPosition = (page: Page, name: string) =>
  page.evaluate(async (n) => {
    const data = await (window as unknown as Win).__map.getSource('household-labels')!.getData();
    return data.features.find((f) => f.properties.name === n)!.geometry.coordinates as [number, number];
  }, name);

const PLAN_LAYERS = ['communities', 'grids', 'households', 'facilities', 'roads', 'water', 'labels'];
const showPlan = (page: Page, on: boolean) =>
  page.evaluate(
    ({ layers, on }) => {
      for (const l of layers) (window as unknown as Win).__app.settings.toggle(l, on);
    },
    { layers: PLAN_LAYERS, on },
  );

async function chooseBaidu(page: Page) {
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByTestId('preset-baidu').click();
  expect(await page.getByTestId('tile-crs').inputValue()).toBe('bd09');
  await page.screenshot({ path: `${SHOTS}/settings-baidu.png` });
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await openDemoMap(communities.length, requests);
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

describe('Baidu basemap (BD-09, its own tile grid)', () => {
  let corner: [number, number];
  let house: { lonLat: [number, number]; name: string };

  it('draws a compound and a community corner on the tile pixels where Baidu puts those places', async () => {
    house = await household0(s.page);
    const ring = communities[0]!.geometry;
    corner = (ring.type === 'Polygon' ? ring.coordinates[0]![0]! : ring.coordinates[0]![0]![0]!) as [number, number];
    marks = [house.lonLat, corner].map((p) => clarkeMercator(...wgs84ToBd09(...p)));
    await s.page.route(/bdimg\.com/, serveBaidu);
    await chooseBaidu(s.page);
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('百度地图');
    const template = await s.page.evaluate(() => (window as unknown as Win).__map.getStyle().sources.tiles?.tiles?.[0]);
    expect(template).toMatch(/^baidu-tiles:\/\/\{z\}\/\{x\}\/\{y\}\?src=https%3A%2F%2Fmaponline/);

    // The plan is drawn in BD-09: the compound's label sits at the BD-09 position of its WGS84 data.
    const bd = wgs84ToBd09(...house.lonLat);
    const label = await labelPosition(s.page, house.name);
    expect(Math.abs(label[0] - bd[0])).toBeLessThan(1e-9);
    expect(Math.abs(label[1] - bd[1])).toBeLessThan(1e-9);

    for (const [i, point, zoom] of [
      [0, house.lonLat, 16.4],
      [1, corner, 15.7],
    ] as const) {
      const drawn = wgs84ToBd09(...point);
      await s.page.evaluate(({ c, z }) => (window as unknown as Win).__map.jumpTo({ center: c, zoom: z }), {
        c: drawn,
        z: zoom,
      });
      await idle(s.page);
      await s.page.screenshot({ path: `${SHOTS}/baidu-${i}-with-plan.png` });
      await showPlan(s.page, false);
      await idle(s.page);
      await s.page.screenshot({ path: `${SHOTS}/baidu-${i}-tiles-only.png` });
      const expected = await drawnAt(s.page, drawn);
      const found = (await findMarks(s.page, expected))[i]!;
      await showPlan(s.page, true);
      expect(found, `mark ${i} drawn`).not.toBeNull();
      expect(found.n).toBeGreaterThan(10);
      expect(Math.abs(found.x - expected.x), `mark ${i} x`).toBeLessThan(1.5);
      expect(Math.abs(found.y - expected.y), `mark ${i} y`).toBeLessThan(1.5);
      // Without the shift the compound would be drawn metres away: well off the mark.
      const unshifted = await drawnAt(s.page, point);
      expect(Math.hypot(unshifted.x - found.x, unshifted.y - found.y)).toBeGreaterThan(20);
      if (i === 0) {
        // Hovering the mark finds the compound: deck.gl draws it there too.
        await s.page.mouse.move(found.x + 1, found.y);
        await s.page.mouse.move(found.x, found.y);
        await s.page.getByTestId('map-tooltip').waitFor();
        expect(await s.page.getByTestId('map-tooltip').textContent()).toContain(house.name);
        await s.page.mouse.move(5, 5);
      }
    }
    // Baidu tiles as Baidu writes them, one zoom finer than the 256-px tiles drawn (MapLibre's
    // zoom 16.4 draws 256-px zoom-17 tiles: Baidu's 18, 1 m a pixel).
    const baidu = requests.filter((u) => u.includes('bdimg.com'));
    for (const u of baidu)
      expect(u).toMatch(
        /^https:\/\/maponline[0-3]\.bdimg\.com\/tile\/\?qt=vtile&x=\d+&y=\d+&z=\d+&styles=pl&scaler=1&udt=\d+$/,
      );
    expect(new Set(baidu.map((u) => baiduTile(u).z))).toContain(18);
    expect(s.errors).toEqual([]);
  });

  it('says in one line when Baidu tiles cannot be read, and draws the plan on', async () => {
    await s.page.unroute(/bdimg\.com/);
    await s.page.route(/bdimg\.com/, (route) => route.abort('failed'));
    await s.page.evaluate(() => (window as unknown as Win).__map.jumpTo({ zoom: 14 }));
    await chooseBaidu(s.page); // a new choice, so a new report
    const notice = s.page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('百度地图瓦片无法读取');
    await idle(s.page);
    await s.page.screenshot({ path: `${SHOTS}/baidu-unreadable.png` });
    const label = await labelPosition(s.page, house.name);
    const bd = wgs84ToBd09(...house.lonLat);
    expect(Math.abs(label[0] - bd[0])).toBeLessThan(1e-9);
    expect(Math.abs(label[1] - bd[1])).toBeLessThan(1e-9);
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('百度地图');
  });

  it('switching back to no online tiles draws the plan at its WGS84 position again', async () => {
    await s.page.getByRole('button', { name: '设置' }).click();
    await s.page.getByTestId('preset-offline').click();
    await s.page.getByTestId('settings-save').click();
    await idle(s.page);
    expect(await labelPosition(s.page, house.name)).toEqual(house.lonLat);
    expect(await s.page.evaluate(() => Object.keys((window as unknown as Win).__map.getStyle().sources))).not.toContain(
      'tiles',
    );
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('百度地图');
    await s.page.screenshot({ path: `${SHOTS}/offline-again.png` });
  });
});
