// The demo as part of the page, for the browser: index.html carries its pre-imported layers and
// water as JSON data blocks (put there by the build, vite.config.ts), so they arrive with the
// page instead of by a fetch after the script. On a browser just started, every fetch, module
// import, lock and IndexedDB request of the page can wait a second or more for the browser to
// finish starting (seen here: all of them resolving in the same millisecond, with the first
// paint), which would keep the first table waiting. The block holds what the first table needs
// (households, communities, grids); the rest (facilities, roads, blocks, water) is fetched, and
// arrives once the table is on screen. The bytes are the ones a fetch would bring, decoded by the
// decoder the tests check against the real importer; without the block (a page built some other
// way) the whole demo is fetched.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PlanLayers } from '../core/transaction';
import { DEMO_WATER_URL, decodeDemoLayers, loadDemo, type DemoLayers } from './demo-loader';

function block(id: string): string | null {
  return typeof document === 'undefined' ? null : (document.getElementById(id)?.textContent ?? null);
}

/** Resolves once the first demo block is in the page (or the page is parsed, when it has none). */
export function firstDemoBlockParsed(): Promise<void> {
  if (typeof document === 'undefined' || document.getElementById('demo-first') || document.readyState !== 'loading')
    return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('demo-first', () => resolve(), { once: true });
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
}

function water(text: string): FeatureCollection<Polygon | MultiPolygon> | null {
  const fc = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon>;
  return fc.type === 'FeatureCollection' && Array.isArray(fc.features) ? fc : null;
}

export interface DemoInSteps {
  /** Households, communities and grids: enough for the first table. */
  first: DemoLayers;
  /** Every layer, with the basemap water, once the rest is fetched. */
  complete: Promise<DemoLayers & { water: PlanLayers['water'] }>;
}

/** The demo from the page in two steps, or null when the page does not carry it. */
export function pageDemoInSteps(): DemoInSteps | null {
  const text = block('demo-first');
  if (text === null) return null;
  performance.mark('demo:load');
  const first = decodeDemoLayers(text);
  performance.mark('demo:decoded');
  // The rest is fetched: by the time it comes, the first table is on screen.
  const complete = Promise.all([loadDemo(), fetch(DEMO_WATER_URL).then((r) => r.text())]).then(([all, waterText]) => ({
    ...first,
    facilities: all.facilities,
    roads: all.roads,
    blocks: all.blocks,
    water: water(waterText),
  }));
  return { first, complete };
}

/** The whole demo: from the page when it carries it, else fetched. */
export async function wholeDemo(): Promise<DemoLayers & { water: PlanLayers['water'] }> {
  const steps = pageDemoInSteps();
  if (steps) return steps.complete;
  const [layers, waterText] = await Promise.all([loadDemo(), fetch(DEMO_WATER_URL).then((r) => r.text())]);
  return { ...layers, water: water(waterText) };
}
