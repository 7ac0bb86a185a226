// The Shapefile reader under seeded damage: the .shp and the .dbf damaged one at a time (with
// their file length, record count, header and record lengths set to huge values), and the zip.
import { describe, it } from 'vitest';
import { readShapefile, shapefilesInZip, type ShapefileParts } from './shapefile';
import {
  BYTE_MUTATIONS,
  expectSound,
  fixtureBytes,
  FUZZ_SCALE,
  fuzz,
  outcomeOf,
  hugeSizeField,
  zipSizeFields,
  type FuzzTarget,
  type Mutation,
  type Outcome,
} from './fuzz.testing';

const part = (ext: string) => fixtureBytes(`shapefile/communities-gk40.${ext}`);
const PARTS: ShapefileParts = { shp: part('shp'), dbf: part('dbf'), prj: part('prj'), cpg: part('cpg') };

/** .shp: file length (big-endian, in 16-bit words) and the first records' content lengths. */
const shpFields = hugeSizeField((bytes) => {
  const fields = [{ at: 24, width: 4 as const, littleEndian: false }];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 100;
  for (let k = 0; k < 6 && at + 8 <= bytes.length; k++) {
    fields.push({ at: at + 4, width: 4, littleEndian: false });
    at += 8 + 2 * view.getUint32(at + 4);
  }
  return fields;
});

/** .dbf: record count, header length and record length, and the first field's length byte pair. */
const dbfFields = hugeSizeField(() => [
  { at: 4, width: 4, littleEndian: true },
  { at: 8, width: 2, littleEndian: true },
  { at: 10, width: 2, littleEndian: true },
  { at: 32 + 16, width: 2, littleEndian: true },
]);

function partsTarget(which: 'shp' | 'dbf', sizes: Mutation): FuzzTarget {
  return {
    name: `communities-gk40.${which}`,
    original: PARTS[which]!,
    mutations: { ...BYTE_MUTATIONS, 'huge size field': sizes },
    runs: Math.round(250 * FUZZ_SCALE),
    run(bytes): Promise<Outcome> {
      const r = readShapefile('communities-gk40', { ...PARTS, [which]: bytes });
      return Promise.resolve(outcomeOf(r));
    },
  };
}

describe('fuzzing the Shapefile reader', () => {
  it('damaged .shp files always come back with a result', async () => {
    const target = partsTarget('shp', shpFields);
    expectSound(await fuzz(target, 31), target.runs);
  });

  it('damaged .dbf files always come back with a result', async () => {
    // Damaged attribute values mostly still read (as damaged text): fewer refusals.
    const target = partsTarget('dbf', dbfFields);
    expectSound(await fuzz(target, 32), target.runs, { refusedShare: 0.05 });
  });

  it('damaged zips of a Shapefile always come back with a result', async () => {
    const target: FuzzTarget = {
      name: 'communities-gk40.zip',
      original: fixtureBytes('shapefile/communities-gk40.zip'),
      mutations: { ...BYTE_MUTATIONS, 'huge zip size': hugeSizeField(zipSizeFields) },
      runs: Math.round(250 * FUZZ_SCALE),
      run(bytes): Promise<Outcome> {
        const zip = shapefilesInZip(bytes);
        if (!zip.ok) return Promise.resolve({ ok: false, problems: zip.problems });
        const [name, parts] = [...zip.layers][0]!;
        const r = readShapefile(name, parts);
        return Promise.resolve(outcomeOf(r));
      },
    };
    expectSound(await fuzz(target, 33), target.runs);
  });
});
