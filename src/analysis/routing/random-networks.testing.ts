// Seeded random street layers and points for the routing tests (not used by the app): lines that
// share lattice vertices, with bends between them, in two clusters far apart so that some pairs
// are disconnected.
import type { Feature, LineString } from 'geojson';
import { METRES_PER_DEGREE } from '../../core/geodesy';

export { seededRandom } from '../../core/seeded-random';

export function line(coords: number[][]): Feature<LineString> {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
}

/** Metres east and north of (121, 31) as lon and lat. */
const KX = METRES_PER_DEGREE * Math.cos((31 * Math.PI) / 180);
export const east = (m: number) => 121 + m / KX;
export const north = (m: number) => 31 + m / METRES_PER_DEGREE;

/** A plus sign of two streets with 500 m arms, crossing at (121, 31): small enough to measure by hand. */
export function plusSign(): Feature<LineString>[] {
  return [
    line([
      [east(-500), 31],
      [121, 31],
      [east(500), 31],
    ]),
    line([
      [121, north(-500)],
      [121, 31],
      [121, north(500)],
    ]),
  ];
}

export interface RandomStreets {
  lines: Feature<LineString>[];
  /** Bounding boxes of the clusters, [minLon, minLat, maxLon, maxLat]. */
  clusters: [number, number, number, number][];
}

/**
 * Random walks over a jittered lattice (about 100 m spacing near 31° N), so lines meet at shared
 * vertices; about half the steps get a bend vertex of their own. Clusters lie 0.05° (~5 km) apart.
 */
export function randomStreets(rand: () => number, clusters = 2, size = 6, linesPerCluster = 8): RandomStreets {
  const lines: Feature<LineString>[] = [];
  const boxes: [number, number, number, number][] = [];
  const step = 0.001;
  for (let c = 0; c < clusters; c++) {
    const lon0 = 121 + c * 0.05;
    const lat0 = 31;
    const jitter: number[][] = [];
    for (let i = 0; i < size * size; i++) jitter.push([(rand() - 0.5) * step * 0.4, (rand() - 0.5) * step * 0.4]);
    const at = (i: number, j: number) => [
      lon0 + i * step + jitter[j * size + i]![0]!,
      lat0 + j * step + jitter[j * size + i]![1]!,
    ];
    for (let l = 0; l < linesPerCluster; l++) {
      let i = Math.floor(rand() * size);
      let j = Math.floor(rand() * size);
      const coords = [at(i, j)];
      const steps = 2 + Math.floor(rand() * 6);
      for (let s = 0; s < steps; s++) {
        const dir = Math.floor(rand() * 4);
        const ni = Math.min(size - 1, Math.max(0, i + (dir === 0 ? 1 : dir === 2 ? -1 : 0)));
        const nj = Math.min(size - 1, Math.max(0, j + (dir === 1 ? 1 : dir === 3 ? -1 : 0)));
        if (ni === i && nj === j) continue;
        const a = at(i, j);
        const b = at(ni, nj);
        if (rand() < 0.5)
          coords.push([
            (a[0]! + b[0]!) / 2 + (rand() - 0.5) * step * 0.3,
            (a[1]! + b[1]!) / 2 + (rand() - 0.5) * step * 0.3,
          ]);
        coords.push(b);
        i = ni;
        j = nj;
      }
      if (coords.length >= 2) lines.push(line(coords));
    }
    boxes.push([lon0 - step, lat0 - step, lon0 + size * step, lat0 + size * step]);
  }
  return { lines, clusters: boxes };
}

/** n random points (interleaved lon,lat) spread over the clusters' boxes. */
export function randomPoints(rand: () => number, streets: RandomStreets, n: number): Float64Array {
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const box = streets.clusters[Math.floor(rand() * streets.clusters.length)]!;
    out[2 * i] = box[0] + rand() * (box[2] - box[0]);
    out[2 * i + 1] = box[1] + rand() * (box[3] - box[1]);
  }
  return out;
}
