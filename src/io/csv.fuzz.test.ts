// CSV import (UTF-8, UTF-8 with BOM, GBK, tab-separated) under seeded damage.
import { describe } from 'vitest';
import type { ImportOptions } from './index';
import { BYTE_MUTATIONS, TEXT_MUTATIONS } from './fuzz.testing';
import { fuzzFixtures } from './import-fuzz-targets.testing';

const INPUTS: [file: string, options: ImportOptions][] = [
  ['households-gbk.csv', { role: 'households', crs: 'wgs84', householdsField: '户数' }],
  ['households-utf8-bom.csv', { role: 'households', crs: 'gcj02', householdsField: 'households' }],
  ['facilities-tab.txt', { role: 'facilities', crs: 'wgs84' }],
];

describe('fuzzing the CSV importer', () => {
  fuzzFixtures(INPUTS, { ...BYTE_MUTATIONS, ...TEXT_MUTATIONS }, 250);
});
