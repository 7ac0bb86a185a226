// Per-community coverage shares from per-household distances: the share of a community's
// households within each distance of the nearest facility of each category. Uses each
// community's own member list, so a household in two overlapping communities counts in both.
import type { CoverageShares } from '../core/model';
export type { CoverageShares } from '../core/model';

export function communityCoverage(
  /** Facility categories, and per category the metres from each household to its nearest one. */
  coverage: { categories: readonly string[]; perCategoryDistance: Record<string, Float64Array> },
  weights: Float64Array,
  distances: readonly number[],
  members: readonly Int32Array[],
  /** Only these categories (default: all); the caller merges them into earlier results. */
  only?: readonly string[],
): (CoverageShares | null)[] {
  return members.map((m) => {
    let total = 0;
    for (let i = 0; i < m.length; i++) total += weights[m[i]!]!;
    // A share of no households is undefined; null says so instead of a misleading 0.
    if (total === 0) return null;
    // Categories come from files ("__proto__" is a category name like any other): the record is
    // built from entries, which define own properties, never assigned key by key.
    const entries: [string, Record<string, number>][] = [];
    for (const category of only ?? coverage.categories) {
      const d = coverage.perCategoryDistance[category]!;
      const within = new Float64Array(distances.length);
      for (let i = 0; i < m.length; i++) {
        const p = m[i]!;
        const dist = d[p]!;
        for (let k = 0; k < distances.length; k++) if (dist <= distances[k]!) within[k]! += weights[p]!;
      }
      entries.push([category, Object.fromEntries(distances.map((x, k) => [String(x), within[k]! / total]))]);
    }
    return Object.fromEntries<Record<string, number>>(entries);
  });
}
