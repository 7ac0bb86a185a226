import { describe, expect, it } from 'vitest';
import { buildPlanTables, facilityGaps, listFlags, type TableSheet } from './plan-table';
import { handPlan, SCRIPT_NAME } from './report/hand-plan.testing';
import type { RuleProfile } from './rule-profile';

const sheet = (id: TableSheet['id'], language: 'zh' | 'en' = 'zh') =>
  buildPlanTables(handPlan({ language })).sheets.find((s) => s.id === id)!;
const column = (s: TableSheet, name: string) => {
  const i = s.columns.indexOf(name);
  expect(i, `column ${name} in ${s.columns.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return s.rows.map((r) => r[i]);
};

/** The hand plan with its kindergarten requirement moved to another distance. */
function kindergartenAt(within: number): RuleProfile {
  const base = handPlan().profile;
  return {
    ...base,
    facilityRequirements: base.facilityRequirements.map((r) =>
      r.id === 'complete-kindergarten' ? { ...r, within } : r,
    ),
  };
}

describe('plan tables', () => {
  it('lists every sheet, named in the language', () => {
    expect(buildPlanTables(handPlan()).sheets.map((s) => [s.id, s.name])).toEqual([
      ['communities', '社区'],
      ['grids', '网格'],
      ['flags', '问题清单'],
      ['coverage', '生活圈覆盖'],
      ['gaps', '设施缺口'],
    ]);
    expect(buildPlanTables(handPlan({ language: 'en' })).sheets.map((s) => s.name)).toEqual([
      'Communities',
      'Grids',
      'Flags',
      'Coverage',
      'Facility gaps',
    ]);
  });

  it('gives each community its counted households, band, status and coverage shares', () => {
    const s = sheet('communities');
    expect(s.rows.length).toBe(2);
    expect(column(s, '编号')).toEqual(['A', 'B']);
    expect(column(s, '名称')).toEqual(['南京东路社区', SCRIPT_NAME]);
    expect(column(s, '户数')).toEqual([2200, 500]);
    expect(column(s, '住户点数')).toEqual([4, 1]);
    expect(column(s, '规模下限（户）')).toEqual([2000, 2000]);
    expect(column(s, '规模状态')).toEqual(['符合标准', '低于下限']);
    expect(column(s, '距标准（户）')).toEqual([0, -1500]);
    // 1,200 of A's 2,200 households are within 300 m of the kindergarten, 1,800 within 500 m.
    expect(column(s, '幼儿园 ≤300 m')).toEqual([0.5455, 0]);
    expect(column(s, '幼儿园 ≤500 m')).toEqual([0.8182, 0]);
    expect(column(s, '诊所 ≤1000 m')).toEqual([0, 1]);
    expect(s.formats?.[s.columns.indexOf('幼儿园 ≤300 m')]).toBe('share');
    // Topology flags passed in join the community's own.
    expect(String(column(s, '问题代码')[1])).toMatch(/^size\.below-band, .*topology\.overlap$/);
    expect(String(column(s, '问题说明')[1])).toContain('户数 500 低于规模下限（2,000–3,000 户）; ');
  });

  it('uses English words and messages in English', () => {
    const s = sheet('communities', 'en');
    expect(column(s, 'Band status')).toEqual(['Within band', 'Below band']);
    expect(column(s, 'Community type')).toEqual(['Urban community', 'Urban community']);
    expect(String(column(s, 'Flag messages')[1])).toContain('has 500 households, below the band of 2,000–3,000');
    expect(s.columns).toContain('Kindergarten ≤300 m');
  });

  it('gives each grid its community and band', () => {
    const s = sheet('grids');
    expect(s.rows).toEqual([
      [
        'G1',
        expect.stringMatching(/^=HYPERLINK/),
        'A',
        '南京东路社区',
        1200,
        1,
        100,
        500,
        '超过上限',
        700,
        'grid.above-band',
        expect.stringContaining('户数 1,200 超过网格规模'),
      ],
    ]);
  });

  it('lists every flag once with its citation, plan-level and extra ones included', () => {
    const input = handPlan();
    const s = sheet('flags');
    const own =
      input.analysis.communities.flatMap((r) => r.flags).length + input.analysis.grids.flatMap((r) => r.flags).length;
    // Plan flags (unassigned, outside grids) + unit flags + the overlap (listed under A and B, once) + the gap.
    expect(s.rows.length).toBe(input.analysis.flags.length + own + 2);
    expect(listFlags(input).length).toBe(s.rows.length);
    const codes = column(s, '代码');
    expect(codes.filter((c) => c === 'topology.overlap').length).toBe(1);
    const unassigned = s.rows[codes.indexOf('plan.unassigned-households')]!;
    expect(unassigned.slice(0, 2)).toEqual(['plan', '全区']);
    expect(unassigned[s.columns.indexOf('实测值')]).toBe(50);
    const overlap = s.rows[codes.indexOf('topology.overlap')]!;
    expect(overlap.slice(0, 2)).toEqual(['A, B', `南京东路社区, ${SCRIPT_NAME}`]);
    const below = s.rows[codes.indexOf('size.below-band')]!;
    expect(below.slice(5)).toEqual([
      500,
      '2000–3000',
      'J1',
      '江苏 苏发〔2011〕15号 《关于加强城乡社区建设的意见》',
      '(十三) 优化社区布局规模：城市2000-3000户',
    ]);
    for (const row of s.rows) for (const i of [7, 8, 9]) expect(String(row[i]).length).toBeGreaterThan(0);
    expect(column(s, '对象编号')).toContain('gap-1');
  });

  it('gives the share of all households per category and tier', () => {
    const s = sheet('coverage');
    // All 2,750 households: 1,200 within 300 m of the kindergarten, 1,800 within 500, 2,100 within 1,000.
    expect(s.rows).toEqual([
      ['clinic', '诊所', 300, 5, 0.1818],
      ['clinic', '诊所', 500, 10, 0.1818],
      ['clinic', '诊所', 1000, 15, 0.1818],
      ['kindergarten', '幼儿园', 300, 5, 0.4364],
      ['kindergarten', '幼儿园', 500, 10, 0.6545],
      ['kindergarten', '幼儿园', 1000, 15, 0.7636],
    ]);
  });
});

describe('facility gaps', () => {
  it('counts households not reached at the distance of the category rule', () => {
    const gaps = facilityGaps(handPlan());
    const brief = gaps.map((g) => [
      g.communityId,
      g.category,
      g.requirementId ?? null,
      g.distance,
      g.measuredAt,
      g.households,
      g.notReached,
      g.share,
    ]);
    expect(brief).toEqual([
      // No distance rule names clinics: the largest tier, 1,000 m. None of A's points is that close.
      ['A', 'clinic', null, 1000, 1000, 2200, 2200, 1],
      // complete-kindergarten: 300 m. 1,200 of 2,200 reached, 1,000 not.
      ['A', 'kindergarten', 'complete-kindergarten', 300, 300, 2200, 1000, 0.4545],
      ['B', 'clinic', null, 1000, 1000, 500, 0, 0],
      ['B', 'kindergarten', 'complete-kindergarten', 300, 300, 500, 500, 1],
    ]);
    expect(gaps[1]!.categoryName).toBe('幼儿园');
    expect(gaps[3]!.communityName).toBe(SCRIPT_NAME);
  });

  it('reads the nearest lower computed distance when the rule distance was not computed, and says so', () => {
    const input = handPlan({ profile: kindergartenAt(800) });
    const a = facilityGaps(input).find((g) => g.communityId === 'A' && g.category === 'kindergarten')!;
    // 800 m is not a tier; at 500 m 1,800 of 2,200 are reached: 400 not.
    expect([a.distance, a.measuredAt, a.notReached]).toEqual([800, 500, 400]);
    const s = buildPlanTables(input).sheets.find((x) => x.id === 'gaps')!;
    const row = s.rows.find((r) => r[0] === 'A' && r[2] === 'kindergarten')!;
    expect(row[s.columns.indexOf('备注')]).toContain('按 500 m 测算');
    expect(s.rows.find((r) => r[0] === 'A' && r[2] === 'clinic')![s.columns.indexOf('备注')]).toBeNull();
  });

  it('falls back to the smallest distance when the rule asks for less than any computed', () => {
    const a = facilityGaps(handPlan({ profile: kindergartenAt(100), language: 'en' })).find(
      (g) => g.communityId === 'A' && g.category === 'kindergarten',
    )!;
    expect([a.distance, a.measuredAt, a.notReached]).toEqual([100, 300, 1000]);
  });

  it('is empty without coverage', () => {
    const input = handPlan();
    const { coverage: _dropped, ...analysis } = input.analysis;
    expect(facilityGaps({ ...input, analysis })).toEqual([]);
    const tables = buildPlanTables({ ...input, analysis });
    expect(tables.sheets.find((s) => s.id === 'coverage')!.rows).toEqual([]);
    expect(tables.sheets.find((s) => s.id === 'communities')!.columns.length).toBe(11);
  });

  it('reads no inherited member for a community id such as "constructor"', () => {
    const input = handPlan();
    const unit = { ...input.communities[0]!, id: 'constructor' };
    const gaps = facilityGaps({ ...input, communities: [unit] });
    expect(gaps).toEqual([]);
    const s = buildPlanTables({ ...input, communities: [unit] }).sheets[0]!;
    expect(s.rows[0]!.slice(11)).toEqual([null, null, null, null, null, null]);
  });
});
