// Painting street blocks (planning units) into communities, as in redistricting tools: each
// community is the union of its blocks, so moving a block changes the two communities involved
// and nothing else. Returns a transaction, or a reason when the move is not allowed.
import * as polyclip from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { msg } from '../i18n';
import type { AreaUnit, Message } from '../model';
import type { Change } from '../transaction';
import { EDIT_REASONS, lockedReason, refused, type EditResult } from './edit-result';

type Geom = Polygon | MultiPolygon;
type ClipGeom = Parameters<typeof polyclip.union>[0];

/** The block ids a community is made of (from the unit, or its source properties). */
export function blockIdsOf(unit: AreaUnit): string[] {
  if (unit.blockIds) return unit.blockIds;
  const fromProps = unit.properties.blockIds;
  return Array.isArray(fromProps) ? fromProps.filter((x): x is string => typeof x === 'string') : [];
}

/** Block id → id of the community holding it. */
export function blockOwners(communities: readonly AreaUnit[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const c of communities) for (const b of blockIdsOf(c)) owners.set(b, c.id);
  return owners;
}

function round(c: Position[][][]): Position[][][] {
  return c.map((poly) =>
    poly.map((ring) => ring.map(([x, y]) => [Math.round(x! * 1e7) / 1e7, Math.round(y! * 1e7) / 1e7])),
  );
}

/** The union of the given blocks as one Polygon or MultiPolygon; null when empty. */
export function dissolveBlocks(blocks: readonly AreaUnit[]): Geom | null {
  if (blocks.length === 0) return null;
  const geoms = blocks.map(
    (b) => (b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates) as ClipGeom,
  );
  const [first, ...rest] = geoms;
  const result = round(polyclip.union(first!, ...rest));
  if (result.length === 0) return null;
  return result.length === 1
    ? { type: 'Polygon', coordinates: result[0]! }
    : { type: 'MultiPolygon', coordinates: result };
}

/**
 * Moves blocks into `targetId` (or out of every community when targetId is null). Locked
 * communities are never changed; a community left with no blocks is deleted.
 */
export function paintBlocks(
  communities: readonly AreaUnit[],
  blocksById: ReadonlyMap<string, AreaUnit>,
  blockIds: readonly string[],
  targetId: string | null,
): EditResult {
  const byId = new Map(communities.map((c) => [c.id, c]));
  const target = targetId ? byId.get(targetId) : null;
  if (targetId && !target) return refused(EDIT_REASONS.notFound);
  if (target?.locked) return refused(lockedReason(target.name));
  const owners = blockOwners(communities);
  const moving = blockIds.filter((b) => blocksById.has(b) && owners.get(b) !== (targetId ?? undefined));
  if (moving.length === 0) return refused(EDIT_REASONS.nothingToChange);
  const lockedOwner = moving.map((b) => byId.get(owners.get(b) ?? '')).find((c) => c?.locked);
  if (lockedOwner) return refused(lockedReason(lockedOwner.name));

  const changed = new Map<string, string[]>();
  const idsOf = (c: AreaUnit) => changed.get(c.id) ?? blockIdsOf(c);
  for (const b of moving) {
    const owner = byId.get(owners.get(b) ?? '');
    if (owner)
      changed.set(
        owner.id,
        idsOf(owner).filter((x) => x !== b),
      );
  }
  if (target) changed.set(target.id, [...idsOf(target), ...moving]);

  const changes: Change[] = [];
  for (const [id, ids] of changed) {
    const unit = byId.get(id)!;
    const geometry = dissolveBlocks(ids.map((b) => blocksById.get(b)).filter((x): x is AreaUnit => !!x));
    if (!geometry) changes.push({ kind: 'delete', layer: 'communities', id });
    else changes.push({ kind: 'put', layer: 'communities', unit: { ...unit, blockIds: ids, geometry } });
  }
  const count = String(moving.length);
  const many = moving.length > 1;
  const label: Message = target
    ? msg(many ? 'edit.label.paintMany' : 'edit.label.paintOne', { count, target: target.name })
    : msg(many ? 'edit.label.unassignMany' : 'edit.label.unassignOne', { count });
  return { ok: true, tx: { label, changes }, ...(target ? { id: target.id } : {}) };
}

/** A new community from a selection of blocks, taking them from their current communities. */
export function communityFromBlocks(
  communities: readonly AreaUnit[],
  blocksById: ReadonlyMap<string, AreaUnit>,
  blockIds: readonly string[],
  unit: Omit<AreaUnit, 'geometry' | 'blockIds'>,
): EditResult {
  const geometry = dissolveBlocks(blockIds.map((b) => blocksById.get(b)).filter((x): x is AreaUnit => !!x));
  if (!geometry) return refused(EDIT_REASONS.selectBlocks);
  const created: AreaUnit = { ...unit, geometry, blockIds: [] };
  const withNew = [...communities, created];
  const moved = paintBlocks(withNew, blocksById, blockIds, created.id);
  if (!moved.ok) return moved;
  // The new unit's put (with its blocks) already stands in `moved`; add it as a creation.
  return {
    ok: true,
    id: created.id,
    tx: {
      label: msg('edit.label.newFromBlocks', { count: String(blockIds.length), name: unit.name }),
      changes: moved.tx.changes,
    },
  };
}
