import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { computeCoverage, type CoverageInput } from './index';
import { line } from './random-networks.testing';
import { haversine, METRES_PER_DEGREE } from '../../core/geodesy';

// A plus sign of 500 m arms around a crossing at (121, 31).
const kx = METRES_PER_DEGREE * Math.cos((31 * Math.PI) / 180);
const east = (m: number) => 121 + m / kx;
const north = (m: number) => 31 + m / METRES_PER_DEGREE;
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
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
  ],
};

const input: CoverageInput = {
  roads,
  households: {
    // On the east arm 100 m out; 20 m east of the north arm 450 m up; 2 km away from any road.
    coordinates: Float64Array.of(east(100), 31, east(20), north(450), east(2000), north(2000)),
    households: Float64Array.of(10, 5, 7),
  },
  facilities: [
    { lon: 121, lat: 31, category: 'kindergarten' },
    { lon: east(500), lat: 31, category: 'clinic' },
    { lon: east(3000), lat: 31, category: 'clinic' }, // off the network
  ],
  distances: [300, 500],
  communityOfHousehold: Int32Array.of(0, 1, 1),
  communityCount: 3,
};

describe('computeCoverage', () => {
  it('measures walking coverage per category, overall and per community', () => {
    const r = computeCoverage(input);
    expect(r.mode).toBe('network');
    expect(r.categories).toEqual(['kindergarten', 'clinic']);
    const kg = r.perCategoryDistance.kindergarten!;
    expect(kg[0]).toBeCloseTo(100, 1);
    expect(kg[1]).toBeCloseTo(470, 1); // 450 m up the arm + 20 m access leg
    expect(kg[2]).toBe(Infinity);
    expect(r.perCategoryDistance.clinic![1]).toBeCloseTo(970, 1);
    expect(r.overall.kindergarten!['300']).toBeCloseTo(10 / 22, 12);
    expect(r.overall.kindergarten!['500']).toBeCloseTo(15 / 22, 12);
    expect(r.overall.clinic).toEqual({ '300': 0, '500': 10 / 22 });
    expect(r.perCommunity.length).toBe(3);
    expect(r.perCommunity[0]).toEqual({ kindergarten: { '300': 1, '500': 1 }, clinic: { '300': 0, '500': 1 } });
    expect(r.perCommunity[1]!.kindergarten!['500']).toBeCloseTo(5 / 12, 12);
    expect(r.perCommunity[2]).toEqual({}); // no households: omitted, not 0
    expect(r.unreachableHouseholds).toBe(7);
    expect(r.unreachableFacilities).toBe(1);
    expect(r.networkStats).toEqual({ nodes: 5, edges: 4, components: 1, largestComponentShare: 1 });
  });

  it('falls back to straight-line distances without roads', () => {
    const r = computeCoverage({ ...input, roads: undefined });
    expect(r.mode).toBe('straight-line');
    expect(r.networkStats).toBeUndefined();
    expect(r.perCategoryDistance.kindergarten![1]).toBeCloseTo(haversine(121, 31, east(20), north(450)), 6);
    expect(r.perCategoryDistance.clinic![2]).toBeCloseTo(haversine(east(2000), north(2000), east(3000), 31), 6);
    expect(r.unreachableHouseholds).toBe(0);
    // A road layer with no usable line counts as no roads.
    expect(computeCoverage({ ...input, roads: { type: 'FeatureCollection', features: [] } }).mode).toBe(
      'straight-line',
    );
  });

  it('infers the community count and handles no facilities', () => {
    const r = computeCoverage({ ...input, facilities: [], communityCount: undefined });
    expect(r.categories).toEqual([]);
    expect(r.perCommunity).toEqual([{}, {}]);
  });
});
