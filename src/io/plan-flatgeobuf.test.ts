import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyzeAndExport, demoLayers } from '../../test/fixtures/plan/demo-layers';
import { parseBlockIds, readPlanFlatGeobuf, writePlanFlatGeobuf } from './plan-flatgeobuf';
import { inEnglish } from './problems.testing';

const hasGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'plan-fgb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan FlatGeobuf', () => {
  it('writes flat columns and the plan metadata, and reads the plan features back', async () => {
    const layers = await demoLayers();
    const plan = analyzeAndExport(layers);
    const read = await readPlanFlatGeobuf(await writePlanFlatGeobuf(plan));
    if (!read.ok) throw new Error(JSON.stringify(inEnglish(read.problems)));
    expect(read.features).toHaveLength(plan.features.length);
    expect(read.metadata).toEqual(JSON.parse(JSON.stringify(plan.metadata)));
    const grid = read.features[layers.communities.length] as Feature;
    expect(grid.properties).toEqual({
      id: layers.grids[0]!.id,
      kind: 'grid',
      name: layers.grids[0]!.name,
      communityId: layers.grids[0]!.parentId,
      blockIds: layers.grids[0]!.blockIds,
      draft: true,
    });
  });

  it('keeps block ids with separators in them', () => {
    expect(parseBlockIds('B1; B2')).toEqual(['B1', 'B2']);
    expect(parseBlockIds('')).toEqual([]);
    expect(parseBlockIds('["a; b","[c"]')).toEqual(['a; b', '[c']);
    expect(parseBlockIds('[not json')).toBeNull();
  });

  it.skipIf(!hasGdal)('is read by GDAL with typed columns, every feature and the same geometries', async () => {
    const layers = await demoLayers();
    const plan = analyzeAndExport(layers);
    const path = join(dir, 'plan.fgb');
    writeFileSync(path, await writePlanFlatGeobuf(plan));
    const info = spawnSync('ogrinfo', ['-al', '-so', path], { encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(info.stdout).toContain(`Feature Count: ${plan.features.length}`);
    expect(info.stdout).toContain('ID["EPSG",4326]');
    const columns = new Map([...info.stdout.matchAll(/^(\S+): (\w+(?:\(\w+\))?) \(/gm)].map((m) => [m[1]!, m[2]!]));
    expect(
      Object.fromEntries(
        [
          'id',
          'kind',
          'name',
          'communityType',
          'communityId',
          'households',
          'householdPoints',
          'bandMin',
          'bandMax',
          'bandStatus',
          'bandDistance',
          'flagCodes',
          'flagMessages',
          'cov_kindergarten_500',
          'category',
          'sourceType',
          'floorArea',
          'blockIds',
          'locked',
          'draft',
        ].map((c) => [c, columns.get(c)]),
      ),
    ).toEqual({
      id: 'String',
      kind: 'String',
      name: 'String',
      communityType: 'String',
      communityId: 'String',
      households: 'Real',
      householdPoints: 'Integer',
      bandMin: 'Real',
      bandMax: 'Real',
      bandStatus: 'String',
      bandDistance: 'Real',
      flagCodes: 'String',
      flagMessages: 'String',
      cov_kindergarten_500: 'Real',
      category: 'String',
      sourceType: 'String',
      floorArea: 'Real',
      blockIds: 'String',
      locked: 'Integer(Boolean)',
      draft: 'Integer(Boolean)',
    });
    // No JSON blobs: no column is of GDAL's JSON subtype.
    expect([...columns.values()].filter((t) => /JSON/i.test(t))).toEqual([]);

    const out = join(dir, 'plan-from-gdal.geojson');
    const converted = spawnSync('ogr2ogr', ['-f', 'GeoJSON', out, path], { encoding: 'utf8' });
    expect(converted.status).toBe(0);
    const back = JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection<Geometry>;
    expect(back.features).toHaveLength(plan.features.length);
    back.features.forEach((f, i) => {
      const expected = plan.features[i]!;
      expect(f.geometry).toEqual(expected.geometry);
      expect(f.properties?.id).toBe(expected.properties?.id);
      expect(f.properties?.households ?? null).toBe(expected.properties?.households ?? null);
    });
    const first = back.features[0]!.properties!;
    expect(first.flagCodes).toBe(
      (plan.features[0]!.properties!.flags as { code: string }[]).map((x) => x.code).join('; '),
    );
    const coverage = plan.features[0]!.properties!.coverage as Record<string, Record<string, number>>;
    expect(first.cov_kindergarten_500).toBe(coverage.kindergarten!['500']);
  });
});
