// What bureaus hold, opened as a new user would in Chromium: New, then a GBK Shapefile in CGCS2000
// Gauss-Krüger (the zip, then its parts picked together) as communities, a GeoPackage (its grid
// table picked) as grids, an Excel sheet of BD-09 compounds (the sheet picked) as households and
// a KML as facilities, each dialog confirmed. The results table must show the communities' Chinese
// names with the households the independent count gives (test/fixtures/bureau), and every layer
// must sit where its data is in WGS84.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { readDemo } from './demo-geometry';

const DIR = 'test/fixtures/bureau';
const SHOTS = process.env.E2E_SCREENSHOTS ?? '.cache';
const expected = JSON.parse(readFileSync(`${DIR}/expected-counts.json`, 'utf8')) as {
  total: number;
  unassigned: number;
  communities: { id: string; name: string; households: number }[];
};

let s: Session;
beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, readDemo('communities').length);
}, 120_000);
afterAll(async () => {
  await s?.close();
  stopServer();
});

interface PlanWindow {
  __app: {
    plan: {
      layers: {
        communities: { geometry: { coordinates: unknown } }[];
        grids: { geometry: { coordinates: unknown } }[];
        facilities: { lon: number; lat: number; category: string }[];
        households: { coordinates: Float64Array; households: Float64Array };
      };
    };
  };
}

/** [west, south, east, north] of a layer of the plan, in the page. */
function bbox(page: Page, layer: 'communities' | 'grids' | 'facilities' | 'households') {
  return page.evaluate((layer) => {
    const layers = (window as unknown as PlanWindow).__app.plan.layers;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const add = (x: number, y: number) => {
      box[0] = Math.min(box[0]!, x);
      box[1] = Math.min(box[1]!, y);
      box[2] = Math.max(box[2]!, x);
      box[3] = Math.max(box[3]!, y);
    };
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') add(c[0], c[1] as number);
      else if (Array.isArray(c)) c.forEach(walk);
    };
    if (layer === 'facilities') for (const f of layers.facilities) add(f.lon, f.lat);
    else if (layer === 'households') {
      const xy = layers.households.coordinates;
      for (let i = 0; i < xy.length; i += 2) add(xy[i]!, xy[i + 1]!);
    } else for (const u of layers[layer]) walk(u.geometry.coordinates);
    return box;
  }, layer);
}

async function ready(page: Page) {
  await page.getByTestId('import-role').waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-testid="import-run"]')?.disabled);
}

async function confirmImport(page: Page) {
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 60_000 });
}

const rows = (page: Page) =>
  page.$$eval('[data-testid="community-table"] tbody tr', (trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('td.name')?.textContent?.trim() ?? '',
      households: Number((tr.querySelector('td.num')?.textContent ?? '').replace(/[^\d]/g, '')),
    })),
  );

describe('bureau formats in the app', () => {
  it('opens a Shapefile, a GeoPackage, an Excel sheet and a KML with the right names, places and counts', async () => {
    const page = s.page;
    await page.getByTestId('new-plan').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === 0,
    );

    // The zipped Shapefile: its .prj preselects EPSG:4528.
    await page.getByTestId('file-input').setInputFiles(`${DIR}/communities-4528.zip`);
    await ready(page);
    await page.getByTestId('import-role').selectOption('communities');
    expect(await page.getByTestId('import-crs').inputValue()).toBe('proj:EPSG:4528');
    await page.getByTestId('import-crs-search').fill('CGCS2000 3度带 40');
    await page.getByTestId('import-dialog').screenshot({ path: join(SHOTS, 'bureau-import-dialog.png') });
    await confirmImport(page);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === n,
      expected.communities.length,
    );

    // The same Shapefile as its parts picked together replaces it.
    await page
      .getByTestId('file-input')
      .setInputFiles(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => `${DIR}/communities-4528.${e}`));
    await ready(page);
    expect(await page.locator('[data-testid="import-dialog"] h2').textContent()).toContain('communities-4528.shp');
    await page.getByTestId('import-role').selectOption('communities');
    expect(await page.getByTestId('import-crs').inputValue()).toBe('proj:EPSG:4528');
    await confirmImport(page);

    // The GeoPackage: its first table is points; the grid table is picked.
    await page.getByTestId('file-input').setInputFiles(`${DIR}/grids-4527.gpkg`);
    await ready(page);
    await page.getByTestId('import-table').selectOption('网格单元');
    await ready(page);
    await page.getByTestId('import-role').selectOption('grids');
    expect(await page.getByTestId('import-crs').inputValue()).toBe('proj:EPSG:4527');
    await confirmImport(page);

    // The workbook: the notes sheet, then the compounds sheet; BD-09 and 户数 chosen.
    await page.getByTestId('file-input').setInputFiles(`${DIR}/households-bd09.xlsx`);
    await ready(page);
    await page.getByTestId('import-sheet').selectOption('说明');
    await ready(page);
    await page.getByTestId('import-sheet').selectOption('小区');
    await ready(page);
    await page.getByTestId('import-role').selectOption('households');
    await page.getByTestId('import-crs').selectOption('bd09');
    await page.getByTestId('import-field').selectOption('户数');
    await confirmImport(page);

    await page.getByTestId('file-input').setInputFiles(`${DIR}/facilities.kml`);
    await ready(page);
    await page.getByTestId('import-role').selectOption('facilities');
    await confirmImport(page);
    // The bureau's elderly-care is the rules' elderly-service (老年服务站): matched, and the notice says so.
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/'elderly-care' → (老年服务站|Elderly service station)[（(]elderly-service[，,] ?5/);
    await page.getByTestId('notice').screenshot({ path: join(SHOTS, 'bureau-category-notice.png') });
    const categories = await page.evaluate(() =>
      (window as unknown as PlanWindow).__app.plan.layers.facilities.map((f) => f.category),
    );
    expect([...new Set(categories)].sort()).toEqual(['clinic', 'elderly-service', 'kindergarten']);

    const assigned = expected.total - expected.unassigned;
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('[data-testid="community-table"] tbody tr td:nth-child(3)')]
          .map((td) => Number((td.textContent ?? '').replace(/[^\d]/g, '')))
          .reduce((a, b) => a + b, 0) === n,
      assigned,
      { timeout: 60_000 },
    );
    const shown = await rows(page);
    const byName = (list: { name: string; households: number }[]) =>
      [...list].map(({ name, households }) => ({ name, households })).sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(shown)).toEqual(byName(expected.communities));
    expect(s.errors).toEqual([]);

    // Where the data is: the lattice spans 119.9–120.1°E, 31.2–31.4°N; compounds 0.02° beyond.
    for (const layer of ['communities', 'grids'] as const) {
      const [w, so, e, n] = await bbox(page, layer);
      expect(Math.abs(w! - 119.9)).toBeLessThan(1e-6);
      expect(Math.abs(so! - 31.2)).toBeLessThan(1e-6);
      expect(Math.abs(e! - 120.1)).toBeLessThan(1e-6);
      expect(Math.abs(n! - 31.4)).toBeLessThan(1e-6);
    }
    const [hw, hs, he, hn] = await bbox(page, 'households');
    expect(hw).toBeGreaterThan(119.88 - 1e-6);
    expect(hs).toBeGreaterThan(31.18 - 1e-6);
    expect(he).toBeLessThan(120.12 + 1e-6);
    expect(hn).toBeLessThan(31.42 + 1e-6);
    const [fw, fs, fe, fn] = await bbox(page, 'facilities');
    expect([fw! >= 119.9, fs! >= 31.2, fe! <= 120.1, fn! <= 31.4]).toEqual([true, true, true, true]);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'bureau-map.png') });
  }, 240_000);

  it('offers the Gauss-Krüger zone for projected points that name no system, and imports with one click', async () => {
    const page = s.page;
    const path = join(mkdtempSync(join(tmpdir(), 'bureau-e2e-')), 'projected.geojson');
    const points = [
      [40_512_345, 3_460_000],
      [40_513_000, 3_461_200],
    ].map((coordinates, i) => ({
      type: 'Feature',
      properties: { name: `点${i + 1}`, category: 'clinic' },
      geometry: { type: 'Point', coordinates },
    }));
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: points }));
    await page.getByTestId('file-input').setInputFiles(path);
    await ready(page);
    await page.getByTestId('import-role').selectOption('facilities');
    const suggestion = page.getByTestId('import-crs-suggestion');
    expect(await suggestion.textContent()).toContain('EPSG:4528');
    await page.getByTestId('import-dialog').screenshot({ path: join(SHOTS, 'bureau-crs-suggestion.png') });
    await page.getByTestId('import-crs-use').click();
    expect(await page.getByTestId('import-crs').inputValue()).toBe('proj:EPSG:4528');
    await confirmImport(page);
    const [w, , e] = await bbox(page, 'facilities');
    expect(w).toBeGreaterThan(120.1);
    expect(e).toBeLessThan(120.2);
  }, 120_000);
});
