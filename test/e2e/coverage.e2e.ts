// The living-circle view as bureau staff use it: coverage shares over the walking network, and
// what changes when a facility is added on the map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { readDemo, screenPoint } from './demo-geometry';

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

async function share(category: string, column: number): Promise<number> {
  return s.page.evaluate(
    ([name, col]) => {
      const rows = [...document.querySelectorAll('[data-testid="coverage-table"] tbody tr')];
      const row = rows.find((r) => r.children[0]!.textContent.includes(name));
      return row ? parseFloat(row.children[col]!.textContent) : NaN;
    },
    [category, column] as const,
  );
}

describe('living-circle coverage', () => {
  it('shows walking-network coverage by category and tier', async () => {
    await s.page.getByTestId('tab-coverage').click();
    await s.page.getByTestId('coverage-table').waitFor();
    expect(await s.page.getByTestId('distance-mode').textContent()).toMatch(/步行距离|Walking distance/);
    // The network's disconnected pieces are reported, not hidden.
    expect(await s.page.getByTestId('network-stats').textContent()).toMatch(/互不连通|disconnected/);
    const kindergarten300 = await share('幼儿园', 1);
    const kindergarten1000 = await share('幼儿园', 3);
    expect(kindergarten300).toBeGreaterThan(0);
    expect(kindergarten1000).toBeGreaterThanOrEqual(kindergarten300);
  });

  it('adding a nursery on the map raises nursery coverage at once', async () => {
    const before = await share('托儿所', 1);
    await s.page.getByTestId('new-facility-category').selectOption('nursery');
    await s.page.getByTestId('add-facility').click();
    // Put it next to the biggest compound, where it must serve households.
    const households = JSON.parse(
      await (await import('node:fs/promises')).readFile('data/demo/households.geojson', 'utf8'),
    ) as {
      features: { properties: { households: number }; geometry: { coordinates: [number, number] } }[];
    };
    const biggest = households.features.reduce((a, b) => (b.properties.households > a.properties.households ? b : a));
    const [lon, lat] = biggest.geometry.coordinates;
    const at = await screenPoint(s.page, [lon + 0.0004, lat], [lon - 0.004, lat - 0.004, lon + 0.004, lat + 0.004]);
    await s.page.mouse.click(at.x, at.y);
    await s.page.waitForFunction(
      ([b]) => {
        const rows = [...document.querySelectorAll('[data-testid="coverage-table"] tbody tr')];
        const row = rows.find((r) => r.children[0]!.textContent.includes('托儿所'));
        return row && parseFloat(row.children[1]!.textContent) > b;
      },
      [before] as const,
      { timeout: 60_000 },
    );
    expect(await share('托儿所', 1)).toBeGreaterThan(before);
    // The new facility is selected and its walking areas are drawn.
    await s.page.getByTestId('details').waitFor();
    expect(await s.page.getByTestId('details').textContent()).toMatch(/托儿所/);
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(
      ([b]) => {
        const rows = [...document.querySelectorAll('[data-testid="coverage-table"] tbody tr')];
        const row = rows.find((r) => r.children[0]!.textContent.includes('托儿所'));
        return row && parseFloat(row.children[1]!.textContent) === b;
      },
      [before] as const,
      { timeout: 60_000 },
    );
  });
});
