// Facility categories as inventories spell them. A bureau's list says 养老服务 or elderly-care
// where the rules say elderly-service; left as they are, those facilities would show raw in the
// legend and satisfy no requirement. This maps the other spellings (Chinese names, English
// names, near synonyms) onto the project's category ids, and says which categories of a layer
// no rule counts, so the importer can tell the person both. Pure: used by the importer.
import { FACILITY_CATEGORIES } from './facility-categories';
import type { RuleProfile } from './rule-profile';

/**
 * Other spellings of each category. Only names that mean the same facility: 养老院 (a care
 * home) is not a 老年服务站, and 医务室 is not a clinic anyone outside may use.
 */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['kindergarten', ['幼儿园', '幼稚园', 'preschool', 'pre-school', 'kindergarden']],
  ['nursery', ['托儿所', '托育', '托育机构', '托育中心', 'childcare', 'child-care', 'daycare', 'day-care']],
  ['primary-school', ['小学', 'primary', 'elementary-school']],
  ['middle-school', ['中学', '初中', '初级中学', 'secondary-school', 'junior-high-school']],
  [
    'community-health-centre',
    [
      '社区卫生服务中心',
      '社区卫生服务站',
      '卫生服务中心',
      '卫生服务站',
      '社区卫生站',
      'community-health-center',
      'health-centre',
      'health-center',
      'health-station',
    ],
  ],
  ['hospital', ['医院', '综合医院']],
  ['clinic', ['诊所', '门诊部']],
  ['metro', ['地铁站', '轨道交通站', 'subway', 'subway-station', 'metro-station']],
  ['bus-stop', ['公交站', '公交车站', '公交站点', 'bus-station', 'bus']],
  [
    'community-service-station',
    [
      '社区综合服务站',
      '社区服务站',
      '社区服务中心',
      '社区综合服务中心',
      'community-service-centre',
      'community-service-center',
    ],
  ],
  ['party-committee', ['社区党组织', '党组织', '社区党委', '社区党支部']],
  ['residents-committee', ['居民委员会', '居委会', '社区居委会', 'residents-committee-office']],
  ['governance-office', ['综治办', '综治中心', '社会治安综合治理办公室']],
  ['police-office', ['警务室', '社区警务室', 'police-station', 'police']],
  ['culture-room', ['文化活动室', '文化室', '文化活动中心', '文化活动站', 'culture-centre', 'cultural-room']],
  ['sports-facility', ['体育设施', '健身设施', '体育场地', '全民健身设施', 'sports', 'fitness']],
  [
    'elderly-service',
    [
      '老年服务站',
      '养老服务',
      '养老服务站',
      '养老服务中心',
      '居家养老服务站',
      '居家养老服务中心',
      '老年人日间照料中心',
      '日间照料中心',
      '为老服务站',
      'elderly-care',
      'elderly-services',
      'elder-care',
      'eldercare',
      'aged-care',
      'senior-service',
      'senior-services',
    ],
  ],
  // GB 50180-2018 lists 菜市场或生鲜超市 as one facility of the 10-minute circle.
  ['market', ['农贸市场', '菜场', '生鲜超市', '生鲜市场', 'wet-market', 'food-market', 'fresh-market']],
]);

/** "Elderly_Care " → "elderly-care", "社区卫生服务站 " → "社区卫生服务站": case, spaces and _ do not matter. */
function spellingKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Every spelling of every category, by spelling key: ids, the legend's names, then the synonyms. */
const BY_SPELLING: ReadonlyMap<string, string> = (() => {
  const spellings = new Map<string, string>();
  const add = (spelling: string, id: string) => {
    const key = spellingKey(spelling);
    if (key && !spellings.has(key)) spellings.set(key, id);
  };
  for (const c of FACILITY_CATEGORIES) {
    add(c.id, c.id);
    add(c.name.en, c.id);
    for (const name of c.name.zh.split('/')) add(name, c.id);
  }
  for (const [id, names] of SYNONYMS) for (const name of names) add(name, id);
  return spellings;
})();

/** The project category another spelling names ("养老服务" → "elderly-service"), if any. */
export function categoryForSpelling(text: string): string | undefined {
  return BY_SPELLING.get(spellingKey(text));
}

/** The facility categories a profile's rules count: its requirements' and its service area's. */
export function profileCategories(profile: Pick<RuleProfile, 'facilityRequirements' | 'serviceArea'>): string[] {
  const out = new Set<string>();
  for (const r of profile.facilityRequirements) for (const c of r.categories) out.add(c);
  for (const c of profile.serviceArea?.categories ?? []) out.add(c);
  return [...out];
}

export interface CategoryReconciliation {
  /** Each category spelled otherwise → the project's id and how many facilities had it. */
  mapped: Map<string, { to: string; count: number }>;
  /** Categories neither the rules nor the project know, with how many facilities have each. */
  unknown: Map<string, number>;
}

/**
 * Decides, for each facility's category, what it becomes: a category the rules (`ruleCategories`)
 * or the project know stays; another spelling of a project category becomes that category; the
 * rest stay as they are and are counted as unknown. Returns the categories in input order.
 */
export function reconcileCategories(
  categories: readonly string[],
  ruleCategories: readonly string[] = [],
): { categories: string[] } & CategoryReconciliation {
  const rules = new Set(ruleCategories);
  const mapped = new Map<string, { to: string; count: number }>();
  const unknown = new Map<string, number>();
  const out = categories.map((category) => {
    if (rules.has(category)) return category;
    const to = categoryForSpelling(category);
    if (to === category) return category;
    if (to !== undefined) {
      const entry = mapped.get(category);
      if (entry) entry.count++;
      else mapped.set(category, { to, count: 1 });
      return to;
    }
    unknown.set(category, (unknown.get(category) ?? 0) + 1);
    return category;
  });
  return { categories: out, mapped, unknown };
}
