import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { analyzeAndExport, demoLayers } from '../../test/fixtures/plan/demo-layers';
import { writeGeoJson } from './geojson-format';
import { writeFlatGeobuf } from './flatgeobuf-format';
import { looksLikePlanExport, readPlanFile, type OpenedPlan } from './plan-file';
import { writePlanFlatGeobuf } from './plan-flatgeobuf';
import { writeProjectFile } from './project-file';
import { inEnglish } from './problems.testing';

async function open(bytes: Uint8Array, name: string): Promise<OpenedPlan> {
  const read = await readPlanFile(bytes, name);
  if (!read.ok) throw new Error(JSON.stringify(inEnglish(read.problems)));
  expect(inEnglish(read.warnings)).toEqual([]);
  return read.plan;
}

async function problemsOf(bytes: Uint8Array, name: string): Promise<string[]> {
  const read = await readPlanFile(bytes, name);
  expect(read.ok).toBe(false);
  return read.ok ? [] : inEnglish(read.problems).map((p) => `${p.where}: ${p.message}`);
}

const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('opening an exported plan', () => {
  it('restores the demo plan from its GeoJSON export, and exporting it again gives the same bytes', async () => {
    const layers = await demoLayers();
    const exported = writeGeoJson(analyzeAndExport(layers));
    expect(looksLikePlanExport(exported, 'plan.geojson')).toBe(true);
    const plan = await open(exported, 'plan.geojson');
    expect(plan.format).toBe('geojson');
    expect(plan.title).toBe('普陀 demo');
    expect(plan.profileId).toBe('jiangsu-2011');
    expect([plan.communities.length, plan.grids.length, plan.facilities.length]).toEqual([
      layers.communities.length,
      layers.grids.length,
      layers.facilities.length,
    ]);
    const c = plan.communities[0]!;
    const original = layers.communities[0]!;
    expect({ id: c.id, kind: c.kind, name: c.name, communityType: c.communityType, blockIds: c.blockIds }).toEqual({
      id: original.id,
      kind: 'community',
      name: original.name,
      communityType: original.communityType,
      blockIds: original.blockIds,
    });
    // The computed figures are gone; the source's own properties stay.
    expect(c.properties).toEqual({ draft: true });
    expect(plan.grids.map((g) => g.parentId)).toEqual(layers.grids.map((g) => g.parentId));
    expect(plan.facilities[0]).toMatchObject({
      id: layers.facilities[0]!.id,
      category: layers.facilities[0]!.category,
    });
    expect(plan.facilities[0]!.properties).not.toHaveProperty('kind');
    // Re-analysed and exported again: the very same file.
    const again = writeGeoJson(
      analyzeAndExport({ ...layers, communities: plan.communities, grids: plan.grids, facilities: plan.facilities }),
    );
    expect(new TextDecoder().decode(again)).toBe(new TextDecoder().decode(exported));
  });

  it('restores the same plan from the flat FlatGeobuf export', async () => {
    const layers = await demoLayers();
    const exported = analyzeAndExport(layers);
    const fromGeoJson = await open(writeGeoJson(exported), 'plan.geojson');
    const fgb = await writePlanFlatGeobuf(exported);
    expect(looksLikePlanExport(fgb, 'plan.fgb')).toBe(true);
    const fromFgb = await open(fgb, 'plan.fgb');
    expect(fromFgb.format).toBe('flatgeobuf');
    expect({ ...fromFgb, format: 'geojson' }).toStrictEqual(fromGeoJson);
  });

  it('opens a project file through the same door', async () => {
    const layers = await demoLayers();
    const bytes = writeProjectFile({
      title: 'p',
      layers,
      profile: { activeId: 'chengdu-2002', custom: [] },
      settings: {},
      savedAt: '2025-01-01T00:00:00Z',
    });
    expect(looksLikePlanExport(bytes, 'x.shequ')).toBe(true);
    const plan = await open(bytes, 'x.shequ');
    expect(plan.format).toBe('project');
    expect(plan.profileId).toBe('chengdu-2002');
    expect(plan.communities).toStrictEqual(layers.communities);
    expect(plan.project?.layers.households.households).toEqual(layers.households.households);
  });

  it('does not take a layer with `kind` properties for a plan', async () => {
    const square: Feature<Polygon> = {
      type: 'Feature',
      properties: { id: 'A', kind: 'grid', generator: 'shequ-planner' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.4, 31.2],
            [121.41, 31.2],
            [121.41, 31.21],
            [121.4, 31.2],
          ],
        ],
      },
    };
    const layer = text({ type: 'FeatureCollection', features: [square] });
    expect(looksLikePlanExport(layer, 'c.geojson')).toBe(false);
    expect(await problemsOf(layer, 'c.geojson')).toEqual([
      "file: this is not a plan exported by this app (it has no metadata.generator 'shequ-planner') — import it as a layer instead",
    ]);
    const fgb = await writeFlatGeobuf({ type: 'FeatureCollection', features: [square] });
    expect(looksLikePlanExport(fgb, 'c.fgb')).toBe(false);
    expect((await problemsOf(fgb, 'c.fgb'))[0]).toMatch(/not a plan exported by this app/);
  });

  it('names the feature with an unknown kind or a broken geometry', async () => {
    const layers = await demoLayers();
    const exported = analyzeAndExport({
      ...layers,
      communities: layers.communities.slice(0, 3),
      grids: layers.grids.slice(0, 2),
      facilities: layers.facilities.slice(0, 2),
    });
    const edited = structuredClone(exported);
    edited.features[1]!.properties!.kind = 'block';
    expect(await problemsOf(text(edited), 'plan.geojson')).toEqual([
      "feature 2: its kind 'block' is not community, grid or facility — was the plan edited outside the app?",
    ]);
    const broken = structuredClone(exported);
    (broken.features[4]!.geometry as Polygon).coordinates[0]![1] = [231.4, 31.2];
    const problems = await problemsOf(text(broken), 'plan.geojson');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^feature 5: .*231\.4/);
  });

  it('refuses damaged files with one line', async () => {
    const layers = await demoLayers();
    const exported = analyzeAndExport({
      ...layers,
      communities: layers.communities.slice(0, 3),
      grids: [],
      facilities: [],
    });
    const fgb = await writePlanFlatGeobuf(exported);
    expect((await problemsOf(fgb.slice(0, fgb.length - 50), 'plan.fgb'))[0]).toMatch(
      /^file: the FlatGeobuf file is damaged/,
    );
    const json = writeGeoJson(exported);
    expect((await problemsOf(json.slice(0, json.length - 10), 'plan.geojson'))[0]).toMatch(/^file: /);
    expect(await problemsOf(new Uint8Array(0), 'plan.geojson')).toEqual(['file: the file is empty']);
  });
});
