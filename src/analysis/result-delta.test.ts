import { describe, expect, it } from 'vitest';
import type { AreaResult } from '../core/model';
import { ResultDeltaDecoder, ResultDeltaEncoder } from './result-delta';

const r = (id: string, households: number): AreaResult => ({ id, kind: 'community', households, points: 1, flags: [] });

describe('result deltas', () => {
  it('sends only changed results and rebuilds the full list in order, keeping unchanged identities', () => {
    const enc = new ResultDeltaEncoder();
    const dec = new ResultDeltaDecoder();
    const first = dec.apply(enc.encode([r('A', 1), r('B', 2), r('C', 3)]));
    expect(first.map((x) => x.households)).toEqual([1, 2, 3]);
    const delta = enc.encode([r('A', 1), r('B', 5), r('C', 3), r('D', 4)]);
    expect(delta.changed.map((x) => x.id)).toEqual(['B', 'D']);
    const second = dec.apply(delta);
    expect(second.map((x) => `${x.id}${x.households}`)).toEqual(['A1', 'B5', 'C3', 'D4']);
    expect(second[0]).toBe(first[0]);
    const third = dec.apply(enc.encode([r('C', 3), r('A', 1)]));
    expect(third.map((x) => x.id)).toEqual(['C', 'A']);
    // A removed id that comes back is sent again in full.
    expect(enc.encode([r('C', 3), r('A', 1), r('B', 5)]).changed.map((x) => x.id)).toEqual(['B']);
  });
});
