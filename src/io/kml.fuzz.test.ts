// The KML / KMZ / GPX reader under seeded damage: XML-breaking tokens (entities, DOCTYPEs,
// character references past Unicode) in the KML, and huge entry sizes in the KMZ's zip.
import { describe, it } from 'vitest';
import { readKml } from './kml-format';
import {
  BYTE_MUTATIONS,
  expectSound,
  fixtureBytes,
  FUZZ_SCALE,
  fuzz,
  outcomeOf,
  hugeSizeField,
  TEXT_MUTATIONS,
  zipSizeFields,
  type FuzzTarget,
  type Mutation,
  type Outcome,
} from './fuzz.testing';

function kmlTarget(file: string, mutations: Record<string, Mutation>, runs: number): FuzzTarget {
  return {
    name: file,
    original: fixtureBytes(`kml/${file}`),
    mutations,
    runs: Math.round(runs * FUZZ_SCALE),
    async run(bytes): Promise<Outcome> {
      const r = await readKml(bytes);
      return outcomeOf(r);
    },
  };
}

describe('fuzzing the KML reader', () => {
  it.each(['communities.kml', 'facilities.kml'])(
    'damaged copies of %s always come back with a result',
    async (file) => {
      const target = kmlTarget(file, { ...BYTE_MUTATIONS, ...TEXT_MUTATIONS }, 200);
      expectSound(await fuzz(target, file.length), target.runs);
    },
  );

  it('damaged copies of facilities.kmz always come back with a result', async () => {
    const target = kmlTarget(
      'facilities.kmz',
      { ...BYTE_MUTATIONS, 'huge zip size': hugeSizeField(zipSizeFields) },
      200,
    );
    expectSound(await fuzz(target, 61), target.runs);
  });
});
