import { describe, expect, it } from 'vitest';
import { communityCoverage } from './community-coverage';

describe('communityCoverage', () => {
  const coverage = {
    categories: ['clinic'],
    perCategoryDistance: { clinic: Float64Array.of(100, 400, 600, Infinity, 250, 300) },
  };
  const weights = Float64Array.of(10, 20, 30, 40, 0, 5);

  it('weights by households, counts a distance equal to a threshold as within, and leaves empty communities null', () => {
    const members = [Int32Array.of(0, 1), Int32Array.of(2, 3, 5), Int32Array.of(4), Int32Array.of()];
    const [a, b, zeroWeight, empty] = communityCoverage(coverage, weights, [300, 500], members);
    expect(a!.clinic!['300']).toBeCloseTo(10 / 30, 12);
    expect(a!.clinic!['500']).toBe(1);
    expect(b!.clinic!['300']).toBeCloseTo(5 / 75, 12);
    expect(b!.clinic!['500']).toBeCloseTo(5 / 75, 12);
    expect(zeroWeight).toBeNull();
    expect(empty).toBeNull();
  });

  it('counts a household in two overlapping communities in both, and only the categories asked for', () => {
    const both = {
      categories: ['clinic', 'market'],
      perCategoryDistance: { ...coverage.perCategoryDistance, market: new Float64Array(6) },
    };
    const [a, b] = communityCoverage(both, weights, [300], [Int32Array.of(0, 5), Int32Array.of(5)], ['market']);
    expect(a).toEqual({ market: { '300': 1 } });
    expect(b).toEqual({ market: { '300': 1 } });
  });
});
