// Seeded synthetic city of realistic shape for benchmarks and the city-sized demo: households
// clustered in compounds, and communities as irregular polygons (20–60 vertices) that tile the
// city, built from a jittered lattice whose shared edges carry the same noise on both sides.
import type { Polygon } from 'geojson';
import { seededRandom } from '../src/core/seeded-random';

/** Seed 0 is taken as 1, as this generator always has (the benchmark inputs stay the same). */
export const random = (seed: number): (() => number) => seededRandom(seed >>> 0 || 1);

export interface SyntheticCity {
  communities: Polygon[];
  coordinates: Float64Array;
  households: Float64Array;
  bbox: [number, number, number, number];
}

export function syntheticCity(
  options: { households: number; columns?: number; rows?: number; seed?: number } = { households: 1_000_000 },
): SyntheticCity {
  const cols = options.columns ?? 20;
  const rows = options.rows ?? 15;
  const rand = random(options.seed ?? 42);
  const west = 121.3;
  const south = 31.1;
  const cell = 0.012; // ≈ 1.1–1.3 km
  const corner: [number, number][][] = [];
  for (let i = 0; i <= cols; i++) {
    corner.push([]);
    for (let j = 0; j <= rows; j++) {
      const edge = i === 0 || j === 0 || i === cols || j === rows;
      corner[i]!.push([
        west + i * cell + (edge ? 0 : (rand() - 0.5) * cell * 0.5),
        south + j * cell + (edge ? 0 : (rand() - 0.5) * cell * 0.5),
      ]);
    }
  }
  // One noisy polyline per lattice edge, shared by the two cells on either side.
  const edgeCache = new Map<string, [number, number][]>();
  const edge = (a: [number, number], b: [number, number], key: string): [number, number][] => {
    let line = edgeCache.get(key);
    if (!line) {
      const n = 4 + Math.floor(rand() * 11);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      line = [a];
      for (let k = 1; k < n; k++) {
        const f = k / n;
        const off = (rand() - 0.5) * len * 0.08;
        line.push([a[0] + dx * f - (dy / len) * off, a[1] + dy * f + (dx / len) * off]);
      }
      line.push(b);
      edgeCache.set(key, line);
    }
    return line;
  };
  const communities: Polygon[] = [];
  for (let i = 0; i < cols; i++)
    for (let j = 0; j < rows; j++) {
      const c00 = corner[i]![j]!;
      const c10 = corner[i + 1]![j]!;
      const c11 = corner[i + 1]![j + 1]!;
      const c01 = corner[i]![j + 1]!;
      const bottom = edge(c00, c10, `h${i},${j}`);
      const right = edge(c10, c11, `v${i + 1},${j}`);
      const top = edge(c01, c11, `h${i},${j + 1}`)
        .slice()
        .reverse();
      const left = edge(c00, c01, `v${i},${j}`).slice().reverse();
      const ring = [...bottom, ...right.slice(1), ...top.slice(1), ...left.slice(1)];
      communities.push({ type: 'Polygon', coordinates: [ring] });
    }
  // Compounds: cluster centres, each holding a few hundred households spread over ~60 m.
  const n = options.households;
  const coordinates = new Float64Array(n * 2);
  const households = new Float64Array(n).fill(1);
  const compounds = Math.max(1, Math.round(n / 330));
  const cx = new Float64Array(compounds);
  const cy = new Float64Array(compounds);
  for (let k = 0; k < compounds; k++) {
    cx[k] = west + rand() * cols * cell;
    cy[k] = south + rand() * rows * cell;
  }
  for (let p = 0; p < n; p++) {
    const k = Math.floor(rand() * compounds);
    // Box–Muller for a compact cluster.
    const r = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * 0.0006;
    const a = rand() * Math.PI * 2;
    coordinates[p * 2] = cx[k]! + Math.cos(a) * r;
    coordinates[p * 2 + 1] = cy[k]! + Math.sin(a) * r;
  }
  return { communities, coordinates, households, bbox: [west, south, west + cols * cell, south + rows * cell] };
}
