import { describe, expect, it } from 'vitest';
import type { AreaResult } from '../core/model';
import {
  applyCoverUpdate,
  CoverEncoder,
  RecordDeltaDecoder,
  RecordDeltaEncoder,
  ResultDeltaDecoder,
  ResultDeltaEncoder,
} from './result-delta';

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

describe('record deltas', () => {
  it('sends only changed values and rebuilds the record, keeping unchanged identities', () => {
    const enc = new RecordDeltaEncoder<{ a: number } | null>();
    const dec = new RecordDeltaDecoder<{ a: number } | null>();
    const first = dec.apply(enc.encode({ X: { a: 1 }, Y: { a: 2 }, Z: null }));
    expect(first).toEqual({ X: { a: 1 }, Y: { a: 2 }, Z: null });
    const delta = enc.encode({ X: { a: 1 }, Y: { a: 3 }, Z: null });
    expect(Object.keys(delta.changed)).toEqual(['Y']);
    const second = dec.apply(delta);
    expect(second).toEqual({ X: { a: 1 }, Y: { a: 3 }, Z: null });
    expect(second['X']).toBe(first['X']);
    expect(dec.apply(enc.encode({ Y: { a: 3 } }))).toEqual({ Y: { a: 3 } });
  });
});

describe('cover updates', () => {
  it('sends the whole array first, then only changed points, and the receiver ends up equal', () => {
    const enc = new CoverEncoder();
    const cover = new Uint8Array(1000).fill(1);
    let held = applyCoverUpdate(null, enc.encode(cover));
    expect(Array.from(held)).toEqual(Array.from(cover));
    cover[3] = 0;
    cover[500] = 2;
    const patch = enc.encode(cover);
    expect('indices' in patch && Array.from(patch.indices)).toEqual([3, 500]);
    const before = held;
    held = applyCoverUpdate(held, patch);
    expect(held).not.toBe(before); // a new reference, so watchers redraw
    expect(Array.from(held)).toEqual(Array.from(cover));
    // Much changed: the whole array again.
    cover.fill(0, 0, 400);
    expect('full' in enc.encode(cover)).toBe(true);
  });
});
