// Boundary editing as a planner does it: paint a street block into a community and see its
// count change at once, undo it, and (with autosave) find the plan intact after a reload.
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

describe('paint mode', () => {
  it('paints a block into a community: its tally and table row change at once, and undo restores them', async () => {
    const { community, block, owner } = neighbouringBlock();
    const target = community.properties.id as string;
    const before = await rowHouseholds(target);
    const ownerBefore = await rowHouseholds(owner);
    expect(before).toBeGreaterThan(0);

    await s.page.getByTestId('mode-paint').click();
    await s.page.getByTestId('paint-target').selectOption(target);
    await s.page.getByTestId('paint-tally').waitFor();
    expect(Number((await s.page.getByTestId('paint-households').textContent())!.replace(/,/g, ''))).toBe(before);

    const at = await screenPoint(s.page, interiorPoint(block.geometry), bbox(block.geometry));
    await s.page.mouse.click(at.x, at.y);
    const moved = block.properties.households as number;
    await s.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="paint-households"]')?.textContent?.replace(/,/g, '')) === n,
      before + moved,
      { timeout: 60_000 },
    );
    expect(await rowHouseholds(target)).toBe(before + moved);
    expect(await rowHouseholds(owner)).toBe(ownerBefore - moved);

    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, before] as const,
      { timeout: 60_000 },
    );
    expect(await rowHouseholds(owner)).toBe(ownerBefore);
    await s.page.keyboard.press('Control+Shift+z');
    await s.page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, before + moved] as const,
      { timeout: 60_000 },
    );
  });
});

describe('nothing is lost', () => {
  it('keeps every edit and the undo history across a reload and a browser restart', async () => {
    const { community, block } = neighbouringBlock();
    const target = community.properties.id as string;
    // The painted block from the test above is in `target` (redo left it there).
    const painted = await rowHouseholds(target);
    await s.page
      .getByTestId('save-status')
      .filter({ hasText: /已保存|Saved/ })
      .waitFor({ timeout: 60_000 });
    await s.page.reload();
    await waitForAnalysis(s.page, 1);
    await s.page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, painted] as const,
      { timeout: 60_000 },
    );
    // The undo history came back too: one undo puts the block back where it was.
    await s.page.getByTestId('tab-history').click();
    expect(await s.page.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(1);
    await s.page.getByTestId('tab-size').click();
    await s.page.keyboard.press('Control+z');
    const moved = block.properties.households as number;
    await s.page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, painted - moved] as const,
      { timeout: 60_000 },
    );
    // Close the whole browser (as a crash would) and reopen with the same profile.
    await s.page
      .getByTestId('save-status')
      .filter({ hasText: /已保存|Saved/ })
      .waitFor({ timeout: 60_000 });
    const page = await s.reopen();
    await waitForAnalysis(page, 1);
    await page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, painted - moved] as const,
      { timeout: 60_000 },
    );
    // Redo is still there after the restart.
    await page.getByTestId('tab-history').click();
    await page.keyboard.press('Control+Shift+z');
    await page.getByTestId('tab-size').click();
    await page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, painted] as const,
      { timeout: 60_000 },
    );
  });

  it('asks before going back to the demo, and cancelling keeps the plan', async () => {
    const page = s.page;
    const before = await page.evaluate(() => document.querySelector('[data-testid="summary"]')?.textContent);
    await page.getByTestId('back-to-demo').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-cancel').click();
    expect(await page.evaluate(() => document.querySelector('[data-testid="summary"]')?.textContent)).toBe(before);
    expect(await page.getByTestId('tab-history').textContent()).not.toMatch(/\(0\)/);

    // Asked again and confirmed: the demo comes back as one more undoable step.
    const steps = Number(/\((\d+)\)/.exec((await page.getByTestId('tab-history').textContent()) ?? '')?.[1]);
    await page.getByTestId('back-to-demo').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="tab-history"]')?.textContent?.includes(`(${n})`),
      steps + 1,
      { timeout: 60_000 },
    );
    await page.getByTestId('tab-history').click();
    expect(await page.getByTestId('history-entry').filter({ hasText: '打开演示数据' }).count()).toBe(1);
  });
});
