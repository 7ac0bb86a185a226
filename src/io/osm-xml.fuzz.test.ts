// OpenStreetMap XML under seeded damage, with XML-breaking tokens (unclosed ways and comments,
// character references past Unicode, DOCTYPEs, runs of "<a").
import { describe, it } from 'vitest';
import { BYTE_MUTATIONS, expectSound, fixtureBytes, fuzz, TEXT_MUTATIONS } from './fuzz.testing';
import { importTarget } from './import-fuzz-targets.testing';

describe('fuzzing the OSM XML importer', () => {
  it('damaged copies of roads.osm always come back with a result', async () => {
    const target = importTarget(
      'roads.osm',
      fixtureBytes('import/roads.osm'),
      { role: 'roads', crs: 'wgs84' },
      { ...BYTE_MUTATIONS, ...TEXT_MUTATIONS },
      600,
    );
    expectSound(await fuzz(target, 21), target.runs);
  });
});
