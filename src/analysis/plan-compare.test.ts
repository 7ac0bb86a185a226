// The comparison against an independent count: proposals the code has never seen (the demo's real
// communities moved, dropped, redrawn and added to at random) are compared, and every move is checked
// against owners found by Turf's point-in-polygon, one household point at a time.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaUnit, HouseholdSet } from '../core/model';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { seededRandom } from '../core/seeded-random';
import { decodeDemoLayers } from '../state/demo-loader';
import { comparisonSheets, type HouseholdMove } from '../core/plan-comparison';
import { comparePlans } from './plan-compare';

const demo = decodeDemoLayers(readFileSync('data/demo/demo-layers.json', 'utf8'));
const profile = builtInProfile(DEFAULT_PROFILE_ID)!;

function mapPositions(g: Polygon | MultiPolygon, f: (p: Position) => Position): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(f))) };
}

/** A proposal: some communities shifted by up to ~150 m, some dropped, some squares added. */
function proposal(seed: number, communities: AreaUnit[]): AreaUnit[] {
  const r = seededRandom(seed);
  const out: AreaUnit[] = [];
  for (const c of communities) {
    const roll = r();
    if (roll < 0.05) continue;
    if (roll < 0.3) {
      const dx = (r() - 0.5) * 0.003;
      const dy = (r() - 0.5) * 0.003;
      out.push({ ...c, geometry: mapPositions(c.geometry, ([x, y]) => [x! + dx, y! + dy]) });
    } else out.push(c);
  }
  for (let k = 0; k < 4; k++) {
    const x = 121.42 + r() * 0.06;
    const y = 31.22 + r() * 0.04;
    const s = 0.002 + r() * 0.004;
    const ring = [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    out.splice(Math.floor(r() * out.length), 0, {
      id: `NEW-${seed}-${k}`,
      kind: 'community',
      name: `新社区 ${k}`,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {},
    });
  }
  return out;
}

/** By Turf, one point at a time: the communities (in plan order) containing each point. */
function turfMembership(households: HouseholdSet, communities: AreaUnit[]): string[][] {
  const n = households.households.length;
  const out: string[][] = [];
  for (let p = 0; p < n; p++) {
    const pt: Position = [households.coordinates[2 * p]!, households.coordinates[2 * p + 1]!];
    out.push(communities.filter((c) => booleanPointInPolygon(pt, c.geometry)).map((c) => c.id));
  }
  return out;
}

function turfMoves(
  households: HouseholdSet,
  before: AreaUnit[],
  after: AreaUnit[],
  blocks: AreaUnit[] = [],
): Map<string, HouseholdMove> {
  const a = turfMembership(households, before);
  const b = turfMembership(households, after);
  const out = new Map<string, HouseholdMove>();
  a.forEach((was, p) => {
    const is = b[p]!;
    // A household moves when no community that held it still does.
    if (was.some((id) => is.includes(id)) || (was.length === 0 && is.length === 0)) return;
    const from = was[0] ?? null;
    const to = is[0] ?? null;
    const key = `${from}→${to}`;
    const move = out.get(key) ?? { from, to, households: 0, points: [], blocks: [] };
    move.households += households.households[p]!;
    move.points.push(p);
    out.set(key, move);
  });
  // The blocks holding each move's points, in the plan's block order (Turf again, point by point).
  for (const move of out.values()) {
    const held = new Set(
      move.points.map((p) =>
        blocks.findIndex((u) =>
          booleanPointInPolygon([households.coordinates[2 * p]!, households.coordinates[2 * p + 1]!], u.geometry),
        ),
      ),
    );
    held.delete(-1);
    move.blocks = [...held].sort((x, y) => x - y).map((i) => blocks[i]!.id);
  }
  return out;
}

describe('comparePlans', () => {
  it('finds no moves, no flag changes and every community unchanged for a plan against itself', () => {
    const c = comparePlans({ households: demo.households, before: demo, after: demo, profile });
    expect(c.moves).toEqual([]);
    expect(c.movedHouseholds).toBe(0);
    expect(c.flagsResolved).toEqual([]);
    expect(c.flagsIntroduced).toEqual([]);
    expect(c.communities.every((r) => r.status === 'unchanged' && r.before === r.after)).toBe(true);
    expect(c.summary.before).toEqual(c.summary.after);
  });

  for (const seed of [1, 2, 3]) {
    it(`reports every move exactly on unseen proposal ${seed}, as Turf counts them`, () => {
      const after = proposal(seed, demo.communities);
      const c = comparePlans({
        households: demo.households,
        before: { communities: demo.communities },
        after: { communities: after },
        profile,
        blocks: seed === 1 ? demo.blocks : undefined,
      });
      const expected = turfMoves(demo.households, demo.communities, after, seed === 1 ? demo.blocks : []);
      if (seed === 1) expect(c.moves.every((m) => m.blocks.length > 0)).toBe(true);
      expect(c.moves.length).toBe(expected.size);
      for (const m of c.moves) expect(m).toEqual(expected.get(`${m.from}→${m.to}`));
      expect(c.movedHouseholds).toBe([...expected.values()].reduce((s, m) => s + m.households, 0));
      expect(c.movedHouseholds).toBeGreaterThan(0);

      // Every community's status follows its side and its boundary.
      const beforeIds = new Set(demo.communities.map((u) => u.id));
      const afterIds = new Set(after.map((u) => u.id));
      for (const r of c.communities) {
        if (!beforeIds.has(r.id)) expect([r.status, r.before]).toEqual(['new', null]);
        else if (!afterIds.has(r.id)) expect([r.status, r.after]).toEqual(['removed', null]);
        else {
          const same =
            demo.communities.find((u) => u.id === r.id)!.geometry === after.find((u) => u.id === r.id)!.geometry;
          expect(r.status).toBe(same ? 'unchanged' : 'changed');
        }
      }
    });
  }

  it('balances each community: after − before = households moved in − households moved out (no overlaps)', () => {
    // Only squares added where nothing was: no overlap, so counts and owners agree.
    const after = demo.communities.filter((_, i) => i % 7 !== 3);
    const c = comparePlans({
      households: demo.households,
      before: { communities: demo.communities },
      after: { communities: after },
      profile,
    });
    expect(c.analyses.before.overlapHouseholds).toBe(0);
    for (const r of c.communities) {
      const inflow = c.moves.filter((m) => m.to === r.id).reduce((s, m) => s + m.households, 0);
      const outflow = c.moves.filter((m) => m.from === r.id).reduce((s, m) => s + m.households, 0);
      expect((r.after ?? 0) - (r.before ?? 0)).toBe(inflow - outflow);
    }
    // Dropped communities' households end up in no community.
    expect(c.moves.every((m) => m.to === null)).toBe(true);
    expect(c.analyses.after.unassignedHouseholds - c.analyses.before.unassignedHouseholds).toBe(c.movedHouseholds);
  });

  it('says which flags a change resolves and which it introduces', () => {
    // Merge the two smallest neighbouring-by-order communities into the first one's shape: the
    // second one's households move, and its size flags go with it.
    const before = demo.communities;
    const analysis = comparePlans({ households: demo.households, before: demo, after: demo, profile }).analyses.before;
    const below = analysis.communities.find((r) => r.band?.status === 'below');
    expect(below).toBeDefined();
    const after = before.filter((u) => u.id !== below!.id);
    const c = comparePlans({
      households: demo.households,
      before: { communities: before },
      after: { communities: after },
      profile,
    });
    const row = c.communities.find((r) => r.id === below!.id)!;
    expect(row.status).toBe('removed');
    expect(row.flagsResolved).toContain('size.below-band');
    expect(c.flagsResolved.some((f) => f.code === 'size.below-band' && f.subjectIds.includes(below!.id))).toBe(true);
    // Its households now lie in no community: the plan-wide flag for that is new or kept, never resolved.
    expect(c.flagsResolved.some((f) => f.code === 'plan.unassigned-households')).toBe(false);
  });

  it('sets coverage before against after per category and distance: removing every nursery drops only nurseries', () => {
    const category = 'nursery';
    expect(demo.facilities.some((f) => f.category === category)).toBe(true);
    const after = { ...demo, facilities: demo.facilities.filter((f) => f.category !== category) };
    const c = comparePlans({ households: demo.households, before: demo, after, profile });
    const sheet = comparisonSheets(c, 'zh').coverage;
    expect(sheet.columns).toEqual(['设施类别', '步行距离（米）', '调整前覆盖率', '调整后覆盖率', '变化（百分点）']);
    const nursery = sheet.rows.filter((r) => r[0] === '托儿所');
    expect(nursery.length).toBeGreaterThan(0);
    for (const [, , before, afterShare, change] of nursery) {
      expect(before as number).toBeGreaterThan(0);
      expect(afterShare ?? 0).toBe(0);
      expect(change ?? -Infinity).toBeLessThan(0);
    }
    const others = sheet.rows.filter((r) => r[0] !== '托儿所');
    expect(others.length).toBeGreaterThan(0);
    for (const [, , before, afterShare, change] of others) {
      expect(afterShare).toBe(before);
      expect(change).toBe(0);
    }
    // Distances ascend within a category.
    const distances = nursery.map((r) => r[1] as number);
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
  });
});
