// The demo as part of the page, for the browser: index.html carries its pre-imported layers and
// water as JSON data blocks (put there by the build, vite.config.ts), so they arrive with the
// page instead of by a fetch after the script. On a browser just started, every fetch, module
// import, lock and IndexedDB request of the page can wait a second or more for the browser to
// finish starting (seen here: all of them resolving in the same millisecond, with the first
// paint), which would keep the first table waiting. The bytes are the ones a fetch would bring,
// decoded by the decoder the tests check against the real importer; without the blocks (a page
// built some other way) the demo is fetched.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEMO_WATER_URL, decodeDemoLayers, loadDemo, type DemoLayers } from './demo-loader';

function block(id: string): string | null {
  return typeof document === 'undefined' ? null : (document.getElementById(id)?.textContent ?? null);
}

export async function bundledDemoLayers(): Promise<DemoLayers> {
  const text = block('demo-layers');
  if (text === null) return loadDemo();
  performance.mark('demo:load');
  const layers = decodeDemoLayers(text);
  performance.mark('demo:decoded');
  return layers;
}

export async function bundledDemoWater(): Promise<FeatureCollection<Polygon | MultiPolygon> | null> {
  const text = block('demo-water') ?? (await (await fetch(DEMO_WATER_URL)).text());
  const fc = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon>;
  return fc.type === 'FeatureCollection' && Array.isArray(fc.features) ? fc : null;
}
