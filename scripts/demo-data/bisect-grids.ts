// Splits one draft community into draft grids (网格) by recursive bisection of its blocks: cut across
// the longer side of the blocks' extent at the household-weighted median, until a part is small
// enough. Grids are unions of whole blocks, so they nest exactly inside their community.

export interface GridBlock {
  households: number;
  x: number;
  y: number;
}

/**
 * Groups of block indices (from `indices`) holding at most `maxHouseholds` each, unless a group's
 * households all sit in one block, which cannot be split further.
 */
export function bisectBlocks(
  blocks: readonly GridBlock[],
  indices: readonly number[],
  maxHouseholds: number,
): number[][] {
  const sum = indices.reduce((s, i) => s + blocks[i]!.households, 0);
  const populated = indices.filter((i) => blocks[i]!.households > 0).length;
  if (sum <= maxHouseholds || populated <= 1 || indices.length < 2) return [[...indices].sort((p, q) => p - q)];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const i of indices) {
    const { x, y } = blocks[i]!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const alongX = maxX - minX >= maxY - minY;
  // North-first along y, west-first along x, so grid numbers read like text on a map.
  const key = (i: number) => (alongX ? blocks[i]!.x : -blocks[i]!.y);
  const other = (i: number) => (alongX ? -blocks[i]!.y : blocks[i]!.x);
  const sorted = [...indices].sort((p, q) => key(p) - key(q) || other(p) - other(q) || p - q);
  let best = -1;
  let bestGap = Infinity;
  let prefix = 0;
  let prefixPopulated = 0;
  for (let k = 1; k < sorted.length; k++) {
    const h = blocks[sorted[k - 1]!]!.households;
    prefix += h;
    if (h > 0) prefixPopulated++;
    if (prefixPopulated === 0 || prefixPopulated === populated) continue;
    const gap = Math.abs(prefix - sum / 2);
    if (gap < bestGap) [best, bestGap] = [k, gap];
  }
  if (best === -1) return [[...indices].sort((p, q) => p - q)];
  return [
    ...bisectBlocks(blocks, sorted.slice(0, best), maxHouseholds),
    ...bisectBlocks(blocks, sorted.slice(best), maxHouseholds),
  ];
}
