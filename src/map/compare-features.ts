// What the comparison maps draw, as GeoJSON built from a PlanComparison: each side's communities
// with their change status, the household points that move (numbered by their move, so one
// move can be highlighted), and an arrow per move between the centroids of its two communities.
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { geometryBBox } from '../core/geometry-bbox';
import type { AreaUnit, HouseholdSet } from '../core/model';
import type { CommunityChange, HouseholdMove, PlanComparison } from '../core/plan-comparison';

/** A community's colour by its change, on the comparison maps and in the presentation's legend. */
export const CHANGE_COLORS: Record<CommunityChange, string> = {
  changed: '#f59e0b',
  new: '#2563eb',
  removed: '#dc2626',
  unchanged: '#94a3b8',
};

export const MOVE_COLORS = ['#d946ef', '#0ea5e9', '#f97316', '#14b8a6', '#8b5cf6', '#ef4444', '#84cc16', '#eab308'];

export function moveColor(index: number): string {
  return MOVE_COLORS[index % MOVE_COLORS.length]!;
}

export function communityFeatures(
  units: readonly AreaUnit[],
  comparison: PlanComparison,
): FeatureCollection<Polygon | MultiPolygon> {
  const status = new Map<string, CommunityChange>(comparison.communities.map((c) => [c.id, c.status]));
  return {
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature',
      id: u.id,
      geometry: u.geometry,
      properties: { id: u.id, name: u.name, status: status.get(u.id) ?? 'unchanged' },
    })),
  };
}

export function movedPointFeatures(
  households: HouseholdSet,
  moves: readonly HouseholdMove[],
): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  moves.forEach((m, move) => {
    for (const p of m.points)
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [households.coordinates[2 * p]!, households.coordinates[2 * p + 1]!] },
        properties: { move, households: households.households[p]!, color: moveColor(move) },
      });
  });
  return { type: 'FeatureCollection', features };
}

function centre(unit: AreaUnit): [number, number] {
  const [w, s, e, n] = geometryBBox(unit.geometry);
  return [(w + e) / 2, (s + n) / 2];
}

/**
 * One arrow per move whose both ends are communities: a line from the before side's centroid to
 * the after side's, and a point at its head (the end the households move to).
 */
export function moveArrowFeatures(
  before: readonly AreaUnit[],
  after: readonly AreaUnit[],
  moves: readonly HouseholdMove[],
): FeatureCollection<LineString | Point> {
  const b = new Map(before.map((u) => [u.id, u]));
  const a = new Map(after.map((u) => [u.id, u]));
  const features: Feature<LineString | Point>[] = [];
  moves.forEach((m, move) => {
    const from = m.from === null ? undefined : b.get(m.from);
    const to = m.to === null ? undefined : a.get(m.to);
    if (!from || !to) return;
    const properties = { move, households: m.households, color: moveColor(move) };
    const head = centre(to);
    features.push(
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [centre(from), head] }, properties },
      { type: 'Feature', geometry: { type: 'Point', coordinates: head }, properties },
    );
  });
  return { type: 'FeatureCollection', features };
}

/** The extent of one move: its points and both communities. */
export function moveBBox(
  households: HouseholdSet,
  move: HouseholdMove,
  units: readonly AreaUnit[],
): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of move.points) {
    const x = households.coordinates[2 * p]!;
    const y = households.coordinates[2 * p + 1]!;
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  for (const u of units)
    if (u.id === move.from || u.id === move.to) {
      const [uw, us, ue, un] = geometryBBox(u.geometry);
      w = Math.min(w, uw);
      s = Math.min(s, us);
      e = Math.max(e, ue);
      n = Math.max(n, un);
    }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
