// One test per feature-level rule, each on a small fixture in test/fixtures/import/, asserting
// where the problem is reported and the words a person acts on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLayer, type ImportOptions } from './index';
import { inEnglish, type EnglishProblem } from './problems.testing';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));

async function refused(name: string, options: ImportOptions): Promise<EnglishProblem[]> {
  const result = await importLayer(fixture(name), name, options);
  if (result.ok) return expect.unreachable(`${name} should have been refused`);
  return inEnglish(result.problems);
}

const households: ImportOptions = { role: 'households', crs: 'wgs84', householdsField: 'households' };
const communities: ImportOptions = { role: 'communities', crs: 'wgs84' };

describe('geometry type for the role', () => {
  it('refuses a polygon layer imported as households, once for the file, suggesting communities', async () => {
    const problems = await refused('polygons-as-households.geojson', households);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('file');
    expect(problems[0]!.message).toContain(
      'households must be points: use a point layer — or did you mean to import it as communities?',
    );
  });

  it('names the one line among community polygons', async () => {
    const problems = await refused('communities-with-a-line.geojson', communities);
    expect(problems).toEqual([
      expect.objectContaining({
        where: 'feature 3',
        message: expect.stringContaining('is a LineString, but communities must be polygons') as string,
      }),
    ]);
  });

  it('refuses a null geometry', async () => {
    const problems = await refused('null-geometry.geojson', households);
    expect(problems).toEqual([
      { where: 'feature 2', message: expect.stringContaining('the geometry is null') as string },
    ]);
  });

  it('refuses a GeometryCollection with a reason', async () => {
    const problems = await refused('geometry-collection.geojson', communities);
    expect(problems).toEqual([
      { where: 'feature 2', message: expect.stringContaining("GeometryCollection, which can't be imported") as string },
    ]);
  });

  it('accepts MultiPoint households and splits their households equally', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { households: 30 },
            geometry: {
              type: 'MultiPoint',
              coordinates: [
                [121.44, 31.22],
                [121.45, 31.23],
                [121.46, 31.24],
              ],
            },
          },
        ],
      }),
    );
    const result = await importLayer(bytes, 'multi.geojson', households);
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(result.layer.count).toBe(3);
    expect([...result.layer.households.households]).toEqual([10, 10, 10]);
    expect(inEnglish(result.warnings)[0]!.message).toContain('split into their points');
  });

  it('refuses a road with a single position', async () => {
    const bytes = new TextEncoder().encode(
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[121.44,31.22]]}}]}',
    );
    const result = await importLayer(bytes, 'roads.geojson', { role: 'roads', crs: 'wgs84' });
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'feature 1', message: expect.stringContaining('the line has only 1 position') as string },
    ]);
  });
});

describe('coordinates', () => {
  it('refuses a non-finite number (1e999 parses to Infinity)', async () => {
    const problems = await refused('non-finite.geojson', households);
    expect(problems).toEqual([
      { where: 'feature 2', message: expect.stringContaining('non-finite number (Infinity)') as string },
    ]);
  });

  it('asks whether one swapped point has longitude and latitude the wrong way round', async () => {
    const problems = await refused('latitude-out-of-range.geojson', households);
    expect(problems).toEqual([
      { where: 'feature 3', message: 'latitude 121.4318 is out of range — are longitude and latitude swapped?' },
    ]);
  });

  it('says once for the file when every position is swapped', async () => {
    const problems = await refused('swapped-lonlat.geojson', households);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('file');
    expect(problems[0]!.message).toContain('longitude and latitude are swapped in every feature');
  });

  it("recognises Web Mercator metres and the file's own crs member", async () => {
    const problems = await refused('web-mercator.geojson', households);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('file');
    expect(problems[0]!.message).toContain(
      'coordinates look projected (metres, e.g. Web Mercator or CGCS2000 Gauss-Krüger), not longitude/latitude — reproject to WGS84 first',
    );
    expect(problems[0]!.message).toContain('Web Mercator (EPSG:3857)');
    expect(problems[0]!.message).toContain('the file itself declares EPSG:3857');
  });

  it('recognises CGCS2000 Gauss-Krüger with its zone number', async () => {
    const problems = await refused('gauss-kruger.geojson', communities);
    expect(problems[0]!.where).toBe('file');
    expect(problems[0]!.message).toContain('coordinates look projected');
    expect(problems[0]!.message).toContain('3-degree Gauss-Krüger zone 40 (EPSG:4528)');
  });

  it('names the feature when only one is projected', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { households: 1 }, geometry: { type: 'Point', coordinates: [121.44, 31.22] } },
          {
            type: 'Feature',
            properties: { households: 1 },
            geometry: { type: 'Point', coordinates: [13519217.8, 3661887.1] },
          },
        ],
      }),
    );
    const result = await importLayer(bytes, 'mixed.geojson', households);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'feature 2', message: expect.stringContaining('coordinates look projected') as string },
    ]);
  });

  it('warns, without refusing, when a GCJ-02 file lies wholly outside China', async () => {
    const result = await importLayer(fixture('outside-china.geojson'), 'outside-china.geojson', {
      ...households,
      crs: 'gcj02',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect(inEnglish(result.warnings)).toEqual([
      { where: 'file', message: expect.stringContaining('no coordinate lies in China') as string },
    ]);
    expect([...result.layer.households.coordinates]).toEqual([2.3522, 48.8566, 2.3601, 48.8606]);
  });
});

describe('polygon rings', () => {
  it('refuses a ring with fewer than 4 positions', async () => {
    const problems = await refused('ring-too-short.geojson', communities);
    expect(problems).toEqual([
      { where: 'feature 1', message: expect.stringContaining('ring 1 has only 3 positions') as string },
    ]);
  });

  it('refuses an unclosed ring', async () => {
    const problems = await refused('unclosed-ring.geojson', communities);
    expect(problems).toEqual([
      { where: 'feature 2', message: 'ring 1 is not closed (first and last positions differ)' },
    ]);
  });

  it('refuses a self-intersecting ring and says where it crosses', async () => {
    const problems = await refused('self-intersecting.geojson', communities);
    expect(problems).toEqual([
      {
        where: 'feature 1',
        message: expect.stringContaining('ring 1 crosses itself near lon 121.44400, lat 31.22300') as string,
      },
    ]);
  });

  it('names the polygon inside a MultiPolygon', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'C1' },
            geometry: {
              type: 'MultiPolygon',
              coordinates: [
                [
                  [
                    [121.44, 31.22],
                    [121.45, 31.22],
                    [121.45, 31.23],
                    [121.44, 31.22],
                  ],
                ],
                [
                  [
                    [121.46, 31.22],
                    [121.47, 31.22],
                    [121.47, 31.23],
                    [121.46, 31.23],
                  ],
                ],
              ],
            },
          },
        ],
      }),
    );
    const result = await importLayer(bytes, 'multi.geojson', communities);
    if (result.ok) return expect.unreachable();
    expect(inEnglish(result.problems)).toEqual([
      { where: 'feature 1', message: 'polygon 2, ring 1 is not closed (first and last positions differ)' },
    ]);
  });
});

describe('household counts', () => {
  it('refuses a feature without the count field', async () => {
    const problems = await refused('households-missing-field.geojson', households);
    expect(problems).toEqual([
      { where: 'feature 3', message: expect.stringContaining("'households' is missing") as string },
    ]);
  });

  it('refuses text and non-finite counts, listing both', async () => {
    const problems = await refused('households-non-numeric.geojson', households);
    expect(problems).toEqual([
      { where: 'feature 2', message: "household count 'abc' is not a number" },
      { where: 'feature 3', message: "household count 'Infinity' is not a finite number" },
    ]);
  });

  it('refuses a negative count', async () => {
    const problems = await refused('households-negative.geojson', households);
    expect(problems).toEqual([{ where: 'feature 2', message: 'household count -5 is negative' }]);
  });

  it('says once when no feature has the field at all, listing the properties there are', async () => {
    const problems = await refused('households-bd09.geojson', { ...households, householdsField: '户数' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('file');
    expect(problems[0]!.message).toContain("no feature has a '户数' property");
    expect(problems[0]!.message).toContain("'households'");
  });

  it('accepts "1,234", "11927户" and padded numbers', async () => {
    const result = await importLayer(fixture('households-formatted-counts.geojson'), 'counts.geojson', {
      ...households,
      householdsField: '户数',
    });
    if (!result.ok || result.layer.role !== 'households') return expect.unreachable();
    expect([...result.layer.households.households]).toEqual([1234, 11927, 318, 905]);
  });
});

describe('ids', () => {
  it('refuses an id used twice, naming both features', async () => {
    const problems = await refused('duplicate-ids.geojson', communities);
    expect(problems).toEqual([{ where: 'feature 7', message: "id 'C003' is used by feature 2 too" }]);
  });
});
