// Opens the bundled central-Shanghai demo (built by `npm run data:build`). The GeoJSON files in
// data/demo/ are the data set; `importDemoLayers` reads them through the same importers and
// validation a user's files go through. The browser opens instead data/demo/demo-layers.json:
// those very layers, imported once at build time and written as plain JSON, so opening the demo
// is one fetch and one JSON.parse instead of six imports on the main thread (a unit test checks
// that it decodes to exactly what importing the GeoJSON gives).
import { importLayer, type ImportedLayer, type ImportOptions } from '../io';
import type { AreaUnit, Facility, HouseholdSet } from '../core/model';
import type { PlanLayers } from '../core/transaction';
import { blockIdsOf } from '../core/edit/paint-blocks';

// `new URL(…, import.meta.url)`, not `?url` imports: Vite bundles them as assets all the same,
// and the module stays importable in Node (the build script and the tests).
export const DEMO_WATER_URL = new URL('../../data/demo/water.geojson', import.meta.url).href;
const DEMO_LAYERS_URL = new URL('../../data/demo/demo-layers.json', import.meta.url).href;

/** The GeoJSON files of the demo and how each is imported. */
export const DEMO_SOURCES = {
  households: { file: 'households.geojson', options: { role: 'households', crs: 'wgs84', householdsField: 'households' } },
  communities: { file: 'communities.geojson', options: { role: 'communities', crs: 'wgs84' } },
  grids: { file: 'grids.geojson', options: { role: 'grids', crs: 'wgs84' } },
  facilities: { file: 'facilities.geojson', options: { role: 'facilities', crs: 'wgs84', categoryField: 'category' } },
  roads: { file: 'roads.geojson', options: { role: 'roads', crs: 'wgs84' } },
  blocks: { file: 'blocks.geojson', options: { role: 'communities', crs: 'wgs84' } },
} as const satisfies Record<string, { file: string; options: ImportOptions }>;

type DemoLayerName = keyof typeof DEMO_SOURCES;
/** The plan layers the demo fills (water and credits are added by demo-plan.ts). */
export type DemoLayers = Pick<PlanLayers, DemoLayerName>;

export const DEMO_LAYERS_FORMAT = 'shequ-demo-layers';
export const DEMO_LAYERS_VERSION = 1;

function stringProp(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * The demo's layers read from its GeoJSON files through `importLayer`, as the app opens them:
 * communities and grids carry their block lists, grids their parent community.
 */
export async function importDemoLayers(read: (file: string) => Promise<Uint8Array>): Promise<DemoLayers> {
  const layer = async (name: DemoLayerName): Promise<ImportedLayer> => {
    const { file, options } = DEMO_SOURCES[name];
    const result = await importLayer(await read(file), file, options);
    if (!result.ok) throw new Error(`${file}: ${result.problems[0]?.where}: ${result.problems[0]?.message}`);
    return result.layer;
  };
  const [households, communities, grids, facilities, roads, blocks] = await Promise.all(
    (['households', 'communities', 'grids', 'facilities', 'roads', 'blocks'] as const).map(layer),
  );
  if (households!.role !== 'households') throw new Error('households.geojson did not import as households');
  return {
    households: households!.households,
    communities: communities!.role === 'communities' ? communities!.units.map((c) => ({ ...c, blockIds: blockIdsOf(c) })) : [],
    grids:
      grids!.role === 'grids'
        ? grids!.units.map((g) => {
            const parentId = g.parentId ?? stringProp(g.properties.communityId);
            return { ...g, kind: 'grid' as const, blockIds: blockIdsOf(g), ...(parentId !== undefined ? { parentId } : {}) };
          })
        : [],
    facilities: facilities!.role === 'facilities' ? facilities!.facilities : [],
    roads: roads!.role === 'roads' ? roads!.roads : null,
    blocks: blocks!.role === 'communities' ? blocks!.units.map((b) => ({ ...b, kind: 'block' as const })) : [],
  };
}

interface DemoLayersFile {
  format: typeof DEMO_LAYERS_FORMAT;
  version: number;
  households: { coordinates: number[]; households: number[]; names: HouseholdSet['names']; properties: HouseholdSet['properties'] };
  communities: AreaUnit[];
  grids: AreaUnit[];
  facilities: Facility[];
  roads: PlanLayers['roads'];
  blocks: AreaUnit[];
}

/**
 * The pre-built form: the layers as JSON, the household arrays as plain number lists (JSON keeps
 * every double exactly). Keys whose value is undefined are dropped, as JSON always does; nothing
 * the importers produce relies on telling them from absent keys.
 */
export function encodeDemoLayers(layers: DemoLayers): string {
  const file: DemoLayersFile = {
    format: DEMO_LAYERS_FORMAT,
    version: DEMO_LAYERS_VERSION,
    households: {
      coordinates: Array.from(layers.households.coordinates),
      households: Array.from(layers.households.households),
      names: layers.households.names,
      properties: layers.households.properties,
    },
    communities: layers.communities,
    grids: layers.grids,
    facilities: layers.facilities,
    roads: layers.roads,
    blocks: layers.blocks,
  };
  return `${JSON.stringify(file)}\n`;
}

export function decodeDemoLayers(text: string): DemoLayers {
  const file = JSON.parse(text) as DemoLayersFile;
  if (file?.format !== DEMO_LAYERS_FORMAT || file.version !== DEMO_LAYERS_VERSION)
    throw new Error(`demo-layers.json is not a ${DEMO_LAYERS_FORMAT} file of version ${DEMO_LAYERS_VERSION}: run "npm run data:build"`);
  return {
    households: {
      coordinates: Float64Array.from(file.households.coordinates),
      households: Float64Array.from(file.households.households),
      names: file.households.names,
      properties: file.households.properties,
    },
    communities: file.communities,
    grids: file.grids,
    facilities: file.facilities,
    roads: file.roads,
    blocks: file.blocks,
  };
}

let prefetched: Promise<DemoLayers> | null = null;

async function fetchDemoLayers(): Promise<DemoLayers> {
  const response = await fetch(DEMO_LAYERS_URL);
  if (!response.ok) throw new Error(`demo-layers.json: HTTP ${response.status}`);
  const text = await response.text();
  performance.mark('demo:fetched');
  const layers = decodeDemoLayers(text);
  performance.mark('demo:decoded');
  return layers;
}

/**
 * Starts downloading and decoding the demo before the interface asks for it (main.ts calls this
 * at start), so both overlap loading the scripts and the wait for the tab lock and the saved
 * plan. The next `loadDemo` takes the result; later ones fetch again (from the HTTP cache). When
 * a saved plan opens instead, the work is dropped: one parse of data the browser had anyway.
 */
export function prefetchDemo(): void {
  if (prefetched) return;
  prefetched = fetchDemoLayers();
  // A failed prefetch is reported by the loadDemo that takes it, not as an unhandled rejection.
  prefetched.catch(() => undefined);
}

export async function loadDemo(): Promise<DemoLayers> {
  performance.mark('demo:load');
  const layers = prefetched ?? fetchDemoLayers();
  prefetched = null;
  return layers;
}
