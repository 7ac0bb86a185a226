// AnalysisStore, its controller and the analysis worker's real handlers, over a real MessageChannel:
// every request and reply goes through structured clone and transfer as it does to a Worker.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { analysisOverChannel } from '../analysis/analysis-channel.testing';
import { createAnalysisClient } from '../analysis/analysis-client';
import { RequestCancelledError, WorkerCrashedError } from '../analysis/worker-rpc';
import type { AreaUnit, Facility, HouseholdSet } from '../core/model';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import type { PlanLayers } from '../core/transaction';
import { AnalysisController, TOPOLOGY_DELAY_MS } from './analysis-controller.svelte';
import { AnalysisStore } from './analysis-store.svelte';
import { AppState } from './app-state.svelte';

const profile = builtInProfile(DEFAULT_PROFILE_ID)!;

const rect = (id: string, w: number, s: number, e: number, n: number): AreaUnit => ({
  id,
  kind: 'community',
  name: id,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
  properties: {},
});

/** 400 points of 10 households on a 20 × 20 lattice, 0.001° apart, from (121.46, 31.22). */
function households(): HouseholdSet {
  const n = 400;
  const coordinates = new Float64Array(n * 2);
  const hh = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    coordinates[i * 2] = 121.46 + (i % 20) * 0.001 + 0.0005;
    coordinates[i * 2 + 1] = 31.22 + Math.floor(i / 20) * 0.001 + 0.0005;
    hh[i] = 10;
  }
  return { coordinates, households: hh, names: null, properties: null };
}

/** Streets every 0.002° over the lattice, so walking areas exist. */
function streets(): FeatureCollection<LineString> {
  const line = (a: [number, number], b: [number, number]): Feature<LineString> => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates: [a, b] },
  });
  const features: Feature<LineString>[] = [];
  for (let k = 0; k <= 10; k++) {
    const x = 121.46 + k * 0.002;
    const y = 31.22 + k * 0.002;
    features.push(line([x, 31.22], [x, 31.24]), line([121.46, y], [121.48, y]));
  }
  return { type: 'FeatureCollection', features };
}

const station = (id: string, lon: number, lat: number): Facility => ({
  id,
  name: id,
  category: 'community-service-station',
  lon,
  lat,
  properties: {},
});

function layers(over: Partial<PlanLayers> = {}): PlanLayers {
  return {
    // West half and east half of the lattice: 200 points each.
    communities: [rect('W', 121.46, 31.22, 121.47, 31.24), rect('E', 121.47, 31.22, 121.48, 31.24)],
    grids: [],
    households: households(),
    facilities: [station('F1', 121.464, 31.224), station('F2', 121.476, 31.236)],
    roads: streets(),
    blocks: [],
    ...over,
  };
}

const counts = (store: AnalysisStore) => new Map(store.analysis?.communities.map((c) => [c.id, c.households]) ?? []);

/** Lets the channel deliver: each hop is a macrotask. */
const drain = async (rounds = 20) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('AnalysisStore over a MessageChannel', () => {
  it('counts the plan, then follows an edit sent as a change', async () => {
    const store = new AnalysisStore(analysisOverChannel);
    const plan = layers();
    await store.sync(plan, profile);
    expect(counts(store)).toEqual(
      new Map([
        ['W', 2000],
        ['E', 2000],
      ]),
    );
    expect(store.cover?.length).toBe(400);
    expect([...store.cover!].every((c) => c === 1)).toBe(true);
    expect(store.error).toBeNull();

    // W shrinks to its western half: 100 points (1,000 households) become unassigned.
    const edited = { ...plan, communities: [rect('W', 121.46, 31.22, 121.465, 31.24), plan.communities[1]!] };
    await store.sync(edited, profile);
    expect(counts(store)).toEqual(
      new Map([
        ['W', 1000],
        ['E', 2000],
      ]),
    );
    expect([...store.cover!].filter((c) => c === 0).length).toBe(100);
  });

  it('answers queries from what it holds: tiers, nearest facilities, walking areas, topology', async () => {
    const store = new AnalysisStore(analysisOverChannel);
    await store.sync(layers(), profile);
    const { nearest } = await store.query('nearestFacilities', { household: 315 }); // beside F2
    expect(nearest.find((n) => n.category === 'community-service-station')?.facilityId).toBe('F2');
    const { tiers } = await store.query('coverageTiers', { category: 'community-service-station' });
    expect(tiers).toBeInstanceOf(Uint8Array);
    expect(tiers.length).toBe(400);
    const { areas } = await store.query('walkingAreas', { lon: 121.464, lat: 31.224 });
    expect(areas?.length).toBeGreaterThan(0);
    const { flags } = await store.query('topology', {});
    expect(flags).toEqual([]);
  });

  it('after a crash rejects nothing silently, restarts the worker and sends the plan again', async () => {
    let started = 0;
    const store = new AnalysisStore(() => {
      started++;
      return analysisOverChannel();
    });
    const plan = layers();
    await store.sync(plan, profile);
    const waiting = store.query('walkingAreas', { lon: 121.464, lat: 31.224 });
    // Microtasks only: the query is sent, and no reply (a macrotask away) can come meanwhile.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    store.simulateCrash();
    await expect(waiting).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(started).toBe(2);
    expect(store.crashes).toBe(1);
    await drain();
    while (store.pending > 0) await drain();
    expect(counts(store)).toEqual(
      new Map([
        ['W', 2000],
        ['E', 2000],
      ]),
    );
    // The fresh worker was sent everything again: it knows the streets.
    expect((await store.query('walkingAreas', { lon: 121.464, lat: 31.224 })).areas?.length).toBeGreaterThan(0);
  });

  it('cancels a tagged query when the same tag asks again, and on cancel(tag)', async () => {
    const store = new AnalysisStore(analysisOverChannel);
    await store.sync(layers(), profile);
    const first = store.query('nearestFacilities', { household: 0 }, 'selection');
    const second = store.query('nearestFacilities', { household: 315 }, 'selection'); // beside F2
    await expect(first).rejects.toBeInstanceOf(RequestCancelledError);
    expect((await second).nearest.find((n) => n.category === 'community-service-station')?.facilityId).toBe('F2');
    const third = store.query('nearestFacilities', { household: 0 }, 'selection');
    store.cancel('selection');
    await expect(third).rejects.toBeInstanceOf(RequestCancelledError);
  });
});

describe('the analysis contract over a MessageChannel', () => {
  it('transfers the household arrays to the worker and the cover back, never copying them', async () => {
    const client = createAnalysisClient(analysisOverChannel);
    const coordinates = new Float64Array([121.4605, 31.2205, 121.4755, 31.2205]);
    const hh = new Float64Array([3, 4]);
    await client.request('setUnits', { kind: 'community', units: layers().communities });
    const snapshot = await client.request(
      'setHouseholds',
      { coordinates, households: hh },
      { transfer: [coordinates.buffer, hh.buffer] },
    );
    expect(coordinates.byteLength).toBe(0); // detached: handed over
    expect(hh.byteLength).toBe(0);
    expect(snapshot.cover && 'full' in snapshot.cover && [...snapshot.cover.full]).toEqual([1, 1]);
    expect(snapshot.analysis.totalHouseholds).toBe(7);
    client.terminate();
  });

  it('drops a cancelled request’s late reply and rejects it at once', async () => {
    const client = createAnalysisClient(analysisOverChannel);
    await client.request('setHouseholds', {
      coordinates: households().coordinates,
      households: households().households,
    });
    const controller = new AbortController();
    const asked = client.request('nearestFacilities', { household: 0 }, { signal: controller.signal });
    controller.abort();
    await expect(asked).rejects.toBeInstanceOf(RequestCancelledError);
    await drain(); // the worker answers anyway; nobody is waiting for it
    expect(client.inFlight).toBe(0);
    expect((await client.request('nearestFacilities', { household: 0 })).nearest).toEqual([]);
    client.terminate();
  });

  it('on the worker’s error event rejects every pending request and starts a fresh worker', async () => {
    const endpoints: ReturnType<typeof analysisOverChannel>[] = [];
    const client = createAnalysisClient(() => {
      const e = analysisOverChannel();
      endpoints.push(e);
      return e;
    });
    const reasons: string[] = [];
    client.onCrash = (reason) => reasons.push(reason);
    const a = client.request('topology', {});
    const b = client.request('nearestFacilities', { household: 0 });
    let prevented = false;
    endpoints[0]!.onerror!({
      message: 'out of memory',
      preventDefault: () => (prevented = true),
    } as unknown as ErrorEvent);
    await expect(a).rejects.toThrow(/out of memory/);
    await expect(b).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(prevented).toBe(true);
    expect(reasons).toEqual(['out of memory']);
    expect(endpoints.length).toBe(2);
    expect((await client.request('topology', {})).flags).toEqual([]);
    client.terminate();
  });
});

describe('AnalysisController', () => {
  async function openedApp() {
    const app = new AppState(analysisOverChannel);
    app.plan.load(layers(), 'plan');
    const controller = new AnalysisController(app);
    controller.planChanged(app.plan.layers, app.profiles.active, 1);
    await app.analysis.sync(app.plan.layers, app.profiles.active);
    return { app, controller };
  }

  it('shows the walking areas of the selected facility', async () => {
    const { app, controller } = await openedApp();
    app.selection = { kind: 'facility', id: 'F1' };
    controller.selectionChanged(app.selection);
    await drain();
    expect(app.walkingAreas?.length).toBeGreaterThan(0);
  });

  it('drops the walking areas of a facility deselected before they came', async () => {
    const { app, controller } = await openedApp();
    controller.selectionChanged({ kind: 'facility', id: 'F1' });
    controller.selectionChanged(null); // deselected while the worker still works on F1
    await drain();
    expect(app.walkingAreas).toBeNull();
  });

  it('shows only the last of two facilities selected in quick succession', async () => {
    const { app, controller } = await openedApp();
    const expected = (await app.analysis.query('walkingAreas', { lon: 121.476, lat: 31.236 })).areas;
    controller.selectionChanged({ kind: 'facility', id: 'F1' });
    controller.selectionChanged({ kind: 'facility', id: 'F2' });
    await drain();
    expect(app.walkingAreas).toEqual(expected);
  });

  it('drops the nearest facilities of a household deselected before they came', async () => {
    const { app, controller } = await openedApp();
    controller.selectionChanged({ kind: 'household', index: 5 });
    controller.selectionChanged({ kind: 'community', id: 'W' });
    await drain();
    expect(app.nearest).toBeNull();
  });

  it('drops blind-spot tiers of a view closed before they came', async () => {
    const { app, controller } = await openedApp();
    controller.coverageViewChanged({ category: 'community-service-station', tier: 0 });
    controller.coverageViewChanged(null);
    await drain();
    expect(app.coverageTiers).toBeNull();
    controller.coverageViewChanged({ category: 'community-service-station', tier: 0 });
    await drain();
    expect(app.coverageTiers?.length).toBe(400);
  });

  it('checks topology once after a burst of boundary edits', async () => {
    const { app, controller } = await openedApp();
    const overlapping = [...app.plan.layers.communities, { ...rect('X', 121.465, 31.22, 121.475, 31.23) }];
    controller.boundariesChanged(app.plan.layers, 1);
    const edited = { ...app.plan.layers, communities: overlapping };
    await app.analysis.sync(edited, app.profiles.active);
    controller.boundariesChanged(edited, 2);
    await new Promise((r) => setTimeout(r, TOPOLOGY_DELAY_MS * 2));
    await drain();
    expect(app.topology?.some((f) => f.code.includes('overlap'))).toBe(true);
  });

  it('leaves the blind-spot view when the coverage tab is left, and tells of a crash', async () => {
    const { app, controller } = await openedApp();
    app.coverageView = { category: 'community-service-station', tier: 0 };
    controller.tabChanged('coverage');
    expect(app.coverageView).not.toBeNull();
    controller.tabChanged('size');
    expect(app.coverageView).toBeNull();
    controller.crashed(0);
    expect(app.notice).toBeNull();
    controller.crashed(1);
    expect(app.notice?.kind).toBe('error');
  });
});
