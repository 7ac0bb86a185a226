// Finding one's way on the demo as a planner does: the labels are drawn in Chinese with nothing
// fetched from the network, a search zooms to a community and selects it, hovering tells the
// households, the measuring tool gives the geodesic distance, and over AMap's GCJ-02 tiles the
// plan is drawn shifted so it lines up — while painting a block still moves the right block.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { mapIdle, openDemoMap, stopServer, type Session } from './browser';
import { bbox, interiorPoint, neighbouringBlock, readDemo, screenPoint } from './demo-geometry';
import { wgs84ToGcj02 } from '../../src/core/coordinates';
import { measure } from '../../src/core/measure';

let s: Session;
const communities = readDemo('communities');
const SHOTS = 'test-results/map-navigation';
const requests: string[] = [];
/** Served for every AMap tile (the network is closed): a plain tile whose edges show the grid. */
const TILE = readFileSync('test/fixtures/tiles/xyz-tile.png');

interface MapHandle {
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  getBounds(): { contains(p: [number, number]): boolean };
  project(p: [number, number]): { x: number; y: number };
  queryRenderedFeatures(...args: unknown[]): { properties: Record<string, unknown>; layer: { id: string } }[];
  getSource(id: string):
    | {
        getData(): Promise<{
          features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
        }>;
      }
    | undefined;
  unproject(p: [number, number]): { lng: number; lat: number };
  getStyle(): { sources: Record<string, { tiles?: string[] }> };
  once(e: string, f: () => void): void;
  loaded(): boolean;
  jumpTo(o: unknown): void;
  getContainer(): HTMLElement;
}
type Win = Window & { __map: MapHandle; __app: Record<string, unknown> };

const idle = mapIdle;

const shot = (name: string) => s.page.screenshot({ path: `${SHOTS}/${name}.png` });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await openDemoMap(communities.length, requests);
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

describe('labels', () => {
  it('draws community, compound and road names in Chinese, asking nothing of the network', async () => {
    const c = communities[0]!;
    await s.page.evaluate((box) => {
      const m = (window as unknown as Win).__map;
      m.jumpTo({ center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], zoom: 15.5 });
    }, bbox(c.geometry));
    await idle(s.page);
    const rendered = await s.page.evaluate(() => {
      const m = (window as unknown as Win).__map;
      const names = (layer: string) =>
        m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name));
      return {
        communities: names('communities-label'),
        households: names('households-label'),
        roads: names('roads-label'),
      };
    });
    expect(rendered.communities.length).toBeGreaterThan(0);
    expect(rendered.communities.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(rendered.households.length).toBeGreaterThan(0);
    expect(rendered.roads.length).toBeGreaterThan(0);
    await shot('labels-zh');
    const origin = new URL(s.url).origin;
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    // The digits and Latin of the labels come from the bundled range, and only that range is asked for.
    const glyphs = requests.filter((u) => u.includes('/glyphs/'));
    expect(glyphs.length).toBeGreaterThan(0);
    expect(glyphs.every((u) => u.endsWith('/glyphs/noto-sans-regular/0-255.pbf'))).toBe(true);
  });

  it('hides every label with the layer switch, and shows them again', async () => {
    await s.page.getByTestId('toggle-labels').click();
    await idle(s.page);
    const count = () =>
      s.page.evaluate(
        () => (window as unknown as Win).__map.queryRenderedFeatures({ layers: ['communities-label'] }).length,
      );
    expect(await count()).toBe(0);
    await s.page.getByTestId('toggle-labels').click();
    await idle(s.page);
    expect(await count()).toBeGreaterThan(0);
  });
});

const selection = () =>
  s.page.evaluate(() => (window as unknown as Win).__app.selection as { kind: string; id?: string });

describe('search', () => {
  it('finds a community by name; Enter zooms there and selects it, so its details show', async () => {
    const c = communities[10]!;
    const name = String(c.properties.name);
    const query = name.split('·')[0]!.trim();
    await s.page.getByTestId('place-search').fill(query);
    await s.page.getByTestId('place-results').waitFor();
    await shot('search-results');
    expect(await s.page.getByTestId('place-results').locator('li').first().textContent()).toContain(name);
    await s.page.getByTestId('place-search').press('Enter');
    await s.page.waitForFunction(
      (id) => (window as unknown as Win).__app.selection?.['id' as never] === id,
      c.properties.id,
    );
    await s.page.waitForTimeout(900);
    await idle(s.page);
    const view = await s.page.evaluate((b) => {
      const m = (window as unknown as Win).__map;
      return { zoom: m.getZoom(), inside: m.getBounds().contains([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]) };
    }, bbox(c.geometry));
    expect(view.zoom).toBeGreaterThan(13);
    expect(view.inside).toBe(true);
    expect(await s.page.getByTestId('place-results').count()).toBe(0);
  });

  it('"南京东路" lists roads and facilities by that name; ↓ then Enter goes to the second', async () => {
    const input = s.page.getByTestId('place-search');
    await input.fill('南京东路');
    const items = s.page.getByTestId('place-results').locator('li');
    await items.first().waitFor();
    const texts = await items.allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((x) => x.includes('南京东路'))).toBe(true);
    await input.press('ArrowDown');
    await input.press('Enter');
    await s.page.waitForFunction(() => (window as unknown as Win).__app.selection !== null);
    expect((await selection()).kind).toBe('facility');
    await input.fill('没有这个地方');
    expect(await s.page.getByTestId('place-results').textContent()).toContain('没有这个地方');
    await input.press('Escape');
    await input.press('Escape');
    expect(await input.inputValue()).toBe('');
  });
});

/** The screen position of household point i (as drawn: `shifted` over a GCJ-02 basemap). */
async function householdAt(
  index: number,
  shifted: boolean,
): Promise<{ x: number; y: number; lonLat: [number, number] }> {
  const lonLat = await s.page.evaluate((i) => {
    const set = (window as unknown as Win).__app.plan as { layers: { households: { coordinates: Float64Array } } };
    return [set.layers.households.coordinates[i * 2]!, set.layers.households.coordinates[i * 2 + 1]!] as [
      number,
      number,
    ];
  }, index);
  const drawn = shifted ? wgs84ToGcj02(...lonLat) : lonLat;
  const d = 0.002;
  const p = await screenPoint(s.page, drawn, [drawn[0] - d, drawn[1] - d, drawn[0] + d, drawn[1] + d]);
  return { ...p, lonLat };
}

const householdInfo = (i: number) =>
  s.page.evaluate((i) => {
    const h = (
      (window as unknown as Win).__app.plan as { layers: { households: { names: string[]; households: Float64Array } } }
    ).layers.households;
    return { name: h.names[i]!, count: h.households[i]! };
  }, i);

describe('hover tooltips', () => {
  it('a compound shows its name and household count; a community its households and band', async () => {
    await s.page.getByTestId('mode-select').click();
    const i = 0;
    const { name, count } = await householdInfo(i);
    const at = await householdAt(i, false);
    await s.page.mouse.move(at.x + 1, at.y + 1);
    await s.page.mouse.move(at.x, at.y);
    const tip = s.page.getByTestId('map-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain(name);
    expect(await tip.textContent()).toContain(`${count.toLocaleString('en-US')} 户`);
    await shot('tooltip-household');

    // With the points hidden the community under the pointer answers, with its count from the table.
    await s.page.getByTestId('toggle-households').click();
    await s.page.mouse.move(at.x + 2, at.y);
    await s.page.waitForFunction(() =>
      /户 · /.test(document.querySelector('[data-testid="map-tooltip"]')?.textContent ?? ''),
    );
    const text = (await tip.textContent())!;
    const hit = await s.page.evaluate(
      ([x, y]) => {
        const m = (window as unknown as Win).__map;
        const r = m.getContainer().getBoundingClientRect();
        const c = m.queryRenderedFeatures([x - r.left, y - r.top], { layers: ['communities-fill'] })[0];
        return c ? { name: String(c.properties.name), households: Number(c.properties.households) } : null;
      },
      [at.x + 2, at.y] as const,
    );
    expect(hit).not.toBeNull();
    expect(text).toContain(hit!.name);
    expect(text).toContain(`${hit!.households.toLocaleString('en-US')} 户`);
    expect(text).toMatch(/规模内|低于规模|超过规模/);
    await shot('tooltip-community');
    await s.page.getByTestId('toggle-households').click();

    // None while painting.
    await s.page.getByTestId('mode-paint').click();
    await s.page.mouse.move(at.x + 3, at.y);
    await s.page.waitForTimeout(300);
    expect(await tip.count()).toBe(0);
    await s.page.getByTestId('mode-select').click();
  });
});

describe('measuring', () => {
  it('two clicks give the geodesic distance of the core function, three and a close an area; Esc clears', async () => {
    await s.page.mouse.move(5, 5);
    await s.page.getByTestId('mode-measure').click();
    const box = await s.page.getByTestId('map').boundingBox();
    const a = { x: box!.x + 300, y: box!.y + 500 };
    const b = { x: box!.x + 600, y: box!.y + 350 };
    const c = { x: box!.x + 450, y: box!.y + 200 };
    await s.page.mouse.click(a.x, a.y);
    await s.page.mouse.click(b.x, b.y);
    const total = Number(await s.page.getByTestId('measure-total').getAttribute('data-metres'));
    const lonLats = await s.page.evaluate(
      (pts) => {
        const m = (window as unknown as Win).__map;
        const r = m.getContainer().getBoundingClientRect();
        return pts.map((p) => {
          const q = m.unproject([p.x - r.left, p.y - r.top]);
          return [q.lng, q.lat] as [number, number];
        });
      },
      [a, b],
    );
    const expected = measure(lonLats, false).total;
    expect(expected).toBeGreaterThan(50);
    expect(Math.abs(total - expected)).toBeLessThan(1);
    await s.page.mouse.click(c.x, c.y);
    await s.page.mouse.click(a.x + 2, a.y + 1);
    await s.page.getByTestId('measure-area').waitFor();
    expect(await s.page.getByTestId('measure-segment').count()).toBe(3);
    expect(Number(await s.page.getByTestId('measure-area').getAttribute('data-square-metres'))).toBeGreaterThan(1000);
    expect(await s.page.getByTestId('measure-area').textContent()).toMatch(/m² · [\d.]+ 公顷 · [\d.]+ km²/);
    await idle(s.page);
    await shot('measure-area');
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('measure-total').waitFor({ state: 'detached' });
    await s.page.getByTestId('mode-measure').click();
    expect(await s.page.getByTestId('measure-panel').count()).toBe(0);
  });
});

const tileRequests: string[] = [];
const serveTile = async (route: Route) => {
  tileRequests.push(route.request().url());
  await route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
};

/** Waits until the community table's row `id` shows `n` households. */
const waitForRow = (id: string, n: number) =>
  s.page.waitForFunction(
    ([id, n]) =>
      Number(
        document
          .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
          ?.children[2]?.textContent?.replace(/,/g, ''),
      ) === n,
    [id, n] as const,
    { timeout: 60_000 },
  );

const householdTotal = () => s.page.evaluate(() => document.body.innerText.match(/([\d,]+)\s*住户总数/)?.[1] ?? '');

describe('AMap basemap (GCJ-02)', () => {
  it('draws the plan shifted into GCJ-02 over the tiles, credits 高德地图, and keeps the counts', async () => {
    const totalBefore = await householdTotal();
    await s.page.route(/autonavi\.com/, serveTile);
    await s.page.getByRole('button', { name: '设置' }).click();
    await s.page.getByTestId('preset-amap').click();
    expect(await s.page.getByTestId('tile-crs').inputValue()).toBe('gcj02');
    await s.page.getByTestId('settings-save').click();
    const i = 0;
    const at = await householdAt(i, true);
    await idle(s.page);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests[0]).toMatch(
      /^https:\/\/webrd01\.is\.autonavi\.com\/appmaptile\?lang=zh_cn&size=1&scale=1&style=8&x=\d+&y=\d+&z=\d+$/,
    );
    const template = await s.page.evaluate(() => (window as unknown as Win).__map.getStyle().sources.tiles?.tiles?.[0]);
    expect(template).toBe(
      'https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
    );
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('高德地图');

    // The compound's label point is at the GCJ-02 position of its WGS84 data.
    const { name, count } = await householdInfo(i);
    const drawn = await s.page.evaluate(async (n) => {
      const data = await (window as unknown as Win).__map.getSource('household-labels')!.getData();
      return data.features.find((f) => f.properties.name === n)!.geometry.coordinates;
    }, name);
    const gcj = wgs84ToGcj02(...at.lonLat);
    expect(Math.abs(drawn[0]! - gcj[0])).toBeLessThan(1e-9);
    expect(Math.abs(drawn[1]! - gcj[1])).toBeLessThan(1e-9);
    expect(Math.hypot(gcj[0] - at.lonLat[0], gcj[1] - at.lonLat[1])).toBeGreaterThan(0.003);
    // …and deck.gl draws the point there: hovering its GCJ-02 pixel finds it.
    await s.page.mouse.move(at.x + 1, at.y);
    await s.page.mouse.move(at.x, at.y);
    await s.page.getByTestId('map-tooltip').waitFor();
    expect(await s.page.getByTestId('map-tooltip').textContent()).toContain(`${count.toLocaleString('en-US')} 户`);
    await shot('amap-shifted');
    expect(await householdTotal()).toBe(totalBefore);
  });

  it('painting a block on the shifted map moves that block (counts as on the unshifted map), undone after', async () => {
    await s.page.mouse.move(5, 5);
    const { community, block, owner } = neighbouringBlock();
    const target = community.properties.id as string;
    const rowHouseholds = (id: string) =>
      s.page.evaluate((id) => {
        const row = document.querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`);
        return row ? Number(row.children[2]!.textContent.replace(/,/g, '')) : NaN;
      }, id);
    const before = await rowHouseholds(target);
    const ownerBefore = await rowHouseholds(owner);
    await s.page.getByTestId('mode-paint').click();
    await s.page.getByTestId('paint-target').selectOption(target);
    await s.page.getByTestId('paint-tally').waitFor();
    const b = bbox(block.geometry);
    const [w, so] = wgs84ToGcj02(b[0], b[1]);
    const [e, n] = wgs84ToGcj02(b[2], b[3]);
    const at = await screenPoint(s.page, wgs84ToGcj02(...interiorPoint(block.geometry)), [w, so, e, n]);
    await s.page.mouse.click(at.x, at.y);
    const moved = block.properties.households as number;
    await s.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="paint-households"]')?.textContent?.replace(/,/g, '')) === n,
      before + moved,
      { timeout: 60_000 },
    );
    await waitForRow(owner, ownerBefore - moved);
    await shot('amap-painted');
    await s.page.keyboard.press('Control+z');
    await waitForRow(target, before);
    await s.page.getByTestId('mode-select').click();
  });

  it('drawing a community on the shifted map stores it where it was drawn, in WGS84', async () => {
    const c = communities[20]!;
    const [cx, cy] = interiorPoint(c.geometry);
    const d = 0.0015;
    const intended: [number, number][] = [
      [cx - d, cy - d],
      [cx + d, cy - d],
      [cx, cy + d],
    ];
    const drawn = intended.map((p) => wgs84ToGcj02(...p));
    const before = await s.page.evaluate(
      () => ((window as unknown as Win).__app.plan as { layers: { communities: unknown[] } }).layers.communities.length,
    );
    await s.page.getByTestId('mode-draw').click();
    await s.page.locator('input[type="radio"][value="flag"]').check();
    const fit: [number, number, number, number] = [
      drawn[0]![0] - d,
      drawn[0]![1] - d,
      drawn[1]![0] + d,
      drawn[2]![1] + d,
    ];
    const pixels = [];
    for (const p of drawn) pixels.push(await screenPoint(s.page, p, pixels.length ? undefined : fit));
    await s.page.getByTestId('draw-community').click();
    await s.page.mouse.click(pixels[0]!.x, pixels[0]!.y);
    await s.page.waitForTimeout(250);
    await s.page.mouse.click(pixels[1]!.x, pixels[1]!.y);
    await s.page.waitForTimeout(250);
    await s.page.mouse.dblclick(pixels[2]!.x, pixels[2]!.y);
    await s.page.waitForFunction(
      (n) =>
        ((window as unknown as Win).__app.plan as { layers: { communities: unknown[] } }).layers.communities.length > n,
      before,
      { timeout: 60_000 },
    );
    const ring = await s.page.evaluate(() => {
      const list = (
        (window as unknown as Win).__app.plan as {
          layers: { communities: { geometry: { coordinates: number[][][] } }[] };
        }
      ).layers.communities;
      return list[list.length - 1]!.geometry.coordinates[0]!;
    });
    await shot('amap-drawn');
    // Every intended WGS84 corner is a vertex of the stored ring (within the snapping radius),
    // and none is left at the GCJ-02 position it was drawn at, ~500 m away.
    for (const [i, p] of intended.entries()) {
      const nearest = Math.min(...ring.map((q) => Math.hypot(q[0]! - p[0], q[1]! - p[1])));
      expect(nearest).toBeLessThan(3e-4);
      const g = drawn[i]!;
      expect(Math.min(...ring.map((q) => Math.hypot(q[0]! - g[0], q[1]! - g[1])))).toBeGreaterThan(2e-3);
    }
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      (n) =>
        ((window as unknown as Win).__app.plan as { layers: { communities: unknown[] } }).layers.communities.length ===
        n,
      before,
    );
    await s.page.getByTestId('mode-select').click();
  });
});

describe('天地图 basemap', () => {
  it('asks for the key, then draws vector tiles with their annotation, unshifted, credited to 天地图', async () => {
    const urls: string[] = [];
    await s.page.route(/tianditu\.gov\.cn/, async (route) => {
      urls.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
    });
    await s.page.getByRole('button', { name: '设置' }).click();
    await s.page.getByTestId('preset-tianditu').click();
    await s.page.getByTestId('settings-save').click();
    expect(await s.page.getByTestId('settings-dialog').textContent()).toContain('密钥');
    await s.page.getByTestId('tile-key').fill('TESTKEY');
    await s.page.getByTestId('settings-save').click();
    await idle(s.page);
    const sources = await s.page.evaluate(() => (window as unknown as Win).__map.getStyle().sources);
    expect(sources.tiles?.tiles?.[0]).toBe(
      'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=TESTKEY',
    );
    expect(sources['tiles-overlay-0']?.tiles?.[0]).toBe(
      'https://t0.tianditu.gov.cn/DataServer?T=cva_w&x={x}&y={y}&l={z}&tk=TESTKEY',
    );
    expect(urls.some((u) => u.includes('T=vec_w'))).toBe(true);
    expect(urls.some((u) => u.includes('T=cva_w'))).toBe(true);
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('天地图');
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('高德地图');
    const { name } = await householdInfo(0);
    const lonLat = (await householdAt(0, false)).lonLat;
    const drawn = await s.page.evaluate(async (n) => {
      const data = await (window as unknown as Win).__map.getSource('household-labels')!.getData();
      return data.features.find((f) => f.properties.name === n)!.geometry.coordinates;
    }, name);
    expect(drawn).toEqual(lonLat);
    await shot('tianditu');
  });

  it('switching back to the offline basemap draws the plan at its WGS84 position again, without the AMap credit', async () => {
    await s.page.getByRole('button', { name: '设置' }).click();
    await s.page.getByTestId('preset-offline').click();
    await s.page.getByTestId('settings-save').click();
    await idle(s.page);
    const { name } = await householdInfo(0);
    const lonLat = (await householdAt(0, false)).lonLat;
    const drawn = await s.page.evaluate(async (n) => {
      const data = await (window as unknown as Win).__map.getSource('household-labels')!.getData();
      return data.features.find((f) => f.properties.name === n)!.geometry.coordinates;
    }, name);
    expect(drawn).toEqual(lonLat);
    expect(await s.page.evaluate(() => Object.keys((window as unknown as Win).__map.getStyle().sources))).not.toContain(
      'tiles',
    );
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('高德地图');
    expect(s.errors).toEqual([]);
  });
});
