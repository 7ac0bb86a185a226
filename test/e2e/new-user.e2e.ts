// What a new user tripped over, each walked through as they would: finishing a split by
// double-click, the blind-spot view, a grid that crosses its community, an indivisible compound,
// the import dialog's guesses, the history in the interface's language, and a 1280×720 screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { bbox, interiorPoint, readDemo, screenPoint } from './demo-geometry';
import type { Page } from 'playwright-core';

let s: Session;
const communities = readDemo('communities');

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, communities.length);
  await s.page.waitForFunction(() => (window as unknown as { __map?: { loaded(): boolean } }).__map?.loaded());
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

type AppWindow = {
  __app: {
    selection: { kind: string; id?: string } | null;
    coverageView: unknown;
    plan: { layers: { communities: { id: string }[]; grids: { id: string }[] } };
  };
  __map: { getZoom(): number; getFeatureState(f: { source: string; id: string }): Record<string, unknown> };
};

const selection = (page: Page) => page.evaluate(() => (window as unknown as AppWindow).__app.selection);

async function selectCommunity(page: Page, id: string) {
  await page.locator(`[data-testid="community-table"] tr[data-id="${id}"]`).click();
  await page.getByTestId('details').waitFor();
}

describe('splitting by double-click', () => {
  it('does not zoom, does not click through, and keeps the community just split selected', async () => {
    const c = communities.find((f) => f.properties.id === 'C003')!;
    await selectCommunity(s.page, 'C003');
    // The selection's zoom animation first; and the legend folded so it is not under the line.
    await s.page.waitForTimeout(1000);
    if ((await s.page.getByTestId('legend').count()) > 0) await s.page.getByTestId('layer-panel-toggle').click();
    const box = bbox(c.geometry);
    const [, y] = interiorPoint(c.geometry);
    const pad = (box[2] - box[0]) * 0.08;
    const start = await screenPoint(s.page, [box[0] - pad, y], box);
    const end = await screenPoint(s.page, [box[2] + pad, y]);
    const before = await s.page.evaluate(() => ({
      zoom: (window as unknown as AppWindow).__map.getZoom(),
      n: (window as unknown as AppWindow).__app.plan.layers.communities.length,
    }));
    await s.page.getByTestId('mode-draw').click();
    await s.page.getByTestId('split').click();
    await s.page.mouse.click(start.x, start.y);
    await s.page.waitForTimeout(300);
    await s.page.mouse.dblclick(end.x, end.y);
    await s.page.waitForFunction(
      (n) => (window as unknown as AppWindow).__app.plan.layers.communities.length > n,
      before.n,
      { timeout: 60_000 },
    );
    await s.page.waitForTimeout(800);
    expect(await s.page.evaluate(() => (window as unknown as AppWindow).__map.getZoom())).toBeCloseTo(before.zoom, 6);
    expect(await selection(s.page)).toEqual({ kind: 'community', id: 'C003' });
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      (n) => (window as unknown as AppWindow).__app.plan.layers.communities.length === n,
      before.n,
    );
    await s.page.getByTestId('mode-select').click();
  });
});

describe('the blind-spot view', () => {
  it("opens at the distance the category's rule uses, in a colour of its own in the legend, and closes with the tab", async () => {
    await s.page.getByTestId('tab-coverage').click();
    await s.page.getByTestId('coverage-table').waitFor();
    await s.page
      .locator('[data-testid="coverage-table"] tbody tr', { hasText: /幼儿园|Kindergarten/ })
      .locator('td')
      .first()
      .click();
    const tier = s.page.getByTestId('coverage-tier');
    await tier.waitFor();
    expect(await tier.locator('option:checked').textContent()).toBe('300 m');
    if ((await s.page.getByTestId('legend').count()) === 0) await s.page.getByTestId('layer-panel-toggle').click();
    expect(await s.page.getByTestId('legend-blind-spot').textContent()).toMatch(/服务盲区.*300 m|Blind spot.*300 m/);
    await s.page.getByTestId('tab-size').click();
    await s.page.waitForFunction(() => (window as unknown as AppWindow).__app.coverageView === null);
    expect(await s.page.getByTestId('legend-blind-spot').count()).toBe(0);
  });
});

describe('a community no boundary edit can bring into band', () => {
  it('says so, naming the compound that alone is over the band', async () => {
    await selectCommunity(s.page, 'C019');
    const text = await s.page.getByTestId('details').textContent();
    expect(text).toMatch(/中远两湾城/);
    expect(text).toMatch(/11,927/);
    expect(text).toMatch(/调整社区边界无法|no boundary change/);
    expect(text).not.toMatch(/STANDARDS|unverified|⚠/);
    await s.page.getByTestId('details').locator('button.close').click();
  });
});

describe('imports as a new user makes them', () => {
  it('a file named grids defaults to grids; a grid crossing its community is flagged and, clicked, highlighted', async () => {
    const a = communities.find((f) => f.properties.id === 'C003')!;
    const box = bbox(a.geometry);
    // A square across the community's eastern edge: it crosses the boundary whatever the neighbour.
    const w = (box[2] - box[0]) * 0.3;
    const [, y] = interiorPoint(a.geometry);
    const ring = [
      [box[2] - w, y - w],
      [box[2] + w, y - w],
      [box[2] + w, y + w],
      [box[2] - w, y + w],
      [box[2] - w, y - w],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'G-X', name: '跨界网格', communityId: 'C003' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    };
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'grids.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(fc)),
    });
    await s.page.getByTestId('import-dialog').waitFor();
    expect(await s.page.getByTestId('import-role').inputValue()).toBe('grids');
    await s.page.getByTestId('import-run').click();
    await s.page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    const flag = s.page.locator('[data-testid="topology-flag"]', { hasText: /跨界网格/ });
    await flag.waitFor({ timeout: 60_000 });
    await flag.click();
    expect(await selection(s.page)).toEqual({ kind: 'grid', id: 'G-X' });
    await s.page.getByTestId('grid-flags').waitFor();
    expect(await s.page.getByTestId('details').textContent()).toMatch(/跨界网格/);
    expect(
      await s.page.evaluate(() =>
        (window as unknown as AppWindow).__map.getFeatureState({ source: 'grids', id: 'G-X' }),
      ),
    ).toMatchObject({ selected: true });
  });

  it('the history reads in the interface language', async () => {
    await s.page.getByTestId('tab-history').click();
    const history = await s.page.locator('aside').textContent();
    expect(history).toMatch(/导入 grids\.geojson → 网格/);
    expect(history).not.toMatch(/Import grids/);
    await s.page.keyboard.press('Control+z');
    await s.page.getByTestId('tab-size').click();
  });

  it('a CSV with a 类别 column defaults to facilities with 类别 as the category, and the legend shows its colour', async () => {
    const csv = '名称,类别,经度,纬度\r\n测试驿站,养老驿站,121.47,31.23\r\n';
    await s.page
      .getByTestId('file-input')
      .setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await s.page.getByTestId('import-dialog').waitFor();
    expect(await s.page.getByTestId('import-role').inputValue()).toBe('facilities');
    expect(await s.page.getByTestId('import-category-field').inputValue()).toBe('类别');
    await s.page.getByTestId('import-run').click();
    await s.page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    if ((await s.page.getByTestId('legend').count()) === 0) await s.page.getByTestId('layer-panel-toggle').click();
    await s.page.locator('[data-testid="legend-facility"]', { hasText: '养老驿站' }).waitFor();
    await s.page.keyboard.press('Control+z');
  });
});

describe('a 1280×720 screen', () => {
  it('starts with the legend folded, and a selected community leaves the table several rows', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    // The first tab holds the plan; this one takes over (and gives it back when closed).
    await page.goto(s.url);
    await page.getByTestId('take-over').click();
    await waitForAnalysis(page, communities.length);
    expect(await page.getByTestId('legend').count()).toBe(0);
    await selectCommunity(page, 'C019');
    const visibleRows = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid="community-table"]')!.parentElement!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="community-table"] tbody tr')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= wrap.top && b.bottom <= wrap.bottom;
      }).length;
    });
    expect(visibleRows).toBeGreaterThanOrEqual(6);
    await page.close();
  });
});
