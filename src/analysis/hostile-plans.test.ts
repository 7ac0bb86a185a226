// Plans that once gave wrong figures without a word, each kept as a fixture in
// test/fixtures/hostile-plans/ with one line of its README saying what broke. They go through the
// real importer and the analyzer the app's worker and the CLI run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { importLayer, type ImportOptions, type ImportedLayer } from '../io';
import { PlanAnalyzer } from './plan-analyzer';

const DIR = 'test/fixtures/hostile-plans';
const profile = builtInProfile(DEFAULT_PROFILE_ID)!;

async function layer(file: string, options: ImportOptions): Promise<ImportedLayer> {
  const result = await importLayer(new Uint8Array(readFileSync(`${DIR}/${file}`)), file, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.layer;
}

async function analyse(communitiesFile: string, facilitiesFile?: string) {
  const communities = await layer(communitiesFile, { role: 'communities', crs: 'wgs84' });
  const households = await layer('households.geojson', {
    role: 'households',
    crs: 'wgs84',
    householdsField: 'households',
  });
  if (communities.role !== 'communities' || households.role !== 'households') throw new Error('wrong roles');
  const analyzer = new PlanAnalyzer(households.households);
  analyzer.setCommunities(communities.units);
  if (facilitiesFile) {
    const facilities = await layer(facilitiesFile, { role: 'facilities', crs: 'wgs84' });
    if (facilities.role !== 'facilities') throw new Error('wrong role');
    analyzer.setFacilities(facilities.facilities);
  }
  return { analysis: analyzer.analyze(profile), units: communities.units, analyzer };
}

describe('hostile plans', () => {
  it('counts a community whose own property says __deleted: true', async () => {
    const { analysis } = await analyse('deleted-property.geojson');
    expect(analysis.communities.map((r) => [r.id, r.households])).toEqual([
      ['A', 30],
      ['B', 27],
    ]);
    expect(analysis.unassignedHouseholds).toBe(0);
  });

  it('keeps a facility category and a community id named __proto__ in coverage', async () => {
    const { analysis } = await analyse('proto-keys.geojson', 'proto-facilities.geojson');
    const coverage = analysis.coverage!;
    expect(coverage.categories).toContain('__proto__');
    expect(Object.keys(coverage.overall)).toContain('__proto__');
    expect(Object.keys(coverage.perCommunity)).toEqual(['__proto__', 'B']);
    expect(Object.getPrototypeOf(coverage.perCommunity)).toBe(Object.prototype);
    expect(coverage.perCommunity['__proto__']!['__proto__']).toBeDefined();
  });
});
