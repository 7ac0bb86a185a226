// `cli compare` between two scenarios of one project file, as a person runs it after saving the
// project from the app: 现状 against a proposal the code has never seen (communities merged,
// redrawn and dropped at random, written as 方案一 in the .shequ), every move checked against
// Turf's point-in-polygon over the project's own households, DIFF.json read field by field as the
// issue specifies it, and the comparison report written beside it.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLayers } from '../../test/fixtures/plan/demo-layers';
import type { AreaUnit, HouseholdSet } from '../core/model';
import { seededRandom } from '../core/seeded-random';
import type { PlanLayers } from '../core/transaction';
import { writeProjectFile } from '../io/project-file';

const dir = mkdtempSync(join(tmpdir(), 'compare-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    // The messages asserted are Chinese, the language of a Chinese system locale.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
}

/** A proposal: a seeded mix of rotated, scaled and dropped communities, and two merged into one. */
function proposal(present: readonly AreaUnit[]): AreaUnit[] {
  const r = seededRandom(20261202);
  const transform = (g: Polygon | MultiPolygon, angle: number, scale: number): Polygon | MultiPolygon => {
    const ring0 = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
    const cx = ring0.reduce((s, p) => s + p[0]!, 0) / ring0.length;
    const cy = ring0.reduce((s, p) => s + p[1]!, 0) / ring0.length;
    const move = (ring: Position[]) =>
      ring.map(([x, y]) => {
        const dx = (x! - cx) * scale;
        const dy = (y! - cy) * scale;
        return [cx + dx * Math.cos(angle) - dy * Math.sin(angle), cy + dx * Math.sin(angle) + dy * Math.cos(angle)];
      });
    return g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(move) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(move)) };
  };
  const out: AreaUnit[] = [];
  present.forEach((c, i) => {
    const x = r();
    if (x < 0.05) return; // dropped
    if (i === 1) {
      // 1 and 2 merged into one MultiPolygon under 1's id.
      const parts = [c, present[2]!].flatMap((u) =>
        u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates,
      );
      out.push({ ...c, name: `${c.name}（合并）`, geometry: { type: 'MultiPolygon', coordinates: parts } });
      return;
    }
    if (i === 2) return;
    out.push(x < 0.3 ? { ...c, geometry: transform(c.geometry, (r() - 0.5) * 0.6, 0.8 + r() * 0.5) } : c);
  });
  return out;
}

function turfMoves(households: HouseholdSet, before: readonly AreaUnit[], after: readonly AreaUnit[]) {
  const out = new Map<string, number>();
  for (let p = 0; p < households.households.length; p++) {
    const pt = [households.coordinates[2 * p]!, households.coordinates[2 * p + 1]!];
    const was = before.filter((c) => booleanPointInPolygon(pt, c.geometry)).map((c) => c.id);
    const is = after.filter((c) => booleanPointInPolygon(pt, c.geometry)).map((c) => c.id);
    if (was.some((id) => is.includes(id)) || (was.length === 0 && is.length === 0)) continue;
    const key = `${was[0] ?? null}→${is[0] ?? null}`;
    out.set(key, (out.get(key) ?? 0) + households.households[p]!);
  }
  return out;
}

interface Diff {
  communities: {
    id: string;
    before: number | null;
    after: number | null;
    status: string;
    flagsResolved: string[];
    flagsIntroduced: string[];
  }[];
  moves: { from: string | null; to: string | null; households: number; points: number; blocks: string[] }[];
  movedHouseholds: number;
  summary: { before: { communityCount: number; withinBand: number }; after: { communityCount: number } };
}

describe('cli compare between the scenarios of a project file', () => {
  let layers: PlanLayers;
  let proposed: AreaUnit[];
  const project = join(dir, 'plan.shequ');

  beforeAll(async () => {
    layers = await demoLayers();
    proposed = proposal(layers.communities);
    const bytes = writeProjectFile({
      title: '南京东路',
      layers: { ...layers, communities: layers.communities },
      profile: { activeId: 'jiangsu-2011', custom: [] },
      settings: { language: 'zh' },
      scenarios: {
        active: 0,
        list: [
          { id: 's1', name: { zh: '现状', en: 'Present layout' } },
          { id: 's2', name: '方案一', own: { title: '', communities: proposed, grids: [], facilities: [] } },
        ],
      },
      savedAt: '2026-12-02T00:00:00.000Z',
    });
    writeFileSync(project, bytes);
  });

  it('picks both scenarios by name, and every move equals Turf’s count point by point', () => {
    const out = join(dir, 'diff.json');
    const report = join(dir, 'diff.html');
    const args = ['--before', project, '--before-scenario', 'Present layout', '--after', project];
    const r = cli(['compare', ...args, '--after-scenario', '方案一', '--out', out, '--report', report]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const diff = read(out);
    // The shape the issue gives, field by field.
    expect(Object.keys(diff).sort()).toEqual(
      ['communities', 'coverage', 'flagsIntroduced', 'flagsResolved', 'movedHouseholds', 'moves', 'summary'].sort(),
    );
    for (const c of diff.communities)
      expect(Object.keys(c).sort()).toEqual(
        ['after', 'before', 'flagsIntroduced', 'flagsResolved', 'id', 'name', 'status'].sort(),
      );
    for (const m of diff.moves) {
      expect(typeof m.households).toBe('number');
      expect(m.from === null || typeof m.from === 'string').toBe(true);
      expect(m.to === null || typeof m.to === 'string').toBe(true);
      expect(Number.isInteger(m.points)).toBe(true);
    }
    // The project's street blocks name where each move's households are.
    const blockIds = new Set(layers.blocks.map((b) => b.id));
    expect(blockIds.size).toBeGreaterThan(0);
    expect(diff.moves.every((m) => m.blocks.length > 0 && m.blocks.every((id) => blockIds.has(id)))).toBe(true);
    const expected = turfMoves(layers.households, layers.communities, proposed);
    expect(expected.size).toBeGreaterThan(3);
    expect(new Map(diff.moves.map((m) => [`${m.from}→${m.to}`, m.households]))).toEqual(expected);
    expect(diff.movedHouseholds).toBe([...expected.values()].reduce((s, n) => s + n, 0));
    const merged = layers.communities[2]!.id;
    expect(diff.communities.find((c) => c.id === merged)).toMatchObject({ status: 'removed', after: null });
    expect(diff.communities.find((c) => c.id === layers.communities[1]!.id)?.status).toBe('changed');
    expect(diff.summary.before.communityCount).toBe(layers.communities.length);
    expect(diff.summary.after.communityCount).toBe(proposed.length);

    const html = readFileSync(report, 'utf8');
    expect(html).toContain('方案对比：现状 → 方案一');
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain(String(diff.movedHouseholds.toLocaleString('en')));
  });

  it('compares with no moves when both sides are the same scenario', () => {
    const out = join(dir, 'same.json');
    const r = cli(['compare', '--before', project, '--after', project, '--after-scenario', '现状', '--out', out]);
    expect(r.status).toBe(0);
    expect(read(out).moves).toEqual([]);
  });

  it('says which scenarios a project has when the one asked for is not there', () => {
    const r = cli([
      'compare',
      '--before',
      project,
      '--after',
      project,
      '--after-scenario',
      '方案九',
      '--out',
      join(dir, 'x.json'),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no scenario "方案九" \(the project has "现状", "方案一"\)/);
    const plain = cli([
      'compare',
      '--before',
      'data/demo/communities.geojson',
      '--before-scenario',
      '现状',
      '--after',
      project,
      '--out',
      join(dir, 'y.json'),
    ]);
    expect(plain.status).toBe(2);
    expect(plain.stderr.split('\n')[0]).toBe(
      'error: --before-scenario needs a project file (.shequ); communities.geojson is not one',
    );
  });
});

function read(path: string): Diff {
  return JSON.parse(readFileSync(path, 'utf8')) as Diff;
}
