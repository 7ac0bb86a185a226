// Scenarios as a planner makes them for a joint meeting: 现状 duplicated into 方案一 and 方案二, a
// block painted into another community in one and a community deleted in the other; switching
// shows each scenario's own counts, and undo inside one scenario leaves the other untouched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { printedReport } from './report-pdf';
import { bbox, interiorPoint, neighbouringBlock, readDemo, screenPoint } from './demo-geometry';

let s: Session;
const work = mkdtempSync(join(tmpdir(), 'scenarios-e2e-'));
const communities = readDemo('communities');

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, communities.length);
  await s.page.waitForFunction(
    () => (window as unknown as { __map?: { loaded(): boolean } }).__map?.loaded(),
    undefined,
    { timeout: 90_000 },
  );
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await s?.close();
  stopServer();
});

const rowHouseholds = (id: string) =>
  s.page.evaluate((id) => {
    const row = document.querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`);
    return row ? Number(row.children[2]!.textContent.replace(/,/g, '')) : NaN;
  }, id);

/** Waits until the table shows `n` households for `id` (NaN: the row is gone). */
const waitForRow = (id: string, n: number) =>
  s.page.waitForFunction(
    ([id, n]) => {
      const row = document.querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`);
      const value = row ? Number(row.children[2]?.textContent?.replace(/,/g, '')) : NaN;
      return Number.isNaN(n) ? !row : value === n;
    },
    [id, n] as const,
    { timeout: 60_000 },
  );

const tabs = () => s.page.getByTestId('scenario-tab');
const activeTab = () => s.page.locator('[data-testid="scenario-tab"][aria-selected="true"]');
const switchTo = (name: string) => tabs().filter({ hasText: name }).click();

const { community, block, owner } = neighbouringBlock();
const target = community.properties.id as string;
const moved = block.properties.households as number;
// The community deleted in 方案二: one that is neither of the two painted ones.
const removed = communities.map((c) => c.properties.id as string).find((id) => id !== target && id !== owner)!;
const counts = { target: 0, owner: 0, removed: 0 };

// Two MapLibre maps under software WebGL on a shared machine take a while: each step gets five minutes.
describe('scenarios', { timeout: 300_000 }, () => {
  it('duplicates 现状 into 方案一 and paints a block there; 现状 keeps its counts', async () => {
    counts.target = await rowHouseholds(target);
    counts.owner = await rowHouseholds(owner);
    counts.removed = await rowHouseholds(removed);
    expect(await tabs().count()).toBe(1);
    expect(await activeTab().textContent()).toMatch(/现状/);

    await s.page.getByTestId('scenario-duplicate').click();
    expect(await tabs().count()).toBe(2);
    expect(await activeTab().textContent()).toMatch(/方案一/);

    await s.page.getByTestId('mode-paint').click();
    await s.page.getByTestId('paint-target').selectOption(target);
    await s.page.getByTestId('paint-tally').waitFor();
    const at = await screenPoint(s.page, interiorPoint(block.geometry), bbox(block.geometry));
    await s.page.mouse.click(at.x, at.y);
    await waitForRow(target, counts.target + moved);
    expect(await rowHouseholds(owner)).toBe(counts.owner - moved);
    await s.page.getByTestId('mode-select').click();

    await switchTo('现状');
    await waitForRow(target, counts.target);
    expect(await rowHouseholds(owner)).toBe(counts.owner);
  });

  it('duplicates 现状 again into 方案二 and deletes a community there', async () => {
    await s.page.getByTestId('scenario-duplicate').click();
    expect(await activeTab().textContent()).toMatch(/方案二/);
    await s.page.locator(`[data-testid="community-table"] tr[data-id="${removed}"]`).click();
    await s.page.getByTestId('mode-draw').click();
    await s.page.getByTestId('delete-community').click();
    await waitForRow(removed, NaN);
    await s.page.getByTestId('mode-select').click();
    // Each scenario shows its own counts.
    await switchTo('方案一');
    await waitForRow(target, counts.target + moved);
    await waitForRow(removed, counts.removed);
    await switchTo('方案二');
    // The rows follow the scenario at once; their counts when the worker has recounted.
    await waitForRow(target, counts.target);
    expect(await rowHouseholds(removed)).toBeNaN();
  });

  it('undo inside 方案二 brings its community back and leaves 方案一 as it was', async () => {
    await s.page.keyboard.press('Control+z');
    await waitForRow(removed, counts.removed);
    await switchTo('方案一');
    await waitForRow(target, counts.target + moved);
    expect(await rowHouseholds(owner)).toBe(counts.owner - moved);
    await s.page.getByTestId('tab-history').click();
    expect(await s.page.getByTestId('history-entry').count()).toBe(1);
    await s.page.getByTestId('tab-size').click();
    await switchTo('方案二');
    await s.page.keyboard.press('Control+Shift+z');
    await waitForRow(removed, NaN);
  });

  it('renames a scenario in place and deletes one after asking', async () => {
    await s.page.getByTestId('scenario-duplicate').click();
    expect(await tabs().count()).toBe(4);
    await s.page.getByTestId('scenario-rename').click();
    await s.page.getByTestId('scenario-rename-input').fill('临时方案');
    await s.page.getByTestId('scenario-rename-input').press('Enter');
    expect(await activeTab().textContent()).toMatch(/临时方案/);
    await s.page.getByTestId('scenario-delete').click();
    await s.page.getByTestId('confirm-dialog').waitFor();
    await s.page.getByTestId('confirm-cancel').click();
    expect(await tabs().count()).toBe(4);
    await s.page.getByTestId('scenario-delete').click();
    await s.page.getByTestId('confirm-ok').click();
    await s.page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await tabs().count()).toBe(3);
    expect(await s.page.getByTestId('notice').textContent()).toMatch(/临时方案/);
    await s.page.screenshot({ path: '.cache/scenario-bar.png' });
    // 撤销删除 in the notice brings it back, where it was and active again; deleted once more after.
    await s.page.getByTestId('notice-action').click();
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]').length === 4);
    expect(await activeTab().textContent()).toMatch(/临时方案/);
    expect(await tabs().nth(3).textContent()).toMatch(/临时方案/);
    expect(await s.page.getByTestId('notice').textContent()).toMatch(/已恢复方案“临时方案”/);
    await s.page.getByTestId('scenario-delete').click();
    await s.page.getByTestId('confirm-ok').click();
    await s.page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await tabs().count()).toBe(3);
  });

  it('compares 现状 with 方案一: exactly the painted block’s households move, and a row zooms both maps to it', async () => {
    await s.page.getByTestId('scenario-compare').click();
    await s.page.getByTestId('compare-view').waitFor();
    const ids = await tabs().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.scenario!));
    await s.page.getByTestId('compare-before').selectOption(ids[0]!);
    await s.page.getByTestId('compare-after').selectOption(ids[1]!);
    await s.page.getByTestId('compare-move-row').first().waitFor({ timeout: 60_000 });
    const rows = await s.page.getByTestId('compare-move-row').evaluateAll((els) =>
      els.map((e) => ({
        from: (e as HTMLElement).dataset.from,
        to: (e as HTMLElement).dataset.to,
        households: Number(e.children[3]!.textContent.replace(/,/g, '')),
        blocks: (e.children[4] as HTMLElement).title,
      })),
    );
    // The one move is the painted block's households, and the block it names is that block.
    expect(rows).toEqual([{ from: owner, to: target, households: moved, blocks: block.properties.id as string }]);
    expect(await s.page.getByTestId('compare-moved').textContent()).toMatch(
      new RegExp(`${moved.toLocaleString('en')} 户`),
    );
    // Both maps show the pair and move together.
    await s.page.waitForFunction(
      () => (window as unknown as { __compareMaps?: { loaded(): boolean }[] }).__compareMaps?.every((m) => m.loaded()),
      undefined,
      { timeout: 120_000 },
    );
    const view = () =>
      s.page.evaluate(() =>
        (
          window as unknown as { __compareMaps: { getZoom(): number; getCenter(): { lng: number; lat: number } }[] }
        ).__compareMaps.map((m) => ({
          zoom: m.getZoom(),
          ...m.getCenter(),
        })),
      );
    const start = await view();
    await s.page.getByTestId('compare-move-row').first().click();
    await s.page.waitForFunction(
      (z) => (window as unknown as { __compareMaps: { getZoom(): number }[] }).__compareMaps[0]!.getZoom() > z + 0.5,
      start[0]!.zoom,
    );
    const [left, right] = await view();
    expect(right!.zoom).toBeCloseTo(left!.zoom, 6);
    expect(right!.lng).toBeCloseTo(left!.lng, 9);
    const [bw, bs, be, bn] = bbox(block.geometry);
    expect(left!.lng).toBeGreaterThan(bw - 0.02);
    expect(left!.lng).toBeLessThan(be + 0.02);
    expect(left!.lat).toBeGreaterThan(bs - 0.02);
    expect(left!.lat).toBeLessThan(bn + 0.02);
    await s.page.waitForTimeout(500);
    await s.page.screenshot({ path: '.cache/compare-view.png' });
  });

  it('compares 现状 with 方案二: the deleted community’s households all leave it', async () => {
    const ids = await tabs().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.scenario!));
    await s.page.getByTestId('compare-after').selectOption(ids[2]!);
    await waitForMoveFrom(removed);
    const total = await s.page
      .getByTestId('compare-move-row')
      .evaluateAll(
        (els, id) =>
          els
            .filter((e) => (e as HTMLElement).dataset.from === id)
            .reduce((sum, e) => sum + Number(e.children[3]!.textContent.replace(/,/g, '')), 0),
        removed,
      );
    expect(total).toBe(counts.removed);
    expect(await s.page.locator(`[data-testid="compare-communities"] tr[data-id="${removed}"]`).textContent()).toMatch(
      /撤销/,
    );
    await printWithComparison(removed);
    // Coverage before and after, per category and distance: facilities are the same on both sides.
    const coverage = await s.page
      .locator('[data-testid="compare-coverage"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    expect(coverage.length).toBeGreaterThan(3);
    expect(coverage.map((r) => r[0])).toContain('托儿所');
    for (const [, , before, after, change] of coverage) {
      expect(after).toBe(before);
      expect(change).toBe('0.0');
    }
    // This comparison, at the extent both maps show, becomes a view to present.
    await s.page.getByTestId('compare-save-view').click();
    expect(await s.page.getByTestId('compare-view-saved').textContent()).toMatch(/已保存为第 1 个视图/);
    comparedCenter = await compareCenter();
    await s.page.getByTestId('compare-close').click();
    await s.page.getByTestId('compare-view').waitFor({ state: 'detached' });
  });

  it('saves two more views and presents all three full screen: the comparison, then each scenario', async () => {
    const focusOn = (id: string) =>
      s.page.evaluate(
        ([, box]) =>
          (window as unknown as { __app: { select(x: null, b: number[]): void } }).__app.select(null, box as number[]),
        [id, bbox(communities.find((c) => c.properties.id === id)!.geometry)] as const,
      );
    const center = () =>
      s.page.evaluate(() =>
        (window as unknown as { __map: { getCenter(): { lng: number; lat: number } } }).__map.getCenter(),
      );
    const settle = () => s.page.waitForTimeout(1200);
    await switchTo('现状');
    await focusOn(target);
    await settle();
    await s.page.getByTestId('views-button').click();
    await s.page.getByTestId('view-add').click();
    expect(await s.page.getByTestId('view-caption').nth(0).inputValue()).toBe('对比：现状 → 方案二');
    await s.page.getByTestId('view-caption').nth(1).fill('现状：南京东路');
    await s.page.getByTestId('view-caption').nth(1).press('Enter');
    await switchTo('方案一');
    await focusOn(removed);
    await settle();
    await s.page.getByTestId('view-add').click();
    await s.page.getByTestId('view-caption').nth(2).fill('方案一：调整后');
    await s.page.getByTestId('view-caption').nth(2).press('Enter');
    expect(await s.page.getByTestId('saved-view').count()).toBe(3);
    await s.page.getByTestId('views-button').click();

    await s.page.getByTestId('present-button').click();
    await s.page.getByTestId('presentation').waitFor();
    // The first view is the comparison: the pair and the extent it was saved with.
    expect(await s.page.getByTestId('present-caption').textContent()).toMatch(/对比：现状 → 方案二/);
    await s.page.getByTestId('compare-view').waitFor();
    await waitForMoveFrom(removed);
    await s.page.waitForFunction(
      () => (window as unknown as { __compareMaps?: { loaded(): boolean }[] }).__compareMaps?.every((m) => m.loaded()),
      undefined,
      { timeout: 60_000 },
    );
    const shown = await compareCenter();
    expect(shown.lng).toBeCloseTo(comparedCenter.lng, 5);
    expect(shown.lat).toBeCloseTo(comparedCenter.lat, 5);
    expect(await s.page.getByTestId('present-step').textContent()).toMatch(/1 \/ 3/);
    expect(await s.page.getByTestId('present-scenario').textContent()).toBe('现状 → 方案二');
    expect(await s.page.getByTestId('present-legend').textContent()).toMatch(/撤销.*改变所属社区的住户/);
    // The comparison's own header (pickers, print, close) gives way to the presentation's title.
    expect(await s.page.getByTestId('compare-save-view').isVisible()).toBe(false);
    await s.page.screenshot({ path: '.cache/presentation-compare.png' });
    await s.page.keyboard.press('ArrowRight');
    await s.page.waitForFunction(() =>
      /现状：南京东路/.test(document.querySelector('[data-testid="present-caption"]')?.textContent ?? ''),
    );
    await s.page.getByTestId('compare-view').waitFor({ state: 'detached' });
    expect(await activeTab().textContent()).toMatch(/现状/);
    expect(await s.page.getByTestId('present-scenario').textContent()).toBe('现状');
    await settle();
    const first = await center();
    await s.page.keyboard.press('ArrowRight');
    await s.page.waitForFunction(() =>
      /方案一：调整后/.test(document.querySelector('[data-testid="present-caption"]')?.textContent ?? ''),
    );
    await settle();
    const second = await center();
    expect(Math.hypot(second.lng - first.lng, second.lat - first.lat)).toBeGreaterThan(0.002);
    expect(await activeTab().textContent()).toMatch(/方案一/);
    expect(await s.page.getByTestId('present-step').textContent()).toMatch(/3 \/ 3/);
    await s.page.screenshot({ path: '.cache/presentation.png' });
    await s.page.keyboard.press('PageUp');
    await s.page.waitForFunction(() =>
      /现状：南京东路/.test(document.querySelector('[data-testid="present-caption"]')?.textContent ?? ''),
    );
    expect(await activeTab().textContent()).toMatch(/现状/);
    // The editing tools are hidden while presenting.
    expect(await s.page.getByTestId('mode-paint').isVisible()).toBe(false);
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect(await s.page.getByTestId('mode-paint').isVisible()).toBe(true);
  });

  it('saves the project and opens it back: every scenario, its name and its areas come back', async () => {
    const before = await scenarioState();
    const views = await viewState();
    expect(views).toHaveLength(3);
    const [download] = await Promise.all([
      s.page.waitForEvent('download', { timeout: 90_000 }),
      s.page.getByTestId('save-project').click(),
    ]);
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    expect(path).toMatch(/\.shequ$/);
    // Something else first, so opening has something to replace.
    await s.page.getByTestId('scenario-delete').click();
    await s.page.getByTestId('confirm-ok').click();
    await s.page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await tabs().count()).toBe(2);
    await s.page.getByTestId('open-input').setInputFiles(path);
    await s.page.getByTestId('confirm-dialog').waitFor();
    await s.page.getByTestId('confirm-ok').click();
    await s.page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    await s.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="scenario-tab"]').length === n,
      before.length,
    );
    expect(await scenarioState()).toEqual(before);
    expect(await viewState()).toEqual(views);
    expect(s.errors).toEqual([]);
  });
});

/** Waits until the comparison lists a move out of community `id`. */
const waitForMoveFrom = (id: string) =>
  s.page.waitForFunction(
    (id) =>
      [...document.querySelectorAll('[data-testid="compare-move-row"]')].some(
        (r) => (r as HTMLElement).dataset.from === id,
      ),
    id,
    { timeout: 60_000 },
  );

let comparedCenter = { lng: NaN, lat: NaN };
/** The centre of the comparison's left map (the right one follows it). */
const compareCenter = () =>
  s.page.evaluate(() => {
    const c = (
      window as unknown as { __compareMaps: { getCenter(): { lng: number; lat: number } }[] }
    ).__compareMaps[0]!.getCenter();
    return { lng: c.lng, lat: c.lat };
  });

/** Every scenario's name and its communities' ids and geometry, as the page holds them. */
function scenarioState() {
  return s.page.evaluate(() => {
    const app = (
      window as unknown as {
        __app: {
          scenarios: {
            list: { name: unknown; plan: { layers: { communities: { id: string; geometry: unknown }[] } } }[];
          };
        };
      }
    ).__app;
    return app.scenarios.list.map((sc) => ({
      name: JSON.stringify(sc.name),
      communities: JSON.stringify(sc.plan.layers.communities.map((c) => [c.id, c.geometry])),
    }));
  });
}

function viewState() {
  return s.page
    .evaluate(() => JSON.stringify((window as unknown as { __app: { views: { list: unknown[] } } }).__app.views.list))
    .then((j) => JSON.parse(j) as unknown[]);
}

/** Prints the report from the comparison view and reads the PDF back with pdftotext. */
async function printWithComparison(removedId: string) {
  await s.page.evaluate(() => (window.print = () => undefined));
  await s.page.getByTestId('compare-print').click();
  // Reading order, not layout: a table cell's words stay together.
  const { text, pages } = await printedReport(s, work);
  expect(pages).toBeGreaterThan(2);
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain('方案对比：现状→方案二');
  expect(flat).toContain('住户迁移');
  expect(flat).toContain('覆盖率对比');
  expect(flat).toContain('消除的问题');
  const name = communities.find((c) => c.properties.id === removedId)!.properties.name as string;
  expect(flat).toContain(name.replace(/\s+/g, ''));
  expect(flat).toContain('撤销');
}
