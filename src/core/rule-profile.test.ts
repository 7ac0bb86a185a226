// Hostile rule profiles (issue: "never hurt by a file"): each one crashed the analysis with
// "Cannot read properties of null" or was used as given. Every one must be refused with a problem
// naming the field, and the built-in profiles must pass.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, builtInProfile, DEFAULT_PROFILE_ID } from './profiles';
import { profileProblems, validateProfile, type RuleProfile } from './rule-profile';

const base = (): RuleProfile => structuredClone(builtInProfile(DEFAULT_PROFILE_ID)!);

function withChange(change: (p: RuleProfile) => void): unknown {
  const p = base();
  change(p);
  return p;
}

/** A value of the wrong type, put where a hostile file puts it. */
const bad = (v: unknown) => v as never;

describe('validateProfile', () => {
  it('passes every built-in profile', () => {
    for (const p of BUILT_IN_PROFILES) expect(validateProfile(p)).toEqual([]);
  });

  const cases: [string, (p: RuleProfile) => void, string][] = [
    ['a null community type', (p) => (p.communityTypes[0] = bad(null)), 'communityTypes[0] must be an object'],
    [
      'a null tier',
      (p) => (p.livingCircle.tiers[1] = bad(null)),
      'livingCircle.tiers[1] must be an object with "minutes" and "distance"',
    ],
    ['an empty requirement', (p) => (p.facilityRequirements[0] = bad({})), 'facilityRequirements[0] has no "id"'],
    [
      'a grid band with no source',
      (p) => delete (p.grid as Partial<RuleProfile['grid']>).source,
      'grid has no "source" (the document and clause the rule comes from)',
    ],
    [
      'a negative tier distance',
      (p) => (p.livingCircle.tiers[0]!.distance = -300),
      'livingCircle.tiers[0].distance must be a positive number of metres',
    ],
    [
      'a NaN tier distance (null in JSON)',
      (p) => (p.livingCircle.tiers[2]!.distance = bad(null)),
      'livingCircle.tiers[2].distance must be a positive number of metres',
    ],
    [
      'a requirement within "somewhere"',
      (p) => (p.facilityRequirements[0]!.within = bad('somewhere')),
      'facilityRequirements[0].within must be "inside" or a positive distance in metres, not "somewhere"',
    ],
    [
      'a severity no one knows',
      (p) => (p.facilityRequirements[0]!.severity = bad('fatal')),
      'facilityRequirements[0].severity must be "error", "warning" or "info", not "fatal"',
    ],
    [
      'a band upside down',
      (p) => ((p.communityTypes[0]!.min = 5000), (p.communityTypes[0]!.max = 1000)),
      'needs numbers 0 ≤ min ≤ max',
    ],
    [
      'a default type that does not exist',
      (p) => (p.defaultCommunityType = 'nowhere'),
      '"defaultCommunityType" ("nowhere") is none of the community types',
    ],
    [
      'a requirement with no categories',
      (p) => (p.facilityRequirements[0]!.categories = []),
      'facilityRequirements[0].categories must list at least one facility category',
    ],
    [
      'a share above 1',
      (p) => (p.facilityRequirements[0]!.share = 80),
      'facilityRequirements[0].share must be a number from 0 to 1',
    ],
    [
      'a zero walking speed',
      (p) => (p.livingCircle.walkingSpeed = 0),
      '"livingCircle.walkingSpeed" must be a positive number (m/min)',
    ],
    ['no tiers at all', (p) => (p.livingCircle.tiers = []), '"livingCircle.tiers" needs at least one tier'],
    [
      'a source without its document',
      (p) => (p.communityTypes[0]!.source = bad({ clause: '(十三)' })),
      'communityTypes[0].source has no "document"',
    ],
  ];
  for (const [what, change, expected] of cases)
    it(`refuses ${what}, naming the field`, () => {
      const problems = validateProfile(withChange(change));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.some((m) => m.includes(expected))).toBe(true);
    });

  it('refuses a GBK file read as UTF-8, whose citations turned into �', () => {
    const p = base();
    const gbk = new TextEncoder().encode(JSON.stringify(p)); // stands for the bytes on disk …
    const text = new TextDecoder('utf-8').decode(
      // … re-encoded the way a GBK editor saves them: every Chinese character becomes bytes UTF-8 cannot read.
      new Uint8Array([...gbk].map((b) => (b >= 0x80 ? 0xb5 : b))),
    );
    expect(validateProfile(JSON.parse(text))).toEqual([
      'the profile holds "�" where text could not be read, at name.zh and 63 more fields: save the file as UTF-8 and load it again',
    ]);
  });

  it('names the unreadable field even beside other problems, in both languages', () => {
    const p = withChange((q) => {
      q.grid.source.document = 'GB 50180\uFFFD\uFFFD';
      q.facilityRequirements[0]!.severity = bad('fatal');
    });
    const problems = profileProblems(p);
    expect(problems.map((m) => m.en)).toEqual([
      'facilityRequirements[0].severity must be "error", "warning" or "info", not "fatal"',
      'the profile holds "�" where text could not be read, at grid.source.document: save the file as UTF-8 and load it again',
    ]);
    expect(problems[1]!.zh).toBe(
      '规则配置在 grid.source.document 含有无法读取的文字（"�"）：请将文件另存为 UTF-8 后重新载入',
    );
  });

  it('quotes a hostile value shortened, not whole', () => {
    const [problem] = validateProfile(
      withChange((q) => (q.facilityRequirements[0]!.within = bad('x'.repeat(100_000)))),
    );
    expect(problem).toBe(
      `facilityRequirements[0].within must be "inside" or a positive distance in metres, not "${'x'.repeat(39)}…`,
    );
  });

  it('refuses what is not a profile at all', () => {
    expect(validateProfile(null)).toEqual(['a profile must be a JSON object']);
    expect(validateProfile([])).toEqual(['a profile must be a JSON object']);
    expect(validateProfile({}).length).toBeGreaterThan(3);
  });
});
