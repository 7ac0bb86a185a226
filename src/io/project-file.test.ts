import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { buildPlanExport } from '../core/export-plan';
import { PlanAnalyzer } from '../analysis/plan-analyzer';
import type { PlanLayers } from '../core/transaction';
import { demoLayers, defaultProfile } from '../../test/fixtures/plan/demo-layers';
import { looksLikeProjectFile, readProjectFile, writeProjectFile, type ProjectData } from './project-file';
import { writeGeoJson } from './geojson-format';
import { inEnglish } from './problems.testing';

function project(layers: PlanLayers): ProjectData {
  return {
    title: '普陀 demo',
    layers,
    profile: { activeId: 'jiangsu-2011', custom: [] },
    settings: { language: 'zh', householdsVisible: true },
    meta: { credits: ['© OpenStreetMap contributors'] },
    savedAt: '2025-03-01T10:00:00.000Z',
  };
}

function exportOf(layers: PlanLayers): Uint8Array {
  const analyzer = new PlanAnalyzer(layers.households);
  analyzer.setCommunities(layers.communities);
  analyzer.setGrids(layers.grids);
  const analysis = analyzer.analyze(defaultProfile());
  return writeGeoJson(
    buildPlanExport({
      communities: layers.communities,
      grids: layers.grids,
      facilities: layers.facilities,
      analysis,
      profile: defaultProfile(),
    }),
  );
}

/** Rebuilds a project zip with some entries changed, to make damaged files. */
function rezip(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

function manifestOf(entries: Record<string, Uint8Array>): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(entries['shequ-project.json'])) as Record<string, unknown>;
}

function problemsOf(bytes: Uint8Array): string[] {
  const read = readProjectFile(bytes);
  expect(read.ok).toBe(false);
  return read.ok ? [] : inEnglish(read.problems).map((p) => `${p.where}: ${p.message}`);
}

describe('project file', () => {
  it('gives back exactly the demo plan that was saved, and the same export', async () => {
    const layers = await demoLayers();
    const bytes = writeProjectFile(project(layers));
    expect(looksLikeProjectFile(bytes)).toBe(true);
    const read = readProjectFile(bytes);
    if (!read.ok) throw new Error(JSON.stringify(inEnglish(read.problems)));
    expect(inEnglish(read.warnings)).toEqual([]);
    const back = read.project;
    expect(back.title).toBe('普陀 demo');
    expect(back.profile).toEqual({ activeId: 'jiangsu-2011', custom: [] });
    expect(back.settings).toEqual({ language: 'zh', householdsVisible: true });
    expect(back.meta).toEqual({ credits: ['© OpenStreetMap contributors'] });
    expect(back.layers.households.coordinates).toBeInstanceOf(Float64Array);
    expect(back.layers.households.coordinates).toEqual(layers.households.coordinates);
    expect(back.layers.households.households).toEqual(layers.households.households);
    expect(back.layers).toStrictEqual(layers);
    expect(Buffer.from(exportOf(back.layers)).equals(Buffer.from(exportOf(layers)))).toBe(true);
    // Same input, same bytes: the zip's timestamps come from the save time.
    expect(Buffer.from(writeProjectFile(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps a custom profile and a source property named like a model field apart from the model', async () => {
    const layers = await demoLayers();
    const custom = { ...defaultProfile(), id: 'my-city' };
    const tricky: PlanLayers = {
      ...layers,
      communities: [{ ...layers.communities[0]!, properties: { kind: 'grid', locked: 'yes', __proto__x: 1 } }],
    };
    const read = readProjectFile(
      writeProjectFile({ ...project(tricky), profile: { activeId: 'my-city', custom: [custom] } }),
    );
    if (!read.ok) throw new Error(JSON.stringify(inEnglish(read.problems)));
    expect(read.project.layers.communities[0]).toStrictEqual(tricky.communities[0]);
    expect(read.project.profile.custom).toEqual([custom]);
  });

  it('lists every problem of a saved profile, each on its own line naming the field', async () => {
    const custom = structuredClone({ ...defaultProfile(), id: 'my-city' });
    const requirements = custom.facilityRequirements as { within: unknown; severity: unknown }[];
    requirements[0]!.within = 'somewhere';
    requirements[1]!.severity = 'fatal';
    const file = writeProjectFile({
      ...project(await demoLayers()),
      profile: { activeId: 'my-city', custom: [custom] },
    });
    expect(problemsOf(file)).toEqual([
      'saved profile 1: facilityRequirements[0].within must be "inside" or a positive distance in metres, not "somewhere"',
      'saved profile 1: facilityRequirements[1].severity must be "error", "warning" or "info", not "fatal"',
    ]);
  });

  it('keeps every scenario: the active one as the layers, the others with their own areas and facilities', async () => {
    const layers = await demoLayers();
    const proposal = {
      title: '方案一 title',
      communities: layers.communities.slice(2),
      grids: [],
      facilities: layers.facilities.slice(0, 3),
    };
    const scenarios: ProjectData['scenarios'] = {
      active: 1,
      list: [
        { id: 's1', name: { zh: '现状', en: 'Present layout' } },
        { id: 's2', name: '方案一', own: proposal },
      ].reverse(),
    };
    const views = [
      {
        id: 'v1',
        caption: '方案一：调整后',
        bbox: [121.4, 31.2, 121.5, 31.3] as [number, number, number, number],
        visible: { households: false },
        scenario: 's2',
        compare: null,
      },
    ];
    const read = readProjectFile(writeProjectFile({ ...project(layers), scenarios, views }));
    if (!read.ok) throw new Error(JSON.stringify(inEnglish(read.problems)));
    expect(read.project.scenarios).toStrictEqual(scenarios);
    expect(read.project.views).toStrictEqual(views);
    expect(read.project.layers).toStrictEqual(layers);
    // A file from before scenarios has none: the app opens it as one scenario.
    const old = readProjectFile(writeProjectFile(project(layers)));
    expect(old.ok && old.project.scenarios).toBe(undefined);
  });

  it('names a broken scenario by its place, and refuses an active number outside the list', async () => {
    const layers = await demoLayers();
    const bytes = (list: unknown, active: unknown) =>
      rezip(writeProjectFile(project(layers)), (e) => {
        const m = manifestOf(e);
        m.scenarios = { active, list };
        e['shequ-project.json'] = new TextEncoder().encode(JSON.stringify(m));
      });
    const here = { id: 'a', name: '现状' };
    expect(
      problemsOf(bytes([here, { id: 'b', name: 7, title: '', communities: [], grids: [], facilities: [] }], 0)),
    ).toEqual(['scenario 2: has no name']);
    expect(
      problemsOf(bytes([here, { id: 'b', name: 'x', title: 't', communities: {}, grids: [], facilities: [] }], 0)),
    ).toEqual(['shequ-project.json: the communities are not a list']);
    expect(problemsOf(bytes([here, here], 0))).toEqual(["scenario 2: repeats the id 'a'"]);
    expect(problemsOf(bytes([here], 1))[0]).toMatch(/the active scenario number '?1'? is not in the list/);
    expect(problemsOf(bytes([], 0))[0]).toMatch(/has 0 scenarios/);
  });

  describe('hostile files', () => {
    it('refuses a truncated file', async () => {
      const bytes = writeProjectFile(project(await demoLayers()));
      const problems = problemsOf(bytes.slice(0, Math.floor(bytes.length / 2)));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^file: the project file is damaged .*truncated/);
    });

    it('refuses a zip bomb by its declared size, before inflating', () => {
      const small = writeProjectFile(
        project({
          communities: [],
          grids: [],
          blocks: [],
          facilities: [],
          roads: null,
          households: {
            coordinates: new Float64Array(0),
            households: new Float64Array(0),
            names: null,
            properties: null,
          },
        }),
      );
      const bomb = small.slice();
      const view = new DataView(bomb.buffer);
      // Declare 4 GB uncompressed for every entry, in the local headers and the central directory.
      for (let i = 0; i + 4 <= bomb.length; i++) {
        const sig = view.getUint32(i, true);
        if (sig === 0x04034b50) view.setUint32(i + 22, 0xfffffff0, true);
        if (sig === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
      }
      const problems = problemsOf(bomb);
      expect(problems[0]).toMatch(
        /^shequ-project\.json: the entry declares 4,096 MB uncompressed, over the 256 MB manifest limit/,
      );
    });

    it('refuses a total over 1 GB even when each entry is under it', () => {
      const small = writeProjectFile(
        project({
          communities: [],
          grids: [],
          blocks: [],
          facilities: [],
          roads: null,
          households: {
            coordinates: new Float64Array(0),
            households: new Float64Array(0),
            names: null,
            properties: null,
          },
        }),
      );
      const bomb = small.slice();
      const view = new DataView(bomb.buffer);
      // Each binary entry claims 600 MB: under the cap alone, over it together.
      let entry = 0;
      for (let i = 0; i + 4 <= bomb.length; i++)
        if (view.getUint32(i, true) === 0x02014b50 && entry++ > 0) view.setUint32(i + 24, 600 * 1024 * 1024, true);
      expect(problemsOf(bomb)).toEqual([
        'households/households.f64: the entry declares 600 MB uncompressed, over the 1 GB project limit — the file is damaged or not a project saved by this app',
      ]);
    });

    it('refuses a newer format version', async () => {
      const bytes = rezip(writeProjectFile(project(await demoLayers())), (e) => {
        const m = manifestOf(e);
        e['shequ-project.json'] = new TextEncoder().encode(JSON.stringify({ ...m, version: 7 }));
      });
      expect(problemsOf(bytes)).toEqual([
        'shequ-project.json: the project was saved in format version 7, newer than this app reads (1) — update the app to open it',
      ]);
    });

    it('refuses coordinates that do not pair with the households', async () => {
      const bytes = rezip(writeProjectFile(project(await demoLayers())), (e) => {
        e['households/coordinates.f64'] = e['households/coordinates.f64']!.slice(16);
      });
      expect(problemsOf(bytes)).toEqual([
        'households: 956 coordinates for 479 points (the manifest says 479); there must be two per point — the file is damaged',
      ]);
    });

    it('refuses NaN and negative household counts, naming the point', async () => {
      const bytes = rezip(writeProjectFile(project(await demoLayers())), (e) => {
        const h = new Float64Array(e['households/households.f64']!.slice().buffer);
        h[4] = NaN;
        h[9] = -3;
        e['households/households.f64'] = new Uint8Array(h.buffer);
      });
      expect(problemsOf(bytes)).toEqual([
        'household point 5: the household count NaN is not a non-negative number',
        'household point 10: the household count -3 is not a non-negative number',
      ]);
    });

    it('names a unit with a broken shape and a grid stored as a community', async () => {
      const bytes = rezip(writeProjectFile(project(await demoLayers())), (e) => {
        const m = manifestOf(e) as { layers: { communities: { geometry: unknown; unit: { kind: string } }[] } };
        m.layers.communities[2]!.geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [121.4, 31.2],
              [121.5, 'x'],
              [121.4, 31.2],
            ],
          ],
        };
        m.layers.communities[4]!.unit.kind = 'grid';
        e['shequ-project.json'] = new TextEncoder().encode(JSON.stringify(m));
      });
      expect(problemsOf(bytes)).toEqual([
        'community 3: a ring has fewer than 4 positions',
        "community 5: is a 'grid', not a community",
      ]);
    });

    it('refuses what is not a project, and never throws on noise', () => {
      expect(problemsOf(new Uint8Array(0))).toEqual(['file: the file is empty']);
      expect(problemsOf(new TextEncoder().encode('{"type":"FeatureCollection"}'))[0]).toMatch(/not a project file/);
      expect(problemsOf(zipSync({ 'other.txt': new Uint8Array([1]) }))).toEqual([
        'file: the archive has no shequ-project.json — it is a zip, but not a project file',
      ]);
      let seed = 7;
      for (let n = 0; n < 200; n++) {
        const noise = new Uint8Array(64 + n * 7);
        for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
        noise.set([0x50, 0x4b, 0x05, 0x06], noise.length - 22);
        expect(readProjectFile(noise).ok).toBe(false);
      }
      expect(looksLikeProjectFile(zipSync({ 'other.txt': new Uint8Array([1]) }))).toBe(false);
    });
  });
});
