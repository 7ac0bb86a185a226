// Opens the bundled central-Shanghai demo (built by `npm run data:build`). The GeoJSON files in
// data/demo/ are the data set; `importDemoLayers` reads them through the same importers and
// validation a user's files go through. The browser opens instead data/demo/demo-layers.json:
// those very layers, imported once at build time and written as JSON with packed coordinates, so
// opening the demo is one fetch and one JSON.parse instead of six imports on the main thread (a
// unit test checks that it decodes to exactly what importing the GeoJSON gives).
import { importLayer, type ImportedLayer, type ImportOptions } from '../io';
import { failureText } from '../io/problem-list';
import type { AreaUnit, Facility, HouseholdSet } from '../core/model';
import type { PlanLayers } from '../core/transaction';
import { blockIdsOf } from '../core/edit/paint-blocks';

// `new URL(…, import.meta.url)`, not `?url` imports: Vite bundles them as assets all the same,
// and the module stays importable in Node (the build script and the tests).
export const DEMO_WATER_URL = new URL('../../data/demo/water.geojson', import.meta.url).href;
const DEMO_LAYERS_URL = new URL('../../data/demo/demo-layers.json', import.meta.url).href;

/** The GeoJSON files of the demo and how each is imported. */
export const DEMO_SOURCES = {
  households: {
    file: 'households.geojson',
    options: { role: 'households', crs: 'wgs84', householdsField: 'households' },
  },
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
export const DEMO_LAYERS_VERSION = 2;

function stringProp(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * One file of a built-in data set (the demo, the synthetic city) through `importLayer`. The file
 * comes with the app, so a failure is a broken build, not a user's mistake: it throws.
 */
export async function importSource(bytes: Uint8Array, file: string, options: ImportOptions): Promise<ImportedLayer> {
  const result = await importLayer(bytes, file, options);
  if (!result.ok) throw new Error(failureText(file, result.problems, 'en'));
  return result.layer;
}

/**
 * The demo's layers read from its GeoJSON files through `importLayer`, as the app opens them:
 * communities and grids carry their block lists, grids their parent community.
 */
export async function importDemoLayers(read: (file: string) => Promise<Uint8Array>): Promise<DemoLayers> {
  const layer = async (name: DemoLayerName): Promise<ImportedLayer> => {
    const { file, options } = DEMO_SOURCES[name];
    return importSource(await read(file), file, options);
  };
  const [households, communities, grids, facilities, roads, blocks] = await Promise.all(
    (['households', 'communities', 'grids', 'facilities', 'roads', 'blocks'] as const).map(layer),
  );
  if (households!.role !== 'households') throw new Error('households.geojson did not import as households');
  return {
    households: households!.households,
    communities:
      communities!.role === 'communities' ? communities!.units.map((c) => ({ ...c, blockIds: blockIdsOf(c) })) : [],
    grids:
      grids!.role === 'grids'
        ? grids!.units.map((g) => {
            const parentId = g.parentId ?? stringProp(g.properties.communityId);
            return {
              ...g,
              kind: 'grid' as const,
              blockIds: blockIdsOf(g),
              ...(parentId !== undefined ? { parentId } : {}),
            };
          })
        : [],
    facilities: facilities!.role === 'facilities' ? facilities!.facilities : [],
    roads: roads!.role === 'roads' ? roads!.roads : null,
    blocks: blocks!.role === 'communities' ? blocks!.units.map((b) => ({ ...b, kind: 'block' as const })) : [],
  };
}

/**
 * Coordinates in the file: each line or ring as one flat list of integers in 1e-7 degrees, the
 * first point absolute and every later one as the change from the one before. The demo's
 * coordinates have at most seven decimals, and n / 1e7 gives exactly the double that parsing the
 * decimal gives (both are the correctly rounded quotient), so nothing moves; the encoder checks
 * it. Half the bytes of decimal pairs, and quicker to parse.
 */
type PackedGeometry = { type: Geometry['type']; packed: unknown };
type Geometry = AreaUnit['geometry'] | NonNullable<PlanLayers['roads']>['features'][number]['geometry'];

const SCALE = 1e7;

function packLine(points: number[][] | Float64Array, where: string): number[] {
  const flat = points instanceof Float64Array ? points : points.flat();
  if (!(points instanceof Float64Array) && flat.length !== points.length * 2)
    throw new Error(`${where}: only 2D coordinates can be packed`);
  const out = new Array<number>(flat.length);
  let px = 0;
  let py = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const x = Math.round(flat[i]! * SCALE);
    const y = Math.round(flat[i + 1]! * SCALE);
    if (x / SCALE !== flat[i] || y / SCALE !== flat[i + 1])
      throw new Error(`${where}: ${flat[i]}, ${flat[i + 1]} has more than 7 decimals`);
    out[i] = x - px;
    out[i + 1] = y - py;
    px = x;
    py = y;
  }
  return out;
}

function unpackLine(packed: number[]): number[][] {
  const out = new Array<number[]>(packed.length / 2);
  let x = 0;
  let y = 0;
  for (let i = 0; i < packed.length; i += 2) {
    x += packed[i]!;
    y += packed[i + 1]!;
    out[i / 2] = [x / SCALE, y / SCALE];
  }
  return out;
}

function unpackFlat(packed: number[]): Float64Array {
  const out = new Float64Array(packed.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i < packed.length; i += 2) {
    x += packed[i]!;
    y += packed[i + 1]!;
    out[i] = x / SCALE;
    out[i + 1] = y / SCALE;
  }
  return out;
}

/** How deep the lists of lines sit in each geometry type's coordinates. */
const LINE_DEPTH: Partial<Record<Geometry['type'], number>> = {
  LineString: 0,
  MultiLineString: 1,
  Polygon: 1,
  MultiPolygon: 2,
};

function packGeometry(g: Geometry, where: string): PackedGeometry {
  const depth = LINE_DEPTH[g.type];
  if (depth === undefined || !('coordinates' in g)) throw new Error(`${where}: a ${g.type} cannot be packed`);
  const walk = (c: unknown, d: number): unknown =>
    d === 0 ? packLine(c as number[][], where) : (c as unknown[]).map((x) => walk(x, d - 1));
  return { type: g.type, packed: walk(g.coordinates, depth) };
}

function unpackGeometry(g: PackedGeometry): Geometry {
  const walk = (c: unknown, d: number): unknown =>
    d === 0 ? unpackLine(c as number[]) : (c as unknown[]).map((x) => walk(x, d - 1));
  return { type: g.type, coordinates: walk(g.packed, LINE_DEPTH[g.type]!) } as Geometry;
}

type Packed<T extends { geometry: unknown }> = Omit<T, 'geometry'> & { geometry: PackedGeometry };
type Road = NonNullable<PlanLayers['roads']>['features'][number];

interface DemoLayersFile {
  format: typeof DEMO_LAYERS_FORMAT;
  version: number;
  households: {
    coordinates: number[];
    households: number[];
    names: HouseholdSet['names'];
    properties: HouseholdSet['properties'];
  };
  communities: Packed<AreaUnit>[];
  grids: Packed<AreaUnit>[];
  facilities: Facility[];
  roads: (Omit<NonNullable<PlanLayers['roads']>, 'features'> & { features: Packed<Road>[] }) | null;
  blocks: Packed<AreaUnit>[];
}

/**
 * The pre-built form: the layers as JSON with packed coordinates (above). Keys whose value is
 * undefined are dropped, as JSON always does; nothing the importers produce relies on telling
 * them from absent keys (the unit test compares strictly).
 */
export function encodeDemoLayers(layers: DemoLayers): string {
  const units = (list: AreaUnit[]) => list.map((u) => ({ ...u, geometry: packGeometry(u.geometry, u.id) }));
  const file: DemoLayersFile = {
    format: DEMO_LAYERS_FORMAT,
    version: DEMO_LAYERS_VERSION,
    households: {
      coordinates: packLine(layers.households.coordinates, 'households'),
      households: Array.from(layers.households.households),
      names: layers.households.names,
      properties: layers.households.properties,
    },
    communities: units(layers.communities),
    grids: units(layers.grids),
    facilities: layers.facilities,
    roads: layers.roads && {
      ...layers.roads,
      features: layers.roads.features.map((f, i) => ({ ...f, geometry: packGeometry(f.geometry, `road ${i}`) })),
    },
    blocks: units(layers.blocks),
  };
  return `${JSON.stringify(file)}\n`;
}

export function decodeDemoLayers(text: string): DemoLayers {
  const file = JSON.parse(text) as DemoLayersFile;
  if (file?.format !== DEMO_LAYERS_FORMAT || file.version !== DEMO_LAYERS_VERSION)
    throw new Error(
      `demo-layers.json is not a ${DEMO_LAYERS_FORMAT} file of version ${DEMO_LAYERS_VERSION}: run "npm run data:build"`,
    );
  const units = (list: Packed<AreaUnit>[]) =>
    list.map((u) => ({ ...u, geometry: unpackGeometry(u.geometry) }) as AreaUnit);
  return {
    households: {
      coordinates: unpackFlat(file.households.coordinates),
      households: Float64Array.from(file.households.households),
      names: file.households.names,
      properties: file.households.properties,
    },
    communities: units(file.communities),
    grids: units(file.grids),
    facilities: file.facilities,
    roads: file.roads && {
      ...file.roads,
      features: file.roads.features.map((f) => ({ ...f, geometry: unpackGeometry(f.geometry) }) as Road),
    },
    blocks: units(file.blocks),
  };
}

async function fetchDemoLayers(): Promise<DemoLayers> {
  const response = await fetch(DEMO_LAYERS_URL);
  if (!response.ok) throw new Error(`demo-layers.json: HTTP ${response.status}`);
  const text = await response.text();
  performance.mark('demo:fetched');
  const layers = decodeDemoLayers(text);
  performance.mark('demo:decoded');
  return layers;
}

export async function loadDemo(): Promise<DemoLayers> {
  performance.mark('demo:load');
  return fetchDemoLayers();
}
