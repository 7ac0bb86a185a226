// Grid operations tied to a community: divide it into grids within the profile's grid band, and
// after the community is reshaped, clip its grids back inside it (STANDARDS.md S1: every grid
// lies inside one community). Both return an edit result.
import * as polyclip from 'polyclip-ts';
import { msg } from '../i18n';
import type { AreaUnit } from '../model';
import type { Change } from '../transaction';
import type { EditResult } from './edit-result';
import { divideIntoGrids, type GridBand, type HouseholdPoints } from './divide-into-grids';
import { fromClip, toClip, SLIVER_AREA_M2 } from './geometry';

type ClipGeom = Parameters<typeof polyclip.intersection>[0];

export function gridsOf(community: AreaUnit, grids: readonly AreaUnit[]): AreaUnit[] {
  return grids.filter((g) => g.parentId === community.id);
}

/** Replaces the community's grids by an automatic division into band-sized grids. */
export function autoDivideCommunity(
  community: AreaUnit,
  grids: readonly AreaUnit[],
  households: HouseholdPoints,
  band: GridBand,
): EditResult {
  const division = divideIntoGrids(community.geometry, households, band);
  const changes: Change[] = gridsOf(community, grids).map((g) => ({ kind: 'delete', layer: 'grids', id: g.id }));
  division.grids.forEach((g, i) => {
    const id = `${community.id}-G${String(i + 1).padStart(2, '0')}`;
    changes.push({
      kind: 'put',
      layer: 'grids',
      unit: {
        id,
        kind: 'grid',
        name: `网格 ${id}`,
        parentId: community.id,
        geometry: g.geometry,
        properties: { autoDivided: true },
      },
    });
  });
  const count = division.grids.length;
  return {
    ok: true,
    id: community.id,
    tx: {
      label: msg('edit.label.grids', {
        name: community.name,
        count: String(count),
        min: String(band.min),
        max: String(band.max),
      }),
      changes,
    },
  };
}

/** Clips each of the community's grids to the community; grids left empty are deleted. */
export function clipGridsToCommunity(community: AreaUnit, grids: readonly AreaUnit[]): EditResult {
  const changes: Change[] = [];
  const outer = toClip(community.geometry) as ClipGeom;
  for (const g of gridsOf(community, grids)) {
    const inside = fromClip(polyclip.intersection(toClip(g.geometry), outer), SLIVER_AREA_M2);
    if (!inside) changes.push({ kind: 'delete', layer: 'grids', id: g.id });
    else changes.push({ kind: 'put', layer: 'grids', unit: { ...g, geometry: roundTo(inside, 9) } });
  }
  return {
    ok: true,
    id: community.id,
    tx: { label: msg('edit.label.clipGrids', { name: community.name }), changes },
  };
}

function roundTo<T extends { coordinates: unknown }>(g: T, decimals: number): T {
  const f = 10 ** decimals;
  const walk = (c: unknown): unknown =>
    typeof c === 'number' ? Math.round(c * f) / f : Array.isArray(c) ? c.map(walk) : c;
  return { ...g, coordinates: walk(g.coordinates) };
}
