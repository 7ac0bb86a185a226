// Benchmarks the household count: a full recount of 1,000,000 households into 300 communities,
// and the recount after reshaping one community, each against a straightforward Turf loop
// (@turf/boolean-point-in-polygon with a bounding-box prefilter) run in the same process.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { AreaCounter } from '../src/analysis/area-counter';
import { buildHouseholdFrame } from '../src/analysis/household-frame';
import { syntheticCity } from './synthetic-city';

export interface BenchResult {
  name: string;
  ms: number;
  reference_ms: number;
  ratio: number;
  [extra: string]: unknown;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** The obvious implementation: every point against every community whose bbox holds it. */
export function turfCount(communities: Polygon[], coordinates: Float64Array, households: Float64Array): Float64Array {
  const boxes = communities.map((c) => {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const [x, y] of c.coordinates[0]!) {
      if (x! < minX) minX = x!;
      if (x! > maxX) maxX = x!;
      if (y! < minY) minY = y!;
      if (y! > maxY) maxY = y!;
    }
    return [minX, minY, maxX, maxY] as const;
  });
  const out = new Float64Array(communities.length);
  const n = coordinates.length / 2;
  const pt: [number, number] = [0, 0];
  for (let p = 0; p < n; p++) {
    const x = coordinates[p * 2]!;
    const y = coordinates[p * 2 + 1]!;
    pt[0] = x;
    pt[1] = y;
    for (let c = 0; c < communities.length; c++) {
      const b = boxes[c]!;
      if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
      if (booleanPointInPolygon(pt, communities[c]!)) out[c]! += households[p]!;
    }
  }
  return out;
}

function reshape(poly: Polygon, seed: number): Polygon {
  // Push every vertex 15 % away from the centroid: a community grown into its neighbours.
  const ring = poly.coordinates[0]!;
  let sx = 0,
    sy = 0;
  for (const [x, y] of ring) {
    sx += x!;
    sy += y!;
  }
  const cx = sx / ring.length;
  const cy = sy / ring.length;
  const f = 1.15 + (seed % 3) * 0.02;
  return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [cx + (x! - cx) * f, cy + (y! - cy) * f])] };
}

export function benchRecount(households = 1_000_000): BenchResult[] {
  const city = syntheticCity({ households });
  const points = { coordinates: city.coordinates, households: city.households };
  const counter = new AreaCounter(buildHouseholdFrame(points));
  // Warm-up: the engine optimises a function after it has run a few times; measure it then.
  for (let i = 0; i < 10; i++) counter.setAreas(city.communities);
  const runs: number[] = [];
  for (let i = 0; i < 10; i++) runs.push(time(() => counter.setAreas(city.communities)).ms);
  const fast = Math.min(...runs);
  const reference = time(() => turfCount(city.communities, city.coordinates, city.households));
  // Correctness guard: a benchmark of a wrong answer is worthless.
  for (let c = 0; c < city.communities.length; c++)
    if (reference.value[c] !== counter.households[c])
      throw new Error(`count mismatch in community ${c}: ${reference.value[c]} vs ${counter.households[c]}`);
  // Warm-up of the edit path too (other communities than those measured).
  for (let k = 0; k < 20; k++) {
    const c = (k * 53 + 11) % city.communities.length;
    counter.updateArea(c, reshape(city.communities[c]!, k));
    counter.updateArea(c, city.communities[c]!);
  }
  const incrementalRuns: number[] = [];
  for (let k = 0; k < 20; k++) {
    const c = (k * 37) % city.communities.length;
    const shape = reshape(city.communities[c]!, k);
    incrementalRuns.push(time(() => counter.updateArea(c, shape)).ms);
    counter.updateArea(c, city.communities[c]!);
  }
  incrementalRuns.sort((a, b) => a - b);
  const incremental = incrementalRuns[Math.floor(incrementalRuns.length / 2)]!;
  return [
    {
      name: 'recount-full',
      ms: fast,
      reference_ms: reference.ms,
      ratio: reference.ms / fast,
      households,
      communities: city.communities.length,
    },
    {
      name: 'recount-incremental',
      ms: incremental,
      reference_ms: reference.ms,
      ratio: reference.ms / incremental,
      households,
      communities: city.communities.length,
    },
  ];
}
