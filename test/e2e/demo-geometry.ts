// Helpers for end-to-end tests: find places in the demo data (a block next to a community, an
// interior point of a polygon) and turn map coordinates into screen points.
import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

export function readDemo(name: string): Area[] {
  return (JSON.parse(readFileSync(`data/demo/${name}.geojson`, 'utf8')) as { features: Area[] }).features;
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function vertexKeys(g: Polygon | MultiPolygon): Set<string> {
  return new Set(
    rings(g)
      .flat()
      .map((p) => `${p[0]},${p[1]}`),
  );
}

/** A block with households that shares an edge with `communityId` but belongs to another community. */
export function neighbouringBlock(communityId?: string, skip = 0): { community: Area; block: Area; owner: string } {
  const communities = readDemo('communities');
  const blocks = readDemo('blocks');
  const owner = new Map<string, string>();
  for (const c of communities)
    for (const b of c.properties.blockIds as string[]) owner.set(b, c.properties.id as string);
  for (const community of communities) {
    if (communityId && community.properties.id !== communityId) continue;
    const cv = vertexKeys(community.geometry);
    for (const block of blocks) {
      const h = block.properties.households as number;
      if (owner.get(block.properties.id as string) === community.properties.id || h <= 0 || h > 1500) continue;
      let shared = 0;
      for (const k of vertexKeys(block.geometry)) if (cv.has(k)) shared++;
      if (shared >= 2 && skip-- <= 0) return { community, block, owner: owner.get(block.properties.id as string)! };
      if (shared >= 2) break;
    }
  }
  throw new Error('no neighbouring block found');
}

/** A point well inside a polygon: the middle of the widest span on its middle scanline. */
export function interiorPoint(g: Polygon | MultiPolygon): [number, number] {
  const rs = rings(g);
  let minY = Infinity;
  let maxY = -Infinity;
  for (const r of rs)
    for (const p of r) {
      minY = Math.min(minY, p[1]!);
      maxY = Math.max(maxY, p[1]!);
    }
  let best: [number, number] = [0, 0];
  let bestWidth = -1;
  for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * f;
    const xs: number[] = [];
    for (const r of rs)
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [xi, yi] = r[i]! as [number, number];
        const [xj, yj] = r[j]! as [number, number];
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2)
      if (xs[k + 1]! - xs[k]! > bestWidth) {
        bestWidth = xs[k + 1]! - xs[k]!;
        best = [(xs[k]! + xs[k + 1]!) / 2, y];
      }
  }
  return best;
}

export function bbox(g: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings(g))
    for (const p of r) {
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
    }
  return b;
}

/** Fits the map to a box (no animation) and returns the page position of a lon/lat. */
export async function screenPoint(
  page: Page,
  lonLat: [number, number],
  fit?: [number, number, number, number],
): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    async ({ lonLat, fit }) => {
      const map = (
        window as unknown as {
          __map: {
            fitBounds(b: unknown, o: unknown): void;
            project(p: [number, number]): { x: number; y: number };
            once(e: string, f: () => void): void;
            getContainer(): HTMLElement;
          };
        }
      ).__map;
      if (fit) {
        map.fitBounds(
          [
            [fit[0], fit[1]],
            [fit[2], fit[3]],
          ],
          { padding: 120, duration: 0, maxZoom: 17 },
        );
        await new Promise<void>((r) => map.once('idle', () => r()));
      }
      const rect = map.getContainer().getBoundingClientRect();
      const q = map.project(lonLat);
      return { x: rect.left + q.x, y: rect.top + q.y };
    },
    { lonLat, fit },
  );
  return p;
}
