// What comparing two scenarios gives (src/analysis/plan-compare.ts computes it), and the tables the
// CLI, the app and the report show it as.
import type { CoverageShares, Flag, PlanAnalysis, PlanSummary } from './model';
import type { Cell, TableSheet } from './plan-table';
import { facilityCategory } from './facility-categories';
import { plain, type Language } from './i18n';
import type { COMPARE_MESSAGES } from './i18n/compare-messages';

/** unchanged: the same boundary (so the same households); changed: another boundary; new / removed: on one side only. */
export type CommunityChange = 'unchanged' | 'changed' | 'new' | 'removed';

export interface CommunityComparison {
  id: string;
  /** The name on the after side, or on the before side for a removed community. */
  name: string;
  /** Households on each side; null where the community does not exist on that side. */
  before: number | null;
  after: number | null;
  status: CommunityChange;
  /** Codes of this community's flags that the after side no longer raises, and of new ones. */
  flagsResolved: string[];
  flagsIntroduced: string[];
}

/** Households that lie in community `from` before and in `to` after (null: in no community). */
export interface HouseholdMove {
  from: string | null;
  to: string | null;
  households: number;
  /** Indices of the household points that move, ascending. */
  points: number[];
  /** Ids of the street blocks (街坊) those points lie in, in the plan's block order; empty without blocks. */
  blocks: string[];
}

export interface CoverageComparison {
  /** Category → distance (metres, as text) → household share 0..1 on each side; null without facilities. */
  before: CoverageShares | null;
  after: CoverageShares | null;
}

export interface PlanComparison {
  communities: CommunityComparison[];
  /** Largest first; every household whose community changed is in exactly one move. */
  moves: HouseholdMove[];
  movedHouseholds: number;
  /** Whole flags, so a report can cite their rules. */
  flagsResolved: Flag[];
  flagsIntroduced: Flag[];
  coverage: CoverageComparison;
  summary: { before: PlanSummary; after: PlanSummary };
  /** The full analyses, for anything the comparison does not summarise. */
  analyses: { before: PlanAnalysis; after: PlanAnalysis };
}

type WordOf<K> = K extends `compare.${infer W}` ? W : never;
type CompareWord = WordOf<keyof typeof COMPARE_MESSAGES>;

function w(key: CompareWord, language: Language): string {
  return plain(language, `compare.${key}`);
}

/** The comparison as `cli compare` writes it to DIFF.json (see issue text: one shape for other systems). */
export function comparisonJson(c: PlanComparison): unknown {
  const flag = (f: Flag) => ({
    code: f.code,
    severity: f.severity,
    subjectIds: f.subjectIds,
    message: f.message,
    ...(f.measured !== undefined ? { measured: f.measured } : {}),
    ...(f.limit !== undefined ? { limit: f.limit } : {}),
    source: f.source,
  });
  return {
    communities: c.communities,
    moves: c.moves.map((m) => ({
      from: m.from,
      to: m.to,
      households: m.households,
      points: m.points.length,
      pointIndices: m.points,
      blocks: m.blocks,
    })),
    movedHouseholds: c.movedHouseholds,
    flagsResolved: c.flagsResolved.map(flag),
    flagsIntroduced: c.flagsIntroduced.map(flag),
    summary: c.summary,
    coverage: c.coverage,
  };
}

/**
 * Three sheets: one row per community (before, after, status, flags), one per move, and one per
 * facility category and walking distance (the share of households covered on each side).
 */
export function comparisonSheets(
  c: PlanComparison,
  language: Language,
): { communities: TableSheet; moves: TableSheet; coverage: TableSheet } {
  const names = new Map(c.communities.map((r) => [r.id, r.name]));
  const nameOf = (id: string | null) => (id === null ? w('nowhere', language) : (names.get(id) ?? id));
  const communities: TableSheet = {
    id: 'comparison',
    name: w('sheetComparison', language),
    columns: (['id', 'name', 'before', 'after', 'change', 'status', 'flagsResolved', 'flagsIntroduced'] as const).map(
      (k) => w(k, language),
    ),
    formats: ['text', 'text', 'integer', 'integer', 'integer', 'text', 'text', 'text'],
    rows: c.communities.map((r) => [
      r.id,
      r.name,
      r.before,
      r.after,
      (r.after ?? 0) - (r.before ?? 0),
      w(r.status, language),
      r.flagsResolved.join('; '),
      r.flagsIntroduced.join('; '),
    ]),
  };
  const moves: TableSheet = {
    id: 'moves',
    name: w('sheetMoves', language),
    columns: (['fromId', 'from', 'toId', 'to', 'households', 'points', 'blocks'] as const).map((k) => w(k, language)),
    formats: ['text', 'text', 'text', 'text', 'integer', 'integer', 'text'],
    rows: c.moves.map((m) => [
      m.from,
      nameOf(m.from),
      m.to,
      nameOf(m.to),
      m.households,
      m.points.length,
      m.blocks.join('; '),
    ]),
  };
  return { communities, moves, coverage: coverageSheet(c.coverage, language) };
}

/** The shares of each side by category and distance: categories in order of first appearance, distances ascending. */
export function coverageSheet(c: CoverageComparison, language: Language): TableSheet {
  const grid = new Map<string, Set<number>>();
  for (const side of [c.before, c.after])
    for (const [category, byDistance] of Object.entries(side ?? {})) {
      let distances = grid.get(category);
      if (!distances) grid.set(category, (distances = new Set()));
      for (const d of Object.keys(byDistance)) distances.add(Number(d));
    }
  const share = (side: CoverageShares | null, category: string, d: number): number | null => {
    const byDistance = side && Object.hasOwn(side, category) ? side[category]! : undefined;
    const v = byDistance && Object.hasOwn(byDistance, String(d)) ? byDistance[String(d)] : undefined;
    return typeof v === 'number' ? v : null;
  };
  const rows: Cell[][] = [];
  for (const [category, distances] of grid)
    for (const d of [...distances].sort((x, y) => x - y)) {
      const before = share(c.before, category, d);
      const after = share(c.after, category, d);
      const change = before === null || after === null ? null : Math.round((after - before) * 1000) / 10;
      rows.push([facilityCategory(category)?.name[language] ?? category, d, before, after, change]);
    }
  return {
    id: 'coverage',
    name: w('sheetCoverage', language),
    columns: (['category', 'distance', 'coveredBefore', 'coveredAfter', 'coveredChange'] as const).map((k) =>
      w(k, language),
    ),
    formats: ['text', 'integer', 'share', 'share', 'number'],
    rows,
  };
}
