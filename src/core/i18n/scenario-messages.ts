// The words of scenarios, their comparison on the map, presentation mode and saved views.
export const SCENARIO_MESSAGES = {
  'scenario.present': { zh: '现状', en: 'Present layout' },
  'scenario.proposal': { zh: '方案{n}', en: 'Proposal {n}' },
  'scenario.bar': { zh: '方案', en: 'Scenarios' },
  'scenario.duplicate': { zh: '复制为新方案', en: 'Duplicate' },
  'scenario.duplicateTitle': {
    zh: '复制当前方案（社区、网格、设施），共用住户、道路和街坊',
    en: 'Copy this scenario (communities, grids, facilities); households, roads and blocks are shared',
  },
  'scenario.rename': { zh: '重命名', en: 'Rename' },
  'scenario.renamePrompt': { zh: '方案名称', en: 'Scenario name' },
  'scenario.delete': { zh: '删除方案', en: 'Delete scenario' },
  'scenario.confirmDelete': {
    zh: '删除方案“{name}”？它的社区、网格、设施和撤销记录将被删除，其他方案不受影响。',
    en: 'Delete the scenario "{name}"? Its communities, grids, facilities and undo history go; the other scenarios stay as they are.',
  },
  'scenario.deleted': { zh: '已删除方案“{name}”', en: 'Deleted the scenario "{name}"' },
  'scenario.compare': { zh: '对比…', en: 'Compare…' },
  'scenario.compareTitle': { zh: '并排比较两个方案', en: 'Compare two scenarios side by side' },
  'scenario.save': { zh: '保存', en: 'Save' },
  'scenario.switchTo': { zh: '切换到“{name}”', en: 'Switch to "{name}"' },
  'scenario.communitiesCount': { zh: '{n} 个社区', en: '{n} communities' },
  'io.where.scenario': { zh: '第 {n} 个方案', en: 'scenario {n}' },
  'io.project.scenariosNotList': { zh: '方案不是列表', en: 'the scenarios are not a list' },
  'io.project.scenarioCount': {
    zh: '有 {count} 个方案（应为 1 到 {max} 个）',
    en: 'has {count} scenarios (1 to {max} are allowed)',
  },
  'io.project.scenarioActive': {
    zh: '当前方案的序号 {active} 不在方案列表中',
    en: 'the active scenario number {active} is not in the list',
  },
  'io.project.scenarioNotObject': { zh: '不是一个方案', en: 'is not a scenario' },
} as const;
