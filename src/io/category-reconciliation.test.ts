// A facility layer's categories through the one importer: other spellings matched to the
// project's categories with a warning saying so, categories no rule counts named with their
// counts in one line, in both languages, and the file's own value kept in the properties.
import { describe, expect, it } from 'vitest';
import { profileCategories } from '../core/facility-category-names';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { importLayer } from './index';
import { inEnglish } from './problems.testing';

function points(categories: (string | undefined)[]): Uint8Array {
  const features = categories.map((category, i) => ({
    type: 'Feature',
    properties: { name: `设施${i + 1}`, ...(category === undefined ? {} : { category }) },
    geometry: { type: 'Point', coordinates: [119.1 + i / 1000, 32.2] },
  }));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

const RULES = profileCategories(builtInProfile(DEFAULT_PROFILE_ID)!);

async function facilities(categories: (string | undefined)[], ruleCategories: readonly string[] = RULES) {
  const r = await importLayer(points(categories), 'f.geojson', { role: 'facilities', ruleCategories });
  if (!r.ok || r.layer.role !== 'facilities') throw new Error(JSON.stringify(!r.ok && inEnglish(r.problems)));
  return { facilities: r.layer.facilities, warnings: r.warnings };
}

describe('facility categories at import', () => {
  it('matches other spellings to the rules’ categories and says which', async () => {
    const { facilities: f, warnings } = await facilities(['elderly-care', '养老服务', 'elderly-care', 'kindergarten']);
    expect(f.map((x) => x.category)).toEqual(['elderly-service', 'elderly-service', 'elderly-service', 'kindergarten']);
    expect(f[1]!.properties['category']).toBe('养老服务');
    expect(warnings.map((w) => w.message)).toEqual([
      {
        zh: "设施类别已对应到规则中的类别：'elderly-care' → 老年服务站（elderly-service，2 处）、'养老服务' → 老年服务站（elderly-service，1 处）",
        en: "facility categories matched to the rules' categories: 'elderly-care' → Elderly service station (elderly-service, 2), '养老服务' → Elderly service station (elderly-service, 1)",
      },
    ]);
  });

  it('keeps an unknown category as it is, with one line naming it and its count', async () => {
    const { facilities: f, warnings } = await facilities(['xyz', 'xyz', 'xyz', 'clinic']);
    expect(f.map((x) => x.category)).toEqual(['xyz', 'xyz', 'xyz', 'clinic']);
    expect(warnings.map((w) => w.message)).toEqual([
      {
        zh: "3 处设施的类别 'xyz' 不在当前规则中，不计入任何设施要求",
        en: "3 facilities have the category 'xyz', which is not in the current rules: they count for no facility requirement",
      },
    ]);
  });

  it('lists several unknown categories in one line, the first ten, keys from the file in a Map', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `kind-${i + 1}`);
    const { warnings } = await facilities(['__proto__', '__proto__', '超市', ...many, undefined]);
    const english = inEnglish(warnings).map((w) => w.message);
    expect(english).toEqual([
      "1 facility has no 'category' or 'type' property; it was given the category 'other'",
      "these facility categories are not in the current rules and count for no facility requirement: '__proto__' (2), '超市' (1), 'kind-1' (1), 'kind-2' (1), 'kind-3' (1), 'kind-4' (1), 'kind-5' (1), 'kind-6' (1), 'kind-7' (1), 'kind-8' (1), 4 more categories",
    ]);
    expect(warnings[1]!.message.zh).toMatch(
      /^这些设施类别不在当前规则中，不计入任何设施要求：'__proto__'（2 处）、'超市'（1 处）、.*、另有 4 个类别$/,
    );
  });

  it('says nothing when every category is the rules’ own or the project’s', async () => {
    expect((await facilities(['kindergarten', 'metro', 'bus-stop'])).warnings).toEqual([]);
  });

  it('keeps a category the active rules name themselves, spelled as they spell it', async () => {
    const { facilities: f, warnings } = await facilities(['elderly-care'], ['elderly-care']);
    expect(f[0]!.category).toBe('elderly-care');
    expect(warnings).toEqual([]);
  });
});
