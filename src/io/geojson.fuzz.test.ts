// GeoJSON import under seeded damage: always a value with a reason, every case completes, memory
// bounded by the input (see fuzz.testing.ts).
import { describe, it } from 'vitest';
import type { ImportOptions } from './index';
import { BYTE_MUTATIONS, expectSound, fixtureBytes, fuzz, TEXT_MUTATIONS } from './fuzz.testing';
import { importTarget } from './import-fuzz-targets.testing';

const INPUTS: [file: string, options: ImportOptions][] = [
  ['households-bd09.geojson', { role: 'households', crs: 'bd09', householdsField: 'households' }],
  ['households-formatted-counts.geojson', { role: 'households', crs: 'wgs84', householdsField: '户数' }],
  ['communities.geojson', { role: 'communities', crs: 'gcj02' }],
  ['grids.geojson', { role: 'grids', crs: 'wgs84' }],
  ['facilities.geojson', { role: 'facilities', crs: 'wgs84' }],
  ['roads.geojson', { role: 'roads', crs: 'wgs84' }],
];

describe('fuzzing the GeoJSON importer', () => {
  it.each(INPUTS)('damaged copies of %s always come back with a result', async (file, options) => {
    const target = importTarget(
      file,
      fixtureBytes(`import/${file}`),
      options,
      { ...BYTE_MUTATIONS, ...TEXT_MUTATIONS },
      150,
    );
    expectSound(await fuzz(target, file.length), target.runs);
  });
});
