// The app as a person meets it: opens on the central-Shanghai demo, draws the map, lists the
// communities, refuses a bad file without touching the plan, imports a good one, and exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import GJV from 'geojson-validation';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ExportFlag, PlanMetadata } from '../../src/core/export-plan';

/** The downloaded plan, as far as this test reads it (facilities have no flags). */
type Exported = FeatureCollection<
  Geometry,
  { kind: string; households?: number; flags?: ExportFlag[]; coverage?: unknown }
> & { metadata: PlanMetadata & { distanceMode: string; coverage: Record<string, Record<string, number>> } };

const demoCommunities = JSON.parse(readFileSync('data/demo/communities.geojson', 'utf8')) as { features: unknown[] };
const demoGrids = JSON.parse(readFileSync('data/demo/grids.geojson', 'utf8')) as { features: unknown[] };
const demoFacilities = JSON.parse(readFileSync('data/demo/facilities.geojson', 'utf8')) as { features: unknown[] };

let s: Session;

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, demoCommunities.features.length);
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

async function tableState() {
  return s.page.evaluate(() => ({
    rows: document.querySelectorAll('[data-testid="community-table"] tbody tr').length,
    summary: document.querySelector('[data-testid="summary"]')?.textContent ?? '',
    firstRows: [...document.querySelectorAll('[data-testid="community-table"] tbody tr')]
      .slice(0, 5)
      .map((r) => r.textContent),
  }));
}

describe('the demo opens on central Shanghai', () => {
  it('draws the map: basemap, communities and household points are on the canvases', async () => {
    await s.page.waitForFunction(
      () => {
        const m = (window as unknown as { __map?: { loaded(): boolean } }).__map;
        return m?.loaded();
      },
      undefined,
      { timeout: 60_000 },
    );
    await s.page.waitForTimeout(1500);
    const stats = await s.page.evaluate(() => {
      const canvases = [...document.querySelectorAll('[data-testid="map"] canvas')] as HTMLCanvasElement[];
      const out = document.createElement('canvas');
      out.width = 400;
      out.height = 300;
      const ctx = out.getContext('2d')!;
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, 400, 300);
      for (const c of canvases) ctx.drawImage(c, 0, 0, 400, 300);
      const data = ctx.getImageData(0, 0, 400, 300).data;
      const colours = new Set<number>();
      let nonBackground = 0;
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        colours.add(key);
        if (key !== 0xf2efe9 && key !== 0) nonBackground++;
      }
      return { canvases: canvases.length, colours: colours.size, nonBackground, pixels: data.length / 4 };
    });
    expect(stats.canvases).toBeGreaterThanOrEqual(2); // MapLibre's and deck.gl's
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.nonBackground / stats.pixels).toBeGreaterThan(0.2);
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('© OpenStreetMap contributors');
  });

  it('lists every community with its households and band, and a summary', async () => {
    const state = await tableState();
    expect(state.rows).toBe(demoCommunities.features.length);
    expect(state.summary).toMatch(/\d+ \/ \d+/);
    expect(state.summary).toMatch(/%/);
    expect(await s.page.getByTestId('draft-notice').isVisible()).toBe(true);
  });

  it('clicking a row selects the community and shows its flags with their sources', async () => {
    // Sort by band status so an out-of-band community comes first.
    await s.page.locator('[data-testid="community-table"] th', { hasText: /规模|Band/ }).click();
    await s.page.locator('[data-testid="community-table"] tbody tr').first().click();
    const details = s.page.getByTestId('details');
    await details.waitFor();
    const text = await details.textContent();
    expect(text).toMatch(/户/);
    expect(text).toMatch(/J1 · 江苏 苏发〔2011〕15号/);
  });
});

describe('import', () => {
  it('refuses a file with an unclosed ring, names the feature, and leaves the plan as it was', async () => {
    const before = await tableState();
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'A' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.47, 31.23],
                [121.48, 31.23],
                [121.48, 31.24],
                [121.47, 31.24],
                [121.47, 31.23],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'B' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.47, 31.23],
                [121.48, 31.23],
                [121.48, 31.24],
                [121.47, 31.24],
              ],
            ],
          },
        },
      ],
    });
    await s.page
      .getByTestId('file-input')
      .setInputFiles({ name: 'bad-communities.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(bad) });
    await s.page.getByTestId('import-dialog').waitFor();
    await s.page.getByTestId('import-role').selectOption('communities');
    await s.page.getByTestId('import-run').click();
    const problems = s.page.getByTestId('import-problems');
    await problems.waitFor();
    // The app opens in Chinese: the problem and its place are said in Chinese too.
    expect(await problems.textContent()).toContain('第 2 个要素：第 1 个环未闭合（首尾坐标不同）');
    await s.page.getByTestId('import-cancel').click();
    expect(await tableState()).toEqual(before);
  });

  it('refuses a file that is not JSON', async () => {
    const before = await tableState();
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'broken.geojson',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Fea'),
    });
    await s.page.getByTestId('import-problems').waitFor();
    expect(await s.page.getByTestId('import-problems').textContent()).toMatch(/JSON/);
    await s.page.getByTestId('import-cancel').click();
    expect(await tableState()).toEqual(before);
  });

  it('imports households from a GBK CSV in BD-09 and the counts follow; undo restores them', async () => {
    const before = await tableState();
    const csv = '名称,经度,纬度,户数\r\n测试小区甲,121.4816,31.2383,900\r\n测试小区乙,121.4712,31.2262,1200\r\n';
    const { encode } = await import('./gbk');
    await s.page
      .getByTestId('file-input')
      .setInputFiles({ name: 'households.csv', mimeType: 'text/csv', buffer: Buffer.from(encode(csv)) });
    await s.page.getByTestId('import-dialog').waitFor();
    await s.page.getByTestId('import-role').selectOption('households');
    await s.page.getByTestId('import-crs').selectOption('bd09');
    await s.page.getByTestId('import-field').selectOption('户数');
    await s.page.getByTestId('import-run').click();
    await s.page.waitForFunction(
      () => /2,100/.test(document.querySelector('[data-testid="summary"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      (t) => document.querySelector('[data-testid="summary"]')?.textContent === t,
      before.summary,
      { timeout: 60_000 },
    );
  });
});

describe('export', () => {
  it('downloads the plan as valid RFC 7946 GeoJSON with counts, flags and metadata', async () => {
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByTestId('export-button').click(),
    ]);
    const path = await download.path();
    const fc = JSON.parse(readFileSync(path, 'utf8')) as Exported;
    expect(GJV.valid(fc)).toBe(true);
    expect(fc.features).toHaveLength(
      demoCommunities.features.length + demoGrids.features.length + demoFacilities.features.length,
    );
    const community = fc.features.find((f) => f.properties.kind === 'community');
    expect(typeof community?.properties.households).toBe('number');
    expect(Array.isArray(community?.properties.flags)).toBe(true);
    expect(fc.metadata.profile.id).toBe('jiangsu-2011');
    expect(fc.metadata.totalHouseholds).toBeGreaterThan(100_000);
    // Living-circle coverage over the walking network goes with the plan, labelled as such.
    expect(fc.metadata.distanceMode).toBe('network');
    expect(fc.metadata.coverage.kindergarten?.['300']).toBeGreaterThan(0);
    expect(community?.properties.coverage).toBeDefined();
    const flag = fc.features.find((f) => f.properties.flags?.length)?.properties.flags?.[0];
    expect(flag).toBeDefined();
    for (const text of [flag?.code, flag?.severity, flag?.message, flag?.source.ruleId])
      expect(typeof text).toBe('string');
    expect(s.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
