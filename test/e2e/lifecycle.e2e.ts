// The plan's life as a new user meets it: New gives an empty plan with nothing of the demo left
// (layers, water, credits), undo brings the demo back, Demo reopens it, a layer can be removed,
// a second tab never overwrites the first, and a crashed worker is restarted with nothing lost.
// Every confirm dialog opened here is confirmed by pressing its button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import type { Page } from 'playwright-core';

const demoCommunities = JSON.parse(readFileSync('data/demo/communities.geojson', 'utf8')) as { features: unknown[] };

let s: Session;

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, demoCommunities.features.length);
  // The map (and its credit line) comes after the first results.
  await s.page.waitForFunction(
    () => (window as unknown as { __map?: { loaded(): boolean } }).__map?.loaded(),
    undefined,
    { timeout: 60_000 },
  );
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

interface PlanState {
  rows: number;
  communities: number;
  grids: number;
  households: number;
  facilities: number;
  roads: number;
  water: number;
  credits: string;
  title: string;
}

async function planState(page: Page): Promise<PlanState> {
  return page.evaluate(() => {
    const app = (
      window as unknown as {
        __app: {
          plan: {
            title: string;
            layers: {
              communities: unknown[];
              grids: unknown[];
              households: { households: Float64Array };
              facilities: unknown[];
              roads: { features: unknown[] } | null;
              water?: { features: unknown[] } | null;
            };
          };
        };
      }
    ).__app;
    const l = app.plan.layers;
    return {
      rows: document.querySelectorAll('[data-testid="community-table"] tbody tr').length,
      communities: l.communities.length,
      grids: l.grids.length,
      households: l.households.households.length,
      facilities: l.facilities.length,
      roads: l.roads?.features.length ?? 0,
      water: l.water?.features.length ?? 0,
      credits: document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '',
      title: app.plan.title,
    };
  });
}

async function confirm(page: Page, button: string) {
  await page.getByTestId(button).click();
  await page.getByTestId('confirm-dialog').waitFor();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
}

describe('new, demo and undo', () => {
  it('New, confirmed, gives an empty plan: no demo layers, water, credits or draft notice', async () => {
    const before = await planState(s.page);
    expect(before.water).toBeGreaterThan(0);
    expect(before.credits).toMatch(/链家/);
    await confirm(s.page, 'new-plan');
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { communities: unknown[] } } } }).__app.plan.layers.communities
          .length === 0,
    );
    const after = await planState(s.page);
    expect(after).toMatchObject({
      communities: 0,
      grids: 0,
      households: 0,
      facilities: 0,
      roads: 0,
      water: 0,
      title: '',
    });
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === 0,
    );
    expect(after.credits).not.toMatch(/链家|高德|AMap|OpenStreetMap/);
    expect(await s.page.getByTestId('draft-notice').count()).toBe(0);
    expect(s.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it('undo brings the demo back exactly, and Demo reopens it after New', async () => {
    await s.page.keyboard.press('Control+z');
    await waitForAnalysis(s.page, demoCommunities.features.length);
    const back = await planState(s.page);
    expect(back.communities).toBe(demoCommunities.features.length);
    expect(back.water).toBeGreaterThan(0);
    expect(back.title).toBe('demo');
    await confirm(s.page, 'new-plan');
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === 0,
    );
    await confirm(s.page, 'back-to-demo');
    await waitForAnalysis(s.page, demoCommunities.features.length);
    const demo = await planState(s.page);
    expect(demo).toMatchObject({
      communities: back.communities,
      grids: back.grids,
      households: back.households,
      facilities: back.facilities,
      roads: back.roads,
      water: back.water,
      title: 'demo',
    });
    await s.page.waitForFunction(() =>
      /链家/.test(document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? ''),
    );
  });

  it('cancelling New keeps the plan', async () => {
    const before = await planState(s.page);
    await s.page.getByTestId('new-plan').click();
    await s.page.getByTestId('confirm-cancel').click();
    expect(await planState(s.page)).toEqual(before);
  });
});

describe('removing a layer', () => {
  it('removes the facilities, and their credit, in one undoable step', async () => {
    await confirm(s.page, 'remove-facilities');
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { facilities: unknown[] } } } }).__app.plan.layers.facilities
          .length === 0,
    );
    await s.page.waitForFunction(
      () => !/高德/.test(document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? ''),
    );
    expect((await planState(s.page)).credits).toMatch(/链家/);
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { facilities: unknown[] } } } }).__app.plan.layers.facilities
          .length > 0,
    );
  });
});

describe('two tabs', () => {
  it('a second tab is view-only until it takes over; the first tab then stops saving and keeps its edits', async () => {
    // An edit in the first tab, so there is something that must not be lost.
    await confirm(s.page, 'remove-grids');
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { grids: unknown[] } } } }).__app.plan.layers.grids.length ===
        0,
    );
    const second = await s.context.newPage();
    await second.goto(s.url);
    await second.getByTestId('tab-elsewhere').waitFor();
    expect(await second.getByTestId('tab-elsewhere').textContent()).toMatch(/另一个标签页|another tab/);
    await second.getByTestId('take-over').click();
    await second.getByTestId('tab-elsewhere').waitFor({ state: 'detached' });
    // The second tab opened what the first had saved: the grid removal is there.
    await second.waitForFunction(() => {
      const app = (
        window as unknown as {
          __app?: { plan: { version: number; layers: { grids: unknown[]; communities: unknown[] } } };
        }
      ).__app;
      return (
        !!app && app.plan.version > 0 && app.plan.layers.communities.length > 0 && app.plan.layers.grids.length === 0
      );
    });
    await s.page.getByTestId('tab-elsewhere').waitFor();
    expect(await s.page.getByTestId('tab-elsewhere').textContent()).toMatch(/接管|taken over/);
    // The first tab takes it back; the second's state (same plan) comes back with it.
    await s.page.getByTestId('take-over').click();
    await s.page.getByTestId('tab-elsewhere').waitFor({ state: 'detached' });
    await second.getByTestId('tab-elsewhere').waitFor();
    await second.close();
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { grids: unknown[] } } } }).__app.plan.layers.grids.length ===
        0,
    );
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { grids: unknown[] } } } }).__app.plan.layers.grids.length > 0,
    );
  });
});

describe('a crashed worker', () => {
  it('is restarted, the user is told, and the results come back', async () => {
    const before = await planState(s.page);
    await s.page.evaluate(() =>
      (window as unknown as { __app: { analysis: { simulateCrash(): void } } }).__app.analysis.simulateCrash(),
    );
    await s.page.getByTestId('notice').waitFor();
    expect(await s.page.getByTestId('notice').textContent()).toMatch(/重启|restarted/);
    await waitForAnalysis(s.page, before.rows);
    await s.page.waitForFunction(
      () => (window as unknown as { __app: { analysis: { pending: number } } }).__app.analysis.pending === 0,
    );
    expect((await planState(s.page)).rows).toBe(before.rows);
  });
});
