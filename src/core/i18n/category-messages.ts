// What the importer says about a facility layer's categories: which spellings it matched to the
// project's categories, and which categories no rule of the active profile counts.
export const CATEGORY_MESSAGES = {
  'io.category.mapped': {
    zh: '设施类别已对应到规则中的类别：{list}',
    en: "facility categories matched to the rules' categories: {list}",
  },
  'io.category.mappedItem': { zh: '{from} → {name}（{id}，{count} 处）', en: '{from} → {name} ({id}, {count})' },
  'io.category.unknownOne': {
    zh: '{count} 处设施的类别 {category} 不在当前规则中，不计入任何设施要求',
    en: '{count} facilities have the category {category}, which is not in the current rules: they count for no facility requirement',
  },
  'io.category.unknownSingle': {
    zh: '1 处设施的类别 {category} 不在当前规则中，不计入任何设施要求',
    en: '1 facility has the category {category}, which is not in the current rules: it counts for no facility requirement',
  },
  'io.category.unknownMany': {
    zh: '这些设施类别不在当前规则中，不计入任何设施要求：{list}',
    en: 'these facility categories are not in the current rules and count for no facility requirement: {list}',
  },
  'io.category.unknownItem': { zh: '{category}（{count} 处）', en: '{category} ({count})' },
  'io.category.more': { zh: '另有 {count} 个类别', en: '{count} more categories' },
} as const;
