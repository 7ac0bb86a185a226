import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';

let dir: string;
const DEMO = ['--households', 'data/demo/households.geojson', '--households-field', 'households'];
const INPUTS = [
  '--communities',
  'data/demo/communities.geojson',
  '--grids',
  'data/demo/grids.geojson',
  '--facilities',
  'data/demo/facilities.geojson',
];

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', ...args], {
    encoding: 'utf8',
    // Written for a Chinese system: without --lang the CLI speaks the system locale's language.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    timeout: 120_000,
  });
}

function ok(args: string[]): void {
  const r = run(args);
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
}

function features(path: string): FeatureCollection['features'] {
  return (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection).features;
}

/** households per "kind:id", the figure a re-opened plan must reproduce. */
function counts(path: string): Map<string, unknown> {
  return new Map(features(path).map((f) => [`${f.properties!.kind}:${f.properties!.id}`, f.properties!.households]));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
  ok([
    ...INPUTS,
    ...DEMO,
    '--out',
    join(dir, 'plan.geojson'),
    '--project',
    join(dir, 'plan.shequ'),
    '--table',
    join(dir, 'communities.csv'),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli analyze --plan', () => {
  it('writes facilities into the export and opens the export back to the same counts', () => {
    const first = features(join(dir, 'plan.geojson'));
    expect(first.filter((f) => f.properties!.kind === 'facility').length).toBeGreaterThan(2000);
    ok(['--plan', join(dir, 'plan.geojson'), ...DEMO, '--out', join(dir, 'again.geojson')]);
    const again = counts(join(dir, 'again.geojson'));
    expect(again.size).toBe(first.length);
    expect(again).toEqual(counts(join(dir, 'plan.geojson')));
    // Not only the counts: every feature comes out as it went in.
    expect(features(join(dir, 'again.geojson'))).toEqual(first);
  }, 120_000);

  it('writes the flat FlatGeobuf by extension and opens it back to the same plan', () => {
    ok([...INPUTS, ...DEMO, '--out', join(dir, 'plan.fgb')]);
    const bytes = readFileSync(join(dir, 'plan.fgb'));
    expect(bytes.subarray(0, 3).toString()).toBe('fgb');
    ok(['--plan', join(dir, 'plan.fgb'), ...DEMO, '--out', join(dir, 'from-fgb.geojson')]);
    expect(features(join(dir, 'from-fgb.geojson'))).toEqual(features(join(dir, 'plan.geojson')));
  }, 120_000);

  it('opens a project file, which brings its own households and profile', () => {
    ok(['--plan', join(dir, 'plan.shequ'), '--out', join(dir, 'from-project.geojson')]);
    expect(features(join(dir, 'from-project.geojson'))).toEqual(features(join(dir, 'plan.geojson')));
  }, 120_000);

  it('writes the communities table as CSV, and every table as XLSX', () => {
    const csv = readFileSync(join(dir, 'communities.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 137);
    expect(csv).toContain('C001');
    ok(['--plan', join(dir, 'plan.shequ'), '--table', join(dir, 'plan.xlsx'), '--language', 'en']);
    const xlsx = readFileSync(join(dir, 'plan.xlsx'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(join(dir, 'plan.xlsx'))).toBe(true);
  }, 120_000);

  it('writes the printable report as HTML', () => {
    ok(['--plan', join(dir, 'plan.shequ'), '--report', join(dir, 'report.html'), '--language', 'en']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('C001');
    const bad = run(['--plan', join(dir, 'plan.shequ'), '--report', join(dir, 'report.pdf')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('error: --report must end in .html, not "report.pdf"');
  }, 120_000);

  it('refuses mixed or unknown inputs and outputs with a one-line reason', () => {
    const mixed = run([
      '--plan',
      join(dir, 'plan.geojson'),
      '--communities',
      'data/demo/communities.geojson',
      ...DEMO,
      '--out',
      join(dir, 'x.geojson'),
    ]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr.split('\n')[0]).toBe(
      'error: --plan replaces --communities, --grids and --facilities; give one or the other',
    );
    const badOut = run([...INPUTS, ...DEMO, '--out', join(dir, 'plan.shp')]);
    expect(badOut.status).toBe(2);
    expect(badOut.stderr.split('\n')[0]).toBe(
      'error: --out must end in .geojson, .json or .fgb (FlatGeobuf), not "plan.shp"',
    );
    const notPlan = run([
      '--plan',
      'data/demo/communities.geojson',
      ...DEMO,
      '--out',
      join(dir, 'x.geojson'),
      '--language',
      'en',
    ]);
    expect(notPlan.status).toBe(1);
    expect(notPlan.stderr.trim()).toBe(
      "error: data/demo/communities.geojson: this is not a plan exported by this app (it has no metadata.generator 'shequ-planner') — import it as a layer instead",
    );
    const notPlanZh = run(['--plan', 'data/demo/communities.geojson', ...DEMO, '--out', join(dir, 'x.geojson')]);
    expect(notPlanZh.stderr.trim()).toBe(
      "error: data/demo/communities.geojson：这不是本软件导出的规划（没有 metadata.generator 'shequ-planner'）——请改为作为图层导入",
    );
  }, 120_000);
});
