import { describe, expect, it } from 'vitest';
import { throttleToFrame, tooltipLines, type TooltipContext } from './tooltips';
import type { AreaResult } from '../core/model';

const result = (id: string, households: number, status?: 'within' | 'below'): AreaResult => ({
  id,
  kind: status ? 'community' : 'grid',
  households,
  points: 1,
  flags: [],
  ...(status ? { band: { min: 1000, max: 3000, status, distance: 0 } } : {}),
});

const ctx = (language: 'zh' | 'en'): TooltipContext => ({
  language,
  households: {
    coordinates: new Float64Array([121, 31, 121.1, 31.1]),
    households: new Float64Array([1013, 7]),
    names: ['万业新阶', null],
    properties: null,
  },
  facilities: [{ id: 'F1', name: '南京东路幼儿园', category: 'kindergarten', lon: 121, lat: 31, properties: {} }],
  results: new Map([
    ['C1', result('C1', 2345, 'below')],
    ['G1', result('G1', 800)],
  ]),
});

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('hover tooltips', () => {
  it('a compound shows its name and household count', () => {
    expect(texts(tooltipLines({ kind: 'household', index: 0 }, ctx('zh')))).toEqual(['万业新阶', '1,013 户']);
    expect(texts(tooltipLines({ kind: 'household', index: 1 }, ctx('en')))).toEqual(['(unnamed)', '7 households']);
  });

  it('a facility shows its name and category', () => {
    expect(texts(tooltipLines({ kind: 'facility', id: 'F1' }, ctx('zh')))).toEqual(['南京东路幼儿园', '幼儿园']);
    expect(tooltipLines({ kind: 'facility', id: 'nope' }, ctx('zh'))).toEqual([]);
  });

  it('a community shows households and band status, with the grid and road under the pointer', () => {
    const lines = tooltipLines(
      { kind: 'areas', community: { id: 'C1', name: '宜川六村' }, grid: { id: 'G1', name: '网格 1' }, road: '威海路' },
      ctx('zh'),
    );
    expect(texts(lines)).toEqual(['宜川六村', '2,345 户 · 低于规模', '网格：网格 1 · 800 户', '道路：威海路']);
    expect(lines[1]!.status).toBe('below');
    expect(texts(tooltipLines({ kind: 'areas', road: '威海路' }, ctx('en')))).toEqual(['Road: 威海路']);
  });
});

describe('throttleToFrame', () => {
  it('runs once per frame with the latest arguments, and not after cancel', () => {
    const frames: (() => void)[] = [];
    const seen: number[] = [];
    const f = throttleToFrame(
      (n: number) => seen.push(n),
      (cb) => frames.push(cb),
    );
    f(1);
    f(2);
    f(3);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([3]);
    f(4);
    f.cancel();
    frames.shift()!();
    expect(seen).toEqual([3]);
  });
});
