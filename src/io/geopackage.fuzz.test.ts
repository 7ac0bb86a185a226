// The GeoPackage reader under seeded damage, with SQLite's page size and page count set to huge
// values. SQLite runs in WebAssembly with memory of its own, hence the larger fixed allowance.
import { describe, it } from 'vitest';
import { geoPackageTables, readGeoPackage } from './geopackage';
import {
  BYTE_MUTATIONS,
  expectSound,
  fixtureBytes,
  FUZZ_SCALE,
  fuzz,
  outcomeOf,
  hugeSizeField,
  type FuzzTarget,
  type Outcome,
} from './fuzz.testing';

const sqliteHeader = hugeSizeField(() => [
  { at: 16, width: 2, littleEndian: false }, // page size
  { at: 28, width: 4, littleEndian: false }, // database size in pages
  { at: 32, width: 4, littleEndian: false }, // first freelist page
  { at: 36, width: 4, littleEndian: false }, // freelist pages
  { at: 100 + 3, width: 2, littleEndian: false }, // cells on the first page
  { at: 100 + 5, width: 2, littleEndian: false }, // start of the cell content
]);

describe('fuzzing the GeoPackage reader', () => {
  it('damaged copies of grids.gpkg always come back with a result', async () => {
    const target: FuzzTarget = {
      name: 'grids.gpkg',
      original: fixtureBytes('geopackage/grids.gpkg'),
      mutations: { ...BYTE_MUTATIONS, 'huge SQLite header field': sqliteHeader },
      runs: Math.round(120 * FUZZ_SCALE),
      async run(bytes): Promise<Outcome> {
        const tables = await geoPackageTables(bytes);
        if (!tables.ok) return { ok: false, problems: tables.problems };
        const r = await readGeoPackage(bytes);
        return outcomeOf(r);
      },
    };
    expectSound(await fuzz(target, 41), target.runs, { fixedBytes: 512 * 1024 * 1024 });
  });
});
