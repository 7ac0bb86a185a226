// The plan as tables: communities, grids, every flag with its citation, living-circle coverage and
// facility gaps, as rows of plain cells in the person's language. The CSV and XLSX writers and the
// printed report all read these, so a figure a planner downloads and the one a director reads agree.
import { findCommunityType, livingCircleDistances, type RuleProfile } from './rule-profile';
import type { AreaResult, AreaUnit, CoverageShares, Facility, Flag, PlanAnalysis } from './model';
import { t } from './i18n';
import { categoryName, coverageHeader, severityWord, statusWord, word, type Language } from './report/plan-words';

export interface PlanTableInput {
  communities: readonly AreaUnit[];
  grids: readonly AreaUnit[];
  facilities: readonly Facility[];
  analysis: PlanAnalysis;
  profile: RuleProfile;
  /** Topology (and other) flags by subject id; a flag about two subjects may be listed under both. */
  extraFlags?: Map<string, Flag[]>;
  language: Language;
}

export type Cell = string | number | null;

/**
 * How a column's numbers are meant: 'share' is 0..1 and shown as a percent, 'integer' a count.
 * Writers that can format (XLSX) use it; CSV writes the plain number either way.
 */
export type ColumnFormat = 'text' | 'integer' | 'number' | 'share';

export interface TableSheet {
  id: 'communities' | 'grids' | 'flags' | 'coverage' | 'gaps' | 'comparison' | 'moves';
  /** In the input's language. */
  name: string;
  columns: string[];
  rows: Cell[][];
  /** One per column; absent means every column is text or plain numbers. */
  formats?: ColumnFormat[];
}

export interface PlanTables {
  sheets: TableSheet[];
}

export interface FacilityGap {
  communityId: string;
  communityName: string;
  /** The profile's facility requirement whose distance is used; absent when the largest tier is. */
  requirementId?: string;
  category: string;
  categoryName: string;
  /** The distance the category's rule uses (m). */
  distance: number;
  /**
   * The computed coverage distance the share was read at. Equal to `distance` unless the coverage
   * analysis did not compute that one: then the nearest lower distance (so "not reached" is an
   * upper bound), or the smallest one when none is lower (a lower bound).
   */
  measuredAt: number;
  households: number;
  /** round(households × (1 − share reached at measuredAt)). */
  notReached: number;
  /** Share of the community's households not reached, 0..1. */
  share: number;
}

/** Shares are rounded to 4 decimals (0.01 %) so a table never shows 0.30000000000000004. */
const roundShare = (v: number) => Math.round(v * 1e4) / 1e4;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A value of a record keyed by ids from the data. The coverage shares are plain objects (they
 * cross the worker boundary as JSON-like data), so an id such as "__proto__" or "constructor" must
 * not read an inherited member.
 */
function own<T>(record: Record<string, T> | null | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function resultsById(results: readonly AreaResult[]): Map<string, AreaResult> {
  return new Map(results.map((r) => [r.id, r]));
}

/** The result's flags then the extra ones listed for the unit, each flag once. */
/** The figures communities and grids share: counts, band, status and flags, as headers and formats. */
const FIGURE_WORDS = [
  'households',
  'householdPoints',
  'bandMin',
  'bandMax',
  'status',
  'distanceToBand',
  'flagCodes',
  'flagMessages',
] as const;
const FIGURE_FORMATS: ColumnFormat[] = ['integer', 'integer', 'integer', 'integer', 'text', 'integer', 'text', 'text'];

function figureCells(r: AreaResult | undefined, flags: readonly Flag[], lang: Language): Cell[] {
  return [
    r?.households ?? 0,
    r?.points ?? 0,
    r?.band?.min ?? null,
    r?.band?.max ?? null,
    statusWord(r?.band?.status, lang),
    r?.band?.distance ?? null,
    flags.map((f) => f.code).join(', '),
    flags.map((f) => f.message[lang]).join('; '),
  ];
}

function unitFlags(id: string, result: AreaResult | undefined, extra: Map<string, Flag[]> | undefined): Flag[] {
  const seen = new Set<Flag>();
  const out: Flag[] = [];
  for (const f of [...(result?.flags ?? []), ...(extra?.get(id) ?? [])])
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  return out;
}

function communityShares(analysis: PlanAnalysis, id: string): CoverageShares | null {
  return own(analysis.coverage?.perCommunity, id) ?? null;
}

/** Walking minutes by distance, for the tiers the coverage was computed at. */
function tierMinutes(profile: RuleProfile): Map<number, number> {
  const rule = profile.livingCircle;
  const distances = livingCircleDistances(rule);
  const minutes = [...rule.tiers].map((t) => t.minutes).sort((a, b) => a - b);
  return new Map(distances.map((d, i) => [d, minutes[i] ?? Math.round(d / rule.walkingSpeed)]));
}

function limitCell(limit: Flag['limit']): Cell {
  if (limit === undefined) return null;
  return Array.isArray(limit) ? `${limit[0]}–${limit[1]}` : round2(limit);
}

function communitiesSheet(input: PlanTableInput): TableSheet {
  const { language: lang, analysis, profile } = input;
  const results = resultsById(analysis.communities);
  const coverage = analysis.coverage;
  const coverageColumns = (coverage?.categories ?? []).flatMap((c) =>
    coverage!.distances.map((d) => ({ category: c, distance: d })),
  );
  const columns = [
    word('id', lang),
    word('name', lang),
    word('type', lang),
    ...FIGURE_WORDS.map((w) => word(w, lang)),
    ...coverageColumns.map((c) => coverageHeader(c.category, c.distance, lang)),
  ];
  const formats: ColumnFormat[] = [
    'text',
    'text',
    'text',
    ...FIGURE_FORMATS,
    ...coverageColumns.map((): ColumnFormat => 'share'),
  ];
  const rows = input.communities.map((unit): Cell[] => {
    const r = results.get(unit.id);
    const flags = unitFlags(unit.id, r, input.extraFlags);
    const shares = communityShares(analysis, unit.id);
    return [
      unit.id,
      unit.name,
      findCommunityType(profile, unit.communityType).name[lang],
      ...figureCells(r, flags, lang),
      ...coverageColumns.map((c) => {
        const v = own(own(shares, c.category), String(c.distance));
        return v === undefined ? null : roundShare(v);
      }),
    ];
  });
  return { id: 'communities', name: word('sheetCommunities', lang), columns, rows, formats };
}

function gridsSheet(input: PlanTableInput): TableSheet {
  const lang = input.language;
  const results = resultsById(input.analysis.grids);
  const communityNames = new Map(input.communities.map((c) => [c.id, c.name]));
  const columns = [
    word('id', lang),
    word('name', lang),
    word('communityId', lang),
    word('communityName', lang),
    ...FIGURE_WORDS.map((w) => word(w, lang)),
  ];
  const formats: ColumnFormat[] = ['text', 'text', 'text', 'text', ...FIGURE_FORMATS];
  const rows = input.grids.map((unit): Cell[] => {
    const r = results.get(unit.id);
    const flags = unitFlags(unit.id, r, input.extraFlags);
    return [
      unit.id,
      unit.name,
      unit.parentId ?? null,
      unit.parentId !== undefined ? (communityNames.get(unit.parentId) ?? null) : null,
      ...figureCells(r, flags, lang),
    ];
  });
  return { id: 'grids', name: word('sheetGrids', lang), columns, rows, formats };
}

/** A flag as listed once in the flags sheet and the report: who it is about, and its rule. */
export interface ListedFlag {
  flag: Flag;
  subjectIds: string[];
  subjectNames: string[];
}

/**
 * Every flag of the plan, each once: plan-level flags, then each community's and grid's in plan
 * order, then extra flags whose subjects are not units of the plan (a gap between communities).
 */
export function listFlags(input: PlanTableInput): ListedFlag[] {
  const lang = input.language;
  const names = new Map<string, string>();
  for (const u of [...input.communities, ...input.grids]) names.set(u.id, u.name);
  const seen = new Set<Flag>();
  const out: ListedFlag[] = [];
  const add = (flag: Flag, fallbackSubject: string) => {
    if (seen.has(flag)) return;
    seen.add(flag);
    const subjectIds = flag.subjectIds.length ? [...flag.subjectIds] : [fallbackSubject];
    const subjectNames = subjectIds.map((id) => (id === 'plan' ? word('wholePlan', lang) : (names.get(id) ?? id)));
    out.push({ flag, subjectIds, subjectNames });
  };
  for (const f of input.analysis.flags) add(f, 'plan');
  const communities = resultsById(input.analysis.communities);
  const grids = resultsById(input.analysis.grids);
  for (const u of input.communities)
    for (const f of unitFlags(u.id, communities.get(u.id), input.extraFlags)) add(f, u.id);
  for (const u of input.grids) for (const f of unitFlags(u.id, grids.get(u.id), input.extraFlags)) add(f, u.id);
  for (const [id, flags] of input.extraFlags ?? new Map<string, Flag[]>()) for (const f of flags) add(f, id);
  return out;
}

function flagsSheet(input: PlanTableInput): TableSheet {
  const lang = input.language;
  const columns = [
    word('subjectId', lang),
    word('subjectName', lang),
    word('code', lang),
    word('severity', lang),
    word('message', lang),
    word('measured', lang),
    word('limit', lang),
    word('ruleId', lang),
    word('document', lang),
    word('clause', lang),
  ];
  const formats: ColumnFormat[] = ['text', 'text', 'text', 'text', 'text', 'number', 'number', 'text', 'text', 'text'];
  const rows = listFlags(input).map(({ flag, subjectIds, subjectNames }): Cell[] => [
    subjectIds.join(', '),
    subjectNames.join(', '),
    flag.code,
    severityWord(flag.severity, lang),
    flag.message[lang],
    flag.measured === undefined ? null : round2(flag.measured),
    limitCell(flag.limit),
    flag.source.ruleId,
    flag.source.document,
    flag.source.clause,
  ]);
  return { id: 'flags', name: word('sheetFlags', lang), columns, rows, formats };
}

function coverageSheet(input: PlanTableInput): TableSheet {
  const lang = input.language;
  const coverage = input.analysis.coverage;
  const minutes = tierMinutes(input.profile);
  const columns = [
    word('categoryId', lang),
    word('category', lang),
    word('distance', lang),
    word('tierMinutes', lang),
    word('shareAll', lang),
  ];
  const formats: ColumnFormat[] = ['text', 'text', 'integer', 'integer', 'share'];
  const rows: Cell[][] = [];
  for (const c of coverage?.categories ?? [])
    for (const d of coverage!.distances) {
      const share = own(own(coverage!.overall, c), String(d));
      rows.push([c, categoryName(c, lang), d, minutes.get(d) ?? null, share === undefined ? null : roundShare(share)]);
    }
  return { id: 'coverage', name: word('sheetCoverage', lang), columns, rows, formats };
}

/** The distance the category's rule uses: the first distance requirement naming it, else the largest tier. */
function ruleDistance(profile: RuleProfile, category: string): { distance: number; requirementId?: string } {
  for (const req of profile.facilityRequirements)
    if (typeof req.within === 'number' && req.categories.includes(category))
      return { distance: req.within, requirementId: req.id };
  const tiers = livingCircleDistances(profile.livingCircle);
  return { distance: tiers[tiers.length - 1] ?? 0 };
}

/** The computed distance to read a share at: the rule's own, else the nearest lower, else the smallest. */
function nearestComputed(distances: readonly number[], wanted: number): number | undefined {
  const sorted = [...distances].sort((a, b) => a - b);
  let best: number | undefined;
  for (const d of sorted) if (d <= wanted) best = d;
  return best ?? sorted[0];
}

/**
 * Households each community leaves unreached per facility category, at the distance the category's
 * rule uses. Only categories the coverage analysis computed, and only communities it has shares
 * for (a community with no households has none).
 */
export function facilityGaps(input: PlanTableInput): FacilityGap[] {
  const coverage = input.analysis.coverage;
  if (!coverage) return [];
  const lang = input.language;
  const results = resultsById(input.analysis.communities);
  const rules = new Map(coverage.categories.map((c) => [c, ruleDistance(input.profile, c)]));
  const gaps: FacilityGap[] = [];
  for (const unit of input.communities) {
    const shares = communityShares(input.analysis, unit.id);
    if (!shares) continue;
    const households = results.get(unit.id)?.households ?? 0;
    for (const category of coverage.categories) {
      const rule = rules.get(category)!;
      const measuredAt = nearestComputed(coverage.distances, rule.distance);
      if (measuredAt === undefined) continue;
      const reached = own(own(shares, category), String(measuredAt)) ?? 0;
      const gap: FacilityGap = {
        communityId: unit.id,
        communityName: unit.name,
        category,
        categoryName: categoryName(category, lang),
        distance: rule.distance,
        measuredAt,
        households,
        notReached: Math.round(households * (1 - reached)),
        share: roundShare(1 - reached),
      };
      if (rule.requirementId !== undefined) gap.requirementId = rule.requirementId;
      gaps.push(gap);
    }
  }
  return gaps;
}

/** Why a gap's share was read at another distance than its rule's, or null when it was not. */
export function gapNote(gap: FacilityGap, language: Language): string | null {
  if (gap.measuredAt === gap.distance) return null;
  const params = { distance: String(gap.distance), measuredAt: String(gap.measuredAt) };
  return t(language, gap.measuredAt < gap.distance ? 'report.gapUpperBound' : 'report.gapLowerBound', params);
}

function gapsSheet(input: PlanTableInput): TableSheet {
  const lang = input.language;
  const columns = [
    word('communityId', lang),
    word('communityName', lang),
    word('categoryId', lang),
    word('category', lang),
    word('requirementId', lang),
    word('ruleDistance', lang),
    word('measuredAt', lang),
    word('households', lang),
    word('notReached', lang),
    word('notReachedShare', lang),
    word('note', lang),
  ];
  const formats: ColumnFormat[] = [
    'text',
    'text',
    'text',
    'text',
    'text',
    'integer',
    'integer',
    'integer',
    'integer',
    'share',
    'text',
  ];
  const rows = facilityGaps(input).map((g): Cell[] => [
    g.communityId,
    g.communityName,
    g.category,
    g.categoryName,
    g.requirementId ?? word('largestTier', lang),
    g.distance,
    g.measuredAt,
    g.households,
    g.notReached,
    g.share,
    gapNote(g, lang),
  ]);
  return { id: 'gaps', name: word('sheetGaps', lang), columns, rows, formats };
}

export function buildPlanTables(input: PlanTableInput): PlanTables {
  return {
    sheets: [communitiesSheet(input), gridsSheet(input), flagsSheet(input), coverageSheet(input), gapsSheet(input)],
  };
}
