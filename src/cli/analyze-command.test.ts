import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { wgs84ToBd09, wgs84ToGcj02 } from '../core/coordinates';
import type { ExportFlag, PlanMetadata } from '../core/export-plan';
import { seededRandom } from '../core/seeded-random';

let dir: string;

/** The written plan, as far as these tests read it. */
type Output = FeatureCollection<Geometry, { id: string; households: number; kind: string; flags: ExportFlag[] }> & {
  metadata: PlanMetadata;
};
const readOutput = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Output;

function square(id: string, x: number, y: number, size: number): Feature<Polygon> {
  return {
    type: 'Feature',
    properties: { id, name: `社区 ${id}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + size, y],
          [x + size, y + size],
          [x, y + size],
          [x, y],
        ],
      ],
    },
  };
}

const communities = [
  square('A', 121.46, 31.22, 0.01),
  square('B', 121.47, 31.22, 0.01),
  square('C', 121.465, 31.225, 0.01),
];
const grids = [square('A-1', 121.46, 31.22, 0.005), square('A-2', 121.465, 31.22, 0.005)];
// True (WGS84) household positions with counts; the file stores them in BD-09.
const truth: { lon: number; lat: number; hh: number }[] = [];

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    // Written for a Chinese system: without --lang the CLI speaks the system locale's language.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    timeout: 60_000,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  const rand = seededRandom(5);
  for (let i = 0; i < 400; i++)
    truth.push({ lon: 121.455 + rand() * 0.03, lat: 31.215 + rand() * 0.025, hh: 1 + Math.floor(rand() * 300) });
  writeFileSync(join(dir, 'communities.geojson'), JSON.stringify({ type: 'FeatureCollection', features: communities }));
  writeFileSync(join(dir, 'grids.geojson'), JSON.stringify({ type: 'FeatureCollection', features: grids }));
  writeFileSync(
    join(dir, 'households-bd09.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: truth.map((t, i) => ({
        type: 'Feature',
        properties: { name: `小区${i}`, 户数: t.hh },
        geometry: { type: 'Point', coordinates: wgs84ToBd09(t.lon, t.lat) },
      })),
    }),
  );
  const csv = [
    'lng,lat,户数',
    ...truth.map((t) => {
      const [x, y] = wgs84ToGcj02(t.lon, t.lat);
      return `${x},${y},${t.hh}`;
    }),
  ].join('\n');
  writeFileSync(join(dir, 'households-gcj.csv'), csv);
  writeFileSync(join(dir, 'broken.geojson'), '{"type":"FeatureCollection","features":[');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function independentCount(feature: Feature<Polygon>): number {
  return truth.filter((t) => booleanPointInPolygon([t.lon, t.lat], feature)).reduce((s, t) => s + t.hh, 0);
}

describe('cli analyze', () => {
  it('counts BD-09 households into communities and grids exactly as an independent count', () => {
    const out = join(dir, 'out.geojson');
    const r = run([
      'analyze',
      '--communities',
      join(dir, 'communities.geojson'),
      '--grids',
      join(dir, 'grids.geojson'),
      '--households',
      join(dir, 'households-bd09.geojson'),
      '--households-crs',
      'bd09',
      '--households-field',
      '户数',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const fc = readOutput(out);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(5);
    for (const f of [...communities, ...grids]) {
      const got = fc.features.find((g) => g.properties.id === f.properties!.id);
      expect(got?.properties.households).toBe(independentCount(f));
      expect(got?.properties.kind).toBe(grids.includes(f) ? 'grid' : 'community');
      expect(Array.isArray(got?.properties.flags)).toBe(true);
    }
    const total = truth.reduce((s, t) => s + t.hh, 0);
    const inAny = truth
      .filter((t) => communities.some((c) => booleanPointInPolygon([t.lon, t.lat], c)))
      .reduce((s, t) => s + t.hh, 0);
    expect(fc.metadata.totalHouseholds).toBe(total);
    expect(fc.metadata.unassignedHouseholds).toBe(total - inAny);
    expect(fc.metadata.profile.id).toBe('jiangsu-2011');
    const flagged = fc.features.find((f) => f.properties.flags.length > 0);
    expect(flagged?.properties.flags[0]?.code).toMatch(/^size\./);
    expect(flagged?.properties.flags[0]).toMatchObject({
      severity: 'warning',
      source: { ruleId: 'J1' },
    });
  });

  it('reads CSV points in GCJ-02 with --crs and a profile by id', () => {
    const out = join(dir, 'out2.geojson');
    const r = run([
      'analyze',
      '--communities',
      join(dir, 'communities.geojson'),
      '--households',
      join(dir, 'households-gcj.csv'),
      '--households-field',
      '户数',
      '--households-crs',
      'gcj02',
      '--profile',
      'chengdu-2002',
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    const fc = readOutput(out);
    for (const f of communities)
      expect(fc.features.find((g) => g.properties.id === f.properties!.id)!.properties.households).toBe(
        independentCount(f),
      );
    expect(fc.metadata.profile.id).toBe('chengdu-2002');
  });

  it('counts one household per point without --households-field', () => {
    const out = join(dir, 'out3.geojson');
    const r = run([
      'analyze',
      '--communities',
      join(dir, 'communities.geojson'),
      '--households',
      join(dir, 'households-bd09.geojson'),
      '--crs',
      'bd09',
      '--communities-crs',
      'wgs84',
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    const fc = readOutput(out);
    const a = fc.features.find((g) => g.properties.id === 'A');
    expect(a?.properties.households).toBe(
      truth.filter((t) => booleanPointInPolygon([t.lon, t.lat], communities[0]!)).length,
    );
  });

  it.each([
    [['analyze', '--households', 'x.geojson', '--out', 'o.geojson'], /--communities FILE is required/],
    [
      ['analyze', '--communities', 'missing.geojson', '--households', 'x.geojson', '--out', 'o.geojson'],
      /missing\.geojson: file not found/,
    ],
    [
      ['analyze', '--communities', '@broken', '--households', 'x.geojson', '--out', 'o.geojson', '--crs', 'utm'],
      /--crs must be wgs84, gcj02, bd09, EPSG:NNNN or a proj string/,
    ],
    [['frobnicate'], /unknown command/],
    [['analyze', '--bogus', '1'], /unknown option --bogus/],
    [
      ['analyze', '--communities', '@broken', '--households', 'x', '--out', 'o', '--profile', 'no-such'],
      /unknown profile "no-such"/,
    ],
  ])('refuses unusable input with a one-line reason: %j', (args, message) => {
    const r = run(args.map((a) => (a === '@broken' ? join(dir, 'broken.geojson') : a)));
    expect(r.status).not.toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  const withBroken = () => [
    'analyze',
    '--communities',
    join(dir, 'broken.geojson'),
    '--households',
    join(dir, 'households-bd09.geojson'),
    '--out',
    join(dir, 'o.geojson'),
  ];

  it('names the file and the problem for a truncated GeoJSON', () => {
    const r = run([...withBroken(), '--language', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.geojson: .*JSON/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says the problem in Chinese by default, naming the place as Chinese does', () => {
    const r = run(withBroken());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.geojson：文件不是有效的 JSON：.*第 \d+ 行第 \d+ 列/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
