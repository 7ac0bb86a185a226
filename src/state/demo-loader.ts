// Opens the bundled central-Shanghai demo data set (built by `npm run data:build`), through the
// same importers a user's files go through.
import { importLayer, type ImportedLayer } from '../io';
import type { PlanLayers } from '../core/transaction';
import { blockIdsOf } from '../core/edit/paint-blocks';
import householdsUrl from '../../data/demo/households.geojson?url';
import communitiesUrl from '../../data/demo/communities.geojson?url';
import gridsUrl from '../../data/demo/grids.geojson?url';
import facilitiesUrl from '../../data/demo/facilities.geojson?url';
import roadsUrl from '../../data/demo/roads.geojson?url';
import waterUrl from '../../data/demo/water.geojson?url';
import blocksUrl from '../../data/demo/blocks.geojson?url';

export const DEMO_WATER_URL = waterUrl;

async function fetchLayer(url: string, name: string, options: Parameters<typeof importLayer>[2]): Promise<ImportedLayer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const result = await importLayer(bytes, name, options);
  if (!result.ok) throw new Error(`${name}: ${result.problems[0]?.where}: ${result.problems[0]?.message}`);
  return result.layer;
}

function stringProp(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export async function loadDemo(): Promise<PlanLayers> {
  const [households, communities, grids, facilities, roads, blocks] = await Promise.all([
    fetchLayer(householdsUrl, 'households.geojson', { role: 'households', crs: 'wgs84', householdsField: 'households' }),
    fetchLayer(communitiesUrl, 'communities.geojson', { role: 'communities', crs: 'wgs84' }),
    fetchLayer(gridsUrl, 'grids.geojson', { role: 'grids', crs: 'wgs84' }),
    fetchLayer(facilitiesUrl, 'facilities.geojson', { role: 'facilities', crs: 'wgs84', categoryField: 'category' }),
    fetchLayer(roadsUrl, 'roads.geojson', { role: 'roads', crs: 'wgs84' }),
    fetchLayer(blocksUrl, 'blocks.geojson', { role: 'communities', crs: 'wgs84' }),
  ]);
  return {
    households: households.role === 'households' ? households.households : (() => { throw new Error('households'); })(),
    communities: communities.role === 'communities' ? communities.units.map((c) => ({ ...c, blockIds: blockIdsOf(c) })) : [],
    grids: grids.role === 'grids' ? grids.units.map((g) => ({ ...g, kind: 'grid' as const, blockIds: blockIdsOf(g), parentId: g.parentId ?? stringProp(g.properties.communityId) })) : [],
    facilities: facilities.role === 'facilities' ? facilities.facilities : [],
    roads: roads.role === 'roads' ? roads.roads : null,
    blocks: blocks.role === 'communities' ? blocks.units.map((b) => ({ ...b, kind: 'block' as const })) : [],
  };
}
