// The plan's MapLibre sources and layers over the basemap: communities coloured by size band,
// street blocks for painting, grids, walking areas, nearest-facility paths and facilities. Styling
// only; MapView fills the sources.
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BAND_COLORS } from './basemap-style';

export const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function addPlanLayers(m: MapLibreMap) {
  m.addSource('communities', { type: 'geojson', data: empty, promoteId: 'id' });
  m.addSource('grids', { type: 'geojson', data: empty, promoteId: 'id' });
  m.addSource('facilities', { type: 'geojson', data: empty, promoteId: 'id' });
  m.addSource('walking-areas', { type: 'geojson', data: empty });
  m.addSource('blocks', { type: 'geojson', data: empty, promoteId: 'id' });
  m.addSource('paths', { type: 'geojson', data: empty });
  m.addLayer({
    id: 'communities-fill',
    type: 'fill',
    source: 'communities',
    paint: {
      'fill-color': [
        'match',
        ['get', 'status'],
        'within',
        BAND_COLORS.within,
        'below',
        BAND_COLORS.below,
        'above',
        BAND_COLORS.above,
        BAND_COLORS.unknown,
      ],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.55, 0.28],
    },
  });
  m.addLayer({
    id: 'blocks-fill',
    type: 'fill',
    source: 'blocks',
    layout: { visibility: 'none' },
    paint: {
      'fill-color': [
        'case',
        ['boolean', ['feature-state', 'picked'], false],
        '#2563eb',
        ['get', 'unassigned'],
        '#ef4444',
        '#ffffff',
      ],
      'fill-opacity': [
        'case',
        ['boolean', ['feature-state', 'picked'], false],
        0.45,
        ['get', 'unassigned'],
        0.35,
        0.01,
      ],
    },
  });
  m.addLayer({
    id: 'blocks-line',
    type: 'line',
    source: 'blocks',
    layout: { visibility: 'none' },
    paint: { 'line-color': '#64748b', 'line-width': 0.6, 'line-opacity': 0.7 },
  });
  // Invisible, for hover: a grid is only drawn as its outline, but the pointer is inside it.
  m.addLayer({ id: 'grids-hit', type: 'fill', source: 'grids', paint: { 'fill-opacity': 0 } });
  m.addLayer({
    id: 'grids-line',
    type: 'line',
    source: 'grids',
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#b45309', '#3d5a80'],
      'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 0.8],
      'line-dasharray': [2, 2],
      'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0.8],
    },
  });
  m.addLayer({
    id: 'communities-line',
    type: 'line',
    source: 'communities',
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111827', '#374151'],
      'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 1.2],
    },
  });
  m.addLayer({
    id: 'walking-areas-fill',
    type: 'fill',
    source: 'walking-areas',
    paint: { 'fill-color': ['match', ['get', 'rank'], 0, '#0f766e', 1, '#14b8a6', '#99f6e4'], 'fill-opacity': 0.25 },
  });
  m.addLayer({
    id: 'walking-areas-line',
    type: 'line',
    source: 'walking-areas',
    paint: { 'line-color': '#0f766e', 'line-width': 1.5 },
  });
  m.addLayer({
    id: 'paths-line',
    type: 'line',
    source: 'paths',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['get', 'color'], 'line-width': 3, 'line-opacity': 0.9 },
  });
  m.addLayer({
    id: 'facilities-circle',
    type: 'circle',
    source: 'facilities',
    paint: {
      'circle-color': ['get', 'color'],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 1.8, 16, 5],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 0.3, 16, 1],
    },
  });
}
