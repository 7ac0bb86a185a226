// Online basemaps under the plan: the tiles of a TileSource (base tiles and, for 天地图, its
// annotation layer) as MapLibre raster layers, and the coordinate system the plan is drawn in over
// them. The offline basemap (basemap-style.ts) stays underneath and needs none of this.
import type { LayerSpecification, Map as MapLibreMap, RasterSourceSpecification } from 'maplibre-gl';
import type { Crs } from '../core/model';
import type { TileSource } from '../state/settings-store.svelte';
import { baiduProtocolUrl } from './baidu-protocol';

/** Layer ids of the online tiles, base first; all follow the "tiles" switch of the layer panel. */
export function tileLayerIds(source: TileSource | null): string[] {
  if (!source?.url) return [];
  return ['tiles', ...(source.overlays ?? []).map((_, i) => `tiles-overlay-${i}`)];
}

/** The raster sources and layers of a tile source, keyed and ordered as drawn. */
export function tileLayers(source: TileSource | null): {
  sources: Record<string, RasterSourceSpecification>;
  layers: LayerSpecification[];
} {
  const sources: Record<string, RasterSourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  if (!source?.url) return { sources, layers };
  const urls = [source.url, ...(source.overlays ?? [])];
  tileLayerIds(source).forEach((id, i) => {
    // No `attribution` on the source: the credit is shown by MapView while the tiles are drawn.
    // Baidu's tiles go through the resampling protocol; its finest zoom (19) serves our 18.
    const url = source.grid === 'bd09mc' ? baiduProtocolUrl(urls[i]!) : urls[i]!;
    sources[id] = { type: 'raster', tiles: [url], tileSize: 256, maxzoom: 18 };
    layers.push({ id, type: 'raster', source: id, paint: { 'raster-opacity': i === 0 ? 0.9 : 1 } });
  });
  return { sources, layers };
}

/** The system the plan is drawn in: the tiles', while they are shown; WGS84 otherwise. */
export function displayCrsOf(source: TileSource | null, tilesShown: boolean): Crs {
  return source?.url && tilesShown ? (source.crs ?? 'wgs84') : 'wgs84';
}

/** Replaces the online tiles of a live map, under `beforeId`. */
export function replaceTiles(m: MapLibreMap, previous: TileSource | null, next: TileSource | null, beforeId: string) {
  for (const id of tileLayerIds(previous)) {
    if (m.getLayer(id)) m.removeLayer(id);
    if (m.getSource(id)) m.removeSource(id);
  }
  const { sources, layers } = tileLayers(next);
  for (const layer of layers) {
    m.addSource(layer.id, sources[layer.id]!);
    m.addLayer(layer, beforeId);
  }
}
