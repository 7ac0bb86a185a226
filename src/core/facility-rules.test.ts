import { describe, expect, it } from 'vitest';
import { evaluateFacilityRequirements, requiredServiceArea } from './facility-rules';
import { builtInProfile } from './profiles';
import type { AreaUnit, Facility } from './model';

const unit: AreaUnit = {
  id: 'C1',
  kind: 'community',
  name: '测试',
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {},
};
const fac = (category: string, floorArea?: number): Facility => ({
  id: category,
  name: category,
  category,
  lon: 0,
  lat: 0,
  properties: {},
  ...(floorArea !== undefined ? { floorArea } : {}),
});
const js = builtInProfile('jiangsu-2011')!;

describe('facility requirements', () => {
  it('flags each missing 一委一居一站一办 facility and the culture room, citing J5/J6', () => {
    const flags = evaluateFacilityRequirements(js, {
      unit,
      households: 2500,
      inside: [fac('residents-committee')],
      coverage: null,
    });
    const missing = flags.filter((f) => f.code === 'facility.missing');
    expect(missing.map((f) => f.source.ruleId)).toEqual(expect.arrayContaining(['J5', 'J6']));
    expect(missing.some((f) => f.message.zh.includes('居民委员会'))).toBe(false);
    expect(missing.some((f) => f.message.zh.includes('综治办'))).toBe(true);
    expect(missing.find((f) => f.message.zh.includes('综治办'))!.message.en).toMatch(/Community C1.*comprehensive/);
  });

  it('checks walking-distance requirements against the community coverage share', () => {
    const coverage = { kindergarten: { '300': 0.95 }, nursery: { '300': 0.4 } };
    const flags = evaluateFacilityRequirements(js, { unit, households: 2500, inside: [], coverage });
    const reach = flags.filter((f) => f.code === 'facility.not-within-reach');
    expect(reach.some((f) => f.message.en.includes('nursery'))).toBe(true);
    expect(reach.some((f) => f.message.en.includes('kindergarten'))).toBe(false);
    const nursery = reach.find((f) => f.message.en.includes('nursery'))!;
    expect(nursery.measured).toBeCloseTo(40);
    expect(nursery.limit).toBe(300);
  });

  it('requires 20 m² per 100 households and at least 400 m² (J3)', () => {
    expect(requiredServiceArea(js, 1000)).toBe(400);
    expect(requiredServiceArea(js, 3000)).toBe(600);
    const small = evaluateFacilityRequirements(js, {
      unit,
      households: 3000,
      inside: [fac('community-service-station', 500)],
      coverage: null,
    });
    const f = small.find((x) => x.code === 'facility.service-area-small')!;
    expect(f).toMatchObject({ measured: 500, limit: 600, source: { ruleId: 'J3' } });
    const ok = evaluateFacilityRequirements(js, {
      unit,
      households: 3000,
      inside: [fac('community-service-station', 650)],
      coverage: null,
    });
    expect(ok.some((x) => x.code === 'facility.service-area-small')).toBe(false);
  });
});
