// One plan's whole life, as a new user walks it in the built app, through the visible interface
// only (window.__app is read, never driven): New → the bureau's own files (a GBK Shapefile in
// CGCS2000 Gauss-Krüger, a GeoPackage, an Excel sheet in BD-09, a KML) → the table checked against
// the independent count → 现状 duplicated into 方案一 and a community deleted there → the two
// compared, the moves equal to the change in the table → saved views presented with the arrow
// keys → the report printed with the comparison → GeoJSON exported and imported back after New →
// the project file saved, New, opened back: both scenarios and the saved views return.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { confirmDialog, newPlan, openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { readDemo } from './demo-geometry';

const DIR = 'test/fixtures/bureau';
/** The name the planner gives the plan in the header (the report's and the presentation's heading). */
const PLAN_NAME = '南京东路街道社区调整方案';
const SHOTS = '.cache';
const expected = JSON.parse(readFileSync(`${DIR}/expected-counts.json`, 'utf8')) as {
  total: number;
  unassigned: number;
  communities: { id: string; name: string; households: number }[];
};
const assigned = expected.total - expected.unassigned;
// The community the user deletes in 方案一.
const removed = expected.communities[0]!;
const work = mkdtempSync(join(tmpdir(), 'journey-e2e-'));

let s: Session;
beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, readDemo('communities').length);
}, 120_000);
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await s?.close();
  stopServer();
});

const shot = (name: string) => s.page.screenshot({ path: join(SHOTS, `journey-${name}.png`) });

/** The results table as the user reads it: name and households per row, sorted by name. */
const table = (page: Page) =>
  page
    .$$eval('[data-testid="community-table"] tbody tr', (trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('td.name')?.textContent?.trim() ?? '',
        households: Number((tr.children[2]?.textContent ?? '').replace(/[^\d]/g, '')),
      })),
    )
    .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name)));

const expectedTable = (without?: string) =>
  expected.communities
    .filter((c) => c.id !== without)
    .map(({ name, households }) => ({ name, households }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Waits until the table's households add up to `n` over `rows` rows. */
const waitForTotal = (page: Page, rows: number, n: number) =>
  page.waitForFunction(
    ([rows, n]) => {
      const trs = [...document.querySelectorAll('[data-testid="community-table"] tbody tr')];
      const sum = trs
        .map((tr) => Number((tr.children[2]?.textContent ?? '').replace(/[^\d]/g, '')))
        .reduce((a, b) => a + b, 0);
      return trs.length === rows && sum === n;
    },
    [rows, n] as const,
    { timeout: 90_000 },
  );

/** The worker has answered everything asked of it. */
const idle = (page: Page) =>
  page.waitForFunction(
    () => {
      const app = (window as unknown as { __app: { analysis: { pending: number }; loading: string | null } }).__app;
      return app.analysis.pending === 0 && app.loading === null;
    },
    undefined,
    { timeout: 90_000 },
  );

/** Picks a file in the import dialog's file input and waits until the dialog can run. */
async function pick(page: Page, files: string | string[]) {
  await page.getByTestId('file-input').setInputFiles(files);
  await page.getByTestId('import-role').waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-testid="import-run"]')?.disabled);
}

async function confirmImport(page: Page) {
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 60_000 });
}

async function importHouseholds(page: Page) {
  await pick(page, `${DIR}/households-bd09.xlsx`);
  await page.getByTestId('import-sheet').selectOption('小区');
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-testid="import-run"]')?.disabled);
  await page.getByTestId('import-role').selectOption('households');
  await page.getByTestId('import-crs').selectOption('bd09');
  await page.getByTestId('import-field').selectOption('户数');
  await confirmImport(page);
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  const path = join(work, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

const tabs = () => s.page.getByTestId('scenario-tab');
const activeTab = () => s.page.locator('[data-testid="scenario-tab"][aria-selected="true"]');
const switchTo = (name: string) => tabs().filter({ hasText: name }).click();

/** Each scenario's name and its communities' ids, and the saved views, as the page holds them. */
const projectState = () =>
  s.page
    .evaluate(() => {
      const app = (
        window as unknown as {
          __app: {
            scenarios: { list: { name: unknown; plan: { layers: { communities: { id: string }[] } } }[] };
            views: { list: unknown[] };
          };
        }
      ).__app;
      return JSON.stringify({
        scenarios: app.scenarios.list.map((sc) => ({
          name: sc.name,
          communities: sc.plan.layers.communities.map((c) => c.id).sort(),
        })),
        views: app.views.list,
      });
    })
    .then((json) => JSON.parse(json) as unknown);

let project = '';
let projectBefore: unknown;

describe('a plan’s whole life, as a new user walks it', () => {
  it('starts New and imports the bureau’s own four files; the table shows the Chinese names and the independent counts', async () => {
    const page = s.page;
    await newPlan(page);
    await page.waitForFunction(
      () =>
        (window as unknown as { __map: { querySourceFeatures(id: string): unknown[] } }).__map.querySourceFeatures(
          'communities',
        ).length === 0,
    );
    await page.waitForTimeout(500);
    await shot('1-new');

    await pick(page, `${DIR}/communities-4528.zip`);
    await page.getByTestId('import-role').selectOption('communities');
    expect(await page.getByTestId('import-crs').inputValue()).toBe('proj:EPSG:4528');
    await page.getByTestId('import-dialog').screenshot({ path: join(SHOTS, 'journey-2-import-dialog.png') });
    await confirmImport(page);

    await pick(page, `${DIR}/grids-4527.gpkg`);
    await page.getByTestId('import-table').selectOption('网格单元');
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('[data-testid="import-run"]')?.disabled,
    );
    await page.getByTestId('import-role').selectOption('grids');
    expect(await page.getByTestId('import-crs').inputValue()).toBe('proj:EPSG:4527');
    await confirmImport(page);

    await importHouseholds(page);

    await pick(page, `${DIR}/facilities.kml`);
    await page.getByTestId('import-role').selectOption('facilities');
    await confirmImport(page);

    await waitForTotal(page, expected.communities.length, assigned);
    await idle(page);
    expect(await table(page)).toEqual(expectedTable());
    await page.waitForTimeout(1500);
    await shot('3-imported');
  }, 300_000);

  it('duplicates 现状 into 方案一 and deletes a community there through the draw tools', async () => {
    const page = s.page;
    expect(await tabs().count()).toBe(1);
    await page.getByTestId('scenario-duplicate').click();
    expect(await tabs().count()).toBe(2);
    expect(await activeTab().textContent()).toMatch(/方案一/);

    await page.locator(`[data-testid="community-table"] tr[data-id="${removed.id}"]`).click();
    await page.getByTestId('mode-draw').click();
    await page.getByTestId('delete-community').click();
    await waitForTotal(page, expected.communities.length - 1, assigned - removed.households);
    expect(await table(page)).toEqual(expectedTable(removed.id));
    await page.getByTestId('mode-select').click();
    await shot('4-scenario-edited');

    // 现状 keeps its own communities and counts.
    await switchTo('现状');
    await waitForTotal(page, expected.communities.length, assigned);
    expect(await table(page)).toEqual(expectedTable());
  }, 120_000);

  it('compares 现状 with 方案一: the moved households are exactly the change in the table', async () => {
    const page = s.page;
    // The plan took its name from the first file; the planner names it for the meeting, in the header.
    expect(await page.getByTestId('plan-title').textContent()).toBe('communities-4528');
    await page.getByTestId('plan-title').click();
    await page.getByTestId('plan-title-input').fill(PLAN_NAME);
    await page.getByTestId('plan-title-input').press('Enter');
    expect(await page.getByTestId('plan-title').textContent()).toBe(PLAN_NAME);
    await switchTo('方案一');
    expect(await page.getByTestId('plan-title').textContent()).toBe(PLAN_NAME);
    await switchTo('现状');
    await page.getByTestId('scenario-compare').click();
    await page.getByTestId('compare-view').waitFor();
    const ids = await tabs().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.scenario!));
    await page.getByTestId('compare-before').selectOption(ids[0]!);
    await page.getByTestId('compare-after').selectOption(ids[1]!);
    await page.getByTestId('compare-move-row').first().waitFor({ timeout: 90_000 });
    const moves = await page.getByTestId('compare-move-row').evaluateAll((els) =>
      els.map((e) => ({
        from: (e as HTMLElement).dataset.from,
        to: (e as HTMLElement).dataset.to,
        households: Number((e.children[3]?.textContent ?? '').replace(/[^\d]/g, '')),
      })),
    );
    // Deleted: every household of the community goes to no community, and nothing else moves.
    expect(moves).toEqual([{ from: removed.id, to: '', households: removed.households }]);
    expect((await page.getByTestId('compare-moved').textContent())?.replace(/,/g, '')).toContain(
      `${removed.households} 户`,
    );
    const row = page.locator(`[data-testid="compare-communities"] tr[data-id="${removed.id}"]`);
    expect(await row.textContent()).toContain(removed.name);
    expect(await row.textContent()).toMatch(/撤销/);
    await page.waitForFunction(
      () => (window as unknown as { __compareMaps?: { loaded(): boolean }[] }).__compareMaps?.every((m) => m.loaded()),
      undefined,
      { timeout: 90_000 },
    );
    await page.getByTestId('compare-move-row').first().click();
    await page.waitForTimeout(1500);
    await shot('5-compare');
  }, 180_000);

  it('prints the report from the comparison: the PDF has the title, the community names and the comparison', async () => {
    const page = s.page;
    // The browser's own print dialog is not the app's; the report is the document it prints.
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByTestId('compare-print').click();
    const frame = page.locator('iframe[data-testid="report-frame"]');
    await frame.waitFor({ state: 'attached' });
    const html = await frame.evaluate((f) => (f as HTMLIFrameElement).srcdoc);
    const printer = await s.context.newPage();
    await printer.setContent(html, { waitUntil: 'load' });
    const pdf = join(work, 'report.pdf');
    await printer.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await printer.screenshot({ path: join(SHOTS, 'journey-6-report.png'), fullPage: false });
    await printer.close();
    const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/\s+/g, '');
    // The name given in the header, not the file's.
    expect(flat.startsWith(PLAN_NAME)).toBe(true);
    for (const c of expected.communities) expect(flat).toContain(c.name);
    expect(flat).toContain('方案对比：现状→方案一');
    expect(flat).toContain('住户迁移');
    expect(flat).toContain('撤销');
    expect(flat).toContain(removed.households.toLocaleString('en'));
    await page.getByTestId('compare-close').click();
    await page.getByTestId('compare-view').waitFor({ state: 'detached' });
  }, 120_000);

  it('saves a view of each scenario and presents them full screen, stepping with the arrow keys', async () => {
    const page = s.page;
    const caption = (n: number, text: string) => page.getByTestId('view-caption').nth(n).fill(text);
    await switchTo('现状');
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-add').click();
    await caption(0, '现状：十二个社区');
    await page.getByTestId('view-caption').nth(0).press('Enter');
    await switchTo('方案一');
    await page.getByTestId('view-add').click();
    await caption(1, `方案一：撤销${removed.name}`);
    await page.getByTestId('view-caption').nth(1).press('Enter');
    expect(await page.getByTestId('saved-view').count()).toBe(2);
    await shot('7-views');
    await page.getByTestId('views-button').click();

    await page.getByTestId('present-button').click();
    await page.getByTestId('presentation').waitFor();
    expect(await page.locator('[data-testid="presentation"] h1').textContent()).toBe(PLAN_NAME);
    expect(await page.getByTestId('present-caption').textContent()).toMatch(/现状：十二个社区/);
    expect(await activeTab().textContent()).toMatch(/现状/);
    expect(await page.getByTestId('mode-draw').isVisible()).toBe(false);
    await page.waitForTimeout(1200);
    await shot('8-present-1');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="present-caption"]')?.textContent?.includes(name),
      removed.name,
    );
    expect(await page.getByTestId('present-step').textContent()).toMatch(/2 \/ 2/);
    expect(await activeTab().textContent()).toMatch(/方案一/);
    await page.waitForTimeout(1200);
    await shot('9-present-2');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() =>
      /现状：十二个社区/.test(document.querySelector('[data-testid="present-caption"]')?.textContent ?? ''),
    );
    await page.getByTestId('present-leave').click();
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect(await page.getByTestId('mode-draw').isVisible()).toBe(true);
  }, 120_000);

  it('exports 现状 as GeoJSON, starts New and imports it back: the same communities and counts', async () => {
    const page = s.page;
    await switchTo('现状');
    await waitForTotal(page, expected.communities.length, assigned);
    await page.getByTestId('export-menu').click();
    const exported = await download(page, () => page.getByTestId('export-geojson').click());
    expect(exported).toMatch(/\.geojson$/);

    await newPlan(page);
    // Only the active scenario is emptied; 方案一 is still there.
    expect(await tabs().count()).toBe(2);
    await page.getByTestId('file-input').setInputFiles(exported);
    await confirmDialog(page);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === n,
      expected.communities.length,
    );
    // The export keeps the plan's areas; the households come from the user's own sheet again.
    await importHouseholds(page);
    await waitForTotal(page, expected.communities.length, assigned);
    await idle(page);
    expect(await table(page)).toEqual(expectedTable());
    await page.waitForTimeout(1200);
    await shot('10-reimported');
  }, 180_000);

  it('saves the project file, starts New, opens it back: both scenarios and the saved views return', async () => {
    const page = s.page;
    projectBefore = await projectState();
    project = await download(page, () => page.getByTestId('save-project').click());
    expect(project).toMatch(/\.shequ$/);

    await newPlan(page);
    await page.getByTestId('open-input').setInputFiles(project);
    await confirmDialog(page);
    await waitForTotal(page, expected.communities.length, assigned);
    await idle(page);
    expect(await projectState()).toEqual(projectBefore);
    expect(await tabs().count()).toBe(2);
    expect(await table(page)).toEqual(expectedTable());
    await switchTo('方案一');
    await waitForTotal(page, expected.communities.length - 1, assigned - removed.households);
    expect(await table(page)).toEqual(expectedTable(removed.id));
    await page.getByTestId('views-button').click();
    expect(await page.getByTestId('saved-view').count()).toBe(2);
    expect(await page.getByTestId('view-caption').nth(1).inputValue()).toContain(removed.name);
    await page.waitForTimeout(1200);
    await shot('11-reopened');
    await page.getByTestId('views-button').click();
    expect(s.errors).toEqual([]);
  }, 180_000);
});
