import { describe, expect, it } from 'vitest';
import { bisectBlocks, type GridBlock } from './bisect-grids';

describe('bisectBlocks', () => {
  it('splits along the longer axis at the household-weighted median until parts hold ≤ max', () => {
    // A 1×8 row of 200-household blocks, 100 m apart, west to east.
    const blocks: GridBlock[] = Array.from({ length: 8 }, (_, i) => ({ households: 200, x: i * 100, y: 0 }));
    const parts = bisectBlocks(blocks, [...blocks.keys()], 600);
    expect(parts).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it('never splits off a part without households, and leaves a single big block whole', () => {
    const blocks: GridBlock[] = [
      { households: 0, x: 0, y: 0 },
      { households: 2000, x: 100, y: 0 },
      { households: 0, x: 200, y: 0 },
    ];
    expect(bisectBlocks(blocks, [0, 1, 2], 600)).toEqual([[0, 1, 2]]);
  });

  it('covers every block exactly once', () => {
    const blocks: GridBlock[] = Array.from({ length: 30 }, (_, i) => ({
      households: (i * 37) % 300,
      x: (i % 6) * 100,
      y: Math.floor(i / 6) * 100,
    }));
    const parts = bisectBlocks(blocks, [...blocks.keys()], 600);
    expect(parts.flat().sort((a, b) => a - b)).toEqual([...blocks.keys()]);
    for (const p of parts)
      if (p.filter((b) => blocks[b]!.households > 0).length > 1)
        expect(p.reduce((s, b) => s + blocks[b]!.households, 0)).toBeLessThanOrEqual(600);
  });
});
