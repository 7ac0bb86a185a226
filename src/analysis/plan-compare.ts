// Compares two scenarios of one plan over the same households: per community its households
// before and after and whether it changed, the flags each change resolves or introduces, every move
// of households from a community of the first scenario to one of the second, and coverage and the
// summary on both sides. Moves come from the counting engine (which point lies in which community),
// never from polygon overlap areas, so they add up exactly to the households whose community changed.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { AreaUnit, Facility, Flag, HouseholdSet, PlanAnalysis } from '../core/model';
import type { CommunityChange, CommunityComparison, HouseholdMove, PlanComparison } from '../core/plan-comparison';
import type { RuleProfile } from '../core/rule-profile';
import { AreaCounter } from './area-counter';
import { buildHouseholdFrame, type HouseholdFrame } from './household-frame';

export type { PlanComparison } from '../core/plan-comparison';
import { PlanAnalyzer } from './plan-analyzer';

/** One side of a comparison: a scenario's own layers (households and roads are shared). */
export interface ComparedScenario {
  communities: AreaUnit[];
  grids?: AreaUnit[];
  facilities?: Facility[];
}

export interface CompareInput {
  households: HouseholdSet;
  before: ComparedScenario;
  after: ComparedScenario;
  profile: RuleProfile;
  roads?: FeatureCollection<LineString | MultiLineString> | null;
  /** The street blocks (shared by both sides): each move names the blocks its points lie in. */
  blocks?: readonly AreaUnit[];
}

/** The compare worker's one request (compare-worker.ts), in the shape worker-rpc types its clients by. */
export type CompareRequests = {
  compare: { params: CompareInput; result: PlanComparison };
};

export function comparePlans(input: CompareInput): PlanComparison {
  const before = analyseScenario(input, input.before);
  const after = analyseScenario(input, input.after);
  const frame = buildHouseholdFrame(input.households);
  const moves = householdMoves(
    input.households,
    input.before.communities,
    memberships(frame, input.before.communities),
    input.after.communities,
    memberships(frame, input.after.communities),
    input.blocks?.length ? { units: input.blocks, first: memberships(frame, input.blocks).first } : null,
  );

  const beforeFlags = flagsByKey(before.flags);
  const afterFlags = flagsByKey(after.flags);
  const flagsResolved = [...beforeFlags].filter(([k]) => !afterFlags.has(k)).map(([, f]) => f);
  const flagsIntroduced = [...afterFlags].filter(([k]) => !beforeFlags.has(k)).map(([, f]) => f);

  return {
    communities: compareCommunities(input, before, after, flagsResolved, flagsIntroduced),
    moves,
    movedHouseholds: moves.reduce((s, m) => s + m.households, 0),
    flagsResolved,
    flagsIntroduced,
    coverage: { before: before.analysis.coverage?.overall ?? null, after: after.analysis.coverage?.overall ?? null },
    summary: { before: before.analysis.summary, after: after.analysis.summary },
    analyses: { before: before.analysis, after: after.analysis },
  };
}

interface AnalysedScenario {
  analysis: PlanAnalysis;
  /** Every flag of the side: per community, plan-wide and topology. */
  flags: Flag[];
}

function analyseScenario(input: CompareInput, scenario: ComparedScenario): AnalysedScenario {
  const analyzer = new PlanAnalyzer(input.households);
  analyzer.setCommunities(scenario.communities.map((c) => ({ ...c, kind: 'community' })));
  analyzer.setGrids(scenario.grids ?? []);
  const facilities = scenario.facilities ?? [];
  if (facilities.length) {
    analyzer.setFacilities(facilities);
    analyzer.setRoads(input.roads ?? null);
  }
  const analysis = analyzer.analyze(input.profile);
  const flags = [
    ...analysis.communities.flatMap((r) => r.flags),
    ...analysis.grids.flatMap((r) => r.flags),
    ...analysis.flags,
    ...analyzer.topology(input.profile),
  ];
  return { analysis, flags };
}

/**
 * A flag is "the same" on both sides when it is the same rule about the same subjects: its
 * measured figure may change (a community still above its band is not a resolved flag).
 */
function flagKey(flag: Flag): string {
  const subjects = [...flag.subjectIds].sort().join('\u0001');
  // Two facility requirements can share a code and a clause: their category text tells them apart.
  const requirement = flag.code === 'facility.missing' ? flag.message.en : '';
  const limit = flag.code === 'facility.not-within-reach' ? String(flag.limit ?? '') : '';
  return [flag.code, subjects, flag.source.ruleId, flag.source.clause, requirement, limit].join('\u0000');
}

function flagsByKey(flags: Flag[]): Map<string, Flag> {
  const out = new Map<string, Flag>();
  for (const f of flags) if (!out.has(flagKey(f))) out.set(flagKey(f), f);
  return out;
}

/** Per household point, the communities containing it (indices into the plan's list). */
interface Memberships {
  /** The first containing community in the plan's order, or -1. */
  first: Int32Array;
  /** Points in more than one community (overlaps): all of them, in the plan's order. */
  several: Map<number, number[]>;
}

function memberships(frame: HouseholdFrame, communities: readonly AreaUnit[]): Memberships {
  const counter = new AreaCounter(frame);
  counter.setAreas(communities.map((c) => c.geometry));
  const first = new Int32Array(frame.count).fill(-1);
  const several = new Map<number, number[]>();
  for (let i = 0; i < communities.length; i++) {
    const members = counter.membersOf(i);
    for (let k = 0; k < members.length; k++) {
      const p = members[k]!;
      if (first[p] === -1) first[p] = i;
      else {
        const list = several.get(p) ?? [first[p]!];
        list.push(i);
        several.set(p, list);
      }
    }
  }
  return { first, several };
}

/**
 * Households move when none of the communities holding them before holds them after: from the
 * first community (in plan order) of the before side to the first of the after side. A household
 * in an overlap that stays in one of its communities does not move, so every household whose
 * community changed is in exactly one move and no other household is.
 */
function householdMoves(
  households: HouseholdSet,
  beforeUnits: readonly AreaUnit[],
  before: Memberships,
  afterUnits: readonly AreaUnit[],
  after: Memberships,
  blocks: { units: readonly AreaUnit[]; first: Int32Array } | null,
): HouseholdMove[] {
  const idsOf = (units: readonly AreaUnit[], m: Memberships, p: number): string[] => {
    const list = m.several.get(p);
    if (list) return list.map((i) => units[i]!.id);
    return m.first[p]! >= 0 ? [units[m.first[p]!]!.id] : [];
  };
  const byPair = new Map<string, HouseholdMove>();
  const weights = households.households;
  for (let p = 0; p < before.first.length; p++) {
    const from = idsOf(beforeUnits, before, p);
    const to = idsOf(afterUnits, after, p);
    if (from.length === 0 && to.length === 0) continue;
    if (from.some((id) => to.includes(id))) continue;
    const fromId = from[0] ?? null;
    const toId = to[0] ?? null;
    const key = `${fromId === null ? '\u0000' : 'c' + fromId}\u0001${toId === null ? '\u0000' : 'c' + toId}`;
    let move = byPair.get(key);
    if (!move) byPair.set(key, (move = { from: fromId, to: toId, households: 0, points: [], blocks: [] }));
    move.households += weights[p]!;
    move.points.push(p);
  }
  // Blocks do not overlap: a point's block is the first that holds it.
  if (blocks)
    for (const move of byPair.values()) {
      const held = new Set<number>();
      for (const p of move.points) if (blocks.first[p]! >= 0) held.add(blocks.first[p]!);
      move.blocks = [...held].sort((a, b) => a - b).map((i) => blocks.units[i]!.id);
    }
  return [...byPair.values()].sort((a, b) => b.households - a.households || order(a.from, b.from) || order(a.to, b.to));
}

function order(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function compareCommunities(
  input: CompareInput,
  before: AnalysedScenario,
  after: AnalysedScenario,
  flagsResolved: Flag[],
  flagsIntroduced: Flag[],
): CommunityComparison[] {
  const beforeIndex = new Map(input.before.communities.map((c, i) => [c.id, i]));
  const afterIndex = new Map(input.after.communities.map((c, i) => [c.id, i]));
  const beforeCount = new Map(before.analysis.communities.map((r) => [r.id, r.households]));
  const afterCount = new Map(after.analysis.communities.map((r) => [r.id, r.households]));
  const codesBySubject = (flags: Flag[]): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const f of flags)
      for (const id of new Set(f.subjectIds)) {
        const list = out.get(id) ?? [];
        list.push(f.code);
        out.set(id, list);
      }
    return out;
  };
  const resolved = codesBySubject(flagsResolved);
  const introduced = codesBySubject(flagsIntroduced);

  const ids = [...new Set([...afterIndex.keys(), ...beforeIndex.keys()])];
  return ids.map((id) => {
    const b = beforeIndex.get(id);
    const a = afterIndex.get(id);
    const unitBefore = b === undefined ? undefined : input.before.communities[b];
    const unitAfter = a === undefined ? undefined : input.after.communities[a];
    let status: CommunityChange;
    if (!unitBefore) status = 'new';
    else if (!unitAfter) status = 'removed';
    // The same boundary holds the same households, so the boundary alone tells a change.
    else status = sameGeometry(unitBefore.geometry, unitAfter.geometry) ? 'unchanged' : 'changed';
    return {
      id,
      name: (unitAfter ?? unitBefore)!.name,
      before: unitBefore ? (beforeCount.get(id) ?? 0) : null,
      after: unitAfter ? (afterCount.get(id) ?? 0) : null,
      status,
      flagsResolved: resolved.get(id) ?? [],
      flagsIntroduced: introduced.get(id) ?? [],
    };
  });
}

function sameGeometry(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  return a === b || (a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates));
}
