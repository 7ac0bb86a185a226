// Fuzz targets that go through the import layer's front door (importLayer and inspectFile), for
// the formats importLayer reads itself: GeoJSON, CSV, FlatGeobuf, OSM XML and PBF.
import { importLayer, inspectFile, type ImportOptions } from './index';
import { it } from 'vitest';
import {
  expectSound,
  fixtureBytes,
  fuzz,
  FUZZ_SCALE,
  type FuzzTarget,
  type Mutation,
  type Outcome,
} from './fuzz.testing';

/** Both the import for a role and the dialog's inspection of the same bytes must come back. */
export function importTarget(
  name: string,
  original: Uint8Array,
  options: ImportOptions,
  mutations: Record<string, Mutation>,
  runs: number,
): FuzzTarget {
  return {
    name,
    original,
    mutations,
    runs: Math.round(runs * FUZZ_SCALE),
    async run(bytes): Promise<Outcome> {
      const inspected = await inspectFile(bytes, name);
      if (!inspected.ok && inspected.problems.length === 0) throw new Error('inspectFile refused without a reason');
      const result = await importLayer(bytes, name, options);
      if (result.ok && result.layer.role !== options.role) throw new Error(`imported as ${result.layer.role}`);
      return result.ok ? { ok: true } : { ok: false, problems: result.problems };
    },
  };
}

/** One test per fixture of test/fixtures/import, each damaged `runs` times. */
export function fuzzFixtures(
  inputs: [file: string, options: ImportOptions][],
  mutations: Record<string, Mutation>,
  runs: number,
): void {
  it.each(inputs)('damaged copies of %s always come back with a result', async (file, options) => {
    const target = importTarget(file, fixtureBytes(`import/${file}`), options, mutations, runs);
    expectSound(await fuzz(target, file.length), target.runs);
  });
}
