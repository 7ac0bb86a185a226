// Overlapping MultiPolygon parts are a union: checked through the real importer and the counting
// engine on test/fixtures/hostile-plans/overlapping-parts*.geojson, and against an independent
// count (a point is in the community when it is inside either square).
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { PlanAnalyzer } from '../analysis/plan-analyzer';
import { importLayer, type ImportOptions } from './index';
import { unionOverlappingParts } from './multipolygon-union';
import { inEnglish } from './problems.testing';

const DIR = 'test/fixtures/hostile-plans';
const read = (file: string) => new Uint8Array(readFileSync(`${DIR}/${file}`));
const square = (x: number, y: number, s: number): number[][][] => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];

async function imported(file: string, options: ImportOptions) {
  const result = await importLayer(read(file), file, options);
  if (!result.ok) throw new Error(JSON.stringify(inEnglish(result.problems)));
  return result;
}

describe('overlapping MultiPolygon parts', () => {
  it('counts the 57 households of two overlapping squares (even-odd gave 7), and warns once', async () => {
    const communities = await imported('overlapping-parts.geojson', { role: 'communities', crs: 'wgs84' });
    const households = await imported('overlapping-parts-households.geojson', {
      role: 'households',
      crs: 'wgs84',
      householdsField: 'households',
    });
    if (communities.layer.role !== 'communities' || households.layer.role !== 'households') return expect.unreachable();
    expect(inEnglish(communities.warnings)).toEqual([
      {
        where: 'feature 1',
        message:
          "'两块重叠的方形' has parts that overlap; they were merged into their union (overlaps no longer cancel out)",
      },
    ]);
    const analyzer = new PlanAnalyzer(households.layer.households);
    analyzer.setCommunities(communities.layer.units);
    const analysis = analyzer.analyze(builtInProfile(DEFAULT_PROFILE_ID)!);
    expect(analysis.communities.map((c) => [c.id, c.households])).toEqual([['U', 57]]);
    expect(analysis.unassignedHouseholds).toBe(5);

    // Independently: inside either of the file's own squares.
    const file = JSON.parse(new TextDecoder().decode(read('overlapping-parts.geojson'))) as {
      features: { geometry: MultiPolygon }[];
    };
    const inSquare = (x: number, y: number, ring: number[][]) => {
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      return x > Math.min(...xs) && x < Math.max(...xs) && y > Math.min(...ys) && y < Math.max(...ys);
    };
    const { coordinates, households: counts } = households.layer.households;
    let expected = 0;
    for (let i = 0; i < counts.length; i++)
      if (
        file.features[0]!.geometry.coordinates.some((part) =>
          inSquare(coordinates[2 * i]!, coordinates[2 * i + 1]!, part[0]!),
        )
      )
        expected += counts[i]!;
    expect(expected).toBe(57);
  });

  it('leaves parts that only touch, or an island in a hole, exactly as they are', () => {
    const touching: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 0.01), square(0.01, 0, 0.01)] };
    expect(unionOverlappingParts(touching, 'x')).toEqual({ geometry: touching, warning: null });
    const donut = [...square(0, 0, 0.03), square(0.01, 0.01, 0.01)[0]!.slice().reverse()];
    const island: MultiPolygon = { type: 'MultiPolygon', coordinates: [donut, square(0.012, 0.012, 0.005)] };
    expect(unionOverlappingParts(island, 'x')).toEqual({ geometry: island, warning: null });
    const polygon: Polygon = { type: 'Polygon', coordinates: square(0, 0, 0.01) };
    expect(unionOverlappingParts(polygon, 'x').geometry).toBe(polygon);
  });

  it('merges three parts where two overlap into two parts, one warning', () => {
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 0.02), square(0.01, 0.01, 0.02), square(0.1, 0.1, 0.01)],
    };
    const { geometry, warning } = unionOverlappingParts(parts, "'C'");
    expect(warning?.en).toBe(
      "'C' has parts that overlap; they were merged into their union (overlaps no longer cancel out)",
    );
    expect(geometry.type).toBe('MultiPolygon');
    expect((geometry as MultiPolygon).coordinates).toHaveLength(2);
  });
});

describe('geometry that reaches the plan another way', () => {
  it('unites overlapping parts of a community in an opened project file too', async () => {
    const { EMPTY_LAYERS } = await import('../core/plan-lifecycle');
    const { readProjectFile, writeProjectFile } = await import('./project-file');
    const overlapping: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 0.02), square(0.01, 0.01, 0.02)],
    };
    const bytes = writeProjectFile({
      title: 'old project',
      layers: {
        ...EMPTY_LAYERS,
        communities: [{ id: 'U', kind: 'community', name: 'U', geometry: overlapping, properties: {} }],
      },
      profile: { activeId: DEFAULT_PROFILE_ID, custom: [] },
      settings: {},
      meta: {},
      savedAt: '2025-03-01T10:00:00.000Z',
    });
    const read = readProjectFile(bytes);
    if (!read.ok) return expect.unreachable(JSON.stringify(read.problems));
    const geometry = read.project.layers.communities[0]!.geometry;
    expect(geometry.type).toBe('Polygon');
    expect(unionOverlappingParts(geometry, 'U').warning).toBeNull();
  });
});
