// GeoJSON import under seeded damage: always a value with a reason, every case completes, memory
// bounded by the input (see fuzz.testing.ts).
import { describe } from 'vitest';
import type { ImportOptions } from './index';
import { BYTE_MUTATIONS, TEXT_MUTATIONS } from './fuzz.testing';
import { fuzzFixtures } from './import-fuzz-targets.testing';

const INPUTS: [file: string, options: ImportOptions][] = [
  ['households-bd09.geojson', { role: 'households', crs: 'bd09', householdsField: 'households' }],
  ['households-formatted-counts.geojson', { role: 'households', crs: 'wgs84', householdsField: '户数' }],
  ['communities.geojson', { role: 'communities', crs: 'gcj02' }],
  ['grids.geojson', { role: 'grids', crs: 'wgs84' }],
  ['facilities.geojson', { role: 'facilities', crs: 'wgs84' }],
  ['roads.geojson', { role: 'roads', crs: 'wgs84' }],
];

describe('fuzzing the GeoJSON importer', () => {
  fuzzFixtures(INPUTS, { ...BYTE_MUTATIONS, ...TEXT_MUTATIONS }, 150);
});
