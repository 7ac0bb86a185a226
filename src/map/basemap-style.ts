// The offline basemap: a MapLibre style drawn from the bundled OSM roads and water, so the app
// works with no network (labels too: glyphs come from the bundle, see labels.ts). An optional
// online basemap (basemaps.ts) goes underneath when the user sets one.
import type { StyleSpecification } from 'maplibre-gl';
import type { TileSource } from '../state/settings-store.svelte';
import { tileLayers } from './basemaps';
import { GLYPHS_URL } from './labels';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** The basemap's roads and water are the plan's own layers (set with setData); credits come from the plan. */
export function basemapStyle(tiles: TileSource | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    glyphs: GLYPHS_URL,
    sources: {
      roads: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      water: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } },
      { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': '#aad3df' } },
      {
        id: 'roads-casing',
        type: 'line',
        source: 'roads',
        filter: ['in', ['get', 'highway'], ['literal', ['motorway', 'trunk', 'primary', 'secondary']]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#c9c2b5', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 9] },
      },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': [
            'match',
            ['get', 'highway'],
            ['motorway', 'trunk'],
            '#f6c77a',
            ['primary', 'secondary'],
            '#fde6a8',
            '#ffffff',
          ],
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            11,
            ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], 1, 0.4],
            16,
            ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], 7, ['secondary', 'tertiary'], 5, 3],
          ],
        },
      },
    ],
  };
  const online = tiles ? tileLayers(tiles) : null;
  if (online) {
    Object.assign(style.sources, online.sources);
    style.layers.splice(1, 0, ...online.layers);
  }
  return style;
}

export const BAND_COLORS: Record<'within' | 'below' | 'above' | 'unknown', string> = {
  within: '#2e9d5b',
  below: '#e9a23b',
  above: '#d64545',
  unknown: '#8d99ae',
};
