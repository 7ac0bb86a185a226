// Golden fixtures for the edit operations: every test/fixtures/edit/<case>/in.geojson is run through
// the operation it names and compared with out.geojson next to it (coordinates to 7 decimals, areas
// within 0.01 %). `REGEN=1 npx vitest run --project unit src/core/edit` rewrites the out files, to
// be reviewed on a map before committing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import { union } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import type { AreaUnit } from '../model';
import { clipToNeighbours, findOverlaps } from './clip-to-neighbours';
import { divideBlocksIntoGrids, divideIntoGrids, type GridBand } from './divide-into-grids';
import { type AreaGeometry, areaM2, fromClip, polygonsOf, roundGeometry, toClip } from './geometry';
import { mergePolygons } from './merge-communities';
import { splitPolygon } from './split-community';
import { checkTopology } from '../../analysis/topology';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/edit/', import.meta.url));
const REGEN = process.env.REGEN === '1';

type Props = Record<string, unknown>;
interface CaseInput extends FeatureCollection<Geometry, Props> {
  operation: string;
  options?: Props;
}
interface CaseOutput extends FeatureCollection<Geometry | null, Props> {
  result: { ok: boolean; reason?: string };
}

const withRole = (input: CaseInput, role: string) => input.features.filter((f) => f.properties.role === role);
const only = (input: CaseInput, role: string) => {
  const found = withRole(input, role);
  if (found.length !== 1) throw new Error(`expected one feature with role "${role}", found ${found.length}`);
  return found[0] as Feature<Geometry, Props>;
};
const area = (f: Feature<Geometry, Props>) => f.geometry as AreaGeometry;
const feature = (geometry: Geometry | null, properties: Props): Feature<Geometry | null, Props> => ({
  type: 'Feature',
  properties,
  geometry,
});

function householdsOf(input: CaseInput) {
  const points = withRole(input, 'household');
  const coordinates = new Float64Array(points.length * 2);
  const households = new Float64Array(points.length);
  points.forEach((p, i) => {
    const [x, y] = (p.geometry as Point).coordinates as [number, number];
    coordinates[2 * i] = x;
    coordinates[2 * i + 1] = y;
    households[i] = Number(p.properties.households ?? 1);
  });
  return { coordinates, households };
}

function unitsOf(input: CaseInput, role: 'community' | 'grid'): AreaUnit[] {
  return withRole(input, role).map((f) => {
    const unit: AreaUnit = {
      id: String(f.properties.id),
      kind: role,
      name: typeof f.properties.name === 'string' ? f.properties.name : '',
      geometry: area(f),
      properties: {},
    };
    if (typeof f.properties.parentId === 'string') unit.parentId = f.properties.parentId;
    return unit;
  });
}

/** Runs one case and shapes the result as a FeatureCollection a reviewer can drop onto a map. */
function run(input: CaseInput): CaseOutput {
  const out = (result: CaseOutput['result'], features: Feature<Geometry | null, Props>[]): CaseOutput => ({
    type: 'FeatureCollection',
    result,
    features,
  });
  const options = input.options ?? {};
  switch (input.operation) {
    case 'split': {
      const r = splitPolygon(area(only(input, 'community')), only(input, 'line').geometry as LineString);
      if (!r.ok) return out({ ok: false, reason: r.reason.en }, []);
      return out(
        { ok: true },
        r.parts.map((g, index) => feature(g, { role: 'part', index, area_m2: areaM2(g) })),
      );
    }
    case 'merge': {
      const r = mergePolygons(area(only(input, 'a')), area(only(input, 'b')), {
        requireAdjacent: options.requireAdjacent !== false,
      });
      if (!r.ok) return out({ ok: false, reason: r.reason.en }, []);
      return out({ ok: true }, [
        feature(r.geometry, { role: 'merged', parts: polygonsOf(r.geometry).length, area_m2: areaM2(r.geometry) }),
      ]);
    }
    case 'clip': {
      const edited = area(only(input, 'edited'));
      const neighbours = withRole(input, 'neighbour').map(area);
      const r = clipToNeighbours(edited, neighbours);
      const overlaps = findOverlaps(edited, neighbours).map((o) =>
        feature(o.geometry, { role: 'overlap', neighbourIndex: o.neighbourIndex, area_m2: o.area_m2 }),
      );
      if (!r.ok) return out({ ok: false, reason: r.reason.en }, overlaps);
      return out({ ok: true }, [
        feature(r.geometry, { role: 'clipped', area_m2: areaM2(r.geometry), removedArea_m2: r.removedArea_m2 }),
        ...overlaps,
      ]);
    }
    case 'divide': {
      const r = divideIntoGrids(area(only(input, 'community')), householdsOf(input), options.band as GridBand);
      return out(
        { ok: true },
        r.grids.map((g, index) =>
          feature(g.geometry, {
            role: 'grid',
            index,
            households: g.households,
            points: g.pointIndices.length,
            area_m2: areaM2(g.geometry),
          }),
        ),
      );
    }
    case 'divide-blocks': {
      const blocks = withRole(input, 'block').map((f) => ({
        id: String(f.properties.id),
        geometry: area(f),
        households: Number(f.properties.households ?? 0),
      }));
      const byId = new Map(blocks.map((b) => [b.id, b.geometry]));
      const r = divideBlocksIntoGrids(blocks, options.band as GridBand);
      return out(
        { ok: true },
        r.groups.map((g, index) => {
          // The union is only for looking at the result on a map; the operation returns block ids.
          const [first, ...rest] = g.blockIds.map((id) => toClip(byId.get(id) as AreaGeometry));
          const geometry = first ? fromClip(union(first, ...rest)) : null;
          return feature(geometry && roundGeometry(geometry, 9), {
            role: 'grid',
            index,
            blockIds: g.blockIds,
            households: g.households,
          });
        }),
      );
    }
    case 'topology': {
      const flags = checkTopology(unitsOf(input, 'community'), unitsOf(input, 'grid'), householdsOf(input));
      return out(
        { ok: true },
        flags.map((f) =>
          feature(f.location ? { type: 'Point', coordinates: f.location } : null, {
            role: 'flag',
            code: f.code,
            severity: f.severity,
            subjectIds: f.subjectIds,
            measured: f.measured,
            limit: f.limit,
            ruleId: f.source.ruleId,
            en: f.message.en,
            zh: f.message.zh,
            bbox: f.bbox,
          }),
        ),
      );
    }
    default:
      throw new Error(`unknown operation "${input.operation}"`);
  }
}

/** JSON with every array of numbers on one line, so a ring reads as one vertex per line. */
function format(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (v === undefined ? undefined : v), 2);
  return (
    text.replace(
      /\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]/g,
      (_m, nums: string) => `[${nums.split(/,\s*/).join(', ')}]`,
    ) + '\n'
  );
}

const AREA_KEY = /area_m2$/i;

/** Differences between actual and expected: coordinates to 7 decimals, areas within 0.01 %, the rest exactly. */
function differences(actual: unknown, expected: unknown, path = '$', key = ''): string[] {
  const inCoordinates = path.includes('.coordinates') || path.includes('.location') || path.includes('.bbox');
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (AREA_KEY.test(key) || key === 'measured') {
      const tolerance = Math.max(1e-4 * Math.abs(expected), 1e-6);
      return Math.abs(actual - expected) <= tolerance ? [] : [`${path}: ${actual} ≠ ${expected} (±0.01 %)`];
    }
    if (inCoordinates) {
      return Math.round(actual * 1e7) === Math.round(expected * 1e7)
        ? []
        : [`${path}: ${actual} ≠ ${expected} (7 decimals)`];
    }
    return actual === expected ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return [`${path}: length ${actual.length} ≠ ${expected.length}`];
    return actual.flatMap((v, i) => differences(v, expected[i], `${path}[${i}]`, key));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(e)])].filter(
      (k) => a[k] !== undefined || e[k] !== undefined,
    );
    return keys.flatMap((k) => differences(a[k], e[k], `${path}.${k}`, k));
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'in.geojson')))
  .map((d) => d.name)
  .sort();

describe('edit golden fixtures', () => {
  it('finds the fixture cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of cases) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(FIXTURES, name, 'in.geojson'), 'utf8')) as CaseInput;
      // Round-trip through JSON so undefined properties vanish exactly as they do in the file.
      const actual = JSON.parse(JSON.stringify(run(input))) as CaseOutput;
      const outPath = join(FIXTURES, name, 'out.geojson');
      if (REGEN) writeFileSync(outPath, format(actual));
      if (!existsSync(outPath)) throw new Error(`${name}/out.geojson is missing: run with REGEN=1 and review it`);
      const expected = JSON.parse(readFileSync(outPath, 'utf8')) as CaseOutput;
      expect(differences(actual, expected)).toEqual([]);
    });
  }
});
