// `cli compare` on files, as a person runs it: the demo's communities against a proposal the code has
// never seen (written to disk, some communities shifted, one dropped, one added), every move checked
// against Turf's point-in-polygon over the households file, and an exported plan as one side.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../core/seeded-random';

const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    // Written for a Chinese system: without --lang the CLI speaks the system locale's language.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    timeout: 120_000,
  });
}

type Area = Feature<Polygon | MultiPolygon, { id: string; name: string }>;
const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const communities = read<FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>>(
  'data/demo/communities.geojson',
);
const households = read<FeatureCollection<Point, { households: number }>>('data/demo/households.geojson');

function shifted(f: Area, dx: number, dy: number): Area {
  const move = (r: Position[]) => r.map(([x, y]) => [x! + dx, y! + dy]);
  const g = f.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(move) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(move)) };
  return { ...f, geometry };
}

function proposal(): FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }> {
  const r = seededRandom(42);
  const features: Area[] = [];
  communities.features.forEach((f, i) => {
    if (i === 5) return;
    features.push(r() < 0.25 ? shifted(f, (r() - 0.5) * 0.003, (r() - 0.5) * 0.003) : f);
  });
  const [x, y] = households.features[100]!.geometry.coordinates as [number, number];
  features.push({
    type: 'Feature',
    properties: { id: 'NEW-1', name: '新社区' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x - 0.003, y - 0.003],
          [x + 0.003, y - 0.003],
          [x + 0.003, y + 0.003],
          [x - 0.003, y + 0.003],
          [x - 0.003, y - 0.003],
        ],
      ],
    },
  });
  return { type: 'FeatureCollection', features };
}

/** Per move "from→to": households, as Turf finds them point by point. */
function turfMoves(before: Area[], after: Area[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of households.features) {
    const pt = h.geometry.coordinates;
    const was = before.filter((c) => booleanPointInPolygon(pt, c.geometry)).map((c) => c.properties.id);
    const is = after.filter((c) => booleanPointInPolygon(pt, c.geometry)).map((c) => c.properties.id);
    if (was.some((id) => is.includes(id)) || (was.length === 0 && is.length === 0)) continue;
    const key = `${was[0] ?? null}→${is[0] ?? null}`;
    out.set(key, (out.get(key) ?? 0) + h.properties.households);
  }
  return out;
}

interface Diff {
  communities: { id: string; before: number | null; after: number | null; status: string }[];
  moves: { from: string | null; to: string | null; households: number; points: number; pointIndices: number[] }[];
  movedHouseholds: number;
  summary: { before: { communityCount: number }; after: { communityCount: number } };
}

describe('cli compare', () => {
  const after = proposal();
  const afterPath = join(dir, 'proposal.geojson');
  writeFileSync(afterPath, JSON.stringify(after));
  const HOUSEHOLDS = ['--households', 'data/demo/households.geojson', '--households-field', 'households'];

  it('reports every move of a proposal it has never seen, as Turf counts them', () => {
    const out = join(dir, 'diff.json');
    const r = cli([
      'compare',
      '--before',
      'data/demo/communities.geojson',
      '--after',
      afterPath,
      ...HOUSEHOLDS,
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const diff = read<Diff>(out);
    const expected = turfMoves(communities.features, after.features);
    expect(new Map(diff.moves.map((m) => [`${m.from}→${m.to}`, m.households]))).toEqual(expected);
    expect(diff.movedHouseholds).toBe([...expected.values()].reduce((s, n) => s + n, 0));
    for (const m of diff.moves) expect(m.pointIndices).toHaveLength(m.points);
    const dropped = communities.features[5]!.properties.id;
    expect(diff.communities.find((c) => c.id === dropped)).toMatchObject({ status: 'removed', after: null });
    expect(diff.communities.find((c) => c.id === 'NEW-1')).toMatchObject({ status: 'new', before: null });
    expect(diff.summary.after.communityCount).toBe(after.features.length);
    expect(r.stdout).toMatch(new RegExp(`${diff.movedHouseholds} households in ${diff.moves.length} moves`));
  });

  it('takes an exported plan as a side and writes the difference as CSV with a moves table', () => {
    const plan = join(dir, 'plan.geojson');
    const analysed = cli([
      'analyze',
      '--communities',
      'data/demo/communities.geojson',
      '--grids',
      'data/demo/grids.geojson',
      ...HOUSEHOLDS,
      '--out',
      plan,
    ]);
    expect(analysed.status).toBe(0);
    const csv = join(dir, 'diff.csv');
    const moves = join(dir, 'moves.csv');
    const r = cli(['compare', '--before', plan, '--after', afterPath, ...HOUSEHOLDS, '--out', csv, '--moves', moves]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('编号,名称,调整前户数,调整后户数,增减（户）,变化,消除的问题,新增的问题');
    expect(rows).toHaveLength(1 + communities.features.length + 1);
    const moveRows = readFileSync(moves, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(moveRows.length - 1).toBe(turfMoves(communities.features, after.features).size);
  });

  it('says in one line what is wrong with its arguments', () => {
    const r = cli([
      'compare',
      '--before',
      'data/demo/communities.geojson',
      ...HOUSEHOLDS,
      '--out',
      join(dir, 'x.json'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --before PLAN and --after PLAN are both required');
    const bad = cli([
      'compare',
      '--before',
      'x.geojson',
      '--after',
      afterPath,
      ...HOUSEHOLDS,
      '--out',
      join(dir, 'x.txt'),
    ]);
    expect(bad.stderr.split('\n')[0]).toBe('error: --out must end in .json or .csv, not "x.txt"');
    const missing = cli([
      'compare',
      '--before',
      'nope.geojson',
      '--after',
      afterPath,
      ...HOUSEHOLDS,
      '--out',
      join(dir, 'y.json'),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('error: nope.geojson: file not found\n');
  });
});
