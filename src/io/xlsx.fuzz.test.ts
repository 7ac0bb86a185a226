// The Excel reader under seeded damage of the workbook's zip (its entry sizes set to huge values).
import { describe, it } from 'vitest';
import { readXlsx } from './xlsx-format';
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
  type Outcome,
} from './fuzz.testing';

describe('fuzzing the Excel reader', () => {
  it('damaged copies of compounds-bd09.xlsx always come back with a result', async () => {
    const target: FuzzTarget = {
      name: 'compounds-bd09.xlsx',
      original: fixtureBytes('excel/compounds-bd09.xlsx'),
      mutations: { ...BYTE_MUTATIONS, 'huge zip size': hugeSizeField(zipSizeFields) },
      runs: Math.round(150 * FUZZ_SCALE),
      async run(bytes): Promise<Outcome> {
        const r = await readXlsx(bytes, {});
        return outcomeOf(r);
      },
    };
    expectSound(await fuzz(target, 51), target.runs);
  });
});
