// The checked unzip under seeded damage: whatever the zip declares, it returns a value, and what
// it inflates never passes the limit it was given.
import { describe, expect, it } from 'vitest';
import { unzipChecked } from './zip-entries';
import {
  BYTE_MUTATIONS,
  expectSound,
  fixtureBytes,
  FUZZ_SCALE,
  fuzz,
  hugeSizeField,
  zipSizeFields,
  type FuzzTarget,
  type Outcome,
} from './fuzz.testing';

const LIMIT = 256 * 1024;

describe('fuzzing the checked unzip', () => {
  it.each(['shapefile/communities-gk40.zip', 'excel/compounds-bd09.xlsx', 'kml/facilities.kmz'])(
    'damaged copies of %s never inflate past the limit',
    async (file) => {
      const target: FuzzTarget = {
        name: file,
        original: fixtureBytes(file),
        mutations: { ...BYTE_MUTATIONS, 'huge zip size': hugeSizeField(zipSizeFields) },
        runs: Math.round(250 * FUZZ_SCALE),
        run(bytes): Promise<Outcome> {
          const r = unzipChecked(bytes, { wanted: () => true, maxEntries: 100, maxTotalBytes: LIMIT });
          if (!r.ok) {
            // A reason, which each reader turns into its own sentence; here it only has to be one.
            const text = { zh: r.reason, en: r.reason };
            return Promise.resolve({ ok: false, problems: [{ where: { kind: 'file' }, message: text }] });
          }
          let inflated = 0;
          for (const data of r.entries.values()) inflated += data.length;
          expect(inflated, file).toBeLessThanOrEqual(LIMIT);
          return Promise.resolve({ ok: true });
        },
      };
      expectSound(await fuzz(target, file.length), target.runs);
    },
  );
});
