import { describe, expect, it } from 'vitest';
import type { AreaUnit, Facility } from '../core/model';
import { EMPTY_LAYERS, removeLayer, replacePlan } from '../core/plan-lifecycle';
import type { PlanLayers } from '../core/transaction';
import { PlanStore } from './plan-store.svelte';

const unit = (id: string): AreaUnit => ({
  id,
  kind: 'community',
  name: id,
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {},
});
const facility = (id: string): Facility => ({
  id,
  name: id,
  category: 'kindergarten',
  lon: 121,
  lat: 31,
  properties: {},
});
const credit = { zh: '设施: 高德', en: 'Facilities: AMap' };

const first: PlanLayers = { ...EMPTY_LAYERS, communities: [unit('A'), unit('B')] };
const whole: PlanLayers = { ...first, facilities: [facility('F')], credits: { facilities: credit } };

describe('the plan store', () => {
  it('a whole-plan replacement (New) is one step that undo reverses exactly, title included', () => {
    const plan = new PlanStore();
    plan.load(whole, 'demo');
    plan.commit(replacePlan(plan.layers, EMPTY_LAYERS, { zh: '新建', en: 'New' }), '');
    expect(plan.layers.communities).toEqual([]);
    expect(plan.layers.credits).toEqual({});
    expect(plan.title).toBe('');
    plan.undo();
    expect(plan.layers).toEqual(whole);
    expect(plan.title).toBe('demo');
    plan.redo();
    expect(plan.title).toBe('');
    expect(plan.layers.facilities).toEqual([]);
  });

  it('removing a layer drops its credit, and undo brings both back', () => {
    const plan = new PlanStore();
    plan.load(whole, 'demo');
    plan.commit(removeLayer(plan.layers, 'facilities', 'remove'));
    expect(plan.layers.facilities).toEqual([]);
    expect(plan.layers.credits).toEqual({});
    plan.undo();
    expect(plan.layers.facilities).toEqual(whole.facilities);
    expect(plan.layers.credits).toEqual({ facilities: credit });
  });

  it('completing an opened plan replaces it when nothing was done meanwhile', () => {
    const plan = new PlanStore();
    plan.load(first, 'demo');
    plan.complete(whole, plan.version);
    expect(plan.layers).toEqual(whole);
    expect(plan.undoStack).toEqual([]);
  });

  it('completing after an edit keeps the edit and its undo, and only adds what was missing', () => {
    const plan = new PlanStore();
    plan.load(first, 'demo');
    const opened = plan.version;
    plan.commit({ label: 'delete B', changes: [{ kind: 'delete', layer: 'communities', id: 'B' }] });
    plan.complete(whole, opened);
    expect(plan.layers.communities.map((c) => c.id)).toEqual(['A']);
    expect(plan.layers.facilities).toEqual(whole.facilities);
    expect(plan.layers.credits).toEqual({ facilities: credit });
    expect(plan.undoStack).toHaveLength(1);
    plan.undo();
    expect(plan.layers.communities.map((c) => c.id)).toEqual(['A', 'B']);
    expect(plan.layers.facilities).toEqual(whole.facilities);
  });
});
