// Every refused file of the hostile corpus (committed and generated) is refused by the CLI too:
// non-zero exit, the file named, every problem on a line of its own, no stack trace. Accepted
// files print their warnings. The language is --lang (or --language), else the system locale's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedHostileCases, hostileCases, type HostileCase } from '../../test/hostile-corpus-table';

const VALID_HOUSEHOLDS = 'data/demo/households.geojson';
const COMMUNITIES = 'data/demo/communities.geojson';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = { LANG: 'C.UTF-8' }) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env },
  });
}

/** The analyze arguments that import `path` in the case's role, the other inputs valid. */
function argsFor(c: HostileCase, path: string): string[] {
  // As the corpus is imported (WGS84): without --crs a file's own "crs" member is honoured.
  const out = ['--out', join(dir, 'out.geojson'), '--crs', 'wgs84'];
  switch (c.role) {
    case 'households':
      return [
        '--communities',
        COMMUNITIES,
        '--households',
        path,
        ...(c.field ? ['--households-field', c.field] : []),
        ...out,
      ];
    case 'roads':
      return [
        '--communities',
        COMMUNITIES,
        '--households',
        VALID_HOUSEHOLDS,
        '--facilities',
        'data/demo/facilities.geojson',
        '--roads',
        path,
        ...out,
      ];
    default:
      return ['--communities', path, '--households', VALID_HOUSEHOLDS, ...out];
  }
}

/** Checks a refusal: the file on the first line, then one indented line per problem when several. */
function expectRefusal(stderr: string, file: string, phrase: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toContain(file);
  if (lines.length > 1) {
    expect(lines[0]).toMatch(/: cannot be imported:$/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
  }
  if (phrase) expect(stderr.toLowerCase()).toContain(phrase.toLowerCase().slice(0, 40));
  expect(stderr).not.toMatch(/\n\s+at |error in the importer/);
}

describe('the CLI on the hostile corpus', () => {
  const refused = hostileCases().filter((c) => c.refused && c.role !== 'grids' && c.role !== 'facilities');
  it('has refused cases to check', () => expect(refused.length).toBeGreaterThan(15));

  it.each(refused.map((c) => [c.file, c] as const))('refuses %s, listing every problem', (_name, c) => {
    const r = cli([...argsFor(c, `test/fixtures/hostile/${c.file}`), '--lang', 'en']);
    expect(r.status).toBe(1);
    expectRefusal(r.stderr, c.file, c.phrase);
  });

  it.each(generatedHostileCases().map((c) => [c.file, c] as const))('generated %s', (_name, c) => {
    const path = join(dir, c.file);
    writeFileSync(path, c.bytes());
    const r = cli([...argsFor(c, path), '--lang', 'en']);
    if (c.refused) {
      expect(r.status).toBe(1);
      expectRefusal(r.stderr, c.file, c.phrase);
    } else {
      expect(r.status, r.stderr).toBe(0);
      if (c.phrase) expect(r.stderr).toContain(c.phrase);
    }
  });

  it('lists every problem of a file, up to fifty and then how many more', () => {
    const path = join(dir, 'many-bad-lines.csv');
    let text = 'lon,lat,households\n';
    for (let i = 0; i < 120; i++) text += `121.44,31.22,${i % 2 ? 'abc' : '2.5'}\n`;
    writeFileSync(path, text);
    const r = cli([
      '--communities',
      COMMUNITIES,
      '--households',
      path,
      '--households-field',
      'households',
      '--out',
      join(dir, 'o.geojson'),
      '--lang',
      'en',
    ]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`error: ${path}: cannot be imported:`);
    expect(lines[1]).toBe(
      "  line 2: household count '2.5' is not a whole number — households are counted whole; is this the right field?",
    );
    expect(lines[2]).toBe("  line 3: household count 'abc' is not a number");
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines[51]).toBe('  and 70 more not listed');
  });

  it('prints the warnings of files it imported: GBK guessed, a property cut, parts united', () => {
    const r = cli([
      '--communities',
      'test/fixtures/hostile-plans/overlapping-parts.geojson',
      '--households',
      'test/fixtures/hostile/gbk.csv',
      '--households-field',
      '户数',
      '--out',
      join(dir, 'o.geojson'),
      '--lang',
      'en',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning: test/fixtures/hostile-plans/overlapping-parts.geojson: imported, 1 warning:\n',
    );
    expect(r.stderr).toContain(
      "  feature 1: '两块重叠的方形' has parts that overlap; they were merged into their union (overlaps no longer cancel out)\n",
    );
    expect(r.stderr).toContain('warning: test/fixtures/hostile/gbk.csv: imported, 1 warning:\n');
    expect(r.stderr).toContain('  the file is not UTF-8, so it was read as Chinese GBK/GB18030');
    const cut = cli([
      '--communities',
      COMMUNITIES,
      '--households',
      'test/fixtures/hostile/enormous-property.geojson',
      '--out',
      join(dir, 'o.geojson'),
      '--lang',
      'en',
    ]);
    expect(cut.stderr).toContain(
      "  feature 1: property 'description' is 20,000 characters long; only the first 10,000 were kept",
    );
  }, 180_000);

  it('speaks the system locale’s language unless --lang (or --language) says otherwise', () => {
    const args = [
      '--communities',
      COMMUNITIES,
      '--households',
      'test/fixtures/hostile/negative-households.geojson',
      '--households-field',
      'households',
      '--out',
      join(dir, 'o.geojson'),
    ];
    const zh = '第 2 个要素：户数 -5 为负数';
    const en = 'feature 2: household count -5 is negative';
    expect(cli(args, { LANG: 'zh_CN.UTF-8' }).stderr).toContain(zh);
    expect(cli(args, { LANG: 'C.UTF-8' }).stderr).toContain(en);
    expect(cli(args, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }).stderr).toContain(en);
    expect(cli([...args, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stderr).toContain(en);
    expect(cli([...args, '--lang=zh'], { LANG: 'C.UTF-8' }).stderr).toContain(zh);
    expect(cli([...args, '--language', 'zh'], { LANG: 'C.UTF-8' }).stderr).toContain(zh);
  }, 300_000);
});
