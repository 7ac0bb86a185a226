// Every rule code the tool can raise, in one registry, with its bilingual message template.
// Flags are built only through makeFlag, so each carries a code, a severity, both messages,
// the measured value, the limit and the rule source it cites.
import { formatThousands } from './format-number';
import type { Flag, Message, RuleSource, Severity } from './model';
import type { RuleProfile } from './rule-profile';

export type FlagCode =
  | 'size.below-band'
  | 'size.above-band'
  | 'size.indivisible-above-band'
  | 'grid.below-band'
  | 'grid.above-band'
  | 'plan.unassigned-households'
  | 'plan.overlap-households'
  | 'plan.overlap-grid-households'
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

/** A place whose documents a rule can cite; national standards have none. */
export interface Place {
  zh: string;
  en: string;
}

const PLACES = {
  jiangsu: { zh: '江苏', en: 'Jiangsu' },
  henan: { zh: '河南', en: 'Henan' },
  shanghai: { zh: '上海', en: 'Shanghai' },
} satisfies Record<string, Place>;

/**
 * Marks a source as borrowed from another place's standard, in the field and in the clause: the
 * UI and exports show document + clause, so the clause itself must say it is borrowed.
 */
export function borrowSource(source: RuleSource, from: Place): RuleSource {
  return { ...source, borrowedFrom: { zh: from.zh, en: from.en }, clause: `${borrowedPrefix(from)}${source.clause}` };
}

export function borrowedPrefix(from: Place): string {
  return `借用${from.zh}标准 / borrowed from ${from.en}'s standard: `;
}

/** Plan-wide rules: their own citations, before any profile decides whether they are borrowed. */
const FIXED_RULES = {
  coverage: {
    place: PLACES.jiangsu,
    source: {
      ruleId: 'J1',
      document: '江苏 苏发〔2011〕15号',
      clause: '(十三) 构建横向到边、纵向到底的服务管理网络',
      note: {
        zh: '据此要求每户属于且只属于一个社区。',
        en: 'Read here as: every household belongs to one community, and only one.',
      },
    },
  },
  contiguous: {
    place: PLACES.henan,
    source: {
      ruleId: 'H1',
      document: '河南 《关于城市社区居民委员会设立的指导意见(试行)》 2022',
      clause: '社区边界：沿道路划分，简单、连片',
      note: {
        zh: '条款序号尚未对照文件原文核对，此处为要求的内容概述。',
        en: "The clause number is not yet checked against the document's text: this sums up what it asks.",
      },
    },
  },
  gridNesting: {
    place: PLACES.shanghai,
    source: {
      ruleId: 'S1',
      document: '上海 1+6 文件 (2014)',
      clause: '(二十八) 各类网格相互叠加、减少交叉',
      note: { zh: '据此要求每个网格只位于一个社区内。', en: 'Read here as: every grid lies inside one community.' },
    },
  },
  gridCoverage: {
    place: PLACES.jiangsu,
    source: { ruleId: 'J9', document: '江苏 苏发〔2011〕15号', clause: '(十七) 网格化管理，分片包干、责任到人' },
  },
} satisfies Record<string, { place: Place; source: RuleSource }>;

export type FixedSourceKey = keyof typeof FIXED_RULES;

/**
 * Sources of the plan-wide rules as one profile cites them: a rule from a place that is not one of
 * the profile's jurisdictions is marked as borrowed. A profile that names no jurisdictions gets
 * the citations of the default (Jiangsu) profile.
 */
export function fixedSourcesFor(
  profile: Pick<RuleProfile, 'jurisdictions'> | null,
): Record<FixedSourceKey, RuleSource> {
  const own = profile?.jurisdictions?.map((j) => j.zh) ?? [PLACES.jiangsu.zh];
  const out = {} as Record<FixedSourceKey, RuleSource>;
  for (const key of Object.keys(FIXED_RULES) as FixedSourceKey[]) {
    const { place, source } = FIXED_RULES[key];
    out[key] = own.includes(place.zh) ? { ...source } : borrowSource(source, place);
  }
  return out;
}

/** Sources of rules that do not come from the active profile, as the default (Jiangsu) profile cites them. */
export const FIXED_SOURCES: Readonly<Record<FixedSourceKey, RuleSource>> = fixedSourcesFor(null);

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
  'size.indivisible-above-band': {
    severity: 'info',
    message: (p) => ({
      zh: `${p.subject ?? '社区'}内一个住户点${d(p, 'zh')}即有 ${n(p.measured)} 户，超过规模上限 ${band(p.limit)} 户：调整社区边界无法使社区达标，须将该小区本身划分为多个社区（或更改社区类型）`,
      en: `${p.subject ?? 'Community'}: one household point${d(p, 'en') ? ', ' + d(p, 'en') + ',' : ''} alone holds ${n(p.measured)} households, more than the band's maximum of ${band(p.limit)}: no boundary change can bring the community into band — the compound itself must be divided into several communities (or the community type changed)`,
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
  'plan.overlap-grid-households': {
    severity: 'warning',
    message: (p) => ({
      zh: `${n(p.measured)} 户同时位于多个网格内（网格重叠${d(p, 'zh') ? '：' + d(p, 'zh') : ''}），在每个网格中都被计入`,
      en: `${n(p.measured)} households lie in more than one grid (overlapping grids${d(p, 'en') ? ': ' + d(p, 'en') : ''}) and are counted in each`,
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

/**
 * "J1 · 江苏 苏发〔2011〕15号 · (十三) …" — how a flag cites its rule in the UI and exports; given a
 * language, the source's note follows in brackets.
 */
export function citeSource(source: RuleSource, lang?: 'zh' | 'en'): string {
  const cite = `${source.ruleId} · ${source.document} · ${source.clause}`;
  return lang && source.note ? `${cite} (${source.note[lang]})` : cite;
}
