// Every rule code the tool can raise, in one registry, with its bilingual message template.
// Flags are built only through makeFlag, so each carries a code, a severity, both messages,
// the measured value, the limit and the rule source it cites.
import { formatThousands } from './format-number';
import { msg, type Language } from './i18n';
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
  /** Display name of the subject ("社区 C012（南京东路）" / "Community C012（南京东路）"). */
  subject?: string | Message;
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

// Messages come from the catalogue (src/core/i18n/flag-messages.ts); here only which entry a
// flag's parameters choose, and the parameters formatted.
const subjectOr = (p: FlagParams, fallback: Message): Message | string => p.subject ?? fallback;
const COMMUNITY = msg('flag.subject.community');
const GRID = msg('flag.subject.grid');
const upper = (l: FlagParams['limit']) => n(Array.isArray(l) ? l[1] : l);
const lower = (l: FlagParams['limit']) => n(Array.isArray(l) ? l[0] : l);
const sized = (p: FlagParams, fallback: Message) => ({
  subject: subjectOr(p, fallback),
  measured: n(p.measured),
  band: band(p.limit),
});

export const FLAG_REGISTRY: Record<FlagCode, FlagDefinition> = {
  'size.below-band': { severity: 'warning', message: (p) => msg('flag.size.below-band', sized(p, COMMUNITY)) },
  'size.above-band': { severity: 'warning', message: (p) => msg('flag.size.above-band', sized(p, COMMUNITY)) },
  'size.indivisible-above-band': {
    severity: 'info',
    message: (p) =>
      p.detail
        ? msg('flag.size.indivisible-above-band', { ...sized(p, COMMUNITY), detail: p.detail })
        : msg('flag.size.indivisible-above-band.plain', sized(p, COMMUNITY)),
  },
  'grid.below-band': { severity: 'info', message: (p) => msg('flag.grid.below-band', sized(p, GRID)) },
  'grid.above-band': { severity: 'info', message: (p) => msg('flag.grid.above-band', sized(p, GRID)) },
  'plan.unassigned-households': {
    severity: 'warning',
    message: (p) => msg('flag.plan.unassigned-households', { measured: n(p.measured) }),
  },
  'plan.overlap-households': {
    severity: 'error',
    message: (p) => msg('flag.plan.overlap-households', { measured: n(p.measured) }),
  },
  'plan.overlap-grid-households': {
    severity: 'warning',
    message: (p) =>
      p.detail
        ? msg('flag.plan.overlap-grid-households', { measured: n(p.measured), detail: p.detail })
        : msg('flag.plan.overlap-grid-households.plain', { measured: n(p.measured) }),
  },
  'topology.overlap': {
    severity: 'error',
    message: (p) =>
      msg('flag.topology.overlap', {
        subject: subjectOr(p, COMMUNITY),
        detail: p.detail ?? msg('flag.neighbour'),
        measured: n(p.measured),
      }),
  },
  'topology.gap-with-households': {
    severity: 'warning',
    message: (p) => msg('flag.topology.gap-with-households', { measured: n(p.measured) }),
  },
  'topology.multi-part': {
    severity: 'warning',
    message: (p) => msg('flag.topology.multi-part', { subject: subjectOr(p, COMMUNITY), measured: n(p.measured) }),
  },
  'topology.grid-crosses-community': {
    severity: 'error',
    message: (p) =>
      // A grid that meets no community crosses no boundary: it lies outside them all.
      p.measured === 0
        ? msg('flag.topology.grid-outside-communities', { subject: subjectOr(p, GRID) })
        : p.detail
          ? msg('flag.topology.grid-crosses-community', { subject: subjectOr(p, GRID), detail: p.detail })
          : msg('flag.topology.grid-crosses-community.plain', { subject: subjectOr(p, GRID) }),
  },
  'topology.households-outside-grids': {
    severity: 'info',
    message: (p) =>
      p.subject
        ? msg('flag.topology.households-outside-grids', { subject: p.subject, measured: n(p.measured) })
        : msg('flag.topology.households-outside-grids.plain', { measured: n(p.measured) }),
  },
  'facility.missing': {
    severity: 'warning',
    message: (p) => msg('flag.facility.missing', { subject: subjectOr(p, COMMUNITY), detail: p.detail ?? '' }),
  },
  'facility.not-within-reach': {
    severity: 'info',
    message: (p) =>
      msg('flag.facility.not-within-reach', {
        subject: subjectOr(p, msg('flag.subject.theCommunity')),
        measured: n(p.measured),
        distance: upper(p.limit),
        detail: p.detail ?? '',
      }),
  },
  'facility.service-area-small': {
    severity: 'warning',
    message: (p) =>
      msg('flag.facility.service-area-small', {
        subject: subjectOr(p, COMMUNITY),
        measured: n(p.measured),
        required: lower(p.limit),
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
export function citeSource(source: RuleSource, lang?: Language): string {
  const cite = `${source.ruleId} · ${source.document} · ${source.clause}`;
  return lang && source.note ? `${cite} (${source.note[lang]})` : cite;
}
