// How a measurement is drawn: the clicked points, the line through them, and the closed area.
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function addMeasureLayers(m: MapLibreMap): void {
  m.addSource('measure', { type: 'geojson', data: EMPTY });
  m.addLayer({
    id: 'measure-fill',
    type: 'fill',
    source: 'measure',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#7c3aed', 'fill-opacity': 0.15 },
  });
  m.addLayer({
    id: 'measure-line',
    type: 'line',
    source: 'measure',
    filter: ['!=', ['geometry-type'], 'Point'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#7c3aed', 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
  });
  m.addLayer({
    id: 'measure-points',
    type: 'circle',
    source: 'measure',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 4.5,
      'circle-color': '#ffffff',
      'circle-stroke-color': '#7c3aed',
      'circle-stroke-width': 2,
    },
  });
}

/** The drawn points (already in the map's system), as a line, or a polygon once closed. */
export function measureFeatures(points: Position[], closed: boolean): FeatureCollection {
  const features: Feature[] = points.map((p, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: { index: i },
  }));
  if (closed && points.length >= 3)
    features.unshift({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[...points, points[0]!]] },
      properties: {},
    });
  else if (points.length >= 2)
    features.unshift({ type: 'Feature', geometry: { type: 'LineString', coordinates: points }, properties: {} });
  return { type: 'FeatureCollection', features };
}
