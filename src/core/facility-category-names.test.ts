// Other spellings of the project's facility categories, and what a layer's categories become
// under a profile's rules (issue 12: the bureau's elderly-care counted for no rule).
import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORIES } from './facility-categories';
import { categoryForSpelling, profileCategories, reconcileCategories } from './facility-category-names';
import { BUILT_IN_PROFILES } from './profiles';

describe('categoryForSpelling', () => {
  it.each([
    ['养老服务', 'elderly-service'],
    ['elderly-care', 'elderly-service'],
    ['Elderly_Care ', 'elderly-service'],
    ['日间照料中心', 'elderly-service'],
    ['幼儿园', 'kindergarten'],
    ['卫生服务站', 'community-health-centre'],
    ['社区卫生服务中心', 'community-health-centre'],
    ['Community health centre', 'community-health-centre'],
    ['居委会', 'residents-committee'],
    ['KINDERGARTEN', 'kindergarten'],
    ['菜市场', 'market'],
    ['农贸市场', 'market'],
  ])('reads %j as %s', (spelling, id) => expect(categoryForSpelling(spelling)).toBe(id));

  it('knows every category by its id and by each of its names', () => {
    for (const c of FACILITY_CATEGORIES) {
      expect(categoryForSpelling(c.id)).toBe(c.id);
      expect(categoryForSpelling(c.name.en)).toBe(c.id);
      for (const zh of c.name.zh.split('/')) expect(categoryForSpelling(zh)).toBe(c.id);
    }
  });

  it('maps nothing that is not the same facility, nor an inherited key', () => {
    for (const other of ['养老院', '超市', 'xyz', '', '__proto__', 'constructor', 'toString'])
      expect(categoryForSpelling(other)).toBeUndefined();
  });

  it('gives every profile category a spelling of its own', () => {
    for (const p of BUILT_IN_PROFILES)
      for (const c of profileCategories(p)) expect(categoryForSpelling(c), `${p.id}: ${c}`).toBe(c);
  });
});

describe('reconcileCategories', () => {
  it('maps other spellings, keeps what is known, counts the unknown', () => {
    const r = reconcileCategories(
      ['elderly-care', '养老服务', 'elderly-care', 'metro', 'xyz', 'xyz', '__proto__', 'kindergarten'],
      ['kindergarten', 'elderly-service'],
    );
    expect(r.categories).toEqual([
      'elderly-service',
      'elderly-service',
      'elderly-service',
      'metro',
      'xyz',
      'xyz',
      '__proto__',
      'kindergarten',
    ]);
    expect([...r.mapped]).toEqual([
      ['elderly-care', { to: 'elderly-service', count: 2 }],
      ['养老服务', { to: 'elderly-service', count: 1 }],
    ]);
    expect([...r.unknown]).toEqual([
      ['xyz', 2],
      ['__proto__', 1],
    ]);
  });

  it("keeps a category the rules name themselves, even one spelled like another's", () => {
    const r = reconcileCategories(['elderly-care', '菜市场'], ['elderly-care', '菜市场']);
    expect(r.categories).toEqual(['elderly-care', '菜市场']);
    expect(r.mapped.size + r.unknown.size).toBe(0);
  });
});
