// What a person is told when a rule profile read from a file is not usable: one sentence per
// problem, each naming the field it is about ("livingCircle.tiers[1].distance"). Field paths and
// values from the file stay as they are in both languages: they are what the person searches for.
export const PROFILE_PROBLEM_MESSAGES = {
  'profile.problem.notObject': { zh: '规则配置必须是一个 JSON 对象', en: 'a profile must be a JSON object' },
  'profile.problem.noProfileId': { zh: '规则配置缺少 "id"', en: 'profile has no "id"' },
  'profile.problem.profileText': {
    zh: '规则配置的 "{field}" 需要 "zh" 和 "en" 两种文字',
    en: 'profile "{field}" needs "zh" and "en"',
  },
  'profile.problem.noCommunityTypes': {
    zh: '规则配置的 "communityTypes" 至少需要一项',
    en: 'profile needs at least one entry in "communityTypes"',
  },
  'profile.problem.mustBeObject': { zh: '{where} 必须是一个对象', en: '{where} must be an object' },
  'profile.problem.noId': { zh: '{where} 缺少 "id"', en: '{where} has no "id"' },
  'profile.problem.idTwice': { zh: '{where}：id "{id}" 用了两次', en: '{where}: the id "{id}" is used twice' },
  'profile.problem.text': { zh: '{where} 需要 "zh" 和 "en" 两种文字', en: '{where} needs "zh" and "en"' },
  'profile.problem.band': {
    zh: '{where}（"{id}"）需要数字 0 ≤ min ≤ max',
    en: '{where} ("{id}") needs numbers 0 ≤ min ≤ max',
  },
  'profile.problem.defaultType': {
    zh: '"defaultCommunityType"（{value}）不是任何一种社区类型',
    en: '"defaultCommunityType" ({value}) is none of the community types',
  },
  'profile.problem.gridBand': {
    zh: '规则配置的 "grid" 需要数字 0 ≤ min ≤ max',
    en: 'profile "grid" needs numbers 0 ≤ min ≤ max',
  },
  'profile.problem.noRequirements': {
    zh: '规则配置需要一个 "facilityRequirements" 数组',
    en: 'profile needs a "facilityRequirements" array',
  },
  'profile.problem.jurisdictions': {
    zh: '规则配置的 "jurisdictions" 必须是地名的列表，每个地名带 "zh" 和 "en"',
    en: 'profile "jurisdictions" must be a list of place names, each with "zh" and "en"',
  },
  'profile.problem.noTiers': { zh: '规则配置缺少 "livingCircle.tiers"', en: 'profile needs "livingCircle.tiers"' },
  'profile.problem.emptyTiers': {
    zh: '"livingCircle.tiers" 至少需要一个层级',
    en: '"livingCircle.tiers" needs at least one tier',
  },
  'profile.problem.tierObject': {
    zh: '{where} 必须是带 "minutes" 和 "distance" 的对象',
    en: '{where} must be an object with "minutes" and "distance"',
  },
  'profile.problem.tierMinutes': { zh: '{where}.minutes 必须是正数', en: '{where}.minutes must be a positive number' },
  'profile.problem.tierDistance': {
    zh: '{where}.distance 必须是正数（米）',
    en: '{where}.distance must be a positive number of metres',
  },
  'profile.problem.speed': {
    zh: '"livingCircle.{field}" 必须是正数（米/分钟）',
    en: '"livingCircle.{field}" must be a positive number (m/min)',
  },
  'profile.problem.categories': {
    zh: '{where}.categories 至少要列出一个设施类别',
    en: '{where}.categories must list at least one facility category',
  },
  'profile.problem.within': {
    zh: '{where}.within 必须是 "inside" 或正的距离（米），而不是 {value}',
    en: '{where}.within must be "inside" or a positive distance in metres, not {value}',
  },
  'profile.problem.share': {
    zh: '{where}.share 必须是 0 到 1 之间的数',
    en: '{where}.share must be a number from 0 to 1',
  },
  'profile.problem.severity': {
    zh: '{where}.severity 必须是 "error"、"warning" 或 "info"，而不是 {value}',
    en: '{where}.severity must be "error", "warning" or "info", not {value}',
  },
  'profile.problem.serviceAreaObject': {
    zh: '规则配置的 "serviceArea" 必须是一个对象',
    en: 'profile "serviceArea" must be an object',
  },
  'profile.problem.perHundred': {
    zh: '"serviceArea.perHundredHouseholds" 必须是 ≥ 0 的数（每百户平方米）',
    en: '"serviceArea.perHundredHouseholds" must be a number ≥ 0 (m² per 100 households)',
  },
  'profile.problem.minimumArea': {
    zh: '"serviceArea.minimum" 必须是 ≥ 0 的数（平方米）',
    en: '"serviceArea.minimum" must be a number ≥ 0 (m²)',
  },
  'profile.problem.serviceCategories': {
    zh: '"serviceArea.categories" 必须是设施类别的列表',
    en: '"serviceArea.categories" must be a list of facility categories',
  },
  'profile.problem.noSource': {
    zh: '{where} 缺少 "source"（规则出自的文件和条款）',
    en: '{where} has no "source" (the document and clause the rule comes from)',
  },
  'profile.problem.noDocument': { zh: '{where}.source 缺少 "document"', en: '{where}.source has no "document"' },
  'profile.problem.noClause': { zh: '{where}.source 缺少 "clause"', en: '{where}.source has no "clause"' },
  'profile.problem.ruleIdText': { zh: '{where}.source.ruleId 必须是文字', en: '{where}.source.ruleId must be text' },
  'profile.problem.unreadable': {
    zh: '规则配置在 {where} 含有无法读取的文字（"�"）：请将文件另存为 UTF-8 后重新载入',
    en: 'the profile holds "�" where text could not be read, at {where}: save the file as UTF-8 and load it again',
  },
  'profile.problem.unreadableMore': {
    zh: '规则配置在 {where} 等 {count} 处含有无法读取的文字（"�"）：请将文件另存为 UTF-8 后重新载入',
    en: 'the profile holds "�" where text could not be read, at {where} and {count} more fields: save the file as UTF-8 and load it again',
  },
  'profile.notJson': { zh: '{file}：规则配置不是有效的 JSON', en: '{file}: the profile is not valid JSON' },
} as const;
