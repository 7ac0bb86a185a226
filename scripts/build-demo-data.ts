// Builds the demo data set in data/demo/ from the raw central-Shanghai inputs (see data/README.md):
// households, facilities, roads, street blocks, a DRAFT community and grid layout, water and a
// manifest. Deterministic: the same inputs give byte-identical files. Run with `npm run data:build`.
// Last it writes demo-layers.json, the layers the app opens: the GeoJSON files read back through
// the app's importers (src/state/demo-loader.ts), stored pre-imported. `--prebuilt-only` rewrites
// just that file from the GeoJSON in data/demo/ (after a change to the importers), without the
// raw inputs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import turfArea from '@turf/area';
import { categoryFromAmapType } from '../src/core/amap-category-mapping';
import { FACILITY_CATEGORIES } from '../src/core/facility-categories';
import { DEFAULT_PLACEMENT, firstRoadName, placeCompounds, RoadNetwork } from './demo-data/address-road';
import { bisectBlocks } from './demo-data/bisect-grids';
import { parseCsvRecords } from './demo-data/csv';
import { dissolvePolygons } from './demo-data/dissolve';
import { featureCollectionText } from './demo-data/geojson-writer';
import type { PolygonRings, Position } from './demo-data/geometry';
import {
  bboxOfRings,
  convexHull,
  LocalProjection,
  pointInPolygon,
  pointInRing,
  roundCoord,
  shellsCentroid,
} from './demo-data/geometry';
import { readCompounds, type LianjiaRecord } from './demo-data/lianjia';
import { parseOsmXml } from './demo-data/osm-xml';
import { polygonize } from './demo-data/polygonize';
import { growCommunities } from './demo-data/region-growing';
import { buildStreetGraph } from './demo-data/street-graph';
import { extractWater } from './demo-data/water';
import { encodeDemoLayers, importDemoLayers } from '../src/state/demo-loader';

const BAND = { min: 2000, max: 3000 };
/** Below this a draft community is too small to stand alone (成都 C1: in principle not fewer than 1,000). */
const MIN_STANDALONE = 1000;
const GRID_MAX_HOUSEHOLDS = 600;
/** Faces above this are open water or the land between river banks, not street blocks. */
const MAX_BLOCK_M2 = 3_000_000;
/** Faces below this are traffic islands and carriageway medians. */
const MIN_BLOCK_M2 = 2_000;

const started = performance.now();
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.SHANGHAI_DATA_DIR ?? join(repoRoot, '../shared/data/shanghai-center'));
const outDir = join(repoRoot, 'data/demo');
/** Imports the GeoJSON just written, as the app would, and stores the result pre-imported. */
async function writeDemoLayers(): Promise<number> {
  const layers = await importDemoLayers((file) => Promise.resolve(new Uint8Array(readFileSync(join(outDir, file)))));
  const text = encodeDemoLayers(layers);
  writeFileSync(join(outDir, 'demo-layers.json'), text);
  return Buffer.byteLength(text);
}
if (process.argv.includes('--prebuilt-only')) {
  const bytes = await writeDemoLayers();
  console.log(
    `${join(outDir, 'demo-layers.json')} written from the GeoJSON in ${outDir} (${(bytes / 1024).toFixed(0)} KB)`,
  );
  process.exit(0);
}
if (!existsSync(join(dataDir, 'roads-osm.osm'))) {
  console.error(`Raw data not found in ${dataDir} (set SHANGHAI_DATA_DIR to the shanghai-center folder).`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const write = (name: string, text: string) => writeFileSync(join(outDir, name), text);
const sizes: Record<string, number> = {};
const writeLayer = (name: string, features: Feature[]) => {
  const text = featureCollectionText(features);
  write(name, text);
  sizes[name] = Buffer.byteLength(text);
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---- Roads -------------------------------------------------------------------------------------
const osm = parseOsmXml(readFileSync(join(dataDir, 'roads-osm.osm'), 'utf8'));
const roadFeatures: Feature[] = [];
for (const way of osm.ways) {
  if (way.tags.highway === undefined) continue;
  const coords: Position[] = [];
  for (const ref of way.refs) {
    const ll = osm.nodes.get(ref);
    if (!ll) continue;
    coords.push(ll);
  }
  if (coords.length < 2) continue;
  const props: Record<string, unknown> = { id: `w${way.id}`, highway: way.tags.highway, name: way.tags.name ?? null };
  for (const k of ['oneway', 'bridge', 'tunnel', 'layer'] as const)
    if (way.tags[k] !== undefined) props[k] = way.tags[k];
  roadFeatures.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });
}
writeLayer('roads.geojson', roadFeatures);

// ---- Study area and street blocks --------------------------------------------------------------
// The extract is a radius query, so whole ways stick out past its edge and the hull of all road
// nodes is far larger than the area the streets actually cover. The hull of the closed street
// faces is that area; closing the network along it turns the river and creek notches into faces.
const openGraph = buildStreetGraph(osm);
const firstPass = polygonize(openGraph.positions, openGraph.edges);
const hull = convexHull(firstPass.faces.flatMap((f) => f.polygons.map((p) => p[0]!)).flat());
const [west, south, east, north] = bboxOfRings([hull]);
const proj = new LocalProjection((west + east) / 2, (south + north) / 2);
const graph = buildStreetGraph(osm, hull);
const poly = polygonize(graph.positions, graph.edges);
interface Block {
  face: number;
  polygons: PolygonRings[];
  area: number;
  x: number;
  y: number;
  lon: number;
  lat: number;
  households: number;
  points: number;
  bbox: [number, number, number, number];
}
const geometryOf = (polygons: PolygonRings[]): Polygon | MultiPolygon =>
  polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
let droppedLarge = 0;
let droppedSmall = 0;
const blocks: Block[] = [];
poly.faces.forEach((face, f) => {
  const area = turfArea({ type: 'Feature', properties: {}, geometry: geometryOf(face.polygons) });
  if (area > MAX_BLOCK_M2) return void droppedLarge++;
  if (area < MIN_BLOCK_M2) return void droppedSmall++;
  // Shells only: the few holes are small islands and barely move the centre.
  const [x, y] = shellsCentroid(
    face.polygons.map((p) => p[0]!.map(([lon, lat]) => [proj.x(lon), proj.y(lat)] as Position)),
  );
  blocks.push({
    face: f,
    polygons: face.polygons,
    area,
    x,
    y,
    lon: proj.lon0 + x / proj.kx,
    lat: proj.lat0 + y / proj.ky,
    households: 0,
    points: 0,
    bbox: bboxOfRings(face.polygons.map((p) => p[0]!)),
  });
});
// West to east by centroid; equal longitudes (to 1e-7°) fall back to north first.
blocks.sort(
  (a, b) => roundCoord(a.lon) - roundCoord(b.lon) || roundCoord(b.lat) - roundCoord(a.lat) || a.face - b.face,
);
const blockOfFace = new Map(blocks.map((b, i) => [b.face, i]));
const blockAdjacency = new Map<number, Map<number, number>>();
for (const [f, nbs] of poly.adjacency) {
  const b = blockOfFace.get(f);
  if (b === undefined) continue;
  const m = new Map<number, number>();
  for (const [g, len] of [...nbs].sort((p, q) => p[0] - q[0])) {
    const c = blockOfFace.get(g);
    if (c !== undefined) m.set(c, len);
  }
  blockAdjacency.set(b, m);
}
const blockIndex = new Flatbush(Math.max(1, blocks.length));
for (const b of blocks) blockIndex.add(...b.bbox);
if (blocks.length === 0) blockIndex.add(0, 0, 0, 0);
blockIndex.finish();
const blockAt = (lon: number, lat: number): number => {
  const hits = blockIndex.search(lon, lat, lon, lat).sort((p, q) => p - q);
  return hits.find((i) => blocks[i]!.polygons.some((p) => pointInPolygon(lon, lat, p))) ?? -1;
};

// ---- Households --------------------------------------------------------------------------------
// The crawl's 经纬度 is mostly the nearest Lianjia store's position, shared by every compound the
// store lists. Each compound is placed instead beside the first road named in its address, when a
// road of that name is within 1.5 km of the listed point (an ESTIMATE; see address-road.ts). The
// study area is tested on that placed position.
const lianjia = JSON.parse(readFileSync(join(dataDir, 'lianjia-xiaoqu-bd09.json'), 'utf8')) as Record<
  string,
  LianjiaRecord
>;
const { compounds, badPosition } = readCompounds(lianjia);
const roadNetwork = new RoadNetwork(
  roadFeatures
    .filter((f) => typeof f.properties!.name === 'string')
    .map((f) => ({
      name: f.properties!.name as string,
      coords: ((f.geometry as LineString).coordinates as Position[]).map(
        ([lon, lat]) => [proj.x(lon), proj.y(lat)] as Position,
      ),
    })),
);
const toLonLat = (x: number, y: number): Position => [proj.lon0 + x / proj.kx, proj.lat0 + y / proj.ky];
const placements = placeCompounds(
  compounds.map((c) => ({ id: c.key, x: proj.x(c.lon), y: proj.y(c.lat), road: firstRoadName(c.address) })),
  roadNetwork,
  { ...DEFAULT_PLACEMENT, inBlock: (x, y) => blockAt(...toLonLat(x, y)) !== -1 },
);
const placed = compounds.map((c, i) => {
  const p = placements[i]!;
  const [lon, lat] = p.source === 'listed' ? [c.lon, c.lat] : toLonLat(p.x, p.y);
  return { ...c, lon, lat, listedLon: c.lon, listedLat: c.lat, positionSource: p.source, addressRoad: p.road };
});
type Placed = (typeof placed)[number];
const inHull = placed.filter((c) => pointInRing(c.lon, c.lat, hull));
const listedInHull = compounds.filter((c) => pointInRing(c.lon, c.lat, hull)).length;
const movedIn = inHull.filter((c) => !pointInRing(c.listedLon, c.listedLat, hull)).length;
// Reported only: compounds the old road-node hull would have taken, which no street block can hold.
const nodeHull = convexHull(roadFeatures.flatMap((f) => (f.geometry as LineString).coordinates as Position[]));
const beyondNetwork = placed.filter(
  (c) => c.households !== null && !pointInRing(c.lon, c.lat, hull) && pointInRing(c.lon, c.lat, nodeHull),
);
const counted = inHull.filter((c): c is Placed & { households: number } => c.households !== null);
const householdFeatures: Feature<Point>[] = [];
const householdBlock: number[] = [];
let householdsInBlocks = 0;
let householdsOutside = 0;
let compoundsOutside = 0;
counted.forEach((c, i) => {
  const id = `H${pad(i + 1, 4)}`;
  householdFeatures.push({
    type: 'Feature',
    properties: {
      id,
      name: c.name,
      households: c.households,
      buildings: c.buildings,
      built: c.built,
      district: c.district,
      address: c.address,
      positionSource: c.positionSource,
      addressRoad: c.addressRoad,
      listedLon: roundCoord(c.listedLon),
      listedLat: roundCoord(c.listedLat),
      sharedPosition: c.sharedPosition,
    },
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
  });
  const b = blockAt(c.lon, c.lat);
  householdBlock.push(b);
  if (b === -1) {
    compoundsOutside++;
    householdsOutside += c.households;
    return;
  }
  blocks[b]!.households += c.households;
  blocks[b]!.points++;
  householdsInBlocks += c.households;
});
writeLayer('households.geojson', householdFeatures);
const totalHouseholds = counted.reduce((s, c) => s + c.households, 0);
const countedByRoad = counted.filter((c) => c.positionSource === 'address-road');
const countedNoRoad = counted.filter((c) => firstRoadName(c.address) === null).length;

const blockId = (i: number) => `B${pad(i + 1, 4)}`;
writeLayer(
  'blocks.geojson',
  blocks.map((b, i) => ({
    type: 'Feature',
    properties: { id: blockId(i), households: b.households, points: b.points, area_m2: Math.round(b.area) },
    geometry: geometryOf(b.polygons),
  })),
);

// ---- Facilities --------------------------------------------------------------------------------
const poiDir = join(dataDir, 'amap-poi');
const facilityRows: {
  name: string;
  category: string;
  type: string;
  address: string | null;
  district: string | null;
  lon: number;
  lat: number;
}[] = [];
const dropped = new Map<string, number>();
let malformedRows = 0;
let facilitiesOutside = 0;
let facilityDuplicates = 0;
const seenFacility = new Set<string>();
for (const file of readdirSync(poiDir)
  .filter((f) => f.endsWith('.csv'))
  .sort()) {
  const { records, malformed } = parseCsvRecords(readFileSync(join(poiDir, file), 'utf8'));
  malformedRows += malformed.length;
  for (const r of records) {
    const lon = Number(r.lon);
    const lat = Number(r.lat);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      malformedRows++;
      continue;
    }
    if (!pointInRing(lon, lat, hull)) {
      facilitiesOutside++;
      continue;
    }
    const type = (r.type ?? '').trim();
    const name = (r.name ?? '').trim();
    const category = categoryFromAmapType(type, name, file.replace(/\.csv$/, ''));
    if (!category) {
      const why = type.split('|')[0]!.split(';').slice(1).join(';') || '(no type)';
      dropped.set(why, (dropped.get(why) ?? 0) + 1);
      continue;
    }
    // The same POI can appear in two category files (e.g. a 九年一贯制 school).
    const key = `${name}|${category}|${roundCoord(lon)}|${roundCoord(lat)}`;
    if (seenFacility.has(key)) {
      facilityDuplicates++;
      continue;
    }
    seenFacility.add(key);
    const address = (r.address ?? '').trim();
    const district = (r.adname ?? '').trim();
    facilityRows.push({ name, category, type, address: address || null, district: district || null, lon, lat });
  }
}
const categoryOrder = new Map(FACILITY_CATEGORIES.map((c, i) => [c.id, i]));
facilityRows.sort(
  (a, b) =>
    (categoryOrder.get(a.category) ?? 99) - (categoryOrder.get(b.category) ?? 99) ||
    roundCoord(a.lon) - roundCoord(b.lon) ||
    roundCoord(a.lat) - roundCoord(b.lat) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
);
const facilityCounts: Record<string, number> = {};
writeLayer(
  'facilities.geojson',
  facilityRows.map((f, i) => {
    facilityCounts[f.category] = (facilityCounts[f.category] ?? 0) + 1;
    return {
      type: 'Feature',
      properties: {
        id: `F${pad(i + 1, 5)}`,
        name: f.name,
        category: f.category,
        amapType: f.type,
        address: f.address,
        district: f.district,
      },
      geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
    };
  }),
);

// ---- Draft communities -------------------------------------------------------------------------
const growth = growCommunities(blocks, blockAdjacency, { ...BAND, minStandalone: MIN_STANDALONE });
// Number communities north-west first by their household-weighted centre, so ids read across the map.
const groupCentre = (g: number[]) => {
  let w = 0;
  let x = 0;
  let y = 0;
  for (const b of g) {
    const k = blocks[b]!.households || 1e-6 * blocks[b]!.area;
    w += k;
    x += blocks[b]!.x * k;
    y += blocks[b]!.y * k;
  }
  return { x: x / w, y: y / w };
};
const groups = growth.groups
  .map((g) => ({ g, c: groupCentre(g) }))
  .sort((p, q) => Math.round(p.c.x - p.c.y) - Math.round(q.c.x - q.c.y) || p.g[0]! - q.g[0]!)
  .map((p) => p.g);
const compoundsByBlock = new Map<number, number[]>();
householdBlock.forEach((b, i) => {
  if (b === -1) return;
  if (!compoundsByBlock.has(b)) compoundsByBlock.set(b, []);
  compoundsByBlock.get(b)!.push(i);
});
const communityFeatures: Feature[] = [];
const gridFeatures: Feature[] = [];
const band = { below: 0, within: 0, above: 0 };
const gridBand = { atMost600: 0, over600: 0, empty: 0 };
let communityHouseholdSum = 0;
groups.forEach((group, k) => {
  const id = `C${pad(k + 1, 3)}`;
  const households = group.reduce((s, b) => s + blocks[b]!.households, 0);
  communityHouseholdSum += households;
  if (households < BAND.min) band.below++;
  else if (households > BAND.max) band.above++;
  else band.within++;
  let biggest = -1;
  for (const b of group)
    for (const h of compoundsByBlock.get(b) ?? []) {
      const hh = householdFeatures[h]!.properties!.households as number;
      if (biggest === -1 || hh > (householdFeatures[biggest]!.properties!.households as number)) biggest = h;
    }
  const label = biggest === -1 ? '' : ` · ${householdFeatures[biggest]!.properties!.name as string}`;
  communityFeatures.push({
    type: 'Feature',
    properties: {
      id,
      name: `草案社区 ${id}${label}`,
      communityType: 'urban',
      households,
      blockIds: group.map(blockId),
      draft: true,
    },
    geometry: dissolvePolygons(group.flatMap((b) => blocks[b]!.polygons)),
  });
  bisectBlocks(blocks, group, GRID_MAX_HOUSEHOLDS).forEach((cell, j) => {
    const gid = `${id}-G${pad(j + 1, 2)}`;
    const gh = cell.reduce((s, b) => s + blocks[b]!.households, 0);
    if (gh === 0) gridBand.empty++;
    else if (gh <= GRID_MAX_HOUSEHOLDS) gridBand.atMost600++;
    else gridBand.over600++;
    gridFeatures.push({
      type: 'Feature',
      properties: {
        id: gid,
        communityId: id,
        name: `网格 ${gid}`,
        households: gh,
        blockIds: cell.map(blockId),
        draft: true,
      },
      geometry: dissolvePolygons(cell.flatMap((b) => blocks[b]!.polygons)),
    });
  });
});
writeLayer('communities.geojson', communityFeatures);
writeLayer('grids.geojson', gridFeatures);

// ---- Water -------------------------------------------------------------------------------------
const tiles = JSON.parse(readFileSync(join(dataDir, 'bund-nextzen-tiles.json'), 'utf8')) as Record<
  string,
  { features?: Feature[] }
>[];
const water = extractWater(tiles);
writeLayer(
  'water.geojson',
  water.water.map((w) => ({ type: 'Feature', properties: { name: w.name, kind: w.kind }, geometry: w.geometry })),
);

// ---- Manifest ----------------------------------------------------------------------------------
const manifest = {
  name: 'shanghai-center-demo',
  description: {
    zh: '上海中心城区（黄浦、静安、徐汇、虹口、陆家嘴一带）演示数据：链家小区户数点（位置按地址道路估计）、高德公共服务设施、OSM 道路与街坊，以及自动生成的社区与网格草案。',
    en: "Central Shanghai (Huangpu, Jing'an, Xuhui, Hongkou, Lujiazui) demo data: Lianjia compound household points (positions estimated from the address road), AMap public facilities, OSM roads and street blocks, and a generated draft of communities and grids.",
  },
  crs: 'EPSG:4326 (WGS84)',
  bbox: [west, south, east, north].map(roundCoord),
  counts: {
    households: householdFeatures.length,
    facilities: facilityRows.length,
    roads: roadFeatures.length,
    blocks: blocks.length,
    communities: communityFeatures.length,
    grids: gridFeatures.length,
    water: water.water.length,
  },
  facilityCounts: Object.fromEntries(
    FACILITY_CATEGORIES.filter((c) => facilityCounts[c.id]).map((c) => [c.id, facilityCounts[c.id]]),
  ),
  totalHouseholds,
  householdsInBlocks,
  householdsOutsideBlocks: householdsOutside,
  studyArea:
    'convex hull of the closed street faces of the OSM extract (the extract is a radius query, so roads reaching past it are cut there)',
  householdPositions: {
    zh: '链家数据的经纬度大多是"附近门店"的位置，同一门店名下的多个小区共用一个坐标（sharedPosition > 1），并非小区本身的位置。演示数据把每个小区放在其地址中第一条道路上（距原坐标 1.5 公里内的同名 OSM 道路，离原坐标最近处，沿路错开并偏离道路中心线约 35 米），这只是估计位置（positionSource = "address-road"）；找不到该道路时保留原坐标（positionSource = "listed"）。原坐标保存在 listedLon / listedLat。这是演示数据，不是实地调查数据。',
    en: 'Lianjia\'s 经纬度 is mostly the position of the listing\'s nearest Lianjia store (附近门店): every compound that store lists shares it (sharedPosition > 1), so it marks the store, not the compound. The demo places each compound on the first road named in its address (the nearest point of an OSM road of that name within 1.5 km of the listed point, spread along the road and set about 35 m off its centreline). That is an ESTIMATE (positionSource "address-road"); where no such road is found the listed position is kept (positionSource "listed"). The listed position is kept in listedLon / listedLat. This is demo data, not survey data.',
    addressRoad: countedByRoad.length,
    listed: counted.length - countedByRoad.length,
  },
  files: {
    households: 'households.geojson',
    facilities: 'facilities.geojson',
    roads: 'roads.geojson',
    blocks: 'blocks.geojson',
    communities: 'communities.geojson',
    grids: 'grids.geojson',
    water: 'water.geojson',
  },
  sources: [
    {
      layers: ['roads', 'blocks'],
      name: 'OpenStreetMap highway extract (Overpass, osm_base 2025-08-09), via jbnu55343/scm_deeponet shanghai_center.osm',
      licence: 'ODbL 1.0',
      attribution: '© OpenStreetMap contributors',
    },
    {
      layers: ['water'],
      name: 'Nextzen vector tiles (OpenStreetMap-derived), via liuyanchen1994/vue-maptalks.three.demo shangHai.json',
      licence: 'ODbL 1.0',
      attribution: '© OpenStreetMap contributors',
    },
    {
      layers: ['households'],
      name: 'Lianjia (链家) 2020 residential compound crawl, via anyuhanfei/community_dict data/链家/上海小区.json; BD-09 converted to WGS84; positions estimated on the OpenStreetMap road named first in each address (positionSource)',
      licence:
        'none stated; facts crawled from a listing site, used for testing and demonstration only; positions derived from OpenStreetMap roads: ODbL 1.0',
      attribution: 'Lianjia 2020 crawl via anyuhanfei/community_dict; © OpenStreetMap contributors',
    },
    {
      layers: ['facilities'],
      name: 'AMap (高德) points of interest, via ni1o1/pygeo-tutorial',
      licence: 'MIT (repository); POI content originates from AMap',
      attribution: 'AMap POIs via ni1o1/pygeo-tutorial (MIT)',
    },
  ],
  draft: true,
  note: {
    zh: 'communities.geojson 与 grids.geojson 是由街坊和小区户数自动生成的草案，不是官方的社区/居委会或网格边界。',
    en: 'communities.geojson and grids.geojson are a generated DRAFT built from street blocks and compound household counts; they are not official community (社区/居委会) or grid (网格) boundaries.',
  },
};
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
write('manifest.json', manifestText);
sizes['manifest.json'] = Buffer.byteLength(manifestText);

sizes['demo-layers.json'] = await writeDemoLayers();

// ---- Summary -----------------------------------------------------------------------------------
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const lines = [
  `Demo data written to ${outDir}`,
  `  roads        ${roadFeatures.length} ways (${graph.stats.waysUsed} used for blocks; excluded: ${graph.stats.waysExcluded.tunnel} tunnels, ${graph.stats.waysExcluded.motorway} motorway, ${graph.stats.waysExcluded.crossingBridge} overpasses; ${graph.stats.bridgesKept} non-crossing bridges kept; ${graph.stats.crossingsNoded} unnoded crossings noded; ${graph.stats.boundaryCrossings} cut at the study-area edge)`,
  `  blocks       ${blocks.length} (faces ${poly.faces.length}; dropped ${droppedLarge} > 3 km², ${droppedSmall} < 2,000 m²; ${poly.stats.nestedComponents} nested networks as holes)`,
  `  households   ${householdFeatures.length} compounds, ${totalHouseholds} households inside the study area (${compounds.length + badPosition.length} in source; ${inHull.length - counted.length} in hull skipped without a household count; ${badPosition.length} without a position)`,
  `               positions: ${countedByRoad.length} placed on the first road of their address (an estimate; ${countedByRoad.filter((c) => c.addressRoad !== firstRoadName(c.address)).length} via a 东/西/南/北/中 name variant), ${counted.length - countedByRoad.length} kept at the listed position (${countedNoRoad} name no road, ${counted.length - countedByRoad.length - countedNoRoad} whose road is not within ${DEFAULT_PLACEMENT.maxDistance} m)`,
  `               ${new Set(counted.map((c) => `${c.lon},${c.lat}`)).size} distinct positions, from ${new Set(counted.map((c) => `${c.listedLon},${c.listedLat}`)).size} distinct listed (store) positions; ${counted.filter((c) => c.sharedPosition === 1).length} compounds have a listed position of their own`,
  `               study area tested on the placed position: ${inHull.length} compounds in it (${listedInHull} by listed position; ${movedIn} moved in, ${listedInHull - (inHull.length - movedIn)} moved out)`,
  `               left out: ${beyondNetwork.length} compounds (${beyondNetwork.reduce((s, c) => s + c.households!, 0)} households) inside the hull of all road nodes but beyond the closed street network`,
  `               in blocks: ${householdsInBlocks} households in ${blocks.filter((b) => b.households > 0).length} of ${blocks.length} blocks; outside every block: ${householdsOutside} households in ${compoundsOutside} compounds`,
  `  facilities   ${facilityRows.length} (${Object.entries(facilityCounts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}); dropped ${[...dropped.values()].reduce((s, v) => s + v, 0)} unmapped (${[...dropped]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(
      ', ',
    )}); ${facilityDuplicates} duplicates; ${facilitiesOutside} outside the extract; ${malformedRows} malformed rows`,
  `  communities  ${communityFeatures.length} draft: ${band.below} below, ${band.within} within, ${band.above} above ${BAND.min}–${BAND.max}; ${communityHouseholdSum} households (${growth.stats.cells} cells; ${growth.stats.emptyBlocksInCells} empty blocks joined their nearest populated block, ${growth.stats.attachedByDistance} attached by distance; ${growth.stats.mergedSmall} small groups merged)`,
  `  grids        ${gridFeatures.length} draft: ${gridBand.atMost600} with 1–${GRID_MAX_HOUSEHOLDS}, ${gridBand.over600} above ${GRID_MAX_HOUSEHOLDS} (all their households in one block, which a grid cannot split), ${gridBand.empty} empty`,
  `  water        ${water.water.length} features from ${water.pieces} unique pieces (${water.duplicates} duplicates)`,
  `  sizes        ${Object.entries(sizes)
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ')}`,
  `  runtime      ${((performance.now() - started) / 1000).toFixed(1)} s`,
];
console.log(lines.join('\n'));
