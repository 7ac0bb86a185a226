// What the hover tooltip says about what is under the pointer: a compound its name and households,
// a facility its name and category, otherwise the community (name, households, band status), the
// grid and the road there. Pure: MapView finds the hits and places the box.
import { facilityCategory } from '../core/facility-categories';
import { plain, t, type Language } from '../core/i18n';
import type { AreaResult, Facility, HouseholdSet, PlanAnalysis } from '../core/model';

export type HoverHit =
  | { kind: 'household'; index: number }
  | { kind: 'facility'; id: string }
  | { kind: 'areas'; community?: { id: string; name: string }; grid?: { id: string; name: string }; road?: string };

export interface TooltipContext {
  language: Language;
  households: HouseholdSet;
  facilities: readonly Facility[];
  /** Latest results by id (communities and grids). */
  results: ReadonlyMap<string, AreaResult>;
}

export interface TooltipLine {
  text: string;
  strong?: boolean;
  /** A band status, for its colour. */
  status?: string;
}

/** Community and grid results by id, built once per analysis. */
export function resultIndex(analysis: PlanAnalysis | null | undefined): Map<string, AreaResult> {
  const out = new Map<string, AreaResult>();
  for (const r of analysis?.communities ?? []) out.set(r.id, r);
  for (const r of analysis?.grids ?? []) out.set(r.id, r);
  return out;
}

export function tooltipLines(hit: HoverHit, ctx: TooltipContext): TooltipLine[] {
  const { language } = ctx;
  const count = (n: number) => t(language, 'map.tipHouseholds', { count: n });
  if (hit.kind === 'household') {
    const name = ctx.households.names?.[hit.index] || t(language, 'map.unnamed');
    return [{ text: name, strong: true }, { text: count(ctx.households.households[hit.index] ?? 0) }];
  }
  if (hit.kind === 'facility') {
    const f = ctx.facilities.find((x) => x.id === hit.id);
    if (!f) return [];
    const category = facilityCategory(f.category)?.name[language] ?? f.category;
    return [{ text: f.name || t(language, 'map.unnamed'), strong: true }, { text: category }];
  }
  const lines: TooltipLine[] = [];
  if (hit.community) {
    const r = ctx.results.get(hit.community.id);
    lines.push({ text: hit.community.name || t(language, 'map.unnamed'), strong: true });
    if (r) {
      const status = r.band?.status ?? 'unknown';
      lines.push({ text: `${count(r.households)} · ${plain(language, status)}`, status });
    }
  }
  if (hit.grid) {
    const r = ctx.results.get(hit.grid.id);
    const name = t(language, 'map.tipGrid', { name: hit.grid.name || t(language, 'map.unnamed') });
    lines.push({ text: r ? `${name} · ${count(r.households)}` : name });
  }
  if (hit.road) lines.push({ text: t(language, 'map.tipRoad', { name: hit.road }) });
  return lines;
}

/**
 * Runs `fn` with the latest arguments at most once per animation frame, so a burst of pointer
 * moves costs one hit test.
 */
export function throttleToFrame<A extends unknown[]>(
  fn: (...args: A) => void,
  schedule: (cb: () => void) => unknown = (cb) => requestAnimationFrame(cb),
): ((...args: A) => void) & { cancel(): void } {
  let pending: A | null = null;
  let cancelled = false;
  const run = (...args: A) => {
    const first = pending === null;
    pending = args;
    cancelled = false;
    if (!first) return;
    schedule(() => {
      const a = pending;
      pending = null;
      if (a && !cancelled) fn(...a);
    });
  };
  run.cancel = () => {
    cancelled = true;
  };
  return run;
}
