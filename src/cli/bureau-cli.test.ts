// The CLI on the files bureaus hold, on data the code has never seen (test/fixtures/bureau,
// written by GDAL from seeded random communities, grids and compounds: generate.ts): a GBK
// Shapefile in EPSG:4528 (zipped, and as a .shp with its parts beside it), a GeoPackage in
// EPSG:4527 with two tables, an Excel sheet of BD-09 points behind a notes sheet, and a KML.
// Every count must equal the independent one (GDAL's reprojection + Turf) exactly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from './analyze-command';

const DIR = 'test/fixtures/bureau';
interface Counted {
  id: string;
  name: string;
  households: number;
}
const expected = JSON.parse(readFileSync(`${DIR}/expected-counts.json`, 'utf8')) as {
  total: number;
  unassigned: number;
  communities: Counted[];
  grids: Counted[];
};
type Output = FeatureCollection<Geometry, { id: string; name: string; kind: string; households: number }>;

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'bureau-cli-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function analyze(communities: string, extra: [string, string][] = []) {
  const file = join(out, `plan-${Math.random().toString(36).slice(2)}.geojson`);
  const summary = await runAnalyze(
    new Map([
      ['communities', communities],
      ['grids', `${DIR}/grids-4527.gpkg`],
      ['grids-table', '网格单元'],
      ['households', `${DIR}/households-bd09.xlsx`],
      ['households-crs', 'bd09'],
      ['households-field', '户数'],
      ['facilities', `${DIR}/facilities.kml`],
      ['out', file],
      ['language', 'en'],
      ...extra,
    ]),
  );
  const plan = JSON.parse(readFileSync(file, 'utf8')) as Output & {
    metadata: { facilityCount: number; coverage: Record<string, unknown> };
  };
  const of = (kind: string) =>
    plan.features
      .filter((f) => f.properties.kind === kind)
      .map((f) => ({ id: f.properties.id, name: f.properties.name, households: f.properties.households }));
  return { summary, communities: of('community'), grids: of('grid'), metadata: plan.metadata };
}

describe('the CLI on bureau formats', () => {
  it('counts a zipped GBK Shapefile, a GeoPackage table, a BD-09 Excel sheet and a KML as GDAL and Turf do', async () => {
    const r = await analyze(`${DIR}/communities-4528.zip`);
    expect(r.communities).toEqual(expected.communities);
    expect(r.grids.map(({ id, households }) => ({ id, households }))).toEqual(
      expected.grids.map(({ id, households }) => ({ id, households })),
    );
    expect(r.summary.totalHouseholds).toBe(expected.total);
    expect(r.summary.unassignedHouseholds).toBe(expected.unassigned);
  });

  it("counts the bureau's elderly-care facilities as the rules' elderly-service", async () => {
    // generate.ts gives its 15 facilities kindergarten, clinic and elderly-care in turn: the
    // bureau's spelling of the category the profiles require as elderly-service (老年服务站).
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => (written.push(String(chunk)), true);
    const r = await analyze(`${DIR}/communities-4528.zip`).finally(() => (process.stderr.write = write));
    expect(r.metadata.facilityCount).toBe(15);
    expect(Object.keys(r.metadata.coverage).sort()).toEqual(['clinic', 'elderly-service', 'kindergarten']);
    expect(written.join('')).toContain(
      "facility categories matched to the rules' categories: 'elderly-care' → Elderly service station (elderly-service, 5)",
    );
  });

  it('reads a .shp with its .dbf, .prj and .cpg found beside it, and --crs as an EPSG code', async () => {
    const r = await analyze(`${DIR}/communities-4528.shp`, [['communities-crs', 'EPSG:4528']]);
    expect(r.communities).toEqual(expected.communities);
  });

  it('picks the id field asked for', async () => {
    const r = await analyze(`${DIR}/communities-4528.zip`, [['communities-id-field', '名称']]);
    expect(r.communities.map((c) => c.id)).toEqual(expected.communities.map((c) => c.name));
  });

  it('names the tables when the one asked for is not there', async () => {
    await expect(analyze(`${DIR}/communities-4528.zip`, [['grids-table', '网格']])).rejects.toThrow(
      'the GeoPackage has no feature table named "网格"; its tables are "参考点", "网格单元"',
    );
  });

  it('takes a proj string, and refuses a --crs it cannot read in one line', async () => {
    const r = await analyze(`${DIR}/communities-4528.zip`, [
      ['communities-crs', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'],
    ]);
    expect(r.communities).toEqual(expected.communities);
    await expect(analyze(`${DIR}/communities-4528.zip`, [['communities-crs', 'gauss']])).rejects.toThrow(
      '--communities-crs must be wgs84, gcj02, bd09, EPSG:NNNN or a proj string (+proj=…), not "gauss"',
    );
  });
});
