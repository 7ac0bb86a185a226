import { describe, expect, it } from 'vitest';
import area from '@turf/area';
import type { AreaUnit } from '../model';
import { applyTransaction, type PlanLayers } from '../transaction';
import { autoDivideCommunity, clipGridsToCommunity } from './grid-tools';

const rect = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const community: AreaUnit = {
  id: 'C1',
  kind: 'community',
  name: 'C1',
  geometry: rect(121.47, 31.23, 121.48, 31.24),
  properties: {},
};

function households(n: number) {
  const coordinates = new Float64Array(n * 2);
  const hh = new Float64Array(n);
  let s = 7;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    coordinates[i * 2] = 121.4705 + (s / 2147483648) * 0.009;
    s = (s * 1103515245 + 12345) % 2147483648;
    coordinates[i * 2 + 1] = 31.2305 + (s / 2147483648) * 0.009;
    hh[i] = 40;
  }
  return { coordinates, households: hh };
}

const base = (grids: AreaUnit[]): PlanLayers => ({
  communities: [community],
  grids,
  households: { coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null },
  facilities: [],
  roads: null,
  blocks: [],
});

describe('grid tools', () => {
  it('auto-divides a community into grids that tile it, replacing its old grids', () => {
    const old: AreaUnit = {
      id: 'old',
      kind: 'grid',
      name: 'old',
      parentId: 'C1',
      geometry: community.geometry,
      properties: {},
    };
    const r = autoDivideCommunity(community, [old], households(60), { min: 300, max: 600 });
    if (!r.ok) throw new Error(r.reason.en);
    const count = r.tx.changes.filter((c) => c.kind === 'put').length;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(r.tx.label).toEqual({
      zh: `C1：划分为 ${count} 个网格（300–600 户）`,
      en: `C1: ${count} grids (300–600 households)`,
    });
    const after = applyTransaction(base([old]), r.tx).layers;
    expect(after.grids.some((g) => g.id === 'old')).toBe(false);
    const total = after.grids.reduce((s, g) => s + area(g.geometry), 0);
    expect(total / area(community.geometry)).toBeCloseTo(1, 5);
    expect(after.grids.every((g) => g.parentId === 'C1')).toBe(true);
  });

  it('clips grids back inside a reshaped community and deletes grids left outside', () => {
    const crossing: AreaUnit = {
      id: 'g1',
      kind: 'grid',
      name: 'g1',
      parentId: 'C1',
      geometry: rect(121.475, 31.235, 121.49, 31.245),
      properties: {},
    };
    const outside: AreaUnit = {
      id: 'g2',
      kind: 'grid',
      name: 'g2',
      parentId: 'C1',
      geometry: rect(121.49, 31.23, 121.5, 31.24),
      properties: {},
    };
    const r = clipGridsToCommunity(community, [crossing, outside]);
    if (!r.ok) throw new Error(r.reason.en);
    const changes = r.tx.changes;
    expect(changes.find((c) => c.kind === 'delete')).toMatchObject({ id: 'g2' });
    const put = changes.find((c) => c.kind === 'put');
    expect(put && put.kind === 'put' && put.layer === 'grids' && area(put.unit.geometry)).toBeCloseTo(
      area(rect(121.475, 31.235, 121.48, 31.24)),
      -1,
    );
  });
});
