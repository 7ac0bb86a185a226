// Seeded random geometry around central Shanghai for the edit operations' property tests: star-shaped
// blocks (often concave), lines that cross them, and household points. Seeded so that a failing
// case can be replayed, and never Math.random, so runs do not differ.
import type { LineString, Polygon } from 'geojson';
import { type Pair, metresPerDegree } from './geometry';

/** People's Square, the middle of the test city. */
export const SHANGHAI: Pair = [121.4737, 31.2304];

export { seededRandom } from '../seeded-random';

const K = metresPerDegree(SHANGHAI[1]);

/** A point `east` and `north` metres from an origin, rounded to 8 decimals like digitised data. */
export function offset(origin: Pair, east: number, north: number): Pair {
  return [Math.round((origin[0] + east / K.x) * 1e8) / 1e8, Math.round((origin[1] + north / K.y) * 1e8) / 1e8];
}

/**
 * A star-shaped block: `vertices` points at increasing angles and random radii between `minRadius`
 * and `maxRadius` metres, so it is simple (never self-intersecting) but usually concave.
 */
export function randomBlock(
  rnd: () => number,
  centre: Pair = SHANGHAI,
  options: { vertices?: number; minRadius?: number; maxRadius?: number; hole?: boolean } = {},
): Polygon {
  const n = options.vertices ?? 5 + Math.floor(rnd() * 10);
  const r0 = options.minRadius ?? 120;
  const r1 = options.maxRadius ?? 600;
  const shell: Pair[] = [];
  for (let i = 0; i < n; i++) {
    const angle = ((i + 0.2 + 0.6 * rnd()) / n) * 2 * Math.PI;
    const r = r0 + (r1 - r0) * rnd();
    shell.push(offset(centre, r * Math.cos(angle), r * Math.sin(angle)));
  }
  shell.push(shell[0] as Pair);
  const rings: Pair[][] = [shell];
  if (options.hole) {
    // Small enough to sit inside the minimum radius whatever the shell does.
    const h = r0 * 0.3;
    const hole: Pair[] = [offset(centre, -h, -h), offset(centre, -h, h), offset(centre, h, h), offset(centre, h, -h)];
    hole.push(hole[0] as Pair);
    rings.push(hole);
  }
  return { type: 'Polygon', coordinates: rings };
}

/** A polyline from outside the block, through the middle area, to outside on the far side. */
export function randomCrossingLine(rnd: () => number, centre: Pair = SHANGHAI, reach = 900): LineString {
  const angle = rnd() * 2 * Math.PI;
  const bends = Math.floor(rnd() * 4);
  const pts: Pair[] = [offset(centre, reach * Math.cos(angle), reach * Math.sin(angle))];
  for (let i = 1; i <= bends; i++) {
    const t = i / (bends + 1);
    const along = reach * (1 - 2 * t);
    const side = (rnd() - 0.5) * 300;
    pts.push(
      offset(
        centre,
        along * Math.cos(angle) - side * Math.sin(angle),
        along * Math.sin(angle) + side * Math.cos(angle),
      ),
    );
  }
  pts.push(
    offset(centre, -reach * Math.cos(angle) + (rnd() - 0.5) * 400, -reach * Math.sin(angle) + (rnd() - 0.5) * 400),
  );
  return { type: 'LineString', coordinates: pts };
}

/** `count` household points scattered over a square of `halfSide` metres around the centre. */
export function randomHouseholds(
  rnd: () => number,
  count: number,
  centre: Pair = SHANGHAI,
  halfSide = 650,
  maxPerPoint = 40,
): { coordinates: Float64Array; households: Float64Array } {
  const coordinates = new Float64Array(count * 2);
  const households = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const [x, y] = offset(centre, (rnd() * 2 - 1) * halfSide, (rnd() * 2 - 1) * halfSide);
    coordinates[2 * i] = x;
    coordinates[2 * i + 1] = y;
    households[i] = 1 + Math.floor(rnd() * maxPerPoint);
  }
  return { coordinates, households };
}

/** An axis-aligned rectangle `west`..`east`, `south`..`north` metres from an origin. */
export function rectangle(origin: Pair, west: number, south: number, east: number, north: number): Polygon {
  const ring = [
    offset(origin, west, south),
    offset(origin, east, south),
    offset(origin, east, north),
    offset(origin, west, north),
    offset(origin, west, south),
  ];
  return { type: 'Polygon', coordinates: [ring] };
}
