// Crash safety: a planner edits, the browser dies mid-edit (SIGKILL, no unload handlers run),
// and reopening the app finds every completed edit and nothing half-done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { bbox, interiorPoint, neighbouringBlock, readDemo, screenPoint } from './demo-geometry';

let s: Session;

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, readDemo('communities').length);
  await s.page.waitForFunction(() => (window as unknown as { __map?: { loaded(): boolean } }).__map?.loaded());
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

const households = (id: string) =>
  s.page.evaluate(
    (id) =>
      Number(
        document
          .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
          ?.children[2]?.textContent?.replace(/,/g, ''),
      ),
    id,
  );

describe('crash safety', () => {
  it('finds every completed edit after the browser is killed mid-edit', async () => {
    const first = neighbouringBlock();
    const target = first.community.properties.id as string;
    const before = await households(target);
    await s.page.getByTestId('mode-paint').click();
    await s.page.getByTestId('paint-target').selectOption(target);
    // Completed edit 1: a block painted into the target.
    const at = await screenPoint(s.page, interiorPoint(first.block.geometry), bbox(first.block.geometry));
    await s.page.mouse.click(at.x, at.y);
    const after = before + (first.block.properties.households as number);
    await s.page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, after] as const,
      { timeout: 60_000 },
    );
    // Completed edit 2: a community type changed.
    await s.page.getByTestId('mode-select').click();
    await s.page.locator(`[data-testid="community-table"] tr[data-id="${target}"]`).click();
    await s.page.getByTestId('community-type').selectOption('rural');
    await s.page.waitForFunction(() =>
      /农村|Rural/.test(document.querySelector('[data-testid="details"]')?.textContent ?? ''),
    );
    await s.page
      .getByTestId('save-status')
      .filter({ hasText: /已保存|Saved/ })
      .waitFor({ timeout: 60_000 });
    // Mid-edit: a paint stroke pressed but never released when the browser dies.
    await s.page.getByTestId('mode-paint').click();
    const other = neighbouringBlock(undefined, 3);
    const at2 = await screenPoint(s.page, interiorPoint(other.block.geometry), bbox(other.block.geometry));
    await s.page.mouse.move(at2.x, at2.y);
    await s.page.mouse.down();
    await s.page.mouse.move(at2.x + 3, at2.y + 3);

    const page = await s.crashAndReopen();
    await waitForAnalysis(page, 1);
    await page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, after] as const,
      { timeout: 60_000 },
    );
    await page.locator(`[data-testid="community-table"] tr[data-id="${target}"]`).click();
    expect(await page.getByTestId('community-type').inputValue()).toBe('rural');
    // Both completed edits are in the restored history, and undo still walks them back.
    await page.getByTestId('tab-history').click();
    expect(await page.getByTestId('history-entry').count()).toBe(2);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.getByTestId('tab-size').click();
    await page.waitForFunction(
      ([id, n]) =>
        Number(
          document
            .querySelector(`[data-testid="community-table"] tr[data-id="${id}"]`)
            ?.children[2]?.textContent?.replace(/,/g, ''),
        ) === n,
      [target, before] as const,
      { timeout: 60_000 },
    );
  });
});
