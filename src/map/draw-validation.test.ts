import { describe, expect, it } from 'vitest';
import type { GeoJSONStoreFeatures } from 'terra-draw';
import { validateDrawnPolygon } from './draw-validation';

const polygon = (ring: [number, number][]): GeoJSONStoreFeatures => ({
  type: 'Feature',
  id: 'f',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: { mode: 'polygon' },
});

const square = polygon([
  [121.4, 31.2],
  [121.41, 31.2],
  [121.41, 31.21],
  [121.4, 31.21],
  [121.4, 31.2],
]);
const bowtie = polygon([
  [121.4, 31.2],
  [121.41, 31.21],
  [121.41, 31.2],
  [121.4, 31.21],
  [121.4, 31.2],
]);

describe('drawn polygon validation', () => {
  it('accepts a simple ring at every kind of update', () => {
    for (const updateType of ['commit', 'finish', 'provisional'])
      expect(validateDrawnPolygon(square, { updateType }).valid).toBe(true);
  });

  it('refuses a ring that crosses itself when a vertex is placed or the ring closed, not while the pointer moves', () => {
    expect(validateDrawnPolygon(bowtie, { updateType: 'commit' }).valid).toBe(false);
    expect(validateDrawnPolygon(bowtie, { updateType: 'finish' }).valid).toBe(false);
    expect(validateDrawnPolygon(bowtie, { updateType: 'provisional' }).valid).toBe(true);
  });
});
