import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLayer, type ImportOptions } from '../io';
import type { AreaUnit, Facility } from '../core/model';
import { builtInProfile } from '../core/profiles';
import { PlanAnalyzer } from './plan-analyzer';

const rect = (id: string, w: number, s: number, e: number, n: number): AreaUnit => ({
  id,
  kind: 'community',
  name: id,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
  properties: {},
});

function households() {
  const n = 400;
  const coordinates = new Float64Array(n * 2);
  const hh = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    coordinates[i * 2] = 121.46 + (i % 20) * 0.001;
    coordinates[i * 2 + 1] = 31.22 + Math.floor(i / 20) * 0.001;
    hh[i] = 10;
  }
  return { coordinates, households: hh, names: null, properties: null };
}

const fac = (id: string, category: string, lon: number, lat: number): Facility => ({
  id,
  name: id,
  category,
  lon,
  lat,
  properties: {},
});

describe('plan analyzer with coverage', () => {
  it('keeps cached community coverage in step with edits, facility changes and removed categories', () => {
    const profile = builtInProfile('jiangsu-2011')!;
    const fresh = (units: AreaUnit[], facilities: Facility[]) => {
      const b = new PlanAnalyzer(households());
      b.setCommunities(units);
      b.setFacilities(facilities);
      return b.analyze(profile).coverage!;
    };
    const units = [rect('A', 121.455, 31.215, 121.47, 31.24), rect('B', 121.47, 31.215, 121.485, 31.24)];
    let facilities = [fac('k1', 'kindergarten', 121.462, 31.225), fac('c1', 'clinic', 121.478, 31.235)];
    const a = new PlanAnalyzer(households());
    a.setCommunities(units);
    a.setFacilities(facilities);
    expect(a.analyze(profile).coverage).toEqual(fresh(units, facilities));

    // Reshape A: only A's shares change, and they match a fresh analysis.
    const grown = rect('A', 121.455, 31.215, 121.475, 31.24);
    a.updateUnits('community', [grown], []);
    expect(a.analyze(profile).coverage).toEqual(fresh([grown, units[1]!], facilities));

    // Move a facility, then remove a whole category.
    facilities = [fac('k1', 'kindergarten', 121.478, 31.232), fac('c1', 'clinic', 121.478, 31.235)];
    a.setFacilities(facilities);
    expect(a.analyze(profile).coverage).toEqual(fresh([grown, units[1]!], facilities));
    facilities = [facilities[0]!];
    a.setFacilities(facilities);
    const c = a.analyze(profile).coverage!;
    expect(c).toEqual(fresh([grown, units[1]!], facilities));
    expect(Object.keys(c.overall)).toEqual(['kindergarten']);
  });
});

const grid = (id: string, w: number, s: number, e: number, n: number): AreaUnit => ({
  ...rect(id, w, s, e, n),
  kind: 'grid',
});

describe('plan analyzer: overlapping grids', () => {
  // The 400 points of households() sit on a 20 × 20 lattice at 0.001° from (121.46, 31.22), 10 each.
  const profile = builtInProfile('jiangsu-2011')!;
  const community = rect('C', 121.455, 31.215, 121.485, 31.245);

  it('counts households inside two grids once as overlap and names the grids that share them', () => {
    const a = new PlanAnalyzer(households());
    a.setCommunities([community]);
    // G1 holds columns 0–9, G2 columns 7–19: columns 7, 8, 9 (60 points, 600 households) are in both.
    a.setGrids([
      grid('G1', 121.4595, 31.2195, 121.4695, 31.2395),
      grid('G2', 121.4665, 31.2195, 121.4805, 31.2395),
      grid('G3', 121.5, 31.3, 121.51, 31.31),
    ]);
    const r = a.analyze(profile);
    expect(r.overlapGridHouseholds).toBe(600);
    expect(r.overlapHouseholds).toBe(0);
    expect(r.grids.map((g) => [g.id, g.households, g.overlapHouseholds])).toEqual([
      ['G1', 2000, 600],
      ['G2', 2600, 600],
      ['G3', 0, undefined],
    ]);
    const flag = r.flags.find((f) => f.code === 'plan.overlap-grid-households');
    expect(flag).toMatchObject({ severity: 'warning', measured: 600, subjectIds: ['G1', 'G2'] });
    expect(flag!.source.ruleId).toBe('J9');
    expect(flag!.message.zh).toContain('600 户同时位于多个网格内');
    expect(flag!.message.zh).toContain('G1、G2');
    expect(flag!.message.en).toContain('600 households lie in more than one grid');

    // Pull G2 back off G1 by an edit: the overlap and its flag go.
    a.updateUnits('grid', [grid('G2', 121.4695, 31.2195, 121.4805, 31.2395)], []);
    const after = a.analyze(profile);
    expect(after.overlapGridHouseholds).toBe(0);
    expect(after.grids.every((g) => g.overlapHouseholds === undefined)).toBe(true);
    expect(after.flags.some((f) => f.code === 'plan.overlap-grid-households')).toBe(false);
  });

  it('reports no grid overlap when there are no grids', () => {
    const a = new PlanAnalyzer(households());
    a.setCommunities([community]);
    expect(a.analyze(profile).overlapGridHouseholds).toBe(0);
  });
});

describe('plan analyzer: plan-wide rules cited as the profile cites them', () => {
  it('marks Jiangsu rules as borrowed under the Chengdu profile, and not under Jiangsu', () => {
    const a = new PlanAnalyzer(households());
    // Two overlapping communities: a topology.overlap (J1) and a plan.overlap-households (J1).
    a.setCommunities([rect('A', 121.455, 31.215, 121.47, 31.24), rect('B', 121.465, 31.215, 121.485, 31.24)]);
    const chengdu = builtInProfile('chengdu-2002')!;
    const jiangsu = builtInProfile('jiangsu-2011')!;
    const planFlag = (p: typeof chengdu) => a.analyze(p).flags.find((f) => f.code === 'plan.overlap-households')!;
    expect(planFlag(chengdu).source.borrowedFrom).toEqual({ zh: '江苏', en: 'Jiangsu' });
    expect(planFlag(chengdu).source.clause).toMatch(/^借用江苏标准/);
    expect(planFlag(jiangsu).source.borrowedFrom).toBeUndefined();
    const overlap = (p?: typeof chengdu) => a.topology(p).find((f) => f.code === 'topology.overlap')!;
    expect(overlap(chengdu).source.borrowedFrom?.zh).toBe('江苏');
    expect(overlap(jiangsu).source.borrowedFrom).toBeUndefined();
    expect(overlap().source.borrowedFrom).toBeUndefined();
  });
});

describe('plan analyzer on the demo data', () => {
  it('says 中远两湾城 alone is above the band, so its community cannot be brought into band by boundaries', async () => {
    const load = async (file: string, options: ImportOptions) => {
      const result = await importLayer(new Uint8Array(readFileSync(`data/demo/${file}`)), file, options);
      if (!result.ok) throw new Error(`${file}: ${result.problems[0]?.message.en}`);
      return result.layer;
    };
    const h = await load('households.geojson', { role: 'households', crs: 'wgs84', householdsField: 'households' });
    const c = await load('communities.geojson', { role: 'communities', crs: 'wgs84' });
    const g = await load('grids.geojson', { role: 'grids', crs: 'wgs84' });
    if (h.role !== 'households' || c.role !== 'communities' || g.role !== 'grids')
      throw new Error('demo layers have unexpected roles');
    const a = new PlanAnalyzer(h.households);
    a.setCommunities(c.units);
    a.setGrids(g.units.map((u) => ({ ...u, kind: 'grid' })));
    const r = a.analyze(builtInProfile('jiangsu-2011')!);

    const c019 = r.communities.find((x) => x.id === 'C019')!;
    expect(c019).toMatchObject({ households: 13221, points: 3, band: { max: 3000, status: 'above' } });
    const flag = c019.flags.find((f) => f.code === 'size.indivisible-above-band')!;
    expect(flag).toMatchObject({ measured: 11927, limit: 3000, subjectIds: ['C019'] });
    expect(flag.message.zh).toContain('“中远两湾城”即有 11,927 户');
    // The demo's grids tile their communities: no household is in two grids.
    expect(r.overlapGridHouseholds).toBe(0);
    expect(r.flags.some((f) => f.code === 'plan.overlap-grid-households')).toBe(false);
  });
});
