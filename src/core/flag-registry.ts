// Every rule code the tool can raise, in one registry, with its bilingual message template.
// Flags are built only through makeFlag, so each carries a code, a severity, both messages,
// the measured value, the limit and the rule source it cites.
import { formatThousands } from './format-number';
import type { Flag, Message, RuleSource, Severity } from './model';

export type FlagCode =
  | 'size.below-band'
  | 'size.above-band'
  | 'grid.below-band'
  | 'grid.above-band'
  | 'plan.unassigned-households'
  | 'plan.overlap-households'
  | 'topology.overlap'
  | 'topology.gap-with-households'
  | 'topology.multi-part'
  | 'topology.grid-crosses-community'
  | 'topology.households-outside-grids'
  | 'facility.missing'
  | 'facility.not-within-reach'
  | 'facility.service-area-small';

export interface FlagParams {
  /** Display name of the subject ("社区 C012 南京东路"). */
  subject?: string;
  measured?: number;
  limit?: number | [number, number];
  /** Extra text: facility name, other community… */
  detail?: Message;
}

interface FlagDefinition {
  severity: Severity;
  message: (p: FlagParams) => Message;
}

const n = (v: number | undefined) => (v === undefined ? '?' : formatThousands(v));
const band = (l: FlagParams['limit']) => (Array.isArray(l) ? `${n(l[0])}–${n(l[1])}` : n(l));
const d = (p: FlagParams, lang: 'zh' | 'en') => (p.detail ? p.detail[lang] : '');

/** Sources of rules that do not come from the active profile. */
export const FIXED_SOURCES = {
  coverage: {
    ruleId: 'J1',
    document: '江苏 苏发〔2011〕15号',
    clause: '(十三) 构建横向到边、纵向到底的服务管理网络 — every household belongs to one community',
  },
  contiguous: {
    ruleId: 'H1',
    document: '河南 《关于城市社区居民委员会设立的指导意见(试行)》 2022',
    clause: 'boundaries follow roads, simple and contiguous',
  },
  gridNesting: {
    ruleId: 'S1',
    document: '上海 1+6 文件 (2014)',
    clause: '(二十八) 各类网格相互叠加、减少交叉 — every grid lies inside one community',
  },
  gridCoverage: {
    ruleId: 'J9',
    document: '江苏 苏发〔2011〕15号',
    clause: '(十七) 网格化管理，分片包干、责任到人',
  },
} satisfies Record<string, RuleSource>;

export const FLAG_REGISTRY: Record<FlagCode, FlagDefinition> = {
  'size.below-band': {
    severity: 'warning',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}户数 ${n(p.measured)} 低于规模下限（${band(p.limit)} 户）`,
      en: `${p.subject ?? 'Community'} has ${n(p.measured)} households, below the band of ${band(p.limit)}`,
    }),
  },
  'size.above-band': {
    severity: 'warning',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}户数 ${n(p.measured)} 超过规模上限（${band(p.limit)} 户）`,
      en: `${p.subject ?? 'Community'} has ${n(p.measured)} households, above the band of ${band(p.limit)}`,
    }),
  },
  'grid.below-band': {
    severity: 'info',
    message: (p) => ({
      zh: `${p.subject ?? '网格'}户数 ${n(p.measured)} 低于网格规模（${band(p.limit)} 户）`,
      en: `${p.subject ?? 'Grid'} has ${n(p.measured)} households, below the grid band of ${band(p.limit)}`,
    }),
  },
  'grid.above-band': {
    severity: 'info',
    message: (p) => ({
      zh: `${p.subject ?? '网格'}户数 ${n(p.measured)} 超过网格规模（${band(p.limit)} 户）`,
      en: `${p.subject ?? 'Grid'} has ${n(p.measured)} households, above the grid band of ${band(p.limit)}`,
    }),
  },
  'plan.unassigned-households': {
    severity: 'warning',
    message: (p) => ({
      zh: `${n(p.measured)} 户不属于任何社区`,
      en: `${n(p.measured)} households lie in no community`,
    }),
  },
  'plan.overlap-households': {
    severity: 'error',
    message: (p) => ({
      zh: `${n(p.measured)} 户同时位于多个社区内（社区重叠）`,
      en: `${n(p.measured)} households lie in more than one community (overlap)`,
    }),
  },
  'topology.overlap': {
    severity: 'error',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}与${d(p, 'zh') || '相邻社区'}重叠（${n(p.measured)} m²）`,
      en: `${p.subject ?? 'Community'} overlaps ${d(p, 'en') || 'a neighbour'} (${n(p.measured)} m²)`,
    }),
  },
  'topology.gap-with-households': {
    severity: 'warning',
    message: (p) => ({
      zh: `社区之间的空隙内有 ${n(p.measured)} 户`,
      en: `A gap between communities holds ${n(p.measured)} households`,
    }),
  },
  'topology.multi-part': {
    severity: 'warning',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}由 ${n(p.measured)} 个互不相连的部分组成`,
      en: `${p.subject ?? 'Community'} is made of ${n(p.measured)} separate parts`,
    }),
  },
  'topology.grid-crosses-community': {
    severity: 'error',
    message: (p) => ({
      zh: `${p.subject ?? '网格'}跨越社区边界${d(p, 'zh') ? '（' + d(p, 'zh') + '）' : ''}`,
      en: `${p.subject ?? 'Grid'} crosses a community boundary${d(p, 'en') ? ' (' + d(p, 'en') + ')' : ''}`,
    }),
  },
  'topology.households-outside-grids': {
    severity: 'info',
    message: (p) => ({
      zh: `${p.subject ? p.subject + '内' : ''}有 ${n(p.measured)} 户不在任何网格内`,
      en: `${n(p.measured)} households${p.subject ? ' in ' + p.subject : ''} lie in no grid`,
    }),
  },
  'facility.missing': {
    severity: 'warning',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}内缺少${d(p, 'zh')}`,
      en: `${p.subject ?? 'Community'} has no ${d(p, 'en')} inside it`,
    }),
  },
  'facility.not-within-reach': {
    severity: 'info',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}仅 ${n(p.measured)}% 的住户在 ${n(Array.isArray(p.limit) ? p.limit[1] : p.limit)} m 步行范围内可达${d(p, 'zh')}`,
      en: `Only ${n(p.measured)}% of ${p.subject ?? 'the community'}'s households reach a ${d(p, 'en')} within ${n(Array.isArray(p.limit) ? p.limit[1] : p.limit)} m`,
    }),
  },
  'facility.service-area-small': {
    severity: 'warning',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}服务用房 ${n(p.measured)} m²，低于标准 ${n(Array.isArray(p.limit) ? p.limit[0] : p.limit)} m²`,
      en: `${p.subject ?? 'Community'} has ${n(p.measured)} m² of service space, below the ${n(Array.isArray(p.limit) ? p.limit[0] : p.limit)} m² required`,
    }),
  },
};

export function makeFlag(
  code: FlagCode,
  source: RuleSource,
  subjectIds: string[],
  params: FlagParams = {},
  severity?: Severity,
): Flag {
  const def = FLAG_REGISTRY[code];
  const flag: Flag = {
    code,
    severity: severity ?? def.severity,
    message: def.message(params),
    source,
    subjectIds,
  };
  if (params.measured !== undefined) flag.measured = params.measured;
  if (params.limit !== undefined) flag.limit = params.limit;
  return flag;
}

/** "J1 江苏 苏发〔2011〕15号 (十三) …" — how a flag cites its rule in the UI and exports. */
export function citeSource(source: RuleSource): string {
  return `${source.ruleId} · ${source.document} · ${source.clause}`;
}
