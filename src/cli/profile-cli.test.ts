// A hostile rule profile given with --profile is refused with every problem on a line of its own,
// each naming its field, in the person's language (--lang, else the system locale), the same way
// an imported file's problems are listed (issue 12, "never hurt by a file").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { DEFAULT_MAX_PROBLEMS } from '../io/problem-list';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'profile-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyze(profilePath: string, lang: string[], env: Record<string, string> = { LANG: 'C.UTF-8' }) {
  const args = ['--communities', 'data/demo/communities.geojson', '--households', 'data/demo/households.geojson'];
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'analyze',
      ...args,
      '--profile',
      profilePath,
      '--out',
      join(dir, 'out.geojson'),
      ...lang,
    ],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env } },
  );
}

/** "标准条款" as a GBK editor saves it: bytes a UTF-8 reader turns into "�". */
const GBK_CITATION = [0xb1, 0xea, 0xd7, 0xbc, 0xcc, 0xf5, 0xbf, 0xee];
const CITATION_MARK = 'CITATION-IN-GBK';

/** The default profile with five hostile changes, written as the bytes of a file on disk. */
function hostileProfileBytes(): Uint8Array {
  const p = structuredClone(builtInProfile(DEFAULT_PROFILE_ID)!) as unknown as {
    communityTypes: unknown[];
    livingCircle: { tiers: { distance: number }[] };
    facilityRequirements: { within: unknown; severity: unknown }[];
    grid: { source: { document: string } };
  };
  p.communityTypes[0] = null;
  p.livingCircle.tiers[1]!.distance = NaN; // JSON.stringify writes null, as a hostile editor would
  p.facilityRequirements[0]!.within = 'somewhere';
  p.facilityRequirements[1]!.severity = 'fatal';
  p.grid.source.document = CITATION_MARK;
  const [before, after] = JSON.stringify(p, null, 2).split(CITATION_MARK) as [string, string];
  const encoder = new TextEncoder();
  return new Uint8Array([...encoder.encode(before), ...GBK_CITATION, ...encoder.encode(after)]);
}

const EXPECTED = {
  en: [
    'communityTypes[0] must be an object',
    // The type the default names was the one nulled: the default now names none.
    '"defaultCommunityType" ("urban") is none of the community types',
    'livingCircle.tiers[1].distance must be a positive number of metres',
    'facilityRequirements[0].within must be "inside" or a positive distance in metres, not "somewhere"',
    'facilityRequirements[1].severity must be "error", "warning" or "info", not "fatal"',
    'the profile holds "�" where text could not be read, at grid.source.document: save the file as UTF-8 and load it again',
  ],
  zh: [
    'communityTypes[0] 必须是一个对象',
    '"defaultCommunityType"（"urban"）不是任何一种社区类型',
    'livingCircle.tiers[1].distance 必须是正数（米）',
    'facilityRequirements[0].within 必须是 "inside" 或正的距离（米），而不是 "somewhere"',
    'facilityRequirements[1].severity 必须是 "error"、"warning" 或 "info"，而不是 "fatal"',
    '规则配置在 grid.source.document 含有无法读取的文字（"�"）：请将文件另存为 UTF-8 后重新载入',
  ],
};

describe('analyze --profile with a hostile profile', () => {
  it.each([
    ['en', ['--lang', 'en'], { LANG: 'C.UTF-8' }, ': cannot be imported:'],
    ['zh', ['--lang', 'zh'], { LANG: 'C.UTF-8' }, '：无法导入：'],
    ['zh', [], { LANG: 'zh_CN.UTF-8' }, '：无法导入：'],
  ] as const)('lists every problem on its own line, in %s (%j)', (lang, flags, env, header) => {
    const path = join(dir, 'hostile-profile.json');
    writeFileSync(path, hostileProfileBytes());
    const r = analyze(path, [...flags], env);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`error: ${path}${header}`);
    expect(lines.slice(1)).toEqual(EXPECTED[lang].map((problem) => `  ${problem}`));
    expect(r.stderr).not.toMatch(/\n\s+at |and \d+ more\)/);
  });

  it('lists at most as many problems as an import, then counts the rest', () => {
    const p = structuredClone(builtInProfile(DEFAULT_PROFILE_ID)!) as unknown as { livingCircle: { tiers: unknown[] } };
    p.livingCircle.tiers = Array.from({ length: 80 }, () => null);
    const path = join(dir, 'many-problems.json');
    writeFileSync(path, JSON.stringify(p));
    const r = analyze(path, ['--lang', 'en']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(DEFAULT_MAX_PROBLEMS + 1);
    expect(lines[0]).toBe('  livingCircle.tiers[0] must be an object with "minutes" and "distance"');
    expect(lines.at(-1)).toBe('  and 30 more not listed');
  });

  it('says in the chosen language that a profile is not JSON', () => {
    const path = join(dir, 'not-json.json');
    writeFileSync(path, '{ "id": ');
    expect(analyze(path, ['--lang', 'zh']).stderr).toBe(`error: ${path}：规则配置不是有效的 JSON\n`);
    expect(analyze(path, ['--lang', 'en']).stderr).toBe(`error: ${path}: the profile is not valid JSON\n`);
  });
});
