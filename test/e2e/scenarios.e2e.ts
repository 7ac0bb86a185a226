// Scenarios as a planner makes them for a joint meeting: 现状 duplicated into 方案一 and 方案二, a
// block painted into another community in one and a community deleted in the other; switching
// shows each scenario's own counts, and undo inside one scenario leaves the other untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { bbox, interiorPoint, neighbouringBlock, readDemo, screenPoint } from './demo-geometry';

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
    { timeout: 30_000 },
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

describe('scenarios', () => {
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
    expect(await rowHouseholds(removed)).toBe(counts.removed);
    await switchTo('方案二');
    await waitForRow(removed, NaN);
    expect(await rowHouseholds(target)).toBe(counts.target);
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
  });
});
