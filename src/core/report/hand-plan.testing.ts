// A tiny plan whose every figure can be worked out by hand, analysed by the same PlanAnalyzer the
// CLI and the worker run, for the table, CSV, XLSX and report tests. Distances are straight-line
// (no roads): 0.001° of latitude is 111.2 m, 0.001° of longitude at 31° is 95.3 m.
//
//   A (urban, 121.000–121.010 E, 31.000–31.010 N), kindergarten k1 at (121.005, 31.0005):
//     p1 (121.005, 31.002)   1,200 households  167 m   → within 300
//     p2 (121.005, 31.0045)    600             445 m   → within 500
//     p3 (121.005, 31.009)     300             945 m   → within 1,000
//     p4 (121.005, 31.0098)    100           1,034 m   → beyond every tier
//   B (121.010–121.020 E), named like a script: one point (121.015, 31.005), 500 households,
//     1,076 m from k1; clinic c1 at (121.016, 31.006) is 146 m from it and > 1,000 m from A's points.
//   50 households at (121.03, 31.005) lie in no community. Grid G1 (A's south strip) holds p1.
import { PlanAnalyzer } from '../../analysis/plan-analyzer';
import { FIXED_SOURCES, makeFlag } from '../flag-registry';
import type { AreaUnit, Facility, Flag, HouseholdSet } from '../model';
import { builtInProfile } from '../profiles';
import type { RuleProfile } from '../rule-profile';
import type { PlanTableInput } from '../plan-table';

const rect = (
  id: string,
  kind: 'community' | 'grid',
  name: string,
  w: number,
  s: number,
  e: number,
  n: number,
): AreaUnit => ({
  id,
  kind,
  name,
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

export const SCRIPT_NAME = '<script>alert("x")</script>';
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

export function handPlan(
  overrides: { profile?: RuleProfile; language?: 'zh' | 'en' } = {},
): PlanTableInput & { households: HouseholdSet } {
  const points: [number, number, number][] = [
    [121.005, 31.002, 1200],
    [121.005, 31.0045, 600],
    [121.005, 31.009, 300],
    [121.005, 31.0098, 100],
    [121.015, 31.005, 500],
    [121.03, 31.005, 50],
  ];
  const households: HouseholdSet = {
    coordinates: Float64Array.from(points.flatMap(([x, y]) => [x, y])),
    households: Float64Array.from(points.map((p) => p[2])),
    names: null,
    properties: null,
  };
  const communities = [
    { ...rect('A', 'community', '南京东路社区', 121.0, 31.0, 121.01, 31.01), communityType: 'urban' },
    { ...rect('B', 'community', SCRIPT_NAME, 121.01, 31.0, 121.02, 31.01), communityType: 'urban' },
  ];
  const grids = [{ ...rect('G1', 'grid', FORMULA_NAME, 121.0, 31.0, 121.01, 31.003), parentId: 'A' }];
  const facilities: Facility[] = [
    { id: 'k1', name: '幼儿园一', category: 'kindergarten', lon: 121.005, lat: 31.0005, properties: {} },
    { id: 'c1', name: '诊所一', category: 'clinic', lon: 121.016, lat: 31.006, properties: {} },
  ];
  const profile = overrides.profile ?? builtInProfile('jiangsu-2011')!;
  const analyzer = new PlanAnalyzer(households);
  analyzer.setCommunities(communities);
  analyzer.setGrids(grids);
  analyzer.setFacilities(facilities);
  const analysis = analyzer.analyze(profile);
  // A topology flag about both communities (listed under each, as the app does) and one about a
  // gap that is no unit of the plan.
  const overlap = makeFlag('topology.overlap', FIXED_SOURCES.contiguous, ['A', 'B'], {
    subject: 'A',
    measured: 12.5,
    detail: { zh: '社区 B', en: 'community B' },
  });
  const gap = makeFlag('topology.gap-with-households', FIXED_SOURCES.contiguous, ['gap-1'], { measured: 50 });
  const extraFlags = new Map<string, Flag[]>([
    ['A', [overlap]],
    ['B', [overlap]],
    ['gap-1', [gap]],
  ]);
  return {
    communities,
    grids,
    facilities,
    analysis,
    profile,
    extraFlags,
    language: overrides.language ?? 'zh',
    households,
  };
}
