// Free-form boundary edits as transactions: add a drawn community or grid, reshape, split along a
// line, merge two neighbours, delete. A drawn or reshaped community is clipped to its neighbours
// when the overlap policy says so (otherwise the overlap stays and the topology check flags it);
// blocks and grids follow the pieces they lie in.
import * as polyclip from 'polyclip-ts';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { msg } from '../i18n';
import type { AreaUnit, Message } from '../model';
import type { Change } from '../transaction';
import { EDIT_REASONS, lockedReason, type EditResult } from './edit-result';
import { clipToNeighbours } from './clip-to-neighbours';
import { fromClip, geometryBbox, pointInGeometry, pointOnSurface, SLIVER_AREA_M2, toClip } from './geometry';
import { mergePolygons } from './merge-communities';
import { splitPolygon } from './split-community';
import { blockIdsOf } from './paint-blocks';

export type OverlapPolicy = 'clip' | 'flag';
export type { EditResult };
type Geom = Polygon | MultiPolygon;

function bboxesMeet(a: Geom, b: Geom): boolean {
  const x = geometryBbox(a);
  const y = geometryBbox(b);
  return x[0] <= y[2] && y[0] <= x[2] && x[1] <= y[3] && y[1] <= x[3];
}

export function nextId(prefix: string, existing: readonly AreaUnit[]): string {
  const ids = new Set(existing.map((u) => u.id));
  let n = existing.length + 1;
  while (ids.has(`${prefix}${String(n).padStart(3, '0')}`)) n++;
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/** Blocks whose interior point lies in the geometry. */
export function blocksInside(geometry: Geom, blocks: readonly AreaUnit[]): string[] {
  return blocks
    .filter((b) => bboxesMeet(b.geometry, geometry) && pointInGeometry(...pointOnSurface(b.geometry), geometry))
    .map((b) => b.id);
}

function clipped(geometry: Geom, others: readonly AreaUnit[], policy: OverlapPolicy): Geom | { reason: Message } {
  if (policy === 'flag') return geometry;
  const neighbours = others.filter((o) => bboxesMeet(o.geometry, geometry)).map((o) => o.geometry);
  if (neighbours.length === 0) return geometry;
  const r = clipToNeighbours(geometry, neighbours);
  return r.ok ? r.geometry : { reason: r.reason };
}

export function addCommunity(
  drawn: Polygon,
  layers: { communities: readonly AreaUnit[]; blocks: readonly AreaUnit[] },
  policy: OverlapPolicy,
  communityType: string,
  name: (id: string) => string,
): EditResult {
  const geometry = clipped(drawn, layers.communities, policy);
  if ('reason' in geometry) return { ok: false, reason: geometry.reason };
  const id = nextId('D', layers.communities);
  const unit: AreaUnit = {
    id,
    kind: 'community',
    name: name(id),
    communityType,
    geometry,
    properties: { drawn: true },
  };
  const blockIds = blocksInside(geometry, layers.blocks);
  if (blockIds.length && policy === 'clip') unit.blockIds = blockIds;
  return {
    ok: true,
    id,
    tx: {
      label: msg('edit.label.draw', { name: unit.name }),
      changes: [{ kind: 'put', layer: 'communities', unit }],
    },
  };
}

export function addGrid(
  drawn: Polygon,
  layers: { communities: readonly AreaUnit[]; grids: readonly AreaUnit[] },
  policy: OverlapPolicy,
  name: (id: string) => string,
): EditResult {
  const at = pointOnSurface(drawn);
  const parent = layers.communities.find((c) => pointInGeometry(at[0], at[1], c.geometry));
  let geometry: Geom = drawn;
  if (parent && policy === 'clip') {
    const inside = fromClip(polyclip.intersection(toClip(drawn), toClip(parent.geometry)), SLIVER_AREA_M2);
    if (!inside) return { ok: false, reason: EDIT_REASONS.gridOutside };
    geometry = inside;
  }
  const siblings = layers.grids.filter((g) => g.parentId === parent?.id && g.id !== undefined);
  if (policy === 'clip' && siblings.length) {
    const r = clipped(geometry, siblings, 'clip');
    if ('reason' in r) return { ok: false, reason: r.reason };
    geometry = r;
  }
  const id = parent ? nextId(`${parent.id}-G`, layers.grids) : nextId('G', layers.grids);
  const unit: AreaUnit = {
    id,
    kind: 'grid',
    name: name(id),
    geometry,
    properties: { drawn: true },
    ...(parent ? { parentId: parent.id } : {}),
  };
  return {
    ok: true,
    id,
    tx: {
      label: msg('edit.label.draw', { name: unit.name }),
      changes: [{ kind: 'put', layer: 'grids', unit }],
    },
  };
}

export function reshapeCommunity(
  community: AreaUnit,
  polygon: Polygon,
  layers: { communities: readonly AreaUnit[]; blocks: readonly AreaUnit[] },
  policy: OverlapPolicy,
): EditResult {
  const geometry = clipped(
    polygon,
    layers.communities.filter((c) => c.id !== community.id),
    policy,
  );
  if ('reason' in geometry) return { ok: false, reason: geometry.reason };
  const unit: AreaUnit = { ...community, geometry };
  if (community.blockIds || blockIdsOf(community).length) unit.blockIds = blocksInside(geometry, layers.blocks);
  return {
    ok: true,
    id: community.id,
    tx: {
      label: msg('edit.label.reshape', { name: community.name }),
      changes: [{ kind: 'put', layer: 'communities', unit }],
    },
  };
}

export function splitCommunity(
  community: AreaUnit,
  line: LineString,
  layers: { communities: readonly AreaUnit[]; grids: readonly AreaUnit[]; blocks: readonly AreaUnit[] },
): EditResult {
  const r = splitPolygon(community.geometry, line);
  if (!r.ok) return { ok: false, reason: r.reason };
  const parts = r.parts;
  const units: AreaUnit[] = [];
  const taken = [...layers.communities];
  parts.forEach((geometry, i) => {
    const id = i === 0 ? community.id : nextId(`${community.id}-`, taken);
    const unit: AreaUnit = {
      ...community,
      id,
      name: i === 0 ? community.name : `${community.name} (${i + 1})`,
      geometry,
      locked: false,
    };
    if (blockIdsOf(community).length) unit.blockIds = blocksInside(geometry, layers.blocks);
    units.push(unit);
    taken.push(unit);
  });
  const changes: Change[] = units.map((unit) => ({ kind: 'put', layer: 'communities', unit }));
  for (const g of layers.grids.filter((g) => g.parentId === community.id)) {
    const at = pointOnSurface(g.geometry);
    const owner = units.find((u) => pointInGeometry(at[0], at[1], u.geometry));
    if (owner && owner.id !== community.id)
      changes.push({ kind: 'put', layer: 'grids', unit: { ...g, parentId: owner.id } });
  }
  return {
    ok: true,
    id: community.id,
    tx: {
      label: msg('edit.label.split', { name: community.name, count: String(parts.length) }),
      changes,
    },
  };
}

export function mergeCommunities(a: AreaUnit, b: AreaUnit, grids: readonly AreaUnit[]): EditResult {
  if (a.locked || b.locked) return { ok: false, reason: lockedReason(a.locked ? a.name : b.name) };
  const r = mergePolygons(a.geometry, b.geometry);
  if (!r.ok) return { ok: false, reason: r.reason };
  const unit: AreaUnit = { ...a, geometry: r.geometry };
  const blocks = [...blockIdsOf(a), ...blockIdsOf(b)];
  if (blocks.length) unit.blockIds = blocks;
  const changes: Change[] = [
    { kind: 'put', layer: 'communities', unit },
    { kind: 'delete', layer: 'communities', id: b.id },
    ...grids
      .filter((g) => g.parentId === b.id)
      .map((g): Change => ({ kind: 'put', layer: 'grids', unit: { ...g, parentId: a.id } })),
  ];
  return {
    ok: true,
    id: a.id,
    tx: { label: msg('edit.label.merge', { absorbed: b.name, name: a.name }), changes },
  };
}

export function deleteCommunity(community: AreaUnit, grids: readonly AreaUnit[]): EditResult {
  if (community.locked) return { ok: false, reason: lockedReason(community.name) };
  const changes: Change[] = [
    { kind: 'delete', layer: 'communities', id: community.id },
    ...grids
      .filter((g) => g.parentId === community.id)
      .map((g): Change => ({ kind: 'delete', layer: 'grids', id: g.id })),
  ];
  return { ok: true, tx: { label: msg('edit.label.delete', { name: community.name }), changes } };
}
