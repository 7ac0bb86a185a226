// CSV import (UTF-8, UTF-8 with BOM, GBK, tab-separated) under seeded damage.
import { describe, it } from 'vitest';
import type { ImportOptions } from './index';
import { BYTE_MUTATIONS, expectSound, fixtureBytes, fuzz, TEXT_MUTATIONS } from './fuzz.testing';
import { importTarget } from './import-fuzz-targets.testing';

const INPUTS: [file: string, options: ImportOptions][] = [
  ['households-gbk.csv', { role: 'households', crs: 'wgs84', householdsField: '户数' }],
  ['households-utf8-bom.csv', { role: 'households', crs: 'gcj02', householdsField: 'households' }],
  ['facilities-tab.txt', { role: 'facilities', crs: 'wgs84' }],
];

describe('fuzzing the CSV importer', () => {
  it.each(INPUTS)('damaged copies of %s always come back with a result', async (file, options) => {
    const target = importTarget(
      file,
      fixtureBytes(`import/${file}`),
      options,
      { ...BYTE_MUTATIONS, ...TEXT_MUTATIONS },
      250,
    );
    expectSound(await fuzz(target, file.length), target.runs);
  });
});
