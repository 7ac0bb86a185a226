import { describe, expect, it } from 'vitest';
import { bandStatus, evaluateCommunitySize, evaluateGridSize, summarize } from './size-rules';
import { builtInProfile } from './profiles';
import type { AreaUnit } from './model';

const unit = (id: string, communityType?: string): AreaUnit => ({
  id,
  kind: 'community',
  name: id,
  communityType,
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {},
});

describe('size bands', () => {
  it('classifies values against an inclusive band with the distance to it', () => {
    expect(bandStatus(1999, 2000, 3000)).toEqual({ status: 'below', distance: -1 });
    expect(bandStatus(2000, 2000, 3000)).toEqual({ status: 'within', distance: 0 });
    expect(bandStatus(3000, 2000, 3000)).toEqual({ status: 'within', distance: 0 });
    expect(bandStatus(3340, 2000, 3000)).toEqual({ status: 'above', distance: 340 });
  });

  it('uses the band of the community type from the profile and cites its clause', () => {
    const js = builtInProfile('jiangsu-2011')!;
    const urban = evaluateCommunitySize(unit('C1', 'urban'), 1200, 3, js);
    expect(urban.band).toMatchObject({ min: 2000, max: 3000, status: 'below' });
    expect(urban.flags).toHaveLength(1);
    expect(urban.flags[0]).toMatchObject({ code: 'size.below-band', measured: 1200, limit: [2000, 3000] });
    expect(urban.flags[0]!.source.ruleId).toBe('J1');
    expect(urban.flags[0]!.source.clause).toContain('(十三)');
    expect(urban.flags[0]!.message.zh).toContain('1,200');
    const rural = evaluateCommunitySize(unit('C2', 'rural'), 1200, 3, js);
    expect(rural.band?.status).toBe('within');
    expect(rural.flags).toHaveLength(0);
    expect(rural.band).toMatchObject({ min: 1000, max: 1500 });
  });

  it('falls back to the profile default type for unknown types', () => {
    const cd = builtInProfile('chengdu-2002')!;
    const r = evaluateCommunitySize(unit('C3', 'no-such-type'), 900, 1, cd);
    expect(r.band).toMatchObject({ min: 1000, max: 3000, status: 'below' });
    expect(r.flags[0]!.source.ruleId).toBe('C1');
  });

  it('Yizheng town communities follow the urban 2,000–3,000 band (Y1)', () => {
    const yz = builtInProfile('yizheng-2013')!;
    const r = evaluateCommunitySize(unit('T1', 'town'), 3500, 1, yz);
    expect(r.band).toMatchObject({ min: 2000, max: 3000, status: 'above', distance: 500 });
    expect(r.flags[0]!.source.ruleId).toBe('Y1');
  });

  it('flags grids outside the grid band', () => {
    const js = builtInProfile('jiangsu-2011')!;
    const g = evaluateGridSize({ ...unit('G1'), kind: 'grid' }, 800, 2, js);
    expect(g.flags[0]).toMatchObject({ code: 'grid.above-band', measured: 800, limit: [100, 500] });
  });

  it('says when one household point alone is above the band max, so no boundary edit can help', () => {
    const js = builtInProfile('jiangsu-2011')!;
    // 中远两湾城 in the demo: one compound point of 11,927 households in a 13,221-household community.
    const r = evaluateCommunitySize(unit('C019', 'urban'), 13221, 3, js, { households: 11927, name: '中远两湾城' });
    expect(r.flags.map((f) => f.code)).toEqual(['size.above-band', 'size.indivisible-above-band']);
    const flag = r.flags[1]!;
    expect(flag).toMatchObject({ severity: 'info', measured: 11927, limit: 3000, subjectIds: ['C019'] });
    expect(flag.source.ruleId).toBe('J1');
    expect(flag.message.zh).toContain('中远两湾城');
    expect(flag.message.zh).toContain('11,927');
    expect(flag.message.zh).toContain('须将该小区本身划分为多个社区');
    expect(flag.message.zh).toMatch(/^社区 C019/);
    expect(flag.message.en).toMatch(
      /^Community C019.*"中远两湾城", alone holds 11,927 households.*divided into several communities/,
    );

    // A big point that still fits the band max leaves the community divisible by boundaries.
    const divisible = evaluateCommunitySize(unit('C2', 'urban'), 5000, 2, js, { households: 3000, name: 'A' });
    expect(divisible.flags.map((f) => f.code)).toEqual(['size.above-band']);
    // Rural max is 1,500: the same point is indivisible there, and a nameless point is described as such.
    const rural = evaluateCommunitySize(unit('C3', 'rural'), 2000, 2, js, { households: 1600, name: null });
    expect(rural.flags[1]).toMatchObject({ code: 'size.indivisible-above-band', measured: 1600, limit: 1500 });
    expect(rural.flags[1]!.message.en).toContain('one household point alone holds 1,600');
    // Within band nothing extra is said, whatever the point.
    expect(evaluateCommunitySize(unit('C4', 'urban'), 2500, 1, js, { households: 2500, name: 'B' }).flags).toEqual([]);
  });

  it('summarizes compliance as communities in band over all', () => {
    const js = builtInProfile('jiangsu-2011')!;
    const results = [2500, 2100, 900, 5000].map((h, i) => evaluateCommunitySize(unit('C' + i), h, 1, js));
    expect(summarize(results)).toEqual({
      communityCount: 4,
      withinBand: 2,
      belowBand: 1,
      aboveBand: 1,
      complianceRate: 0.5,
    });
  });
});
