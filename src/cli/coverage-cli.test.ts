// `analyze --roads --facilities`: coverage shares from the CLI against an independent, plainly
// written computation (brute-force snapping to the nearest street segment, textbook Dijkstra over
// OSM nodes) on an OSM XML city the project has never seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import type { PlanMetadata } from '../core/export-plan';
import { EARTH_RADIUS as R, RAD as rad } from '../core/geodesy';
import { seededRandom } from '../core/seeded-random';

let dir: string;

/** Shares by category, then by distance in metres (as a string key). */
type Shares = Record<string, Record<string, number>>;
/** The written plan, as far as these tests read it. */
type Output = FeatureCollection<Geometry, { id: string; coverage: Shares }> & {
  metadata: PlanMetadata & { distanceMode: string; distanceNote?: string; coverage: Shares };
};

// A small irregular city: a jittered 14 × 12 street lattice with some streets missing, a few
// diagonals and a few dead ends, written as OSM XML with shared nodes at junctions.
const nodes = new Map<number, [number, number]>();
const ways: { id: number; refs: number[]; highway: string }[] = [];
const homes: { lon: number; lat: number; hh: number; category?: string }[] = [];
const facilities: { lon: number; lat: number; kind: string }[] = [];

function buildCity() {
  const rand = seededRandom(11);
  const id = (i: number, j: number) => 1000 + i * 100 + j;
  for (let i = 0; i < 14; i++)
    for (let j = 0; j < 12; j++)
      nodes.set(id(i, j), [
        104.05 + i * 0.0022 + (rand() - 0.5) * 0.0006,
        30.65 + j * 0.0019 + (rand() - 0.5) * 0.0006,
      ]);
  let w = 1;
  for (let j = 0; j < 12; j++)
    for (let i = 0; i + 1 < 14; i++)
      if (rand() > 0.12)
        ways.push({ id: w++, refs: [id(i, j), id(i + 1, j)], highway: j % 4 === 0 ? 'primary' : 'residential' });
  for (let i = 0; i < 14; i++)
    for (let j = 0; j + 1 < 12; j++)
      if (rand() > 0.12) ways.push({ id: w++, refs: [id(i, j), id(i, j + 1)], highway: 'residential' });
  for (let k = 0; k < 10; k++) {
    const i = Math.floor(rand() * 13);
    const j = Math.floor(rand() * 11);
    ways.push({ id: w++, refs: [id(i, j), id(i + 1, j + 1)], highway: 'tertiary' });
  }
  // An elevated motorway with no junctions: not walkable, must not carry anyone.
  ways.push({ id: w, refs: [id(0, 5), id(13, 5)], highway: 'motorway' });
  for (let k = 0; k < 400; k++)
    homes.push({ lon: 104.05 + rand() * 0.028, lat: 30.65 + rand() * 0.021, hh: 1 + Math.floor(rand() * 400) });
  for (const kind of ['kindergarten', 'clinic', 'clinic', 'kindergarten', 'market', 'kindergarten'])
    facilities.push({ lon: 104.05 + rand() * 0.028, lat: 30.65 + rand() * 0.021, kind });
}

function osmXml(): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">'];
  for (const [nid, [lon, lat]] of nodes)
    lines.push(`  <node id="${nid}" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>`);
  for (const way of ways)
    lines.push(
      `  <way id="${way.id}">${way.refs.map((r) => `<nd ref="${r}"/>`).join('')}<tag k="highway" v="${way.highway}"/></way>`,
    );
  lines.push('</osm>');
  return lines.join('\n');
}

// ---- the independent computation ----
function metres(a: [number, number], b: [number, number]): number {
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

interface Snap {
  u: number;
  v: number;
  toU: number;
  toV: number;
  access: number;
}

function snap(p: [number, number]): Snap {
  let best: Snap = { u: -1, v: -1, toU: 0, toV: 0, access: Infinity };
  for (const way of ways) {
    if (way.highway === 'motorway') continue;
    const [u, v] = way.refs as [number, number];
    const a = nodes.get(u)!;
    const b = nodes.get(v)!;
    // Project in a local flat frame around p.
    const kx = Math.cos(p[1] * rad) * R * rad;
    const ky = R * rad;
    const ax = (a[0] - p[0]) * kx,
      ay = (a[1] - p[1]) * ky,
      bx = (b[0] - p[0]) * kx,
      by = (b[1] - p[1]) * ky;
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    const qx = ax + dx * t,
      qy = ay + dy * t;
    const access = Math.hypot(qx, qy);
    if (access < best.access) {
      const len = metres(a, b);
      best = { u, v, toU: len * t, toV: len * (1 - t), access };
    }
  }
  return best;
}

function dijkstra(sources: Snap[]): Map<number, number> {
  const adj = new Map<number, [number, number][]>();
  for (const way of ways) {
    if (way.highway === 'motorway') continue;
    const [u, v] = way.refs as [number, number];
    const d = metres(nodes.get(u)!, nodes.get(v)!);
    adj.set(u, [...(adj.get(u) ?? []), [v, d]]);
    adj.set(v, [...(adj.get(v) ?? []), [u, d]]);
  }
  const dist = new Map<number, number>();
  const queue: [number, number][] = [];
  for (const s of sources) {
    queue.push([s.access + s.toU, s.u]);
    queue.push([s.access + s.toV, s.v]);
  }
  while (queue.length) {
    queue.sort((a, b) => a[0] - b[0]);
    const [d, n] = queue.shift()!;
    if (dist.has(n)) continue;
    dist.set(n, d);
    for (const [m, w] of adj.get(n) ?? []) if (!dist.has(m)) queue.push([d + w, m]);
  }
  return dist;
}

function independentShares(kind: string, distances: number[]): number[] {
  const sources = facilities.filter((f) => f.kind === kind).map((f) => snap([f.lon, f.lat]));
  const dist = dijkstra(sources);
  let total = 0;
  const within = distances.map(() => 0);
  for (const h of homes) {
    const s = snap([h.lon, h.lat]);
    let d = Math.min((dist.get(s.u) ?? Infinity) + s.toU, (dist.get(s.v) ?? Infinity) + s.toV);
    // A facility on the same segment is reached along it directly.
    for (const f of sources) if (f.u === s.u && f.v === s.v) d = Math.min(d, f.access + Math.abs(f.toU - s.toU));
    d += s.access;
    total += h.hh;
    distances.forEach((x, k) => {
      if (d <= x) within[k]! += h.hh;
    });
  }
  return within.map((w) => w / total);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-coverage-'));
  buildCity();
  writeFileSync(join(dir, 'city.osm'), osmXml());
  writeFileSync(
    join(dir, 'homes.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: homes.map((h) => ({
        type: 'Feature',
        properties: { hh: h.hh },
        geometry: { type: 'Point', coordinates: [h.lon, h.lat] },
      })),
    }),
  );
  writeFileSync(
    join(dir, 'facilities.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: facilities.map((f) => ({
        type: 'Feature',
        properties: { kind: f.kind },
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      })),
    }),
  );
  const whole = [
    [104.045, 30.645],
    [104.085, 30.645],
    [104.085, 30.675],
    [104.045, 30.675],
    [104.045, 30.645],
  ];
  const west = [
    [104.045, 30.645],
    [104.064, 30.645],
    [104.064, 30.675],
    [104.045, 30.675],
    [104.045, 30.645],
  ];
  writeFileSync(
    join(dir, 'communities.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'whole' }, geometry: { type: 'Polygon', coordinates: [whole] } },
        { type: 'Feature', properties: { id: 'west' }, geometry: { type: 'Polygon', coordinates: [west] } },
      ],
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(extra: string[]) {
  const out = join(dir, `out-${extra.length}.geojson`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'analyze',
      '--communities',
      join(dir, 'communities.geojson'),
      '--households',
      join(dir, 'homes.geojson'),
      '--households-field',
      'hh',
      '--facilities',
      join(dir, 'facilities.geojson'),
      '--category-field',
      'kind',
      '--distances',
      '300,500,1000',
      ...extra,
      '--out',
      out,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Output;
}

describe('cli coverage over an OSM road network', () => {
  it('agrees with an independent Dijkstra within 3 percentage points, for every category and distance', () => {
    const fc = run(['--roads', join(dir, 'city.osm')]);
    expect(fc.metadata.distanceMode).toBe('network');
    const distances = [300, 500, 1000];
    for (const kind of ['kindergarten', 'clinic', 'market']) {
      const expected = independentShares(kind, distances);
      distances.forEach((d, k) => {
        const got = fc.metadata.coverage[kind]![String(d)]!;
        expect(Math.abs(got - expected[k]!)).toBeLessThan(0.03);
      });
      // The community covering everything has the overall shares.
      const whole = fc.features.find((f) => f.properties.id === 'whole');
      expect(whole?.properties.coverage[kind]?.['500']).toBeCloseTo(fc.metadata.coverage[kind]!['500']!, 9);
    }
  });

  it('falls back to straight-line distances without --roads and says so', () => {
    const fc = run([]);
    expect(fc.metadata.distanceMode).toBe('straight-line');
    expect(fc.metadata.distanceNote).toMatch(/straight-line/);
    // Straight lines are never longer than walks, so shares can only be higher.
    const walked = run(['--roads', join(dir, 'city.osm')]);
    expect(fc.metadata.coverage.clinic!['500']).toBeGreaterThanOrEqual(walked.metadata.coverage.clinic!['500']!);
  });
});
