import { describe, expect, it } from 'vitest';
import { householdColors, householdRadii } from './household-layer';

describe('household layer attributes', () => {
  it('colours points by community membership: assigned, in no community, in several', () => {
    const c = householdColors(3, Uint8Array.of(1, 0, 2));
    expect(Array.from(c.subarray(0, 4))).toEqual([31, 78, 121, 200]);
    expect(Array.from(c.subarray(4, 8))).toEqual([220, 38, 38, 235]);
    expect(Array.from(c.subarray(8, 12))).toEqual([142, 68, 173, 235]);
  });

  it('colours blind spots beyond the chosen tier apart from the red of "in no community"', () => {
    const c = householdColors(3, null, Uint8Array.of(0, 1, 3), 1);
    expect(Array.from(c.subarray(0, 4))).toEqual([0, 128, 64, 220]);
    const blind = Array.from(c.subarray(8, 12));
    expect(blind).toEqual([17, 24, 39, 240]);
    const unassigned = Array.from(householdColors(1, Uint8Array.of(0)));
    expect(blind.slice(0, 3)).not.toEqual(unassigned.slice(0, 3));
  });

  it('sizes points by the square root of their households', () => {
    const r = householdRadii(Float64Array.of(0, 100, 10_000));
    expect(r[0]).toBe(6);
    expect(r[2]! - 6).toBeCloseTo(10 * (r[1]! - 6), 4);
  });
});
